import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Fn, TerraformLocal, TerraformResource, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HubAksCluster, HubAksEngineCluster, HubStack, HubValidationError, validateCluster } from '../lib';
import { readSpec } from '../lib/lifecycle/spec';
import { PROGRAM_LOCATOR } from '../lib/constructs/hub-aks-engine-cluster';
import { stepArgs } from '../lib/lifecycle/commands';
import { StateFolder } from '../lib/lifecycle/state';
import { parametersBody } from '../lib/constructs/cluster-support';
import { readTerraformValue } from '../lib/import/terraform-expression';
import { parseJsonKeepingDuplicates } from '../lib/import/json-with-duplicates';
import { CLIENT_ID, HUB, minimalProps, newStack, runCli, runCliAsync, thrown, tmpDir } from './helpers';

const tmp = (name: string) => tmpDir(`hostile-${name}`);
/** The CLI in this process, for inputs that cannot hang it. */
const cli = runCli;
const ids = (props: unknown) => validateCluster(props).findings.map((f) => f.ruleId);

/** Every file an app wrote below `outdir`, as text. */
function outputs(outdir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(outdir, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  if (fs.existsSync(outdir)) walk(outdir);
  return out;
}

/** Every string in a JSON value, with its path. */
function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [[`${at}.${k}#key`, k] as [string, string], ...strings(v, `${at}.${k}`)]);
}

describe('1. Terraform interpolation and directives', () => {
  it.each([
    ['tags', { tags: { owner: '${file("/etc/hostname")}' } }, 'tags.owner'],
    ['a tag key', { tags: { '${file("/etc/hostname")}': 'x' } }, 'tags.${file("/etc/hostname")}'],
    ['the VNET name', { network: { vnet: { name: 'vnet-${file("/etc/hostname")}' } } }, 'network.vnet.name'],
    ['the subnet name', { network: { vnet: { subnetName: 'nodes%{ if true }x%{ endif }' } } }, 'network.vnet.subnetName'],
  ])('refuses %s with ${ or %{, by HUB308', (_, extra, at) => {
    const findings = validateCluster({ ...minimalProps(), ...extra }).findings;
    expect(findings.filter((f) => f.ruleId === 'HUB308').map((f) => f.path)).toContain(at);
  });

  it('lets a token through, and refuses literal text around it', () => {
    const { stack } = newStack();
    const v = Fn.lower('x');
    expect(() => new HubAksCluster(stack, 'ok', minimalProps({ name: 'ok', kubernetesVersion: v }))).not.toThrow();
    expect(ids({ ...minimalProps(), tags: { owner: `\${path.cwd}${Fn.lower('x')}` } })).toContain('HUB308');
  });
});

describe('2. ARM expressions', () => {
  it('writes a tag value that reads as an expression as the text itself ([[ … ])', () => {
    const app = new App({ outdir: tmp('arm') });
    const stack = new HubStack(app, 'aks-hub', { hub: HUB });
    new HubAksCluster(stack, 'cluster', minimalProps({ tags: { leak: "[parameters('servicePrincipalClientSecret')]" } }));
    app.synth();
    const template = JSON.parse(outputs(app.outdir)[path.join('stacks', 'aks-hub', 'arm', 'cluster', 'azuredeploy.json')]!);
    for (const r of template.resources) expect(r.tags.leak).toBe("[[parameters('servicePrincipalClientSecret')]");
  });

  it('refuses a tag key that reads as an expression, and a quote in a VNET name', () => {
    expect(ids({ ...minimalProps(), tags: { "[parameters('servicePrincipalClientSecret')]": 'x' } })).toContain('HUB306');
    expect(ids({ ...minimalProps(), network: { vnet: { name: "v', 'injected" } } })).toContain('HUB309');
  });
});

describe('3. secrets in messages', () => {
  it.each([
    ['servicePrincipal.clientSecrett', { servicePrincipal: { clientId: CLIENT_ID, clientSecrett: 'sekrit-value-1' } }],
    ['windowsProfile.adminPasword', { windowsProfile: { adminPasword: 'sekrit-value-1' } }],
    ['password', { password: 'sekrit-value-1' }],
    ['aadProfile.serverAppSecret', { aadProfile: { serverAppSecret: 'sekrit-value-1' } }],
  ])('never prints the value of %s', (_, extra) => {
    const props = { ...minimalProps(), ...extra };
    const findings = validateCluster(props).findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(findings)).not.toContain('sekrit-value-1');
    const e = thrown(() => new HubAksCluster(newStack().stack, 'c', props as never));
    expect(e).toBeInstanceOf(HubValidationError);
    expect(`${e.message}${e.stack}`).not.toContain('sekrit-value-1');
  });

  it('masks the AAD secret HUB010 shows, in text, JSON and SARIF', () => {
    const dir = tmp('aad');
    const file = path.join(dir, 'main.tf.json');
    const aks = { name: 'a', dns_prefix: 'a', default_node_pool: { name: 'p', vm_size: 'Standard_DS2_v2' }, network_profile: { network_plugin: 'azure', load_balancer_sku: 'basic' }, azure_active_directory_role_based_access_control: { server_app_secret: 'sekrit-value-2' } };
    fs.writeFileSync(file, JSON.stringify({ resource: { azurerm_kubernetes_cluster: { a: aks } } }));
    for (const format of ['text', 'json', 'sarif']) {
      const r = cli('check', '--format', format, file);
      expect(r.code).toBe(1);
      expect(r.out).toContain('HUB010');
      expect(r.out).not.toContain('sekrit-value-2');
    }
  });
});

describe('4. secrets smuggled as tokens', () => {
  it.each([
    ['a local value', (s: Construct) => new TerraformLocal(s, 'sec', 'literal-sekrit-4').asString],
    ['a function of literals', () => Fn.join('', ['literal-sek', 'rit-4'])],
  ])('refuses a client secret from %s (HUB115), and writes no cdk.tf.json', (_, secret) => {
    const app = new App({ outdir: tmp('smuggled') });
    const stack = new HubStack(app, 'aks-hub', { hub: HUB });
    new HubAksCluster(stack, 'c', minimalProps({ servicePrincipal: { clientId: CLIENT_ID, clientSecret: secret(stack) } }));
    const e = thrown(() => app.synth());
    expect(String(e.message)).toContain('HUB115');
    for (const text of Object.values(outputs(app.outdir))) expect(text).not.toContain('literal-sekrit-4');
  });
});

describe('6. writes outside cdktf.out', () => {
  it("refuses '..' ids between the stack and the cluster, and writes nothing outside", () => {
    const root = tmp('escape');
    fs.mkdirSync(path.join(root, 'project'));
    const app = new App({ outdir: path.join(root, 'project', 'cdktf.out') });
    let scope: Construct = new HubStack(app, 'aks-hub', { hub: HUB });
    for (let i = 0; i < 4; i++) scope = new Construct(scope, '..');
    const e = thrown(() => new HubAksCluster(scope, '..', minimalProps()));
    expect(e.ruleIds).toEqual(['HUB121']);
    app.synth();
    expect(fs.readdirSync(root)).toEqual(['project']);
  });

  it('init does not write through a dangling link', () => {
    const dir = tmp('link');
    const elsewhere = path.join(tmp('elsewhere'), 'file');
    fs.symlinkSync(elsewhere, path.join(dir, 'main.ts'));
    const r = cli('init', dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('would overwrite main.ts');
    expect(fs.existsSync(elsewhere)).toBe(false);
  });
});

describe('7. stacks that would share a folder', () => {
  it("refuses a stack id of '.' and two stacks with one id", () => {
    const app = Testing.app();
    new HubStack(app, 'arm', { hub: HUB });
    expect(thrown(() => new HubStack(app, '.', { hub: HUB })).ruleIds).toEqual(['HUB121']);
    const twin = new HubStack(new Construct(app, 'team'), 'arm', { hub: HUB });
    expect(String(thrown(() => app.synth()).message)).toContain('HUB121');
    expect(twin.node.id).toBe('arm');
  });
});

describe('8. duplicate names', () => {
  it('refuses a second cluster of the same name, or owning the same resource group, in a stack', () => {
    const { stack } = newStack();
    new HubAksCluster(stack, 'a', minimalProps());
    expect(thrown(() => new HubAksCluster(stack, 'b', minimalProps())).ruleIds).toEqual(['HUB122']);
    expect(thrown(() => new HubAksCluster(stack, 'c', minimalProps({ name: 'other', resourceGroupName: 'demo-aks-rg' }))).ruleIds).toEqual(['HUB122']);
    expect(() => new HubAksCluster(stack, 'd', minimalProps({ name: 'other' }))).not.toThrow();
  });
});

describe('21. messages', () => {
  it('says what is wrong with a suppression that is not an object', () => {
    const e = thrown(() => new HubAksCluster(newStack().stack, 'c', minimalProps({ suppressions: ['a'] as never })));
    expect(e.ruleIds).toEqual(['HUB116']);
    expect(e.message).not.toContain('undefined');
    expect(e.message).toContain('names a rule and gives a reason');
  });

  it('prints a BigInt, and reports a throwing getter with HUB100', () => {
    const big = validateCluster({ ...minimalProps(), nodePool: { count: 10n } }).findings;
    expect(big.map((f) => [f.ruleId, f.value])).toEqual([['HUB100', '10n']]);
    const props = { ...minimalProps(), get dnsPrefix(): string {
      throw new Error('boom');
    } };
    expect(validateCluster(props).findings.map((f) => [f.ruleId, f.path])).toEqual([['HUB100', 'dnsPrefix']]);
  });

  it.each(['', ' ', 'x'.repeat(10_000), 'app'])('refuses the client id %j: a GUID or a token', (clientId) => {
    expect(ids({ ...minimalProps(), servicePrincipal: { clientId } })).toEqual(['HUB100']);
  });
});

/** Hostile text for every string a user can give: interpolation, directive, ARM expression, quotes. */
const PAYLOADS = ['${file("/etc/hostname")}', '%{ for x in [1] }${x}%{ endfor }', "[parameters('servicePrincipalClientSecret')]", "[concat('a', 'b')]", "v', 'injected", 'a"b', 'x\\"y', '$${escaped}'];

/** Every string prop of HubAksClusterProps, by path. */
const STRING_PROPS = [
  'name', 'dnsPrefix', 'resourceGroupName', 'kubernetesVersion', 'nodePool.name', 'nodePool.vmSize', 'linuxProfile.adminUsername', 'windowsProfile.adminUsername',
  'network.vnet.name', 'network.vnet.subnetName', 'network.vnet.addressSpace.0', 'network.vnet.subnetPrefix', 'network.serviceCidr', 'network.dnsServiceIp',
  'network.dockerBridgeCidr', 'network.podCidr', 'servicePrincipal.clientId', 'servicePrincipal.objectId', 'servicePrincipal.clientSecret', 'tags.owner', 'tags#key',
];

function propsWith(at: string, text: string): Record<string, unknown> {
  const props: any = structuredClone({ ...minimalProps(), windowsProfile: { adminUsername: 'winops' } });
  if (at === 'tags#key') props.tags = { [text]: 'v' };
  else if (at.startsWith('network.podCidr')) props.network = { plugin: 'kubenet', podCidr: text };
  else {
    const keys = at.split('.');
    let cur = props;
    for (const k of keys.slice(0, -1)) cur = cur[k] ??= /^\d+$/.test(keys[keys.indexOf(k) + 1] ?? '') ? [] : {};
    cur[keys.at(-1)!] = text;
  }
  return props;
}

describe('items 1-4 as properties: every string prop and tag, crossed with hostile payloads', () => {
  it('is refused with a HUB id, or written escaped in every output file', () => {
    let refused = 0;
    let written = 0;
    fc.assert(
      fc.property(fc.constantFrom(...STRING_PROPS), fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), (at, payload, before, after) => {
        const text = `${before}${payload}${after}`;
        const app = new App({ outdir: tmp('prop') });
        const stack = new HubStack(app, 'aks-hub', { hub: HUB });
        try {
          new HubAksCluster(stack, 'cluster', propsWith(at, text) as never);
          app.synth();
        } catch (e) {
          // Refused: by a rule, with its id; nothing of a refused stack is written.
          expect(String((e as Error).message)).toMatch(/HUB\d{3}/);
          refused++;
          return;
        }
        written++;
        for (const [file, content] of Object.entries(outputs(app.outdir))) {
          if (!file.endsWith('.json')) continue;
          for (const [where, s] of strings(JSON.parse(content))) {
            if (file.endsWith('cdk.tf.json')) {
              // Terraform evaluates ${ and %{ in any string: none of the payload's may reach it.
              if (/file\(|%\{|\$\{x\}/.test(s)) throw new Error(`${file} ${where}: ${s}`);
            } else if (s.startsWith('[') && !s.startsWith('[[') && s.endsWith(']')) {
              // An ARM expression: only the library's own, with the user's text quoted inside.
              if (s.includes("'injected") && !s.includes("''injected")) throw new Error(`${file} ${where}: ${s}`);
              if (s.includes('concat(') && !where.includes('dependsOn')) throw new Error(`${file} ${where}: ${s}`);
              if (s === "[parameters('servicePrincipalClientSecret')]" && !where.endsWith('servicePrincipalProfile.secret')) throw new Error(`${file} ${where}: ${s}`);
            }
          }
        }
      }),
      { numRuns: 400, seed: 15 },
    );
    expect(refused + written).toBe(400);
    expect(refused).toBeGreaterThan(0);
  });
});

describe('item 4 as a property: a secret from any source', () => {
  /** Where a secret can come from, and whether that source keeps it out of cdk.tf.json and plan output. */
  const SOURCES: Record<string, { safe: boolean; make: (s: Construct, literal: string) => string }> = {
    'sensitive variable': { safe: true, make: (s) => new TerraformVariable(s, 'v', { type: 'string', sensitive: true }).stringValue },
    'variable with a default': { safe: false, make: (s, lit) => new TerraformVariable(s, 'v', { type: 'string', sensitive: true, default: lit }).stringValue },
    'variable not sensitive': { safe: false, make: (s) => new TerraformVariable(s, 'v', { type: 'string' }).stringValue },
    'local value': { safe: false, make: (s, lit) => new TerraformLocal(s, 'l', lit).asString },
    'function of literals': { safe: false, make: (_, lit) => Fn.join('', [lit.slice(0, 3), lit.slice(3)]) },
    'literal text around a variable': { safe: false, make: (s, lit) => `${lit}${new TerraformVariable(s, 'v', { type: 'string', sensitive: true }).stringValue}` },
    'random_password result': { safe: true, make: (s) => new TerraformResource(s, 'r', { terraformResourceType: 'random_password' }).getStringAttribute('result') },
    'plain resource attribute': { safe: false, make: (s) => new TerraformResource(s, 'r', { terraformResourceType: 'random_string' }).getStringAttribute('result') },
  };

  it('is refused with HUB115 unless the source is sensitive, and its literal is never written', () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(SOURCES)), fc.constantFrom('servicePrincipal.clientSecret', 'windowsProfile.adminPassword'), fc.stringMatching(/^[A-Za-z0-9]{12,20}$/), (source, at, literal) => {
        runs++;
        const app = new App({ outdir: tmp('secret') });
        const stack = new HubStack(app, 'aks-hub', { hub: HUB });
        const secret = SOURCES[source]!.make(stack, `sekrit-${literal}`);
        const props: any = at === 'servicePrincipal.clientSecret' ? minimalProps({ servicePrincipal: { clientId: CLIENT_ID, clientSecret: secret } }) : minimalProps({ windowsProfile: { adminPassword: secret } });
        new HubAksCluster(stack, 'cluster', props);
        let refused = false;
        try {
          app.synth();
        } catch (e) {
          refused = true;
          expect(String((e as Error).message)).toContain('HUB115');
        }
        expect(refused, source).toBe(!SOURCES[source]!.safe);
        for (const text of Object.values(outputs(app.outdir))) expect(text).not.toContain(`sekrit-${literal}`);
      }),
      { numRuns: 120, seed: 4 },
    );
    expect(runs).toBe(120);
  });
});


/** Every string prop of HubAksEngineClusterProps, by path. */
const ENGINE_STRING_PROPS = [
  'name', 'dnsPrefix', 'resourceGroupName', 'kubernetesVersion', 'controlPlane.vmSize', 'controlPlane.firstConsecutiveStaticIp', 'agentPools.0.name', 'agentPools.0.vmSize',
  'linuxProfile.adminUsername', 'network.vnet.name', 'network.vnet.subnetName', 'network.vnet.subnetPrefix', 'network.serviceCidr', 'network.dnsServiceIp',
  'network.dockerBridgeCidr', 'servicePrincipal.clientId', 'portalUrl', 'tags.owner', 'tags#key',
];

/** Shell text a deploy command must never run: command substitution, separators, quotes. */
const SHELL_PAYLOADS = ['$(touch /tmp/pwned)', '`id`', 'a; rm -rf x', "it's", 'a"b', 'a\\', '(1)', ...PAYLOADS];


describe('items 1-4 for HubAksEngineCluster: every string prop crossed with hostile payloads', () => {
  it('is refused with a HUB id, or reaches Terraform, the API model and the deploy command inert', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...ENGINE_STRING_PROPS), fc.constantFrom(...SHELL_PAYLOADS), fc.string({ maxLength: 3 }), (at, payload, before) => {
        const text = `${before}${payload}`;
        const props: any = { name: 'engine', servicePrincipal: { clientId: CLIENT_ID }, linuxProfile: { sshPublicKey: minimalProps().linuxProfile!.sshPublicKey }, deployWithTerraform: true, network: { vnet: {} } };
        if (at === 'tags#key') props.tags = { [text]: 'v' };
        else {
          const keys = at.split('.');
          let cur = props;
          for (const [i, k] of keys.slice(0, -1).entries()) cur = cur[k] ??= /^\d+$/.test(keys[i + 1]!) ? [{ name: 'linuxpool' }] : {};
          cur[keys.at(-1)!] = text;
        }
        const app = new App({ outdir: tmp('engine-prop') });
        const stack = new HubStack(app, 'aks-hub', { hub: { ...HUB, subscriptionId: CLIENT_ID } });
        try {
          new HubAksEngineCluster(stack, 'cluster', props);
          app.synth();
        } catch (e) {
          expect(String((e as Error).message)).toMatch(/HUB\d{3}/);
          refused++;
          return;
        }
        const files = outputs(app.outdir);
        const tf = JSON.parse(files[path.join('stacks', 'aks-hub', 'cdk.tf.json')]!);
        for (const [where, s] of strings(tf)) if (/file\(|%\{|\$\{x\}/.test(s)) throw new Error(`cdk.tf.json ${where}: ${s}`);
        // What Terraform runs: node and this package's program with fixed words; no user text, no shell.
        for (const r of Object.values<any>(tf.resource.terraform_data)) {
          const exec = r.provisioner[0]['local-exec'];
          expect(exec.interpreter).toEqual(['node', '-e', PROGRAM_LOCATOR, 'engine', expect.stringMatching(/^(apply|forget)$/)]);
          expect(exec.command).toBe('aks-engine/cluster/engine.json');
          for (const v of Object.values<string>(exec.environment ?? {})) expect(v).toMatch(/^\$\{[\w.]+\}$/);
        }
      }),
      { numRuns: 150, seed: 16 },
    );
    expect(refused).toBeGreaterThan(0);
  });

  it('hands a resource group name with parentheses, which Resource Manager allows, to aks-engine as one argument', () => {
    const outdir = tmp('engine-rg');
    const app = new App({ outdir });
    const stack = new HubStack(app, 'aks-hub', { hub: HUB });
    const c = new HubAksEngineCluster(stack, 'cluster', { name: 'engine', resourceGroupName: 'team(1)', servicePrincipal: { clientId: CLIENT_ID }, linuxProfile: { sshPublicKey: minimalProps().linuxProfile!.sshPublicKey }, stateDirectory: `${outdir}-state` });
    app.synth();
    const { spec } = readSpec(path.resolve(c.engineSpecFile));
    const args = stepArgs({ kind: 'deploy', retry: false }, spec, new StateFolder(`${outdir}-state`), CLIENT_ID, { method: 'client_secret', secret: 's' }, { deployModel: 'm.json' });
    expect(args.slice(args.indexOf('--resource-group'), args.indexOf('--resource-group') + 2)).toEqual(['--resource-group', 'team(1)']);
  });
});

describe('a parameters body as a Terraform template string', () => {
  it('escapes ${ and %{ in literal values, and reads back what it wrote', () => {
    const body = parametersBody(['a', 'b', 'c'], { a: 'x${file("/etc/hostname")}', b: '%{ if true }y%{ endif }', c: 3 });
    expect(body).toBe('{"a":{"value":"x$${file(\\"/etc/hostname\\")}"},"b":{"value":"%%{ if true }y%%{ endif }"},"c":{"value":3}}');
    expect(readTerraformValue(body)).toEqual({ a: { value: 'x${file("/etc/hostname")}' }, b: { value: '%{ if true }y%{ endif }' }, c: { value: 3 } });
  });
});

describe('round 3: what the checker reads and what reaches a terminal', () => {
  it('writes an AKS engine cluster with any construct id so that its README commands paste inert, and its lifecycle reads it', async () => {
    const root = tmpDir('engine-id');
    const app = new App({ outdir: path.join(root, 'cdktf.out') });
    const stack = new HubStack(app, 'aks-hub', { hub: { ...HUB, subscriptionId: CLIENT_ID } });
    const id = "c $(touch pwned) `id` <!-- it's";
    const c = new HubAksEngineCluster(stack, id, { name: 'engine', servicePrincipal: { clientId: CLIENT_ID }, linuxProfile: { sshPublicKey: minimalProps().linuxProfile!.sshPublicKey }, stateDirectory: path.join(root, 'state') });
    app.synth();
    const readme = fs.readFileSync(path.join(path.dirname(path.resolve(c.engineSpecFile)), 'README.md'), 'utf8');
    const line = readme.split('\n').find((l) => l.startsWith('npx aks-hub engine plan '))!;
    const word = line.slice('npx aks-hub engine plan '.length);
    // One single-quoted shell word: nothing in it is active.
    expect(word).toMatch(/^'[^']*('\\''[^']*)*'$/);
    expect(word.replace(/'\\''/g, "'").slice(1, -1)).toBe(c.engineSpecFile);
    const r = await runCliAsync({ PATH: process.env.PATH }, 'engine', 'plan', path.resolve(c.engineSpecFile));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('1. deploy the cluster');
  });

  it('keeps 30,000 repeats of one HCL JSON key, in one pass', () => {
    const n = 30_000;
    const text = `{"resource":{${Array.from({ length: n }, (_, i) => `"a":{"x":${i}}`).join(',')}}}`;
    const parsed = parseJsonKeepingDuplicates(text) as any;
    expect(parsed.resource.a).toHaveLength(n);
    expect(parsed.resource.a[n - 1]).toEqual({ x: n - 1 });
  });

  it('checks a plan whose modules are nested 5,000 deep, and finds the cluster at the bottom', () => {
    const bottom = JSON.stringify({ resources: [{ address: 'module.deep.azurerm_kubernetes_cluster.aks', mode: 'managed', type: 'azurerm_kubernetes_cluster', name: 'aks', values: { name: 'aks', location: 'local', dns_prefix: 'aks', default_node_pool: [{ name: 'pool', node_count: 3, vm_size: 'Standard_DS2_v2' }], network_profile: [{ load_balancer_sku: 'standard' }] } }] });
    // Written as text: JSON.stringify itself recurses.
    const module = `${'{"child_modules":['.repeat(5000)}${bottom}${']}'.repeat(5000)}`;
    const dir = tmpDir('deep-plan');
    fs.writeFileSync(path.join(dir, 'plan.json'), `{"format_version":"1.2","terraform_version":"1.11.0","planned_values":{"root_module":${module}},"resource_changes":[]}`);
    const r = runCli('check', '--format', 'json', path.join(dir, 'plan.json'));
    expect(r.code, r.err).toBe(1);
    expect(JSON.parse(r.out).findings.map((f: any) => f.ruleId)).toContain('HUB001');
  });

  it('prints no control character of the input: an ESC in a resource name cannot set the title or clear the screen', () => {
    const dir = tmpDir('escape');
    const name = 'aks\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e';
    fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ resource: { azurerm_kubernetes_cluster: { [name]: { name, location: 'local', dns_prefix: 'aks', default_node_pool: [{ name: 'pool', node_count: 3, vm_size: 'Standard_DS2_v2' }], network_profile: [{ load_balancer_sku: 'standard' }] } } } }));
    for (const format of ['text', 'json', 'sarif']) {
      const r = runCli('check', '--format', format, dir);
      expect(r.code).toBe(1);
      expect(r.out + r.err, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(r.out, format).toContain('\\u001b');
      if (format !== 'text') expect(() => JSON.parse(r.out)).not.toThrow();
    }
  });
});
