import { Token } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { importArmTemplate } from '../lib/import/from-arm';
import { API_DEFAULTS } from '../lib/profile/api-defaults';
import { STAMP } from './helpers';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const template = (resources: unknown, parameters: Record<string, unknown> = {}, variables: Record<string, unknown> = {}) => ({ $schema: SCHEMA, contentVersion: '1.0.0.0', parameters, variables, resources });
const MC = 'Microsoft.ContainerService/managedClusters';

/** Every field a managedClusters resource can set that the model reads. */
const full = {
  type: MC,
  apiVersion: '2020-11-01',
  name: 'aks1',
  location: 'east',
  resourceGroup: 'ignored',
  sku: { name: 'Basic', tier: 'Paid' },
  tags: { env: 'prod' },
  properties: {
    kubernetesVersion: '1.20.7',
    dnsPrefix: 'aks1-dns',
    enableRBAC: false,
    agentPoolProfiles: [{ name: 'sys', count: 4, vmSize: 'Standard_DS3_v2', osDiskSizeGB: 64, maxPods: 50, osType: 'Windows', type: 'AvailabilitySet', vnetSubnetID: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/a' }],
    servicePrincipalProfile: { clientId: 'app-id', secret: 'literal' },
    linuxProfile: { adminUsername: 'azureuser', ssh: { publicKeys: [{ keyData: 'ssh-rsa AAAA' }] } },
    windowsProfile: { adminUsername: 'winadmin', adminPassword: 'pw-literal' },
    networkProfile: { networkPlugin: 'azure', networkPolicy: 'calico', loadBalancerSku: 'standard', outboundType: 'userDefinedRouting', serviceCidr: '10.1.0.0/16', dnsServiceIP: '10.1.0.10', dockerBridgeCidr: '172.18.0.1/16', podCidr: '10.250.0.0/16' },
  },
};

const one = (resource: unknown, parameters: Record<string, unknown> = {}, options = {}) => {
  const found = importArmTemplate(template([resource], parameters), STAMP, options);
  expect(found.clusters).toHaveLength(1);
  return found.clusters[0]!;
};

describe('an ARM managed cluster read into the model', () => {
  it('reads every field where the template sets it', () => {
    const c = one(full, {}, { location: { file: 'a.json', address: 'template' } });
    expect(c.vocabulary).toBe('arm');
    expect(c.location).toEqual({ file: 'a.json', address: 'template' });
    const m = c.model;
    expect(m.name).toBe('aks1');
    expect(m.location).toBe('east');
    expect(m.apiVersion).toBe('2020-11-01');
    expect(m.dnsPrefix).toBe('aks1-dns');
    expect(m.kubernetesVersion).toBe('1.20.7');
    expect(m.enableRbac).toBe(false);
    expect(m.skuTier).toBe('Paid');
    expect(m.servicePrincipal).toEqual({ clientId: 'app-id', clientSecret: 'literal' });
    expect(m.nodePool).toEqual({ name: 'sys', count: 4, vmSize: 'Standard_DS3_v2', osDiskSizeGb: 64, maxPods: 50, osType: 'Windows', mode: 'System', type: 'AvailabilitySet' });
    expect(m.linuxProfile).toEqual({ adminUsername: 'azureuser', sshPublicKey: 'ssh-rsa AAAA' });
    expect(m.windowsProfile).toEqual({ adminUsername: 'winadmin', adminPassword: 'pw-literal' });
    expect(m.network).toEqual({
      plugin: 'azure',
      policy: 'calico',
      loadBalancerSku: 'standard',
      outboundType: 'userDefinedRouting',
      serviceCidr: '10.1.0.0/16',
      dnsServiceIp: '10.1.0.10',
      dockerBridgeCidr: '172.18.0.1/16',
      subnet: { kind: 'existing', subnetId: full.properties.agentPoolProfiles[0]!.vnetSubnetID },
    });
    expect(m.tags).toEqual({ env: 'prod' });
    // The template deploys into the group its deployment names, which destroy removes with it.
    expect(m.resourceGroup).toEqual({ name: 'ignored', owned: true });
    expect(m.azureOnly).toEqual([]);
    expect(c.wrongTypes).toEqual([]);
    expect(Object.isFrozen(m.network)).toBe(true);
  });

  it('names every field by its path in the template', () => {
    const c = one(full);
    const paths: Record<string, string> = {
      name: 'resources.0.name',
      location: 'resources.0.location',
      apiVersion: 'resources.0.apiVersion',
      dnsPrefix: 'resources.0.properties.dnsPrefix',
      kubernetesVersion: 'resources.0.properties.kubernetesVersion',
      enableRbac: 'resources.0.properties.enableRBAC',
      skuTier: 'resources.0.sku.tier',
      tags: 'resources.0.tags',
      'resourceGroup.name': 'resources.0.resourceGroup',
      'servicePrincipal.clientId': 'resources.0.properties.servicePrincipalProfile.clientId',
      'servicePrincipal.clientSecret': 'resources.0.properties.servicePrincipalProfile.secret',
      'nodePool.name': 'resources.0.properties.agentPoolProfiles.0.name',
      'nodePool.count': 'resources.0.properties.agentPoolProfiles.0.count',
      'nodePool.vmSize': 'resources.0.properties.agentPoolProfiles.0.vmSize',
      'nodePool.osDiskSizeGb': 'resources.0.properties.agentPoolProfiles.0.osDiskSizeGB',
      'nodePool.maxPods': 'resources.0.properties.agentPoolProfiles.0.maxPods',
      'nodePool.osType': 'resources.0.properties.agentPoolProfiles.0.osType',
      'nodePool.type': 'resources.0.properties.agentPoolProfiles.0.type',
      'network.subnetId': 'resources.0.properties.agentPoolProfiles.0.vnetSubnetID',
      'linuxProfile.adminUsername': 'resources.0.properties.linuxProfile.adminUsername',
      'linuxProfile.sshPublicKey': 'resources.0.properties.linuxProfile.ssh.publicKeys.0.keyData',
      'windowsProfile.adminUsername': 'resources.0.properties.windowsProfile.adminUsername',
      'windowsProfile.adminPassword': 'resources.0.properties.windowsProfile.adminPassword',
      'network.plugin': 'resources.0.properties.networkProfile.networkPlugin',
      'network.policy': 'resources.0.properties.networkProfile.networkPolicy',
      'network.loadBalancerSku': 'resources.0.properties.networkProfile.loadBalancerSku',
      'network.outboundType': 'resources.0.properties.networkProfile.outboundType',
      'network.serviceCidr': 'resources.0.properties.networkProfile.serviceCidr',
      'network.dnsServiceIp': 'resources.0.properties.networkProfile.dnsServiceIP',
      'network.dockerBridgeCidr': 'resources.0.properties.networkProfile.dockerBridgeCidr',
      // Groups, for findings about a whole block.
      nodePool: 'resources.0.properties.agentPoolProfiles.0',
      servicePrincipal: 'resources.0.properties.servicePrincipalProfile',
      linuxProfile: 'resources.0.properties.linuxProfile',
      windowsProfile: 'resources.0.properties.windowsProfile',
      network: 'resources.0.properties.networkProfile',
    };
    for (const [field, path] of Object.entries(paths)) expect(c.pathOf(field), field).toBe(path);
    expect(one({ ...full, properties: { ...full.properties, networkProfile: { networkPlugin: 'kubenet', podCidr: '10.9.0.0/16' } } }).pathOf('network.podCidr')).toBe('resources.0.properties.networkProfile.podCidr');
  });

  it("fills what is unset with the 2020-11-01 API's defaults, and leaves what must be set to deploy time", () => {
    const m = one({ type: MC, properties: { agentPoolProfiles: [{}] } }).model;
    expect(m.location).toBe(STAMP.location);
    expect(m.enableRbac).toBe(true);
    expect(m.skuTier).toBe(API_DEFAULTS.skuTier);
    expect(m.nodePool).toMatchObject({ count: API_DEFAULTS.nodeCount, osDiskSizeGb: 0, maxPods: 110, osType: 'Linux', type: 'VirtualMachineScaleSets' });
    expect(m.network).toEqual({ plugin: 'kubenet', outboundType: 'loadBalancer', serviceCidr: '10.0.0.0/16', dnsServiceIp: '10.0.0.10', dockerBridgeCidr: '172.17.0.1/16', podCidr: '10.244.0.0/16', subnet: { kind: 'default' } });
    for (const v of [m.name, m.apiVersion, m.dnsPrefix, m.kubernetesVersion, m.nodePool.name, m.nodePool.vmSize, m.resourceGroup.name]) expect(Token.isUnresolved(v)).toBe(true);
    expect(m).not.toHaveProperty('servicePrincipal');
    expect(m).not.toHaveProperty('linuxProfile');
    expect(m).not.toHaveProperty('windowsProfile');
    expect(m.tags).toEqual({});
    // Azure CNI's default max pods is 30.
    expect(one({ type: MC, properties: { networkProfile: { networkPlugin: 'azure' } } }).model.nodePool.maxPods).toBe(30);
  });

  it('lists each Azure-only setting with the path that turns it on', () => {
    const azure = {
      type: MC,
      identity: { type: 'SystemAssigned' },
      properties: {
        identityProfile: { kubeletidentity: {} },
        autoScalerProfile: { 'scan-interval': '10s' },
        apiServerAccessProfile: { enablePrivateCluster: true, authorizedIPRanges: ['1.2.3.4/32'] },
        aadProfile: { managed: true },
        disableLocalAccounts: true,
        oidcIssuerProfile: { enabled: true },
        securityProfile: { workloadIdentity: { enabled: true } },
        networkProfile: { loadBalancerProfile: { managedOutboundIPs: { count: 2 } }, natGatewayProfile: {}, networkPluginMode: 'overlay', networkDataplane: 'cilium' },
        agentPoolProfiles: [{ enableAutoScaling: true, minCount: 1, maxCount: 3, availabilityZones: ['1'] }],
        addonProfiles: { omsagent: { enabled: true }, azurepolicy: { enabled: false } },
      },
    };
    expect(one(azure).model.azureOnly.map((s) => [s.feature, s.path, s.addon])).toEqual([
      ['managedIdentity', 'resources.0.identity.type', undefined],
      ['kubeletIdentity', 'resources.0.properties.identityProfile', undefined],
      ['autoscaler', 'resources.0.properties.autoScalerProfile', undefined],
      ['privateCluster', 'resources.0.properties.apiServerAccessProfile.enablePrivateCluster', undefined],
      ['authorizedIpRanges', 'resources.0.properties.apiServerAccessProfile.authorizedIPRanges', undefined],
      ['aad', 'resources.0.properties.aadProfile', undefined],
      ['localAccountsDisabled', 'resources.0.properties.disableLocalAccounts', undefined],
      ['loadBalancerProfile', 'resources.0.properties.networkProfile.loadBalancerProfile', undefined],
      ['natGateway', 'resources.0.properties.networkProfile.natGatewayProfile', undefined],
      ['oidcIssuer', 'resources.0.properties.oidcIssuerProfile.enabled', undefined],
      ['workloadIdentity', 'resources.0.properties.securityProfile.workloadIdentity.enabled', undefined],
      ['cniOverlay', 'resources.0.properties.networkProfile.networkPluginMode', undefined],
      ['cniOverlay', 'resources.0.properties.networkProfile.networkDataplane', undefined],
      ['autoscaler', 'resources.0.properties.agentPoolProfiles.0.enableAutoScaling', undefined],
      ['autoscaler', 'resources.0.properties.agentPoolProfiles.0.minCount', undefined],
      ['autoscaler', 'resources.0.properties.agentPoolProfiles.0.maxCount', undefined],
      ['zones', 'resources.0.properties.agentPoolProfiles.0.availabilityZones', undefined],
      ['addon', 'resources.0.properties.addonProfiles.omsagent', 'omsagent'],
    ]);
    expect(one({ type: MC, identity: { type: 'None' } }).model.azureOnly).toEqual([]);
  });

  it('counts pools past the first: a list, or a property copy loop', () => {
    const listed = one({ type: MC, properties: { agentPoolProfiles: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] } }).model.azureOnly;
    expect(listed.map((s) => [s.feature, s.path])).toEqual([
      ['extraPool', 'resources.0.properties.agentPoolProfiles.1'],
      ['extraPool', 'resources.0.properties.agentPoolProfiles.2'],
    ]);
    const loop = (count: number) => ({ type: MC, properties: { copy: [{ name: 'other', count: 9, input: {} }, { name: 'agentPoolProfiles', count, input: { name: "[concat('pool', copyIndex('agentPoolProfiles'))]", vmSize: 'Standard_DS2_v2', availabilityZones: ['1'] } }] } });
    const three = one(loop(3));
    expect(three.model.nodePool.name).toBe('pool0');
    expect(three.pathOf('nodePool.vmSize')).toBe('resources.0.properties.copy.1.input.vmSize');
    expect(three.model.azureOnly.map((s) => [s.feature, s.path, s.value])).toEqual([
      ['zones', 'resources.0.properties.copy.1.input.availabilityZones', ['1']],
      ['extraPool', 'resources.0.properties.copy.1.count', 3],
    ]);
    expect(one(loop(1)).model.azureOnly.map((s) => s.feature)).toEqual(['zones']);
    // The loop first in the list; a count known only at deploy time adds no pool it cannot count.
    const first = one({ type: MC, properties: { copy: [{ name: 'agentPoolProfiles', count: 2, input: { name: "[concat('p', copyIndex('agentPoolProfiles'))]", vmSize: 'Standard_DS2_v2' } }] } });
    expect([first.model.nodePool.name, first.pathOf('nodePool.vmSize')]).toEqual(['p0', 'resources.0.properties.copy.0.input.vmSize']);
    // Without the loop, its index is unknown.
    expect(Token.isUnresolved(one({ type: MC, properties: { agentPoolProfiles: [{ name: "[concat('p', copyIndex('agentPoolProfiles'))]" }] } }).model.nodePool.name)).toBe(true);
    expect(first.model.azureOnly.map((s) => s.path)).toEqual(['resources.0.properties.copy.0.count']);
    const open = one({ type: MC, properties: { copy: [{ name: 'agentPoolProfiles', count: "[parameters('n')]", input: { name: 'p' } }] } }, { n: { type: 'int' } });
    expect(open.model.azureOnly).toEqual([]);
  });

  it('names a value of the wrong JSON type at its path, in the cluster and in the pool', () => {
    const c = one({ ...full, name: 7, properties: { ...full.properties, agentPoolProfiles: [{ ...full.properties.agentPoolProfiles[0], count: 'three' }] } });
    expect(c.wrongTypes).toEqual([
      { path: 'resources.0.name', value: 7, expected: 'a string' },
      { path: 'resources.0.properties.agentPoolProfiles.0.count', value: 'three', expected: 'a whole number' },
    ]);
  });

  it('takes the service principal secret and the Windows password as optional', () => {
    const m = one({ type: MC, properties: { servicePrincipalProfile: { clientId: 'x' }, windowsProfile: { adminUsername: 'w' } } }).model;
    expect(m.servicePrincipal).toEqual({ clientId: 'x' });
    expect(m.windowsProfile).toEqual({ adminUsername: 'w' });
  });
});

describe('the resources of an ARM template', () => {
  it('makes one cluster per copy, none for a count of 0, at most 200, and one for a count known only at deploy', () => {
    const copies = (count: unknown, parameters: Record<string, unknown> = {}) =>
      importArmTemplate(template([{ type: MC, name: "[concat('c', copyIndex())]", copy: { name: 'loop', count } }], parameters), STAMP).clusters.map((c) => c.model.name);
    expect(copies(3)).toEqual(['c0', 'c1', 'c2']);
    expect(copies(0)).toEqual([]);
    expect(copies(500)).toHaveLength(200);
    expect(copies("[parameters('n')]", { n: { type: 'int' } })).toHaveLength(1);
    expect(copies(-1)).toHaveLength(1);
    // The loop's own name reads the same index; an unknown count leaves the index unknown.
    const named = importArmTemplate(template([{ type: MC, name: "[concat('n', copyIndex('loop'))]", copy: { name: 'loop', count: 2 } }]), STAMP).clusters;
    expect(named.map((c) => c.model.name)).toEqual(['n0', 'n1']);
    const unknownIndex = importArmTemplate(template([{ type: MC, name: "[concat('n', copyIndex('loop'))]", copy: { name: 'loop', count: "[parameters('n')]" } }], { n: { type: 'int' } }), STAMP).clusters;
    expect(unknownIndex[0]!.model.name).toBe('nNaN');
    // A loop without a name is the resource's own; copyIndex() reads the innermost loop, here inside a copied deployment.
    const deployment = (copy: unknown) => ({ type: 'Microsoft.Resources/deployments', copy: { name: 'd', count: 2 }, properties: { template: template([{ type: MC, name: "[concat('c', copyIndex())]", copy }]) } });
    expect(importArmTemplate(template([deployment({ count: 1 })]), STAMP).clusters.map((c) => c.model.name)).toEqual(['c0', 'c0']);
    expect(importArmTemplate(template([deployment({ name: 'inner', count: 1 })]), STAMP).clusters.map((c) => c.model.name)).toEqual(['c0', 'c0']);
  });

  it('walks nested deployments, inner scope with its own parameters, outer scope with the outer ones', () => {
    const inner = {
      type: 'Microsoft.Resources/deployments',
      name: 'inner',
      properties: {
        expressionEvaluationOptions: { scope: 'inner' },
        parameters: { size: { value: "[parameters('outerSize')]" } },
        template: template([{ type: MC, name: 'in', properties: { agentPoolProfiles: [{ vmSize: "[parameters('size')]" }] } }], { size: { type: 'string' } }),
      },
    };
    const outer = { type: 'Microsoft.Resources/deployments', name: 'outer', properties: { template: template([{ type: MC, name: 'out', properties: { agentPoolProfiles: [{ vmSize: "[parameters('outerSize')]" }] } }]) } };
    const found = importArmTemplate(template([inner, outer], { outerSize: { type: 'string', defaultValue: 'Standard_DS2_v2' } }), STAMP);
    expect(found.clusters.map((c) => [c.model.name, c.model.nodePool.vmSize, c.pathOf('nodePool.vmSize')])).toEqual([
      ['in', 'Standard_DS2_v2', 'resources.0.properties.parameters.size.value'],
      ['out', 'Standard_DS2_v2', 'parameters.outerSize.defaultValue'],
    ]);
    expect(found.clusters.map((c) => c.pathOf('name'))).toEqual(['resources.0.properties.template.resources.0.name', 'resources.1.properties.template.resources.0.name']);
    // scope 'outer', written out, is the outer scope.
    const written = importArmTemplate(template([{ ...outer, properties: { ...outer.properties, expressionEvaluationOptions: { scope: 'outer' } } }], { outerSize: { type: 'string', defaultValue: 'Standard_DS2_v2' } }), STAMP);
    expect(written.clusters[0]!.model.nodePool.vmSize).toBe('Standard_DS2_v2');
    // Only a deployment's template is walked: another resource's properties.template is its own data.
    const other = importArmTemplate(template([{ type: 'Microsoft.Web/sites', properties: { template: template([{ type: MC }]) } }]), STAMP);
    expect(other).toEqual({ clusters: [], resources: [{ type: 'Microsoft.Web/sites', path: 'resources.0' }] });
    // A deployment without a template inline (templateLink) is a resource, not walked.
    const linked = importArmTemplate(template([{ type: 'Microsoft.Resources/deployments', properties: { templateLink: { uri: 'https://x' } } }]), STAMP);
    expect(linked).toEqual({ clusters: [], resources: [{ type: 'Microsoft.Resources/deployments', path: 'resources.0' }] });
  });

  it('lists other resources and child resources by type; a child agentPools by its full type', () => {
    const found = importArmTemplate(
      template([
        { type: MC, name: 'c', resources: [{ type: 'agentPools', name: 'p' }, { type: 'Microsoft.ContainerService/managedClusters/maintenanceConfigurations' }, 'junk', {}, null] },
        { type: 'Microsoft.Network/virtualNetworks', name: 'v' },
        { name: 'typeless' },
        null,
      ]),
      STAMP,
    );
    expect(found.resources).toEqual([
      { type: 'Microsoft.ContainerService/managedClusters/agentPools', path: 'resources.0.resources.0' },
      { type: 'Microsoft.ContainerService/managedClusters/maintenanceConfigurations', path: 'resources.0.resources.1' },
      { type: 'Microsoft.Network/virtualNetworks', path: 'resources.1' },
    ]);
  });

  it('skips an existing resource of a symbolic-name template: it is a reference, nothing is deployed', () => {
    const symbolic = { $schema: SCHEMA, languageVersion: '2.0', contentVersion: '1.0.0.0', resources: { ref: { type: MC, existing: true, name: 'old' }, made: { type: MC, name: 'new' } } };
    const found = importArmTemplate(symbolic, STAMP).clusters;
    expect(found.map((c) => [c.model.name, c.pathOf('name')])).toEqual([['new', 'resources.made.name']]);
  });

  it('prefixes every path for a template inside something else', () => {
    const c = importArmTemplate(template([full]), STAMP, { prefix: 'template_body.' }).clusters[0]!;
    expect(c.pathOf('nodePool.vmSize')).toBe('template_body.resources.0.properties.agentPoolProfiles.0.vmSize');
  });

  it('reads nothing from what is not a template', () => {
    expect(importArmTemplate('x', STAMP)).toEqual({ clusters: [], resources: [] });
    expect(importArmTemplate({ resources: 'x' }, STAMP)).toEqual({ clusters: [], resources: [] });
    expect(importArmTemplate(null, STAMP)).toEqual({ clusters: [], resources: [] });
  });
});

describe('the parameters of an ARM template', () => {
  const sized = (parameters: Record<string, unknown>, options = {}) => one({ type: MC, properties: { agentPoolProfiles: [{ vmSize: "[parameters('size')]" }], servicePrincipalProfile: { clientId: 'x', secret: "[parameters('secret')]" } } }, parameters, options);

  it('takes a given value, then the default, then a single allowed value, and names where it is set', () => {
    const given = sized({ size: { type: 'string', defaultValue: 'Standard_A1' } }, { parameterValues: { size: 'Standard_DS2_v2' }, parameterValuePath: (n: string) => `parameters.${n}.value` });
    expect([given.model.nodePool.vmSize, given.pathOf('nodePool.vmSize')]).toEqual(['Standard_DS2_v2', 'parameters.size.value']);
    const unnamed = sized({ size: { type: 'string' } }, { parameterValues: { size: 'Standard_DS2_v2' } });
    expect(unnamed.pathOf('nodePool.vmSize')).toBe('parameters.size');
    const byDefault = sized({ size: { type: 'string', defaultValue: 'Standard_A1' } });
    expect([byDefault.model.nodePool.vmSize, byDefault.pathOf('nodePool.vmSize')]).toEqual(['Standard_A1', 'parameters.size.defaultValue']);
    const single = sized({ size: { type: 'string', allowedValues: ['Standard_D2'] } });
    expect([single.model.nodePool.vmSize, single.pathOf('nodePool.vmSize')]).toEqual(['Standard_D2', 'parameters.size.allowedValues.0']);
    const open = sized({ size: { type: 'string' } });
    expect(Token.isUnresolved(open.model.nodePool.vmSize)).toBe(true);
    expect(open.pathOf('nodePool.vmSize')).toBe('parameters.size');
  });

  it('reads a quickstart placeholder as unknown, and only a whole GEN- value', () => {
    expect(Token.isUnresolved(sized({ size: { type: 'string' } }, { parameterValues: { size: 'GEN-VM-SIZE' } }).model.nodePool.vmSize)).toBe(true);
    for (const value of ['Standard_GEN-A', 'GEN-a', 'xGEN-A']) expect(sized({ size: { type: 'string' } }, { parameterValues: { size: value } }).model.nodePool.vmSize).toBe(value);
    // A list holding a placeholder is a value of its own (HUB123 reports its type).
    expect(sized({ size: { type: 'string' } }, { parameterValues: { size: ['GEN-VM-SIZE'] } }).wrongTypes).toEqual([{ path: 'parameters.size', value: ['GEN-VM-SIZE'], expected: 'a string' }]);
  });

  it('hides a secure value that came from a sensitive input, and only a secure one', () => {
    const params = { size: { type: 'string' }, secret: { type: 'secureString' } };
    const values = { size: 'Standard_DS2_v2', secret: 'from-a-sensitive-variable' };
    const hidden = sized(params, { parameterValues: values, hideSecureValues: true });
    expect(Token.isUnresolved(hidden.model.servicePrincipal!.clientSecret)).toBe(true);
    expect(hidden.model.nodePool.vmSize).toBe('Standard_DS2_v2');
    expect(sized(params, { parameterValues: values }).model.servicePrincipal!.clientSecret).toBe('from-a-sensitive-variable');
    // secureObject too, in any case; a type that only contains the word is not secure.
    for (const type of ['secureObject', 'SECURESTRING']) expect(Token.isUnresolved(sized({ ...params, secret: { type } }, { parameterValues: values, hideSecureValues: true }).model.servicePrincipal!.clientSecret), type).toBe(true);
    expect(sized({ ...params, secret: { type: 'insecurestring' } }, { parameterValues: values, hideSecureValues: true }).model.servicePrincipal!.clientSecret).toBe('from-a-sensitive-variable');
  });

  it('checks each allowed value of an open parameter as a variant, up to 64 in all', () => {
    const found = importArmTemplate(template([{ type: MC, properties: { agentPoolProfiles: [{ vmSize: "[parameters('size')]" }] } }], { size: { type: 'string', allowedValues: ['A', 'B', 'C'] } }), STAMP).clusters;
    expect(found.map((c) => [c.model.nodePool.vmSize, c.onlyUnder ?? null])).toEqual([
      [expect.any(String), null],
      ['A', 'parameters.size.allowedValues.0'],
      ['B', 'parameters.size.allowedValues.1'],
      ['C', 'parameters.size.allowedValues.2'],
    ]);
    // A placeholder with one allowed value: that value is checked.
    const placeholder = importArmTemplate(template([{ type: MC, properties: { agentPoolProfiles: [{ vmSize: "[parameters('size')]" }] } }], { size: { type: 'string', allowedValues: ['A'] } }), STAMP, { parameterValues: { size: 'GEN-SIZE' } });
    expect(placeholder.clusters.map((c) => [c.model.nodePool.vmSize, c.onlyUnder ?? null])).toEqual([[expect.any(String), null], ['A', 'parameters.size.allowedValues.0']]);
    // Two allowed values are a choice too.
    expect(importArmTemplate(template([{ type: MC }], { size: { type: 'string', allowedValues: ['A', 'B'] } }), STAMP).clusters).toHaveLength(3);
    // A value given, or a single allowed value, is no open choice.
    expect(importArmTemplate(template([{ type: MC }], { size: { type: 'string', allowedValues: ['A', 'B'] } }), STAMP, { parameterValues: { size: 'A' } }).clusters).toHaveLength(1);
    expect(importArmTemplate(template([{ type: MC }], { size: { type: 'string', defaultValue: 'A', allowedValues: ['A', 'B'] } }), STAMP).clusters).toHaveLength(1);
    const many = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`p${i}`, { type: 'string', allowedValues: Array.from({ length: 30 }, (_, k) => `v${k}`) }]));
    expect(importArmTemplate(template([{ type: MC }], many), STAMP).clusters).toHaveLength(1 + 64);
  });

  it('evaluates defaults in the template\'s own scope, so one default can use another', () => {
    const c = sized({ env: { type: 'string', defaultValue: 'prod' }, size: { type: 'string', defaultValue: "[concat('Standard_', toUpper(parameters('env')))]" } });
    expect(c.model.nodePool.vmSize).toBe('Standard_PROD');
    // In any order, through a chain: the size reads a family declared after it, which reads the env.
    const later = sized({ size: { type: 'string', defaultValue: "[concat('Standard_', parameters('family'))]" }, family: { type: 'string', defaultValue: "[concat('D', parameters('env'))]" }, env: { type: 'string', defaultValue: '2' } });
    expect([later.model.nodePool.vmSize, later.pathOf('nodePool.vmSize')]).toEqual(['Standard_D2', 'parameters.size.defaultValue']);
    // Defaults that read each other are known only at deploy time.
    const cycle = sized({ size: { type: 'string', defaultValue: "[parameters('other')]" }, other: { type: 'string', defaultValue: "[parameters('size')]" } });
    expect(Token.isUnresolved(cycle.model.nodePool.vmSize)).toBe(true);
  });
});
