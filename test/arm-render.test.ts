import { type IResolvable, Token } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { API_VERSIONS, armParametersLeftOut, renderArmParameters, renderArmTemplate, resolveProps } from './support/internals';
import { CLIENT_ID, SSH_KEY, STAMP, minimalProps } from './helpers';
import type { HubAksClusterProps } from '../lib';
import { importArmTemplate } from '../lib/import/from-arm';
import type { ClusterModel } from '../lib/model/cluster-model';

/** A reference Terraform resolves at deploy time, as a variable's value is. */
class TerraformVariableRef implements IResolvable {
  public readonly creationStack: string[] = [];
  constructor(private readonly name: string) {}
  public resolve(): string {
    return `\${var.${this.name}}`;
  }
  public toString(): string {
    return Token.asString(this);
  }
}

const render = (props: HubAksClusterProps) => renderArmTemplate(resolveProps('t', props, STAMP).model);
const byType = (t: { resources: readonly any[] }, type: string) => t.resources.filter((r) => r.type === type);
const EXISTING = '/subscriptions/0000/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/hub-vnet/subnets/aks';

describe('ARM rendering of the quickstart', () => {
  // Rendered in each test, never when the file loads: a mutation run must see every call.
  const quickstart = () => {
    const { template, values, secrets } = render(minimalProps());
    const [cluster] = byType(template, 'Microsoft.ContainerService/managedClusters');
    return { template, values, secrets, cluster, props: cluster.properties };
  };

  it('writes the managed cluster at the Hub api-version 2020-11-01', () => {
    const { template, cluster } = quickstart();
    expect(cluster.apiVersion).toBe('2020-11-01');
    expect(template).not.toHaveProperty('apiProfile');
  });

  it('sets exactly the Hub values', () => {
    const { cluster, props } = quickstart();
    expect(props.networkProfile.loadBalancerSku).toBe('basic');
    expect(props.networkProfile.networkPlugin).toBe('azure');
    expect(props.networkProfile.outboundType).toBe('loadBalancer');
    expect(props.networkProfile.serviceCidr).toBe('10.0.0.0/16');
    expect(props.networkProfile.dnsServiceIP).toBe('10.0.0.10');
    expect(props.networkProfile.dockerBridgeCidr).toBe('172.17.0.1/16');
    expect(props.networkProfile).not.toHaveProperty('loadBalancerProfile');
    expect(props.networkProfile).not.toHaveProperty('networkPolicy');
    expect(props.agentPoolProfiles).toHaveLength(1);
    const [pool] = props.agentPoolProfiles;
    expect(pool).toMatchObject({ name: 'nodepool1', type: 'VirtualMachineScaleSets', mode: 'System', osType: 'Linux', vmSize: 'Standard_DS2_v2', maxPods: 30, osDiskSizeGB: 100 });
    expect(pool.enableAutoScaling).toBe(false);
    for (const key of ['minCount', 'maxCount', 'availabilityZones']) expect(pool).not.toHaveProperty(key);
    expect(props.servicePrincipalProfile).toEqual({ clientId: "[parameters('servicePrincipalClientId')]", secret: "[parameters('servicePrincipalClientSecret')]" });
    expect(props.enableRBAC).toBe(true);
    expect(cluster.sku).toEqual({ name: 'Basic', tier: 'Free' });
    expect(props.addonProfiles).toEqual({});
    for (const key of ['aadProfile', 'autoScalerProfile', 'apiServerAccessProfile', 'identityProfile']) expect(props).not.toHaveProperty(key);
    expect(cluster).not.toHaveProperty('identity');
    expect(props.linuxProfile).toEqual({ adminUsername: 'azureuser', ssh: { publicKeys: [{ keyData: "[parameters('sshPublicKey')]" }] } });
  });

  it('creates the VNET with its subnet inline and puts the pool on it', () => {
    const { template, cluster, props } = quickstart();
    const [vnet] = byType(template, 'Microsoft.Network/virtualNetworks');
    expect(vnet.apiVersion).toBe('2018-11-01');
    expect(vnet.properties).toEqual({
      addressSpace: { addressPrefixes: ['10.240.0.0/16'] },
      subnets: [{ name: 'aks-nodes', properties: { addressPrefix: '10.240.0.0/20' } }],
    });
    expect(props.agentPoolProfiles[0].vnetSubnetID).toBe("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'demo-aks-vnet', 'aks-nodes')]");
    expect(cluster.dependsOn).toEqual(["[resourceId('Microsoft.Network/virtualNetworks', 'demo-aks-vnet')]"]);
  });

  it('takes the secret as a securestring parameter and never holds its value', () => {
    const { template, values, secrets } = quickstart();
    expect(template.parameters.servicePrincipalClientSecret).toMatchObject({ type: 'securestring' });
    expect(values).not.toHaveProperty('servicePrincipalClientSecret');
    expect(secrets).toEqual({ servicePrincipalClientSecret: { secret: 'servicePrincipalClientSecret' } });
  });

  it('outputs the control-plane FQDN and the cluster id', () => {
    const { template } = quickstart();
    expect(template.outputs.controlPlaneFqdn?.value).toContain(".fqdn]");
    expect(template.outputs.clusterResourceId?.value).toBe("[resourceId('Microsoft.ContainerService/managedClusters', parameters('clusterName'))]");
  });

  it('fills every non-secret parameter in the parameters file', () => {
    const file = renderArmParameters(render(minimalProps()));
    expect(file.parameters).toEqual({
      clusterName: { value: 'demo-aks' },
      location: { value: 'local' },
      dnsPrefix: { value: 'demo-aks' },
      kubernetesVersion: { value: '1.20.7' },
      nodeCount: { value: 3 },
      servicePrincipalClientId: { value: CLIENT_ID },
      sshPublicKey: { value: SSH_KEY },
    });
    expect(armParametersLeftOut(render(minimalProps()))).toEqual(['servicePrincipalClientSecret']);
    // Given only the template, nothing is known to write, and every parameter is left to the command line.
    const { template } = render(minimalProps());
    expect(Object.keys(renderArmParameters({ template, values: {}, secrets: {} }).parameters)).toEqual([]);
  });

  it('reads back, through the ARM reader with its parameters file, as the cluster it was rendered from', () => {
    const variants: HubAksClusterProps[] = [
      minimalProps(),
      minimalProps({ network: { plugin: 'kubenet', vnet: 'default', serviceCidr: '10.3.0.0/16', dnsServiceIp: '10.3.0.10', podCidr: '10.250.0.0/16' } }),
      minimalProps({ servicePrincipal: { clientId: CLIENT_ID, objectId: 'oid-1' }, network: { vnet: { subnetId: EXISTING }, policy: 'azure' }, nodePool: { count: 5, vmSize: 'Standard_DS3_v2', maxPods: 40, osDiskSizeGb: 64 }, tags: { env: 'prod' } }),
      minimalProps({ nodePool: { osType: 'Windows', name: 'win' }, windowsProfile: { adminUsername: 'winadmin', keyVaultSecret: { vaultId: '/subscriptions/s/resourceGroups/kv/providers/Microsoft.KeyVault/vaults/v', secretName: 'pw' } }, linuxProfile: undefined }),
    ];
    // What a template carries: the cluster's fields, not the secrets (parameters) or the group (the deployment's).
    const carried = (m: ClusterModel) => ({
      ...m,
      resourceGroup: undefined,
      apiProfile: undefined,
      servicePrincipal: m.servicePrincipal && { clientId: m.servicePrincipal.clientId },
      windowsProfile: m.windowsProfile && { adminUsername: m.windowsProfile.adminUsername },
      network: { ...m.network, subnet: m.network.subnet.kind === 'existing' ? m.network.subnet : { kind: m.network.subnet.kind } },
    });
    for (const props of variants) {
      const model = resolveProps('t', props, STAMP).model;
      const rendering = renderArmTemplate(model);
      const values = Object.fromEntries(Object.entries(renderArmParameters(rendering).parameters).flatMap(([k, v]) => ('value' in v ? [[k, v.value]] : [])));
      const [read] = importArmTemplate(rendering.template, STAMP, { parameterValues: values }).clusters;
      const back = read!.model;
      // A new VNET's subnet id is resourceId(), which Resource Manager resolves: known only at deploy time.
      const subnet = model.network.subnet.kind === 'new' ? { kind: 'new' } : back.network.subnet;
      expect(carried({ ...back, network: { ...back.network, subnet } as ClusterModel['network'] }), JSON.stringify(props)).toEqual(carried(model));
      expect(read!.wrongTypes).toEqual([]);
    }
  });

  it('is pure: the same spec renders the same template', () => {
    expect(JSON.stringify(render(minimalProps()))).toBe(JSON.stringify(render(minimalProps())));
  });
});

describe('ARM rendering variants', () => {
  it('declares each parameter with its type, range and the description users read in the portal', () => {
    const { template } = render(minimalProps({ servicePrincipal: { clientId: CLIENT_ID, objectId: 'oid' }, network: { vnet: { subnetId: EXISTING } } }));
    expect(template.parameters).toEqual({
      clusterName: { type: 'string', metadata: { description: 'Name of the managed cluster.' } },
      location: { type: 'string', metadata: { description: "The Azure Stack Hub region, for example 'local'." } },
      dnsPrefix: { type: 'string', metadata: { description: 'DNS prefix of the API server FQDN.' } },
      kubernetesVersion: { type: 'string', metadata: { description: 'Kubernetes version; one the stamp offers (az aks get-versions).' } },
      nodeCount: { type: 'int', minValue: 1, maxValue: 50, metadata: { description: 'Nodes in the single pool; Hub allows 50 per subscription.' } },
      servicePrincipalClientId: { type: 'string', metadata: { description: 'Application (client) id of the service principal.' } },
      servicePrincipalClientSecret: { type: 'securestring', metadata: { description: 'Client secret of the service principal.' } },
      sshPublicKey: { type: 'string', metadata: { description: 'SSH public key of the Linux admin user.' } },
      subnetId: { type: 'string', metadata: { description: 'Resource id of the node subnet.' } },
      servicePrincipalObjectId: { type: 'string', metadata: { description: 'Object id of the service principal; it is granted Network Contributor on the subnet.' } },
    });
  });

  it('writes user text that reads as an expression as a literal, and tags on every resource it makes', () => {
    const { template } = render(minimalProps({ tags: { note: '[not an expression]', open: '[half', close: 'half]', plain: 'x' } }));
    for (const r of template.resources as any[]) expect(r.tags, r.type).toEqual({ note: '[[not an expression]', open: '[half', close: 'half]', plain: 'x' });
    const untagged = render(minimalProps()).template.resources as any[];
    for (const r of untagged) expect(r, r.type).not.toHaveProperty('tags');
  });

  it('writes the network policy and the pod range only where they apply', () => {
    const azure = (render(minimalProps({ network: { policy: 'azure' } })).template.resources.at(-1) as any).properties.networkProfile;
    expect(azure.networkPolicy).toBe('azure');
    expect(azure).not.toHaveProperty('podCidr');
    const kubenet = (render(minimalProps({ network: { plugin: 'kubenet', podCidr: '10.250.0.0/16' } })).template.resources.at(-1) as any).properties.networkProfile;
    expect(kubenet).toMatchObject({ networkPlugin: 'kubenet', podCidr: '10.250.0.0/16' });
    expect(kubenet).not.toHaveProperty('networkPolicy');
  });

  it('makes the cluster depend on the VNET it makes, and on nothing with the default VNET', () => {
    const withVnet = render(minimalProps()).template.resources.at(-1) as any;
    expect(withVnet.dependsOn).toEqual(["[resourceId('Microsoft.Network/virtualNetworks', 'demo-aks-vnet')]"]);
    // The VNET is where the cluster is.
    expect((render(minimalProps()).template.resources[0] as any).location).toBe("[parameters('location')]");
    // A quote in a name is doubled inside the expression, whatever the rules let through.
    const model = resolveProps('t', minimalProps(), STAMP).model;
    const quoted = renderArmTemplate({ ...model, network: { ...model.network, subnet: { kind: 'new', vnetName: "it's", addressSpace: ['10.0.0.0/16'], subnetName: "o'k", subnetPrefix: '10.0.0.0/24' } } }).template;
    expect((quoted.resources.at(-1) as any).dependsOn).toEqual(["[resourceId('Microsoft.Network/virtualNetworks', 'it''s')]"]);
    expect(quoted.outputs.subnetId!.value).toBe("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'it''s', 'o''k')]");
    expect(render(minimalProps({ network: { plugin: 'kubenet', vnet: 'default' } })).template.resources.at(-1)).not.toHaveProperty('dependsOn');
  });

  it('outputs a kubeconfig only when asked, once per credential', () => {
    const { outputs, contentVersion } = render(minimalProps()).template;
    expect(Object.keys(outputs).sort()).toEqual(['clusterResourceId', 'controlPlaneFqdn', 'nodeResourceGroup', 'subnetId']);
    expect(contentVersion).toBe('1.0.0.0');
    expect(renderArmParameters(render(minimalProps())).contentVersion).toBe('1.0.0.0');
    expect(outputs.controlPlaneFqdn).toEqual({ type: 'string', value: "[reference(resourceId('Microsoft.ContainerService/managedClusters', parameters('clusterName')), '2020-11-01').fqdn]" });
    expect(outputs.clusterResourceId).toEqual({ type: 'string', value: "[resourceId('Microsoft.ContainerService/managedClusters', parameters('clusterName'))]" });
    const both = renderArmTemplate(resolveProps('t', minimalProps(), STAMP).model, { kubeconfig: ['user', 'admin', 'user'] }).template.outputs;
    const id = "resourceId('Microsoft.ContainerService/managedClusters', parameters('clusterName'))";
    expect(both.adminKubeconfig).toEqual({ type: 'string', value: `[listClusterAdminCredential(${id}, '2020-11-01').kubeconfigs[0].value]` });
    expect(both.userKubeconfig).toEqual({ type: 'string', value: `[listClusterUserCredential(${id}, '2020-11-01').kubeconfigs[0].value]` });
    expect(Object.keys(both).filter((k) => k.endsWith('Kubeconfig'))).toEqual(['adminKubeconfig', 'userKubeconfig']);
    expect(both.nodeResourceGroup).toEqual({ type: 'string', value: `[reference(${id}, '2020-11-01').nodeResourceGroup]` });
  });

  it('refuses to render a model without a service principal, which the rules would have stopped', () => {
    const model = resolveProps('t', minimalProps(), STAMP).model;
    expect(() => renderArmTemplate({ ...model, servicePrincipal: undefined })).toThrow("Cluster 'demo-aks' has no service principal (HUB003); check it before rendering.");
  });

  it('the default VNET has no network resource, no vnetSubnetID and no subnet output', () => {
    const { template, values } = render(minimalProps({ network: { plugin: 'kubenet', vnet: 'default' } }));
    expect(template.resources.map((r) => r.type)).toEqual(['Microsoft.ContainerService/managedClusters']);
    const cluster = template.resources[0] as any;
    expect(cluster.properties.agentPoolProfiles[0]).not.toHaveProperty('vnetSubnetID');
    expect(template.parameters).not.toHaveProperty('subnetId');
    expect(values).not.toHaveProperty('subnetId');
    expect(template.outputs).not.toHaveProperty('subnetId');
    // The CLI's kubenet defaults, which are the library's too.
    expect(cluster.properties.networkProfile).toMatchObject({ podCidr: '10.244.0.0/16', serviceCidr: '10.0.0.0/16', dnsServiceIP: '10.0.0.10', dockerBridgeCidr: '172.17.0.1/16' });
  });

  it('a new VNET is in the template, and its subnet id is an output', () => {
    const { template } = render(minimalProps());
    expect(template.outputs.subnetId).toEqual({ type: 'string', value: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'demo-aks-vnet', 'aks-nodes')]" });
  });

  it('pins the OS disk type to Managed and sends the pool fields the CLI sends', () => {
    const pool = (render(minimalProps()).template.resources.at(-1) as any).properties.agentPoolProfiles[0];
    expect(pool).toMatchObject({ osDiskType: 'Managed', orchestratorVersion: "[parameters('kubernetesVersion')]", enableAutoScaling: false, spotMaxPrice: -1, nodeTaints: [] });
  });

  it('an existing subnet with the object id gets a Network Contributor grant before the cluster', () => {
    const { template, values } = render(minimalProps({ servicePrincipal: { clientId: CLIENT_ID, objectId: 'oid-1' }, network: { vnet: { subnetId: EXISTING } } }));
    expect(byType(template, 'Microsoft.Network/virtualNetworks')).toEqual([]);
    const [nested] = byType(template, 'Microsoft.Resources/deployments');
    expect(nested.apiVersion).toBe('2019-10-01');
    expect(nested.resourceGroup).toBe("[split(parameters('subnetId'), '/')[4]]");
    // In the subnet's own subscription and group, which may be another than the cluster's.
    expect(nested.name).toBe("[concat(parameters('clusterName'), '-subnet-access')]");
    expect(nested.subscriptionId).toBe("[split(parameters('subnetId'), '/')[2]]");
    expect(nested.properties.mode).toBe('Incremental');
    expect(nested.properties.template.contentVersion).toBe('1.0.0.0');
    const [grant] = nested.properties.template.resources;
    // One grant per subnet and principal, whatever the deployment's name.
    expect(grant.name).toBe("[guid(parameters('subnetId'), parameters('servicePrincipalObjectId'), '4d97b98b-1d4f-4787-a291-c67834d212e7')]");
    expect(grant.type).toBe('Microsoft.Authorization/roleAssignments');
    expect(grant.apiVersion).toBe('2015-07-01');
    expect(grant.scope).toBe("[parameters('subnetId')]");
    expect(grant.properties.roleDefinitionId).toContain('4d97b98b-1d4f-4787-a291-c67834d212e7');
    expect(grant.properties.principalId).toBe("[parameters('servicePrincipalObjectId')]");
    const [cluster] = byType(template, 'Microsoft.ContainerService/managedClusters');
    expect(cluster.dependsOn).toEqual([nested.name]);
    expect(values).toMatchObject({ subnetId: EXISTING, servicePrincipalObjectId: 'oid-1' });
  });

  it('an existing subnet without the object id gets no grant, nor a subnet the cluster makes', () => {
    const { template } = render(minimalProps({ network: { vnet: { subnetId: EXISTING } } }));
    expect(template.resources.map((r) => r.type)).toEqual(['Microsoft.ContainerService/managedClusters']);
    const made = render(minimalProps({ servicePrincipal: { clientId: CLIENT_ID, objectId: 'oid-1' } })).template;
    expect(made.resources.map((r) => r.type)).toEqual(['Microsoft.Network/virtualNetworks', 'Microsoft.ContainerService/managedClusters']);
  });

  it('kubenet writes the pod CIDR', () => {
    const { template } = render(minimalProps({ network: { plugin: 'kubenet' } }));
    const np = (byType(template, 'Microsoft.ContainerService/managedClusters')[0] as any).properties.networkProfile;
    expect(np).toMatchObject({ networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' });
  });

  it('keeps a Key Vault secret version in the parameters file', () => {
    const kv = { vaultId: '/subscriptions/s/resourceGroups/kv/providers/Microsoft.KeyVault/vaults/v', secretName: 'sp', secretVersion: '0123abcd' };
    const r = render(minimalProps({ servicePrincipal: { clientId: CLIENT_ID, keyVaultSecret: kv } }));
    expect(renderArmParameters(r).parameters.servicePrincipalClientSecret).toEqual({ reference: { keyVault: { id: kv.vaultId }, secretName: 'sp', secretVersion: '0123abcd' } });
    expect(armParametersLeftOut(r)).toEqual([]);
  });

  it('leaves a value known only at deploy time out of the parameters file, for the command line', () => {
    const r = render(minimalProps({ servicePrincipal: { clientId: Token.asString(new TerraformVariableRef('client_id')) }, linuxProfile: { adminUsername: 'azureuser', sshPublicKey: Token.asString(new TerraformVariableRef('ssh_key')) } }));
    const file = renderArmParameters(r);
    expect(Object.keys(file.parameters).sort()).toEqual(['clusterName', 'dnsPrefix', 'kubernetesVersion', 'location', 'nodeCount']);
    expect(JSON.stringify(file)).not.toContain('TfToken');
    expect(armParametersLeftOut(r).sort()).toEqual(['servicePrincipalClientId', 'servicePrincipalClientSecret', 'sshPublicKey']);
  });

  it('Windows takes the password as a securestring, referenced from Key Vault when named', () => {
    const kv = { vaultId: '/subscriptions/s/resourceGroups/kv/providers/Microsoft.KeyVault/vaults/v', secretName: 'winpw' };
    const r = render(minimalProps({ nodePool: { osType: 'Windows', name: 'win' }, windowsProfile: { keyVaultSecret: kv }, linuxProfile: undefined }));
    expect(r.template.parameters.windowsAdminPassword).toEqual({ type: 'securestring', metadata: { description: 'Password of the Windows admin user.' } });
    expect(r.secrets).toEqual({ servicePrincipalClientSecret: { secret: 'servicePrincipalClientSecret' }, windowsAdminPassword: { secret: 'windowsAdminPassword', keyVault: kv } });
    const cluster = byType(r.template, 'Microsoft.ContainerService/managedClusters')[0] as any;
    expect(cluster.properties.windowsProfile).toEqual({ adminUsername: 'azureuser', adminPassword: "[parameters('windowsAdminPassword')]" });
    expect(cluster.properties).not.toHaveProperty('linuxProfile');
    expect(renderArmParameters(r).parameters.windowsAdminPassword).toEqual({ reference: { keyVault: { id: kv.vaultId }, secretName: 'winpw' } });
  });

  it('takes every api-version from the profile table', () => {
    const table = Object.values(API_VERSIONS['2020-09-01-hybrid']);
    const { template } = render(minimalProps({ servicePrincipal: { clientId: CLIENT_ID, objectId: 'o' }, network: { vnet: { subnetId: EXISTING } } }));
    const all = [...template.resources, ...template.resources.flatMap((r: any) => r.properties?.template?.resources ?? [])];
    for (const r of all) expect(table).toContain(r.apiVersion);
  });
});
