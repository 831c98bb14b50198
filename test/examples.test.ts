import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLACEHOLDERS, capture, clusterAsSent, differencesFromCli } from './support/cli-parity';
import { SCHEMA_DIR, loadArmSchemas, parametersProblems, templateProblems } from './support/arm-schemas';
import { readInputs } from '../lib/cli/inputs';
import { stampProfile } from '../lib/profile/stamp';
import { checkDocuments } from '../lib/rules/check-documents';

const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const EXAMPLES = fs
  .readdirSync(path.join(ROOT, 'examples'))
  .filter((d) => fs.existsSync(path.join(ROOT, 'examples', d, 'main.ts')))
  .sort();

/** A secret set in the environment the way users pass it; it must appear in no output file. */
const SECRET = 'Sup3r-Secret-From-The-Environment';
const SECRET_ENV = Object.fromEntries(
  ['TF_VAR_cluster_client_secret', 'TF_VAR_cluster_windows_admin_password', 'TF_VAR_registry_password', 'ARM_CLIENT_SECRET', 'SP_CLIENT_SECRET'].map((k) => [k, SECRET]),
);

function readOut(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Runs an example the way `npm run synth` does, in its own scratch directory; returns its cdktf.out files. */
async function synthExample(name: string, run: number): Promise<Record<string, string>> {
  // The same directory for both runs: the local backend path depends on it.
  const cwd = path.join(os.tmpdir(), `aks-hub-example-${process.pid}-${name}`);
  fs.mkdirSync(cwd, { recursive: true });
  const out = path.join(cwd, 'cdktf.out');
  fs.rmSync(out, { recursive: true, force: true });
  await promisify(execFile)(TSX, [path.join(ROOT, 'examples', name, 'main.ts')], { cwd, env: { ...process.env, ...SECRET_ENV } });
  const files = readOut(out);
  if (run === 1) fs.rmSync(cwd, { recursive: true, force: true });
  return files;
}

const results = new Map<string, [Record<string, string>, Record<string, string>]>();

beforeAll(async () => {
  // Two at a time: the machine has two cores.
  const queue = [...EXAMPLES];
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const first = await synthExample(name, 0);
      const second = await synthExample(name, 1);
      results.set(name, [first, second]);
    }
  };
  await Promise.all([worker(), worker()]);
}, 120_000);

it('has an example for every documented scenario', () => {
  expect(EXAMPLES).toEqual(['adfs-stamp', 'aks-engine', 'aks-engine-workloads', 'aks-resource-provider', 'existing-subnet', 'ingress-and-storage', 'kubenet', 'two-clusters', 'windows']);
});

describe.each(EXAMPLES)('example %s', (name) => {
  const first = () => results.get(name)![0];

  it('synthesizes cdk.tf.json and an ARM template pair per cluster, or an API model per AKS engine cluster', () => {
    const files = first();
    const stacks = Object.keys(files).filter((f) => f.endsWith('cdk.tf.json'));
    expect(stacks.length).toBeGreaterThan(0);
    let clusters = 0;
    for (const stack of stacks) {
      const tf = JSON.parse(files[stack]!);
      expect(tf.provider.azurestack[0].metadata_host).toBeTruthy();
      expect(JSON.stringify(tf)).not.toContain('azurerm');
      clusters += Object.keys(tf.resource.azurestack_template_deployment ?? {}).length;
    }
    const apiModels = Object.keys(files).filter((f) => f.endsWith('apimodel.json'));
    expect(clusters + apiModels.length).toBeGreaterThan(0);
    expect(Object.keys(files).filter((f) => f.endsWith(`${path.sep}README.md`))).toHaveLength(apiModels.length);
    expect(Object.keys(files).filter((f) => f.endsWith('azuredeploy.json'))).toHaveLength(clusters);
    expect(Object.keys(files).filter((f) => f.endsWith('azuredeploy.parameters.json'))).toHaveLength(clusters);
  });

  it('passes aks-hub check clean', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aks-hub-example-check-${name}-`));
    for (const [f, content] of Object.entries(first())) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), content);
    }
    const { docs } = readInputs([dir]);
    expect(checkDocuments(docs, stampProfile('local')).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('asks for no kubeconfig unless it uses one', () => {
    for (const [f, content] of Object.entries(first())) {
      if (f.endsWith('azuredeploy.json')) expect(content.includes('listCluster'), f).toBe(name === 'ingress-and-storage');
    }
  });

  it('writes no secret value to any file', () => {
    for (const [f, content] of Object.entries(first())) expect(content.includes(SECRET), f).toBe(false);
  });

  it('is byte-identical across two runs', () => {
    const [a, b] = results.get(name)!;
    expect(b).toEqual(a);
  });

  it.skipIf(!SCHEMA_DIR)('every ARM file and embedded template validates against the schemas', () => {
    const schemas = loadArmSchemas();
    for (const [f, content] of Object.entries(first())) {
      if (f.endsWith('azuredeploy.json')) expect(templateProblems(schemas, JSON.parse(content)), f).toEqual([]);
      if (f.endsWith('azuredeploy.parameters.json')) expect(parametersProblems(schemas, JSON.parse(content)), f).toEqual([]);
      if (f.endsWith('cdk.tf.json')) {
        for (const d of Object.values<any>(JSON.parse(content).resource?.azurestack_template_deployment ?? {})) {
          expect(templateProblems(schemas, JSON.parse(d.template_body)), f).toEqual([]);
        }
      }
    }
  });
});

describe('the examples that reproduce the docs\' az aks create examples', () => {
  /** The example's managed cluster as Resource Manager receives it from azuredeploy.json and its parameters file. */
  const sent = (name: string) => {
    const files = results.get(name)![0];
    const read = (suffix: string) => JSON.parse(Object.entries(files).find(([f]) => f.endsWith(suffix))![1]);
    const template = read('azuredeploy.json');
    const values = Object.fromEntries(Object.entries<any>(read('azuredeploy.parameters.json').parameters).map(([k, v]) => [k, v.value]));
    return clusterAsSent(template, values);
  };

  it.each([
    ['aks-resource-provider', 'linux'],
    ['windows', 'windows'],
    ['existing-subnet', 'custom-vnet'],
  ] as const)('%s sends every field of the CLI\'s %s body, with the same value', (example, captured) => {
    const main = fs.readFileSync(path.join(ROOT, 'examples', example, 'main.ts'), 'utf8');
    expect(main).toMatch(/Reproduces|Mirrors|as the Hub docs' Windows/);
    const { body, secretParameters } = sent(example);
    // The service principal's id is the docs' placeholder, which each user fills in.
    expect(differencesFromCli(capture(captured).body, body, { secretParameters, ignore: PLACEHOLDERS })).toEqual([]);
  });
});

describe('scenario specifics', () => {
  const tf = (name: string) => {
    const files = results.get(name)![0];
    return JSON.parse(Object.entries(files).find(([f]) => f.endsWith('cdk.tf.json'))![1]);
  };

  it('existing-subnet creates no network and, as the docs with --skip-subnet-role-assignment, grants no role', () => {
    const t = tf('existing-subnet');
    expect(t.resource.azurestack_virtual_network).toBeUndefined();
    const body = JSON.parse(Object.values<any>(t.resource.azurestack_template_deployment)[0].template_body);
    expect(body.resources.map((r: any) => r.type)).toEqual(['Microsoft.ContainerService/managedClusters']);
  });

  it('aks-resource-provider and windows use the default VNET: the template holds only the cluster', () => {
    for (const name of ['aks-resource-provider', 'windows']) {
      const body = JSON.parse(Object.values<any>(tf(name).resource.azurestack_template_deployment)[0].template_body);
      expect(body.resources.map((r: any) => r.type), name).toEqual(['Microsoft.ContainerService/managedClusters']);
      expect(body.resources[0].properties.agentPoolProfiles[0], name).not.toHaveProperty('vnetSubnetID');
    }
  });

  it('windows takes the password from a sensitive variable, on the Linux System pool the CLI sends', () => {
    const t = tf('windows');
    expect(t.variable.cluster_windows_admin_password.sensitive).toBe(true);
    const body = JSON.parse(Object.values<any>(t.resource.azurestack_template_deployment)[0].template_body);
    expect(body.resources[0].properties.agentPoolProfiles[0]).toMatchObject({ osType: 'Linux', mode: 'System', name: 'mypool' });
    expect(body.resources[0].properties.windowsProfile.adminUsername).toBe('azureuser');
  });

  it('aks-engine writes an API model for an AD FS stamp that passes the checks, and each mistake a user makes fails them', () => {
    const files = results.get('aks-engine')![0];
    const model = JSON.parse(files[path.join('stacks', 'aks-engine', 'aks-engine', 'cluster', 'apimodel.json')]!);
    expect(model.properties.masterProfile).toMatchObject({ count: 3, availabilityProfile: 'AvailabilitySet', distro: 'aks-ubuntu-22.04' });
    expect(model.properties.agentPoolProfiles).toHaveLength(1);
    expect(model.properties.customCloudProfile.identitySystem).toBe('adfs');
    expect(JSON.parse(files[path.join('stacks', 'aks-engine', 'aks-engine', 'cluster', 'engine.json')]!)).toMatchObject({ identitySystem: 'adfs', state: '../../../../../.aks-engine-state/aks-engine/cluster' });
    const check = (patch: (m: any) => void) => {
      const mutated = structuredClone(model);
      patch(mutated);
      return checkDocuments([{ file: 'apimodel.json', kind: 'aks-engine', json: mutated }], stampProfile('local')).map((f) => f.ruleId);
    };
    expect(check(() => {})).toEqual([]);
    expect(check((m) => (m.properties.masterProfile.count = 2))).toEqual(['HUB501']);
    expect(check((m) => (m.properties.agentPoolProfiles[0].availabilityProfile = 'VirtualMachineScaleSets'))).toEqual(['HUB504']);
    expect(check((m) => (m.properties.agentPoolProfiles[0].distro = 'aks-ubuntu-18.04'))).toEqual(['HUB503']);
    expect(check((m) => Object.assign(m.properties.orchestratorProfile, { orchestratorRelease: '1.20', orchestratorVersion: '1.20.7' }))).toEqual(['HUB500']);
    expect(check((m) => (m.properties.orchestratorProfile.kubernetesConfig.useInstanceMetadata = true))).toEqual(['HUB505']);
    expect(check((m) => (m.properties.orchestratorProfile.kubernetesConfig.loadBalancerSku = 'Standard'))).toEqual(['HUB001']);
  });

  it('adfs-stamp uses the adfs tenant', () => {
    expect(tf('adfs-stamp').provider.azurestack[0]).toMatchObject({ tenant_id: 'adfs', metadata_host: 'management.region1.contoso.local' });
  });

  it('ingress-and-storage reaches the cluster from a second stack, through its kubeconfig', () => {
    const files = results.get('ingress-and-storage')![0];
    const read = (stack: string) => JSON.parse(files[path.join('stacks', stack, 'cdk.tf.json')]!);
    const [cluster, workloads] = [read('aks-hub'), read('aks-hub-workloads')];
    // The cluster's template returns the admin credential, and the stack hands it on as a sensitive output.
    const body = JSON.parse(Object.values<any>(cluster.resource.azurestack_template_deployment)[0].template_body);
    expect(body.outputs.adminKubeconfig.value).toMatch(/^\[listClusterAdminCredential\(resourceId\('Microsoft\.ContainerService\/managedClusters', parameters\('clusterName'\)\), '2020-11-01'\)\.kubeconfigs\[0\]\.value\]$/);
    const handOn = Object.values<any>(cluster.output).filter((o) => String(o.value).includes('adminKubeconfig'));
    expect(handOn.map((o) => o.sensitive)).toEqual([true]);
    // The workloads stack reads it from the cluster stack's state, for both providers.
    expect(Object.keys(workloads.data.terraform_remote_state)).toHaveLength(1);
    for (const p of [workloads.provider.kubernetes[0], workloads.provider.helm[0].kubernetes]) {
      expect(p.host).toMatch(/^\$\{yamldecode\(base64decode\(data\.terraform_remote_state\..*\)\)\.clusters\.0\.cluster\.server\}$/);
      expect(p.client_key).toMatch(/^\$\{sensitive\(base64decode\(/);
      expect(p.client_certificate).toMatch(/users\.0\.user\["client-certificate-data"\]/);
      expect(p.cluster_ca_certificate).toMatch(/clusters\.0\.cluster\["certificate-authority-data"\]/);
    }
    const release = workloads.resource.helm_release['ingress-nginx'];
    expect(release).toMatchObject({ chart: 'ingress-nginx', version: '4.2.1', repository: 'https://kubernetes.github.io/ingress-nginx' });
    expect(JSON.stringify(release.values)).not.toContain('azure-load-balancer');
    expect(workloads.resource.kubernetes_storage_class_v1['managed-standard']).toMatchObject({ storage_provisioner: 'kubernetes.io/azure-disk', parameters: { storageaccounttype: 'Standard_LRS' } });
    expect(workloads.variable.registry_password).toMatchObject({ sensitive: true });
    expect(workloads.variable.registry_password).not.toHaveProperty('default');
    expect(workloads.resource.kubernetes_secret_v1['registry-credentials'].data['.dockerconfigjson']).toContain('var.registry_password');
  });

  it('aks-engine-workloads reaches the AKS engine cluster from a second stack, through the kubeconfig in its state folder', () => {
    const files = results.get('aks-engine-workloads')![0];
    const read = (stack: string) => JSON.parse(files[path.join('stacks', stack, 'cdk.tf.json')]!);
    const workloads = read('aks-engine-workloads');
    const kubeconfig = '../../../.aks-engine-state/aks-engine/cluster/_output/kubeconfig/kubeconfig.local.json';
    for (const p of [workloads.provider.kubernetes[0], workloads.provider.helm[0].kubernetes]) {
      expect(p.host).toBe(`\${jsondecode(file("${kubeconfig}")).clusters.0.cluster.server}`);
      expect(p.client_key).toMatch(/^\$\{sensitive\(base64decode\(jsondecode\(file\(/);
      expect(p.client_certificate).toMatch(/^\$\{sensitive\(.*users\.0\.user\["client-certificate-data"\]/);
      expect(p.cluster_ca_certificate).toMatch(/clusters\.0\.cluster\["certificate-authority-data"\]/);
    }
    // cdktf deploys the cluster's stack first: the file exists when this stack is planned.
    const manifest = JSON.parse(files['manifest.json']!);
    expect(manifest.stacks['aks-engine-workloads'].dependencies).toEqual(['aks-engine']);
    expect(workloads.resource.helm_release['azuredisk-csi-driver']).toMatchObject({ chart: 'azuredisk-csi-driver', version: 'v1.33.5', namespace: 'kube-system' });
    expect(JSON.parse(workloads.resource.helm_release['azuredisk-csi-driver'].values[0])).toMatchObject({ cloud: 'AzureStackCloud', node: { supportZone: false } });
    expect(workloads.resource.kubernetes_storage_class_v1['managed-csi']).toMatchObject({ storage_provisioner: 'disk.csi.azure.com', parameters: { skuname: 'Standard_LRS' } });
    expect(workloads.resource.helm_release['ingress-nginx']).toMatchObject({ chart: 'ingress-nginx', version: '4.14.1' });
    const model = JSON.parse(files[path.join('stacks', 'aks-engine', 'aks-engine', 'cluster', 'apimodel.json')]!);
    expect(model.properties.orchestratorProfile.orchestratorVersion).toBe('1.33.10');
  });

  it('two-clusters pins the subscription and has two clusters', () => {
    const t = tf('two-clusters');
    expect(t.provider.azurestack[0].subscription_id).toBe('22222222-2222-2222-2222-222222222222');
    expect(Object.keys(t.resource.azurestack_template_deployment)).toHaveLength(2);
  });
});
