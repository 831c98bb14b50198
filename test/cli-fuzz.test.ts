import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageName } from '../lib/cli/init';
import { fileUri } from '../lib/cli/formats';
import type { Finding } from '../lib';
import { runCli, runCliAsync, tmpDir } from './helpers';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'aks-hub.js');
const tmp = (name: string) => tmpDir(`fuzz-${name}`);

/** The CLI in this process, for inputs that cannot hang it. */
const cli = runCli;

/**
 * The installed command in a process of its own, under a time limit and a 256 MiB heap: input that
 * would hang it or load gigabytes fails the test instead of the machine.
 */
function spawnCli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 20_000,
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
  });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr, ms: Date.now() - started };
}

/** An azurerm cluster with a standard load balancer: one HUB001 to find. */
const standardLb = { name: 'a', dns_prefix: 'a', default_node_pool: { name: 'p', vm_size: 'Standard_DS2_v2' }, network_profile: { network_plugin: 'azure', load_balancer_sku: 'standard' } };

const oneLine = (text: string) => text.trim().split('\n').length === 1;

describe('hostile files and paths (each in its own process, time-limited)', () => {
  it('refuses a device without reading it', () => {
    const r = spawnCli(['check', '/dev/zero']);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.err).toContain('not a regular file');
    expect(oneLine(r.err)).toBe(true);
  });

  it('neither hangs on a FIFO given by name nor on one in a folder', () => {
    const dir = tmp('fifo');
    fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ resource: { azurerm_kubernetes_cluster: { a: standardLb } } }));
    const fifo = path.join(dir, 'pipe.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const named = spawnCli(['check', fifo]);
    expect([named.code, named.signal]).toEqual([2, null]);
    expect(named.err).toContain('not a regular file');
    const folder = spawnCli(['check', dir]);
    expect([folder.code, folder.signal]).toEqual([1, null]);
    expect(folder.out).toContain('HUB001');
    expect(folder.err).toContain('pipe.json: skipped, not a regular file');
  });

  it('refuses a file over the size limit before reading it', () => {
    const dir = tmp('huge');
    const huge = path.join(dir, 'huge.json');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 65 * 1024 * 1024);
    const r = spawnCli(['check', huge]);
    expect([r.code, r.signal]).toEqual([2, null]);
    expect(r.err).toContain('larger than 64 MiB');
  });

  it('refuses to init below /proc quickly, with one line', () => {
    const r = spawnCli(['init', '/proc/aks-hub-x/app']);
    expect([r.code, r.signal]).toEqual([2, null]);
    expect(oneLine(r.err)).toBe(true);
    expect(r.ms).toBeLessThan(15_000);
  });

  it('reads standard input with -', () => {
    const r = spawnCli(['check', '-'], { input: JSON.stringify({ resource: { azurerm_kubernetes_cluster: { a: standardLb } } }) });
    expect(r.code).toBe(1);
    expect(r.out).toContain('-:1: HUB001 error azurerm_kubernetes_cluster.a.network_profile.load_balancer_sku');
  });

  it('orders findings by code point under any locale', () => {
    const dir = tmp('locale');
    for (const name of ['ä.json', 'b.json', 'Z.json']) fs.writeFileSync(path.join(dir, name), JSON.stringify({ resource: { azurerm_kubernetes_cluster: { a: standardLb } } }));
    const order = (env: NodeJS.ProcessEnv) => [...spawnCli(['check', dir], { env }).out.matchAll(/([^/\s]+\.json):\d+: HUB001/g)].map((m) => m[1]);
    expect(order({ LC_ALL: 'sv_SE.UTF-8', LANG: 'sv_SE.UTF-8' })).toEqual(['Z.json', 'b.json', 'ä.json']);
    expect(order({ LC_ALL: 'C' })).toEqual(['Z.json', 'b.json', 'ä.json']);
  });
});

describe('hostile content', () => {
  const file = (dir: string, name: string, content: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };

  it('finds a finding at the bottom of ARM deployments nested 2,000 deep', () => {
    const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
    const bottom = JSON.stringify({ $schema: schema, contentVersion: '1.0.0.0', resources: [{ type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2020-11-01', name: 'deep', properties: { kubernetesVersion: '1.20.7', dnsPrefix: 'deep', agentPoolProfiles: [{ name: 'p', count: 1, vmSize: 'Standard_DS2_v2' }], servicePrincipalProfile: { clientId: '11111111-2222-3333-4444-555555555555' }, networkProfile: { networkPlugin: 'azure', loadBalancerSku: 'standard' } } }] });
    // Written as text: the nesting is deeper than JSON.stringify's own recursion allows.
    const open = Array.from({ length: 2000 }, (_, i) => `{"$schema":"${schema}","contentVersion":"1.0.0.0","resources":[{"type":"Microsoft.Resources/deployments","apiVersion":"2019-10-01","name":"d${i}","properties":{"mode":"Incremental","template":`);
    const r = cli('check', '--format', 'json', file(tmp('deep'), 'azuredeploy.json', `${open.join('')}${bottom}${'}}]}'.repeat(2000)}`));
    expect(r.code).toBe(1);
    const { findings } = JSON.parse(r.out);
    expect(findings.map((f: { ruleId: string }) => f.ruleId)).toContain('HUB001');
    expect(findings.find((f: { ruleId: string }) => f.ruleId === 'HUB001').path).toMatch(/^(resources\.0\.properties\.template\.){2000}resources\.0\.properties\.networkProfile\.loadBalancerSku$/);
  });

  it('reports a value nested 20,000 deep where a rule looks, in an ARM template and an API model', () => {
    const deep = `${'['.repeat(20_000)}0${']'.repeat(20_000)}`;
    const dir = tmp('deep-value');
    const arm = `{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","contentVersion":"1.0.0.0","resources":[{"type":"Microsoft.ContainerService/managedClusters","apiVersion":"2020-11-01","name":"c","properties":{"aadProfile":${deep},"dnsPrefix":"c","kubernetesVersion":"1.20.7","agentPoolProfiles":[{"name":"p","count":1,"vmSize":"Standard_DS2_v2"}],"servicePrincipalProfile":{"clientId":"11111111-2222-3333-4444-555555555555"},"networkProfile":{"networkPlugin":"azure","loadBalancerSku":"basic"}}}]}`;
    const model = `{"apiVersion":"vlabs","location":"local","properties":{"orchestratorProfile":{"kubernetesConfig":{"kubeletConfig":${deep},"useInstanceMetadata":true}},"masterProfile":{"count":3,"dnsPrefix":"deep","vmSize":"Standard_DS2_v2"},"agentPoolProfiles":[{"name":"p","count":1,"vmSize":"Standard_D2_v2","availabilityProfile":"AvailabilitySet","availabilityZones":${deep}}],"linuxProfile":{"adminUsername":"azureuser","ssh":{"publicKeys":[{"keyData":""}]}},"customCloudProfile":{"portalURL":"https://portal.local.azurestack.external/"}}}`;
    const r = cli('check', '--format', 'json', file(dir, 'azuredeploy.json', arm), file(dir, 'apimodel.json', model));
    expect(r.code, r.err).toBe(1);
    const ids = JSON.parse(r.out).findings.map((f: { ruleId: string }) => f.ruleId).sort();
    expect(ids).toEqual(['HUB007', 'HUB010', 'HUB505']);
  });

  it('reads every HCL JSON shape: a list under a type, a top-level list, a repeated resource key', () => {
    const dir = tmp('shapes');
    const shapes = {
      'list.tf.json': JSON.stringify({ resource: { azurerm_kubernetes_cluster: [{ a: standardLb }] } }),
      'top.tf.json': JSON.stringify({ resource: [{ azurerm_kubernetes_cluster: { a: standardLb } }] }),
      'repeated.tf.json': `{"resource": {"azurerm_kubernetes_cluster": {"a": ${JSON.stringify(standardLb)}}}, "resource": {"azurestack_resource_group": {"rg": {"name": "rg", "location": "local"}}}}`,
    };
    for (const [name, text] of Object.entries(shapes)) {
      const r = cli('check', file(dir, name, text));
      expect(r.code, name).toBe(1);
      expect(r.out, name).toContain('HUB001 error azurerm_kubernetes_cluster.a');
    }
  });

  it('checks the known parts of a template body with interpolations', () => {
    const body = JSON.stringify({ resources: [{ type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2020-11-01', name: 'c', location: '${var.location}', properties: { kubernetesVersion: '1.20.7', dnsPrefix: 'c', agentPoolProfiles: [{ name: 'p', count: 1, vmSize: 'Standard_DS2_v2' }], networkProfile: { networkPlugin: 'azure', loadBalancerSku: 'standard' } } }], contentVersion: '1.0.0.0' });
    const r = cli('check', file(tmp('interp'), 'main.tf.json', JSON.stringify({ resource: { azurestack_template_deployment: { d: { name: 'd', resource_group_name: 'rg', deployment_mode: 'Incremental', template_body: body } } } })));
    expect(r.code).toBe(1);
    expect(r.out).toContain('HUB001 error azurestack_template_deployment.d.template_body.resources.0.properties.networkProfile.loadBalancerSku');
  });

  it('adds up two ARM clusters of 30 nodes, and resolves a parameter that can only be basic', () => {
    const cluster = (name: string) => ({ type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2020-11-01', name, properties: { kubernetesVersion: '1.20.7', dnsPrefix: name, agentPoolProfiles: [{ name: 'p', count: 30, vmSize: 'Standard_DS2_v2' }], servicePrincipalProfile: { clientId: '11111111-2222-3333-4444-555555555555' }, networkProfile: { networkPlugin: 'azure', loadBalancerSku: "[parameters('lbSku')]" } } });
    const template = (lb: Record<string, unknown>) => ({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', parameters: { lbSku: { type: 'string', ...lb } }, resources: [cluster('a'), cluster('b')] });
    const onlyBasic = cli('check', '--format', 'json', file(tmp('arm30'), 'azuredeploy.json', JSON.stringify(template({ allowedValues: ['basic'] }))));
    expect(JSON.parse(onlyBasic.out).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['HUB020']);
    const standard = cli('check', '--format', 'json', file(tmp('arm-std'), 'azuredeploy.json', JSON.stringify(template({ defaultValue: 'standard' }))));
    expect(JSON.parse(standard.out).findings.find((f: { ruleId: string }) => f.ruleId === 'HUB001').path).toBe('parameters.lbSku.defaultValue');
  });

  it('notes the files of a folder it cannot read, and checks the rest, its HCL and Terraform JSON as one module', async () => {
    const dir = tmp('notes');
    file(dir, 'tsconfig.json', '{ // a comment\n "compilerOptions": {} }');
    file(dir, 'binary.json', '\u0000\u0001\u00ff\u00fe garbage');
    fs.symlinkSync(path.join(dir, 'missing-target'), path.join(dir, 'x.json'));
    file(dir, 'main.tf', 'resource "azurerm_kubernetes_cluster" "a" {}');
    file(dir, 'main.tf.json', JSON.stringify({ resource: { azurerm_kubernetes_cluster: { a: standardLb } } }));
    const r = await runCliAsync({}, 'check', '--format', 'json', dir);
    expect(r.code).toBe(1);
    const { notes, findings } = JSON.parse(r.out);
    expect(notes.map((n: string) => path.basename(n.split(':')[0]!)).sort()).toEqual(['binary.json', 'tsconfig.json', 'x.json']);
    // Terraform reads main.tf and main.tf.json as one module; the later block of the same name stands.
    expect(findings.find((f: Finding) => f.ruleId === 'HUB001').location).toEqual({ file: path.join(dir, 'main.tf.json'), address: 'azurerm_kubernetes_cluster.a', line: 1 });
    const tf = await runCliAsync({}, 'check', path.join(dir, 'main.tf'));
    expect(tf.code).toBe(1);
    expect(tf.out).toContain('HUB001');
  });

  it('notes JSON shaped like a template that no reader takes, and ignores other JSON', () => {
    const dir = tmp('shaped');
    file(dir, 'odd-template.json', JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', resources: 'not a list' }));
    file(dir, 'package.json', JSON.stringify({ name: 'infra', version: '1.0.0' }));
    file(dir, 'main.tf.json', JSON.stringify({ resource: { azurerm_kubernetes_cluster: { a: standardLb } } }));
    const { notes } = JSON.parse(cli('check', '--format', 'json', dir).out);
    expect(notes).toEqual([`${path.join(dir, 'odd-template.json')}: skipped, not Terraform JSON, terraform show -json output, an ARM template or an aks-engine API model`]);
  });

  it('prints a JSON or SARIF document with the error when a variable file cannot be read', async () => {
    const dir = tmp('varfile');
    file(dir, 'main.tf', 'resource "azurerm_kubernetes_cluster" "a" {\n  name = var.name\n}\n');
    file(dir, 'bad.tfvars', 'name = [\n');
    const r = await runCliAsync({}, 'check', '--format', 'json', '--var-file', path.join(dir, 'bad.tfvars'), dir);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error.message).toMatch(/bad\.tfvars: cannot read the variable file \(.*bad\.tfvars:2,1-1: Missing expression/);
    const sarif = await runCliAsync({}, 'check', '--format', 'sarif', '--var-file', path.join(dir, 'missing.tfvars'), dir);
    expect(sarif.code).toBe(2);
    expect(JSON.parse(sarif.out).runs[0].invocations[0].exitCode).toBe(2);
    // A module file that does not parse skips that module with a note; the run goes on.
    file(dir, 'broken.tf', 'resource "x" {');
    const skipped = await runCliAsync({}, 'check', '--format', 'json', dir);
    expect(skipped.code).toBe(2);
    expect(JSON.parse(skipped.out).error.message).toMatch(/no Terraform .* found .*module skipped, a file does not parse \(.*broken\.tf/);
  });

  it('follows a link to a folder inside the tree once, and survives a link loop', () => {
    const dir = tmp('links');
    fs.mkdirSync(path.join(dir, 'real'));
    fs.writeFileSync(path.join(dir, 'real', 'main.tf.json'), JSON.stringify({ resource: { azurerm_kubernetes_cluster: { a: standardLb } } }));
    const outside = tmp('outside');
    fs.writeFileSync(path.join(outside, 'other.tf.json'), JSON.stringify({ resource: { azurerm_kubernetes_cluster: { b: standardLb } } }));
    fs.symlinkSync(outside, path.join(dir, 'linked'));
    fs.symlinkSync(dir, path.join(dir, 'real', 'loop'));
    const r = cli('check', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('HUB001 error azurerm_kubernetes_cluster.a');
    expect(r.out).toContain('HUB001 error azurerm_kubernetes_cluster.b');
  });

  it('writes SARIF URIs percent-encoded, and HUB020 at one file', () => {
    expect(fileUri('dir with space/ä#1.json')).toBe('dir%20with%20space/%C3%A4%231.json');
    const dir = tmp('sarif');
    const big = { ...standardLb, network_profile: { network_plugin: 'azure', load_balancer_sku: 'basic' }, default_node_pool: { name: 'p', vm_size: 'Standard_DS2_v2', node_count: 30 } };
    for (const name of ['a b.tf.json', 'c.tf.json']) fs.writeFileSync(path.join(dir, name), JSON.stringify({ resource: { azurerm_kubernetes_cluster: { x: big } } }));
    const sarif = JSON.parse(cli('check', '-f', 'sarif', dir).out);
    const results = sarif.runs[0].results;
    const hub020 = results.find((r: { ruleId: string }) => r.ruleId === 'HUB020');
    expect(hub020.locations[0].physicalLocation.artifactLocation.uri).toMatch(/a%20b\.tf\.json$/);
    for (const res of results) expect(res.locations[0].physicalLocation.artifactLocation.uri).not.toContain(' ');
  });

  it('gives init a valid npm name for any folder, and one line for a bad target', () => {
    expect(packageName('/x/.hidden')).toBe('hidden');
    expect(packageName('/x/__proto__')).toBe('proto__');
    expect(packageName(`/x/${'a'.repeat(251)}`)).toHaveLength(214);
    expect(packageName('/x/@scope/name')).toBe('@scope/name');
    expect(packageName('/x/Ünïcode Name!')).toBe('n-code-name');
    const notAFolder = path.join(tmp('init-file'), 'file');
    fs.writeFileSync(notAFolder, 'x');
    for (const target of ['', notAFolder]) {
      const r = cli('init', target);
      expect(r.code, target).toBe(2);
      expect(oneLine(r.err), target).toBe(true);
      expect(r.err, target).not.toMatch(/ENOTDIR|EEXIST|Error:/);
    }
  });
});
