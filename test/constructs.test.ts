import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Lb } from '@cdktf/provider-azurestack/lib/lb';
import { TemplateDeployment } from '@cdktf/provider-azurestack/lib/template-deployment';
import { App, Testing, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { HubAksCluster, HubStack, HubValidationError } from '../lib';
import { CLIENT_ID, HUB, embeddedTemplates, minimalProps, newStack, synthJson, thrown } from './helpers';

/** Every file below `dir`, by relative path. */
function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

describe('HubStack', () => {
  it('configures the azurestack provider for the endpoint, with no credentials', () => {
    const { stack } = newStack();
    const tf = synthJson(stack);
    expect(tf.provider).toEqual({
      azurestack: [{ metadata_host: 'management.local.azurestack.external', features: { resource_group: { prevent_deletion_if_contains_resources: false } } }],
    });
    expect(tf.terraform.required_providers.azurestack).toEqual({ source: 'azurestack', version: '1.0.0' });
  });

  it('uses the adfs tenant on an AD FS stamp', () => {
    const { stack } = newStack({ identitySystem: 'adfs' });
    expect(synthJson(stack).provider.azurestack[0].tenant_id).toBe('adfs');
  });

  it('keeps only the host of an endpoint with a port or path', () => {
    const { stack } = newStack({ armEndpoint: 'https://management.redmond.ext-v.masd.stbtest.microsoft.com:443/' });
    expect(synthJson(stack).provider.azurestack[0].metadata_host).toBe('management.redmond.ext-v.masd.stbtest.microsoft.com');
  });

  it('refuses bad hub settings with every violation', () => {
    const e = thrown(() => new HubStack(Testing.app(), 's', { hub: { armEndpoint: 'http://x', location: '', identitySystem: 'kerberos' as never, apiProfile: '2019-03-01-hybrid' as never } }));
    expect(e).toBeInstanceOf(HubValidationError);
    expect(e.ruleIds).toEqual(['HUB110', 'HUB111', 'HUB112', 'HUB114']);
    expect(thrown(() => new HubStack(Testing.app(), 's', undefined as never)).ruleIds).toEqual(['HUB100']);
  });
});

describe('HubAksCluster', () => {
  const { stack } = newStack();
  const cluster = new HubAksCluster(stack, 'cluster', minimalProps());
  const tf = synthJson(stack);

  it('matches the snapshot', () => {
    expect(tf).toMatchSnapshot();
  });

  it('creates an owned resource group and one template deployment, which holds the VNET, subnet and cluster', () => {
    expect(Object.keys(tf.resource).sort()).toEqual(['azurestack_resource_group', 'azurestack_template_deployment']);
    const [rg] = Object.values(tf.resource.azurestack_resource_group) as any[];
    expect(rg).toMatchObject({ name: 'demo-aks-rg', location: 'local' });
    const [dep] = Object.values(tf.resource.azurestack_template_deployment) as any[];
    expect(dep.deployment_mode).toBe('Incremental');
    expect(dep.resource_group_name).toMatch(/^\$\{azurestack_resource_group\..*\.name\}$/);
    const [template] = embeddedTemplates(tf);
    expect(template.resources.map((r: any) => r.type)).toEqual(['Microsoft.Network/virtualNetworks', 'Microsoft.ContainerService/managedClusters']);
    expect(template.resources[0]).toMatchObject({ name: 'demo-aks-vnet', properties: { addressSpace: { addressPrefixes: ['10.240.0.0/16'] }, subnets: [{ name: 'aks-nodes', properties: { addressPrefix: '10.240.0.0/20' } }] } });
    // The subnet id comes from the deployment's outputs.
    expect(tf.output.cluster.value.subnet_id).toMatch(/^\$\{azurestack_template_deployment\..*\.outputs\["subnetId"\]\}$/);
  });

  it('embeds the managed cluster at 2020-11-01 with a basic LB, one VMSS pool on the subnet and a service principal', () => {
    const [template] = embeddedTemplates(tf);
    const mc = template.resources.find((r: any) => r.type === 'Microsoft.ContainerService/managedClusters');
    expect(mc.apiVersion).toBe('2020-11-01');
    expect(mc.properties.networkProfile.loadBalancerSku).toBe('basic');
    expect(mc.properties.agentPoolProfiles).toHaveLength(1);
    expect(mc.properties.agentPoolProfiles[0].type).toBe('VirtualMachineScaleSets');
    expect(mc.properties.agentPoolProfiles[0].vnetSubnetID).toBe("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'demo-aks-vnet', 'aks-nodes')]");
    expect(mc.properties.servicePrincipalProfile.clientId).toBe("[parameters('servicePrincipalClientId')]");
    expect(template.parameters.servicePrincipalClientSecret.type).toBe('securestring');
  });

  it('has no azurerm provider anywhere', () => {
    expect(JSON.stringify(tf)).not.toMatch(/azurerm/);
  });

  it('takes the secret from a sensitive variable it creates', () => {
    expect(tf.variable).toEqual({
      cluster_client_secret: { type: 'string', sensitive: true, nullable: false, description: "Client secret of the service principal of AKS cluster 'demo-aks'." },
    });
    const [dep] = Object.values(tf.resource.azurestack_template_deployment) as any[];
    // Literal JSON around the secret, which goes in through jsonencode: a reference, escaped.
    expect(dep.parameters_body).toContain('"servicePrincipalClientSecret":{"value":${jsonencode(var.cluster_client_secret)}}');
    expect(JSON.parse(dep.parameters_body.replace('${jsonencode(var.cluster_client_secret)}', '"x"')).clusterName).toEqual({ value: 'demo-aks' });
    expect(cluster.clientSecretVariable).toBeDefined();
  });

  it('exposes name, group, subnet and FQDN as properties and as one output', () => {
    expect(cluster.clusterName).toBe('demo-aks');
    expect(Object.keys(tf.output)).toEqual(['cluster']);
    const { value } = tf.output.cluster;
    expect(Object.keys(value).sort()).toEqual(['fqdn', 'id', 'name', 'resource_group_name', 'subnet_id']);
    expect(value.fqdn).toMatch(/^\$\{azurestack_template_deployment\..*\.outputs\["controlPlaneFqdn"\]\}$/);
    expect(value.id).toMatch(/^\$\{azurestack_template_deployment\..*\.outputs\["clusterResourceId"\]\}$/);
    expect(value.name).toBe('demo-aks');
    expect(value.resource_group_name).toMatch(/^\$\{azurestack_resource_group\..*\.name\}$/);
    expect(cluster.armTemplate.resources.map((r) => r.type)).toEqual(['Microsoft.Network/virtualNetworks', 'Microsoft.ContainerService/managedClusters']);
  });
});

describe('HubAksCluster variants', () => {
  it('uses an existing subnet and creates no network', () => {
    const { stack } = newStack();
    const id = '/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/aks';
    new HubAksCluster(stack, 'c', minimalProps({ network: { vnet: { subnetId: id } } }));
    const tf = synthJson(stack);
    expect(tf.resource.azurestack_virtual_network).toBeUndefined();
    expect(tf.resource.azurestack_subnet).toBeUndefined();
    expect(tf.output.c.value.subnet_id).toBe(id);
  });

  it('warns that destroy leaves a cluster in an existing resource group', () => {
    const { stack } = newStack();
    const c = new HubAksCluster(stack, 'c', minimalProps({ resourceGroupName: 'shared-rg', existingResourceGroup: true }));
    const tf = synthJson(stack);
    expect(tf.resource.azurestack_resource_group).toBeUndefined();
    expect(Object.values(tf.resource.azurestack_template_deployment as object)[0].resource_group_name).toBe('shared-rg');
    const warnings = c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
    expect(warnings.some((w) => w.startsWith('HUB118 ') && w.includes("'cdktf destroy'") && w.includes('shared-rg'))).toBe(true);
  });

  it('creates a Windows password variable for a Windows cluster', () => {
    const { stack } = newStack();
    new HubAksCluster(stack, 'win', minimalProps({ nodePool: { osType: 'Windows', name: 'win' }, windowsProfile: {}, linuxProfile: undefined }));
    const tf = synthJson(stack);
    expect(Object.keys(tf.variable).sort()).toEqual(['win_client_secret', 'win_windows_admin_password']);
    expect(tf.variable.win_windows_admin_password.sensitive).toBe(true);
  });

  it('refuses to live outside a HubStack', () => {
    const app = Testing.app();
    const e = thrown(() => new HubAksCluster(new Construct(app, 'x'), 'c', minimalProps()));
    expect(e.ruleIds).toEqual(['HUB113']);
  });
});

describe('secrets', () => {
  it('refuses a literal client secret, and the message does not repeat it', () => {
    const { stack } = newStack();
    const e = thrown(() => new HubAksCluster(stack, 'c', minimalProps({ servicePrincipal: { clientId: CLIENT_ID, clientSecret: 'P@ssw0rd-literal-123' } })));
    expect(e).toBeInstanceOf(HubValidationError);
    expect(e.ruleIds).toEqual(['HUB102']);
    expect(e.message).not.toContain('P@ssw0rd-literal-123');
  });

  it("accepts a sensitive variable of the user's and writes only its reference", () => {
    const { stack } = newStack();
    const v = new TerraformVariable(stack, 'sp_secret', { type: 'string', sensitive: true });
    new HubAksCluster(stack, 'c', minimalProps({ servicePrincipal: { clientId: CLIENT_ID, clientSecret: v.stringValue } }));
    const tf = synthJson(stack);
    expect(Object.keys(tf.variable)).toEqual(['sp_secret']);
    expect(Object.values(tf.resource.azurestack_template_deployment as object)[0].parameters_body).toContain('var.sp_secret');
  });

  it('refuses a secret variable that has a default or is not sensitive', () => {
    for (const config of [{ sensitive: true, default: 'S3cr3t-default' }, { sensitive: false }]) {
      const { stack } = newStack();
      const v = new TerraformVariable(stack, 'sp_secret', { type: 'string', ...config });
      new HubAksCluster(stack, 'c', minimalProps({ servicePrincipal: { clientId: CLIENT_ID, clientSecret: v.stringValue } }));
      expect(() => Testing.synth(stack, true)).toThrow(/HUB115/);
    }
  });

  it('writes no secret value to any file of a full synth', () => {
    const secret = 'S3cr3t-Value-That-Must-Not-Appear';
    const saved = { ...process.env };
    process.env.TF_VAR_c_client_secret = secret;
    process.env.ARM_CLIENT_SECRET = secret;
    try {
      const { stack } = newStack();
      new HubAksCluster(stack, 'c', minimalProps());
      const files = readTree(Testing.fullSynth(stack));
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['stacks/aks-hub/cdk.tf.json', 'stacks/aks-hub/arm/c/azuredeploy.json', 'stacks/aks-hub/arm/c/azuredeploy.parameters.json']));
      for (const [name, content] of Object.entries(files)) expect(content.includes(secret), name).toBe(false);
    } finally {
      process.env = saved;
    }
  });
});

describe('determinism', () => {
  const build = () => {
    const { stack } = newStack();
    new HubAksCluster(stack, 'a', minimalProps({ name: 'aks-a' }));
    new HubAksCluster(stack, 'b', minimalProps({ name: 'aks-b', network: { plugin: 'kubenet', vnet: { addressSpace: ['10.250.0.0/16'], subnetPrefix: '10.250.0.0/24' } } }));
    return readTree(Testing.fullSynth(stack));
  };

  it('two synths of the same program are byte-identical', () => {
    const first = build();
    const second = build();
    expect(Object.keys(first).length).toBeGreaterThanOrEqual(6);
    expect(second).toEqual(first);
  });
});

describe('a failed synth', () => {
  it('leaves no output of the failing stack, not even from an earlier synth', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-hub-fail-'));
    const good = new App({ outdir });
    new HubAksCluster(new HubStack(good, 'aks-hub', { hub: HUB }), 'c', minimalProps());
    good.synth();
    const stackDir = path.join(outdir, 'stacks', 'aks-hub');
    expect(fs.existsSync(path.join(stackDir, 'cdk.tf.json'))).toBe(true);
    expect(fs.existsSync(path.join(stackDir, 'arm', 'c', 'azuredeploy.json'))).toBe(true);

    const bad = new App({ outdir });
    const stack = new HubStack(bad, 'aks-hub', { hub: HUB });
    new HubAksCluster(stack, 'c', minimalProps());
    new Lb(stack, 'lb', { name: 'lb', location: 'local', resourceGroupName: 'rg', sku: 'Standard' });
    new TemplateDeployment(stack, 'hand', { name: 'x', resourceGroupName: 'rg', deploymentMode: 'Incremental', templateBody: JSON.stringify({ resources: [{ type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2024-05-01', name: 'x' }] }) });
    expect(() => bad.synth()).toThrow(/HUB027/);
    expect(readTree(outdir)).not.toHaveProperty('stacks/aks-hub/cdk.tf.json');
    expect(Object.keys(readTree(outdir)).filter((f) => f.startsWith('stacks/aks-hub/'))).toEqual([]);
  });
});

describe('the output of a cluster', () => {
  it('follows the deployment under a logical id set after construction', () => {
    const { stack } = newStack();
    const c = new HubAksCluster(stack, 'c', minimalProps());
    c.deployment.overrideLogicalId('aks');
    const tf = synthJson(stack);
    expect(Object.keys(tf.resource.azurestack_template_deployment)).toEqual(['aks']);
    expect(tf.output.c.value).toMatchObject({ fqdn: '${azurestack_template_deployment.aks.outputs["controlPlaneFqdn"]}', id: '${azurestack_template_deployment.aks.outputs["clusterResourceId"]}' });
    expect(c.fqdn).toMatch(/^\$\{TfToken\[/);
  });
});
