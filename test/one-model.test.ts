import * as fs from 'node:fs';
import { TerraformResource, Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { type Finding, HubAksCluster, findRule, validateCluster } from '../lib';
import { checkDocuments } from '../lib/rules/check-documents';
import type { DocumentKind } from '../lib/import/documents';
import { hubFindings } from '../lib/testing';
import { CLIENT_ID, SSH_KEY, STAMP, minimalProps, newStack } from './helpers';

/** The same cluster, with the same fourteen mistakes, in every form a user may write it. */
const MISTAKES = ['HUB001', 'HUB006', 'HUB007', 'HUB008', 'HUB011', 'HUB016', 'HUB017', 'HUB018', 'HUB020', 'HUB103', 'HUB200', 'HUB207', 'HUB304', 'HUB307'];

const props = {
  ...minimalProps(),
  kubernetesVersion: '1.29.2',
  skuTier: 'Paid',
  enablePrivateCluster: true,
  addons: { omsagent: { enabled: true } },
  linuxProfile: { adminUsername: 'root', sshPublicKey: SSH_KEY },
  nodePool: { count: 60, vmSize: 'Standard_D2s_v5', maxPods: 5, osDiskSizeGb: 2048, enableAutoScaling: true, availabilityZones: ['1'] },
  network: { plugin: 'azure', policy: 'calico', loadBalancerSku: 'standard', serviceCidr: '10.0.0.0/33' },
};

/** `azurerm_kubernetes_cluster` attributes, blocks written as objects (one way Terraform JSON allows). */
const azurerm = {
  name: 'demo-aks',
  location: 'local',
  resource_group_name: 'demo-aks-rg',
  dns_prefix: 'demo-aks',
  kubernetes_version: '1.29.2',
  sku_tier: 'Standard',
  private_cluster_enabled: true,
  oms_agent: { log_analytics_workspace_id: 'w' },
  service_principal: { client_id: CLIENT_ID, client_secret: '${var.sp_secret}' },
  linux_profile: { admin_username: 'root', ssh_key: { key_data: SSH_KEY } },
  default_node_pool: { name: 'nodepool1', node_count: 60, vm_size: 'Standard_D2s_v5', max_pods: 5, os_disk_size_gb: 2048, auto_scaling_enabled: true, zones: ['1'] },
  network_profile: { network_plugin: 'azure', network_policy: 'calico', load_balancer_sku: 'standard', service_cidr: '10.0.0.0/33' },
};

/** The same attributes with every single block as a one-element list, as plans and some generators write them. */
const asLists = (a: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v && typeof v === 'object' && !Array.isArray(v) ? [asLists(v as Record<string, unknown>)] : v]));

/** A managedClusters resource with the same mistakes. */
const cluster = (pool: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'Microsoft.ContainerService/managedClusters',
  apiVersion: '2020-11-01',
  name: 'demo-aks',
  location: 'local',
  sku: { name: 'Basic', tier: 'Paid' },
  properties: {
    kubernetesVersion: '1.29.2',
    dnsPrefix: 'demo-aks',
    agentPoolProfiles: [{ name: 'nodepool1', mode: 'System', osType: 'Linux', type: 'VirtualMachineScaleSets', enableAutoScaling: true, availabilityZones: ['1'], ...pool }],
    linuxProfile: { adminUsername: 'root', ssh: { publicKeys: [{ keyData: SSH_KEY }] } },
    servicePrincipalProfile: { clientId: CLIENT_ID, secret: "[parameters('secret')]" },
    apiServerAccessProfile: { enablePrivateCluster: true },
    addonProfiles: { omsagent: { enabled: true } },
    networkProfile: { networkPlugin: 'azure', networkPolicy: 'calico', loadBalancerSku: 'standard', serviceCidr: '10.0.0.0/33' },
    ...extra,
  },
});
const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const literalTemplate = { $schema: SCHEMA, contentVersion: '1.0.0.0', parameters: { secret: { type: 'securestring' } }, resources: [cluster({ count: 60, vmSize: 'Standard_D2s_v5', maxPods: 5, osDiskSizeGB: 2048 })] };

/** The pool's values as parameters: one from a default, one from a parameters file, one with a single allowed value. */
const parameterised = {
  $schema: SCHEMA,
  contentVersion: '1.0.0.0',
  parameters: {
    secret: { type: 'securestring' },
    nodeCount: { type: 'int', defaultValue: 3 },
    vmSize: { type: 'string', defaultValue: 'Standard_D2s_v5' },
    maxPods: { type: 'int', allowedValues: [5] },
  },
  variables: { disk: 2048 },
  resources: [cluster({ count: "[parameters('nodeCount')]", vmSize: "[parameters('vmSize')]", maxPods: "[parameters('maxPods')]", osDiskSizeGB: "[variables('disk')]" })],
};
const parametersFile = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { nodeCount: { value: 60 } } };

/** The cluster inside a nested deployment with inner scope, its pools made by a property copy loop. */
const nested = {
  $schema: SCHEMA,
  contentVersion: '1.0.0.0',
  parameters: { size: { type: 'string', defaultValue: 'Standard_D2s_v5' } },
  resources: [
    {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2019-10-01',
      name: 'inner',
      properties: {
        mode: 'Incremental',
        expressionEvaluationOptions: { scope: 'inner' },
        parameters: { poolSize: { value: "[parameters('size')]" } },
        template: {
          $schema: SCHEMA,
          contentVersion: '1.0.0.0',
          parameters: { poolSize: { type: 'string' } },
          resources: [
            (() => {
              const c = cluster({});
              const { agentPoolProfiles, ...rest } = c.properties;
              const input = { ...agentPoolProfiles[0], name: "[concat('pool', copyIndex('agentPoolProfiles', 1))]", count: 60, vmSize: "[parameters('poolSize')]", maxPods: 5, osDiskSizeGB: 2048 };
              return { ...c, properties: { ...rest, copy: [{ name: 'agentPoolProfiles', count: 1, input }] } };
            })(),
          ],
        },
      },
    },
  ],
};

const ids = (findings: readonly Finding[]): string[] => [...new Set(findings.map((f) => f.ruleId))].filter((id) => id !== 'HUB021').sort();
const check = (...docs: { file: string; kind: DocumentKind; json: unknown }[]) => checkDocuments(docs as never, STAMP);

/** What a synthesized HubStack holds for a hand-written template deployment: cdktf's jsonencode of the parameters. */
function templateDeploymentJson(): Record<string, unknown> {
  const { stack } = newStack();
  const d = new TerraformResource(stack, 'deployment', { terraformResourceType: 'azurestack_template_deployment' });
  d.addOverride('name', 'aks');
  d.addOverride('resource_group_name', 'rg');
  d.addOverride('deployment_mode', 'Incremental');
  d.addOverride('template_body', JSON.stringify(parameterised));
  d.addOverride('parameters_body', '${jsonencode({"nodeCount" = {"value" = 60}, "secret" = {"value" = var.secret}})}');
  return JSON.parse(Testing.synth(stack, false));
}

describe('one cluster model for every input', () => {
  const forms: [string, () => Finding[]][] = [
    ['HubAksCluster props', () => [...validateCluster(props).findings]],
    ['azurerm JSON, blocks as objects', () => check({ file: 'main.tf.json', kind: 'terraform', json: { resource: { azurerm_kubernetes_cluster: { aks: azurerm } } } })],
    ['azurerm JSON, lists at every level', () => check({ file: 'main.tf.json', kind: 'terraform', json: { resource: [{ azurerm_kubernetes_cluster: [{ aks: [asLists(azurerm)] }] }] } })],
    [
      'a plan of the azurerm cluster',
      () =>
        check({
          file: 'plan.json',
          kind: 'plan',
          json: { format_version: '1.2', planned_values: { root_module: { resources: [{ address: 'azurerm_kubernetes_cluster.aks', mode: 'managed', type: 'azurerm_kubernetes_cluster', name: 'aks', values: asLists(azurerm) }] } } },
        }),
    ],
    ['an ARM template with literals', () => check({ file: 'azuredeploy.json', kind: 'arm', json: literalTemplate })],
    [
      'an ARM template with parameters, a default, a parameters file and allowed values',
      () => check({ file: 'azuredeploy.json', kind: 'arm', json: parameterised }, { file: 'azuredeploy.parameters.json', kind: 'arm-parameters', json: parametersFile }),
    ],
    ['an ARM nested deployment with a copy loop', () => check({ file: 'azuredeploy.json', kind: 'arm', json: nested })],
    ['a template deployment in cdk.tf.json', () => check({ file: 'cdk.tf.json', kind: 'terraform', json: templateDeploymentJson() })],
    [
      'an azurerm cluster added to a HubStack',
      () => {
        const { stack } = newStack();
        const r = new TerraformResource(stack, 'aks', { terraformResourceType: 'azurerm_kubernetes_cluster' });
        for (const [k, v] of Object.entries(azurerm)) r.addOverride(k, v);
        return hubFindings(stack);
      },
    ],
  ];

  it.each(forms)('%s gives the same rule ids', (_, run) => {
    expect(ids(run())).toEqual(MISTAKES);
  });

  it('names each finding in the words of its input, and so does the fix', () => {
    const at = (findings: Finding[], id: string) => findings.find((f) => f.ruleId === id)!;
    const p = forms.map(([, run]) => run());
    expect([at(p[0]!, 'HUB207').path, at(p[1]!, 'HUB207').path, at(p[4]!, 'HUB207').path]).toEqual([
      'nodePool.maxPods',
      'default_node_pool.max_pods',
      'resources.0.properties.agentPoolProfiles.0.maxPods',
    ]);
    expect(at(p[1]!, 'HUB207').fix).toContain('default_node_pool.max_pods');
    expect(at(p[4]!, 'HUB207').fix).toContain('resources.0.properties.agentPoolProfiles.0.maxPods');
    // A value that comes from a parameter is reported where it is set.
    expect(at(p[5]!, 'HUB016').path).toBe('parameters.vmSize.defaultValue');
    // A value from the parameters file is found in that file.
    expect(at(p[5]!, 'HUB020').path).toBe('parameters.nodeCount.value');
    expect(at(p[5]!, 'HUB020').location).toEqual({ file: expect.stringMatching(/azuredeploy\.parameters\.json$/) });
    expect(at(p[5]!, 'HUB207').path).toBe('parameters.maxPods.allowedValues.0');
    expect(at(p[6]!, 'HUB016').path).toBe('resources.0.properties.parameters.poolSize.value');
    expect(at(p[7]!, 'HUB020').path).toBe('parameters_body.nodeCount.value');
    expect(at(p[7]!, 'HUB016').path).toBe('template_body.parameters.vmSize.defaultValue');
  });
});

describe('ARM templates', () => {
  const arm = (json: unknown, ...more: { file: string; kind: DocumentKind; json: unknown }[]) => check({ file: 'azuredeploy.json', kind: 'arm', json }, ...more);
  const hub = (pool: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => {
    const c = cluster({ count: 3, vmSize: 'Standard_DS2_v2', ...pool }, extra);
    return {
      ...c,
      sku: { name: 'Basic', tier: 'Free' },
      properties: {
        ...c.properties,
        kubernetesVersion: '1.20.7',
        agentPoolProfiles: [{ name: 'nodepool1', mode: 'System', osType: 'Linux', type: 'VirtualMachineScaleSets', count: 3, vmSize: 'Standard_DS2_v2', ...pool }],
        linuxProfile: { adminUsername: 'azureuser', ssh: { publicKeys: [{ keyData: SSH_KEY }] } },
        apiServerAccessProfile: {},
        addonProfiles: {},
        networkProfile: { networkPlugin: 'azure', loadBalancerSku: 'basic' },
        ...extra,
      },
    };
  };
  const template = (...resources: unknown[]) => ({ $schema: SCHEMA, contentVersion: '1.0.0.0', parameters: { secret: { type: 'securestring' } }, resources });

  it('passes a Hub-valid cluster clean', () => {
    expect(arm(template(hub()))).toEqual([]);
  });

  it('reads a template of languageVersion 2.0: resources by symbolic name, existing ones only referred to', () => {
    const t = {
      ...template(),
      languageVersion: '2.0',
      resources: {
        vnet: { existing: true, type: 'Microsoft.Network/virtualNetworks', apiVersion: '2019-03-01', name: 'hub-vnet' },
        pools: { existing: true, type: 'Microsoft.ContainerService/managedClusters/agentPools', apiVersion: '2020-11-01', name: 'x/y' },
        aks: hub({ availabilityZones: ['1'] }),
      },
    };
    expect(arm(t).map((f) => [f.ruleId, f.path])).toEqual([['HUB007', 'resources.aks.properties.agentPoolProfiles.0.availabilityZones']]);
  });

  it('evaluates parameter defaults, so a generated name is known only at deploy time, not a bad name', () => {
    const t = {
      ...template({ ...hub({}, { dnsPrefix: "[parameters('prefix')]" }), name: "[parameters('name')]" }),
      parameters: { secret: { type: 'securestring' }, env: { type: 'string', defaultValue: 'Prod' }, prefix: { type: 'string', defaultValue: "[format('{0}-{1}', toLower(parameters('env')), uniqueString(resourceGroup().id))]" }, name: { type: 'string', defaultValue: "[concat('AKS-', parameters('env'))]" } },
    };
    // The name is "AKS-Prod": upper case, which the portal refuses (HUB300); the prefix waits for uniqueString.
    expect(arm(t).map((f) => [f.ruleId, f.path, f.value])).toEqual([['HUB300', 'parameters.name.defaultValue', '"AKS-Prod"']]);
  });

  it('reads an add-on switched by a parameter: off when it resolves to false, not a finding when it is known only at deploy', () => {
    const addons = { omsagent: { enabled: "[parameters('monitoring')]" }, azurepolicy: { enabled: "[parameters('policy')]" }, httpApplicationRouting: { enabled: "[not(parameters('monitoring'))]" } };
    const t = { ...template(hub({}, { addonProfiles: addons })), parameters: { secret: { type: 'securestring' }, monitoring: { type: 'bool', defaultValue: false }, policy: { type: 'bool' } } };
    expect(arm(t).map((f) => [f.ruleId, f.path])).toEqual([['HUB013', 'resources.0.properties.addonProfiles.httpApplicationRouting']]);
  });

  it("reads azure-quickstart-templates' GEN- placeholders as values given at deploy time", () => {
    const t = { ...template(hub({ vmSize: "[parameters('size')]" }, { dnsPrefix: "[parameters('prefix')]" })), parameters: { secret: { type: 'securestring' }, size: { type: 'string' }, prefix: { type: 'string' } } };
    const params = { file: 'azuredeploy.parameters.json', kind: 'arm-parameters' as const, json: { parameters: { size: { value: 'GEN-VM-SIZE' }, prefix: { value: 'GEN-UNIQUE' } } } };
    expect(arm(t, params)).toEqual([]);
  });

  it('deploys no copy of a resource whose copy count is 0', () => {
    const t = template({ ...hub({ availabilityZones: ['1'] }), copy: { name: 'loop', count: 0 } }, { ...hub(), name: 'second' });
    expect(arm(t)).toEqual([]);
  });

  it('reads an upper-case DNS prefix as valid: the FQDN is written in lower case', () => {
    expect(arm(template(hub({}, { dnsPrefix: 'MyAKS-01' })))).toEqual([]);
    expect(arm(template(hub({}, { dnsPrefix: 'my_aks' }))).map((f) => f.ruleId)).toEqual(['HUB301']);
  });

  it('checks each allowed value of a parameter left open, and reports the one the stamp lacks', () => {
    const t = { ...template(hub({ vmSize: "[parameters('size')]" })), parameters: { secret: { type: 'securestring' }, size: { type: 'string', allowedValues: ['Standard_DS2_v2', 'Standard_NC6'] } } };
    const found = arm(t);
    expect(found.map((f) => [f.ruleId, f.path])).toEqual([['HUB015', 'parameters.size.allowedValues.1']]);
  });

  it('counts the clusters of a resource copy loop against the 50-node limit', () => {
    const copied = { ...hub({ count: 20 }), name: "[concat('aks', copyIndex())]", copy: { name: 'clusters', count: 3 } };
    const found = arm(template(copied));
    expect(found.map((f) => f.ruleId)).toEqual(['HUB020']);
    expect(found[0]!.message).toContain('add up to 60 nodes');
  });

  it('reports a child agentPools resource, inline or top-level', () => {
    const inline = { ...hub(), resources: [{ type: 'agentPools', apiVersion: '2020-11-01', name: 'user1', properties: { count: 1 } }] };
    const top = { type: 'Microsoft.ContainerService/managedClusters/agentPools', apiVersion: '2020-11-01', name: 'demo-aks/user1', properties: { count: 1 } };
    expect(arm(template(inline, top)).map((f) => [f.ruleId, f.path])).toEqual([
      ['HUB005', 'resources.0.resources.0.type'],
      ['HUB005', 'resources.1.type'],
    ]);
  });

  it('follows a nested deployment in the outer scope, with the outer parameters', () => {
    const outer = {
      ...template({ type: 'Microsoft.Resources/deployments', apiVersion: '2019-10-01', name: 'n', properties: { mode: 'Incremental', template: template(hub({ vmSize: "[parameters('size')]" })) } }),
      parameters: { secret: { type: 'securestring' }, size: { type: 'string', defaultValue: 'Standard_NC6' } },
    };
    expect(arm(outer).map((f) => [f.ruleId, f.path])).toEqual([['HUB015', 'parameters.size.defaultValue']]);
  });

  it('reports a secret written into a template, and never prints it', () => {
    const t = { ...template(hub()), parameters: { secret: { type: 'securestring', defaultValue: 'hunter2-in-a-default' } } };
    const found = arm(t);
    expect(found.map((f) => [f.ruleId, f.path])).toEqual([['HUB102', 'parameters.secret.defaultValue']]);
    expect(found[0]!.fix).toContain('securestring parameter without a defaultValue');
    expect(JSON.stringify(found)).not.toContain('hunter2');
  });

  it('reads an ARM kubernetesVersion and serviceCidr the stamp refuses', () => {
    const found = arm(template(hub({}, { kubernetesVersion: '1.29.0', networkProfile: { networkPlugin: 'azure', loadBalancerSku: 'basic', serviceCidr: '10.0.0.0/33' } })));
    expect(found.map((f) => [f.ruleId, f.path])).toEqual([
      ['HUB103', 'resources.0.properties.kubernetesVersion'],
      ['HUB200', 'resources.0.properties.networkProfile.serviceCidr'],
    ]);
  });
});

describe('Terraform inputs', () => {
  it('reads kubernetes_version the stamp lacks in azurerm JSON and in a plan, and masks what a plan marks sensitive', () => {
    const attrs = { ...azurerm, kubernetes_version: '1.29.2', sku_tier: 'Free', private_cluster_enabled: false, oms_agent: undefined, default_node_pool: { name: 'pool', node_count: 3, vm_size: 'Standard_DS2_v2' }, network_profile: { network_plugin: 'azure', load_balancer_sku: 'basic' }, linux_profile: { admin_username: 'azureuser', ssh_key: { key_data: SSH_KEY } } };
    const tf = check({ file: 'main.tf.json', kind: 'terraform', json: { resource: { azurerm_kubernetes_cluster: { aks: attrs } } } });
    expect(ids(tf)).toEqual(['HUB103']);
    const values = { ...asLists(attrs), service_principal: [{ client_id: CLIENT_ID, client_secret: 'from-state-in-plain-text' }] };
    const plan = check({
      file: 'plan.json',
      kind: 'plan',
      json: {
        format_version: '1.2',
        planned_values: { root_module: { resources: [{ address: 'azurerm_kubernetes_cluster.aks', type: 'azurerm_kubernetes_cluster', values, sensitive_values: { service_principal: [{ client_secret: true }] } }] } },
      },
    });
    // The plan's secret came from a sensitive variable: it is not a literal, and never printed.
    expect(ids(plan)).toEqual(['HUB103']);
    expect(JSON.stringify(plan)).not.toContain('from-state-in-plain-text');
  });

  it('shows what only names a secret: a switch, a period, a Key Vault reference', () => {
    const attrs = { ...azurerm, key_vault_secrets_provider: { secret_rotation_enabled: true, secret_rotation_interval: '2m' } };
    const [found] = check({ file: 'main.tf.json', kind: 'terraform', json: { resource: { azurerm_kubernetes_cluster: { aks: attrs } } } }).filter((f) => f.ruleId === 'HUB024');
    expect(found!.value).toBe('{"secret_rotation_enabled":true,"secret_rotation_interval":"2m"}');
  });

  it('gives the fix for the secret it found: a Windows password is not a service principal secret', () => {
    const attrs = { ...azurerm, windows_profile: { admin_username: 'winadmin', admin_password: 'P@ssw0rd-literal-1234' } };
    const found = check({ file: 'main.tf.json', kind: 'terraform', json: { resource: { azurerm_kubernetes_cluster: { aks: attrs } } } }).find((f) => f.ruleId === 'HUB102')!;
    expect(found.path).toBe('windows_profile.admin_password');
    expect(found.value).toBe('"****" (secret, masked)');
    expect(found.fix).toBe('Reference a sensitive variable without a default, such as admin_password = var.windows_admin_password, and set it with TF_VAR_windows_admin_password at deploy time.');
  });

  it('reports azurerm once per file, at the provider, and only in a file with a cluster', () => {
    const json = (resources: Record<string, unknown>) => ({ provider: { azurerm: [{ features: [{}] }] }, resource: resources });
    const rg = { azurerm_resource_group: { rg: { name: 'rg', location: 'westeurope' } }, azurerm_virtual_network: { v: { name: 'v' } } };
    const withCluster = check({ file: 'main.tf.json', kind: 'terraform', json: json({ ...rg, azurerm_kubernetes_cluster: { aks: azurerm } }) }).filter((f) => f.ruleId === 'HUB021');
    expect(withCluster.map((f) => [f.location?.address, f.value])).toEqual([['provider.azurerm', '"3 azurerm resources"']]);
    expect(check({ file: 'network.tf.json', kind: 'terraform', json: json(rg) }).filter((f) => f.ruleId === 'HUB021')).toEqual([]);
  });

  it('masks secrets inside an object value, as HUB010 shows the AAD block', () => {
    const attrs = { ...azurerm, azure_active_directory_role_based_access_control: { server_app_secret: 'aad-secret-value', tenant_id: 't' } };
    const found = check({ file: 'main.tf.json', kind: 'terraform', json: { resource: { azurerm_kubernetes_cluster: { aks: attrs } } } });
    const aad = found.find((f) => f.ruleId === 'HUB010')!;
    expect(aad.value).toContain('****');
    expect(JSON.stringify(found)).not.toContain('aad-secret-value');
  });
});

describe('HUB020, one implementation for the constructs and the CLI', () => {
  const stackJson = (count: number, subscriptionId?: string) => {
    const { stack } = newStack(subscriptionId ? { subscriptionId } : {});
    new HubAksCluster(stack, 'c', minimalProps({ nodePool: { count } }));
    return JSON.parse(Testing.synth(stack, true));
  };

  it('adds up synthesized stacks of one subscription checked together', () => {
    const found = check({ file: 'a/cdk.tf.json', kind: 'terraform', json: stackJson(30) }, { file: 'b/cdk.tf.json', kind: 'terraform', json: stackJson(30) });
    expect(found.map((f) => f.ruleId)).toEqual(['HUB020']);
    expect(found[0]!.message).toContain('add up to 60 nodes');
  });

  it('keeps azurerm files pinned to different subscriptions apart', () => {
    const file = (sub: string) => ({
      provider: { azurerm: [{ features: [{}], subscription_id: sub }] },
      resource: { azurerm_kubernetes_cluster: { aks: { ...azurerm, default_node_pool: { name: 'pool', node_count: 30, vm_size: 'Standard_DS2_v2' } } } },
    });
    const apart = check({ file: 'a.tf.json', kind: 'terraform', json: file('11111111-0000-0000-0000-000000000000') }, { file: 'b.tf.json', kind: 'terraform', json: file('22222222-0000-0000-0000-000000000000') });
    expect(apart.map((f) => f.ruleId)).not.toContain('HUB020');
    const together = check({ file: 'a.tf.json', kind: 'terraform', json: file('11111111-0000-0000-0000-000000000000') }, { file: 'b.tf.json', kind: 'terraform', json: file('11111111-0000-0000-0000-000000000000') });
    expect(together.map((f) => f.ruleId)).toContain('HUB020');
  });

  it('counts a stack and the ARM files beside it once', () => {
    const dir = stackJson(30);
    const found = check({ file: 'out/stacks/s/cdk.tf.json', kind: 'terraform', json: dir });
    expect(found).toEqual([]);
  });

  it('writes the limit from the one constant in every text', () => {
    const rule = findRule('HUB020')!;
    expect(rule.title).toContain('50');
    // Code only: comments, sources quoting the docs, and example inputs may say 50.
    for (const file of ['../lib/rules/subscription-nodes.ts', '../lib/rules/catalog/node-pools.ts', '../lib/render/arm-template.ts']) {
      const code = fs
        .readFileSync(require.resolve(file), 'utf8')
        .replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '')
        .replace(/^\s*(source|pass|fail): .*$/gm, '');
      expect(code, file).not.toMatch(/\b50\b/);
    }
  });
});
