import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { HubAksCluster } from '../lib';
import { renderArmTemplate, resolveProps } from './support/internals';
import { checkProps } from './support/internals';
import { SSH_KEY, STAMP, minimalProps, newStack, runCli } from './helpers';

const ROOT = path.resolve(__dirname, '..');

const cli = runCli;

const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `aks-hub-cli-${name}-`));
const writeJson = (dir: string, name: string, json: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(json));
  return file;
};

function synthOut(build: (stack: ReturnType<typeof newStack>['stack']) => void): string {
  const { stack } = newStack();
  build(stack);
  // The CLI checks what synth wrote; annotations must not stop this synth.
  process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = '1';
  try {
    const { stack: s2 } = { stack };
    return Testing.fullSynth(s2);
  } finally {
    delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
  }
}

describe('aks-hub check', () => {
  it('exits 0 on the quickstart output', () => {
    const out = synthOut((s) => new HubAksCluster(s, 'cluster', minimalProps()));
    const r = cli('check', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^0 errors, 0 warnings in \d+ files\.\n$/);
  });

  it('exits 1 with the rule id on a stack with an azurerm node pool', () => {
    const dir = tmp('pool');
    const tf = JSON.parse(
      (() => {
        const { stack } = newStack();
        new AzurermProvider(stack, 'azurerm', { features: [{}] });
        new KubernetesClusterNodePool(stack, 'pool', { name: 'user1', kubernetesClusterId: 'id', vmSize: 'Standard_DS2_v2' });
        return Testing.synth(stack);
      })(),
    );
    const file = writeJson(dir, 'cdk.tf.json', tf);
    const r = cli('check', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('HUB005 error azurerm_kubernetes_cluster_node_pool.pool:');
    expect(r.out).toContain('HUB021 error provider.azurerm:');
    expect(r.out).toContain('fix: ');
  });

  it('reads terraform show -json plan output', () => {
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            { address: 'azurerm_kubernetes_cluster.main', mode: 'managed', type: 'azurerm_kubernetes_cluster', name: 'main', values: { network_profile: [{ load_balancer_sku: 'standard' }], default_node_pool: [{ node_count: 3, vm_size: 'Standard_DS2_v2' }], identity: [{ type: 'SystemAssigned' }] } },
          ],
          child_modules: [{ resources: [{ address: 'module.m.azurerm_log_analytics_workspace.w', type: 'azurerm_log_analytics_workspace', values: { name: 'w' } }] }],
        },
      },
      configuration: { provider_config: { azurerm: { name: 'azurerm' } } },
    };
    const r = cli('check', '--format', 'json', writeJson(tmp('plan'), 'plan.json', plan));
    expect(r.code).toBe(1);
    const { findings, summary } = JSON.parse(r.out);
    expect([...new Set(findings.map((f: any) => f.ruleId))].sort()).toEqual(['HUB001', 'HUB003', 'HUB011', 'HUB021']);
    expect(findings.find((f: any) => f.ruleId === 'HUB001')).toMatchObject({ location: { address: 'azurerm_kubernetes_cluster.main' }, path: 'network_profile.load_balancer_sku', value: '"standard"', allowed: "'basic'" });
    expect(summary).toMatchObject({ errors: findings.length, warnings: 0, files: 1 });
  });

  it('checks ARM templates, and writes SARIF for code scanning', () => {
    const t = structuredClone(renderArmTemplate(resolveProps('t', minimalProps(), STAMP).model).template) as any;
    t.resources[1].properties.networkProfile.loadBalancerSku = 'standard';
    const r = cli('check', '-f', 'sarif', writeJson(tmp('arm'), 'azuredeploy.json', t));
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.out);
    expect(sarif.version).toBe('2.1.0');
    const [runEntry] = sarif.runs;
    expect(runEntry.tool.driver.name).toBe('aks-hub');
    expect(runEntry.results).toHaveLength(1);
    const [result] = runEntry.results;
    expect(result).toMatchObject({ ruleId: 'HUB001', level: 'error' });
    expect(runEntry.tool.driver.rules[result.ruleIndex].id).toBe('HUB001');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/azuredeploy\.json$/);
    expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toBe('template.resources.1.properties.networkProfile.loadBalancerSku');
  });

  it('honours the suppressions recorded in cdk.tf.json', () => {
    const out = synthOut((s) => new HubAksCluster(s, 'c', minimalProps({ nodePool: { vmSize: 'Standard_D2s_v5' }, suppressions: [{ ruleId: 'HUB016', reason: 'the operator offers Dsv5 here' }] })));
    expect(cli('check', path.join(out, 'stacks')).code).toBe(0);
    // Without the cdk.tf.json that records it, the ARM file alone is reported.
    expect(cli('check', path.join(out, 'stacks', 'aks-hub', 'arm')).code).toBe(1);
  });

  it.each([
    ['a missing file', () => path.join(os.tmpdir(), 'no-such-file.json'), /cannot read it \(ENOENT\)/],
    ['invalid JSON', () => { const f = path.join(tmp('bad'), 'x.json'); fs.writeFileSync(f, '{ nope'); return f; }, /not valid JSON/],
    ['an unrelated JSON file', () => writeJson(tmp('other'), 'package.json', { name: 'x' }), /not Terraform JSON/],
    ['a directory with nothing to check', () => tmp('empty'), /no Terraform \(HCL or JSON\), plan, ARM template or aks-engine API model found/],
  ])('exits 2 on %s, with a one-line reason and no stack trace', (_name, make, reason) => {
    const r = cli('check', make());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(reason);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a bad option', () => {
    expect(cli('check', '--format', 'xml', '.').code).toBe(2);
  });
});

describe('aks-hub explain', () => {
  it("prints a rule's title, source, why and fix", () => {
    const r = cli('explain', 'HUB005');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^HUB005  More than one node pool\n/);
    expect(r.out).toMatch(/source: +aks-known-issues\.md/);
    expect(r.out).toMatch(/why: /);
    expect(r.out).toMatch(/fix: /);
  });

  it('lists every rule without an id, and exits 2 on an unknown id', () => {
    expect(cli('explain').out.split('\n').filter(Boolean).length).toBeGreaterThan(40);
    const r = cli('explain', 'HUB999');
    expect(r.code).toBe(2);
    expect(r.err).toContain('no rule HUB999');
  });
});

describe('aks-hub init', () => {
  it('scaffolds a project that takes the SSH key from a checked variable at deploy', () => {
    const dir = path.join(tmp('init'), 'my-cluster');
    const r = cli('init', dir, '--location', 'redmond');
    expect(r.code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['.gitignore', 'cdktf.json', 'main.test.ts', 'main.ts', 'package.json', 'tsconfig.json']);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const own = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    // The app holds the one copy of cdktf and constructs that the library shares (peer dependencies).
    expect(pkg.dependencies).toEqual({ 'cdktf-aks-hub': own.version, cdktf: own.devDependencies.cdktf, constructs: own.devDependencies.constructs });
    expect(pkg.scripts.synth).toBe('aks-hub synth');
    const main = fs.readFileSync(path.join(dir, 'main.ts'), 'utf8');
    expect(main).toContain('location: "redmond"');
    expect(main).toContain('sshPublicKey: sshPublicKeyVariable(stack)');
    expect(main).not.toMatch(/ssh-rsa /);
    // Stamps of release 2311 on have no AKS resource provider: the scaffold is an AKS engine cluster,
    // and git never sees its state folder, which holds the cluster's keys.
    expect(main).toContain('new HubAksEngineCluster(stack');
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n')).toContain('.aks-engine-state/');
    const rp = path.join(tmp('init-rp'), 'rp');
    expect(cli('init', rp, '--aks-resource-provider').code).toBe(0);
    expect(fs.readFileSync(path.join(rp, 'main.ts'), 'utf8')).toContain('new HubAksCluster(stack');
  });

  it('writes a given .pub key line into main.ts, and refuses anything that is not one', () => {
    const keys = tmp('keys');
    const pub = path.join(keys, 'id_rsa.pub');
    fs.writeFileSync(pub, `${SSH_KEY}\n`);
    const dir = path.join(tmp('init-key'), 'app');
    expect(cli('init', dir, '--ssh-public-key', pub).code).toBe(0);
    const key = /sshPublicKey: "([^"]+)"/.exec(fs.readFileSync(path.join(dir, 'main.ts'), 'utf8'))![1]!;
    expect(checkProps(minimalProps({ linuxProfile: { sshPublicKey: key } }), STAMP).findings).toEqual([]);

    const privateKey = path.join(keys, 'id_rsa');
    fs.writeFileSync(privateKey, '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n');
    for (const bad of [privateKey, '/etc/passwd', '/dev/zero', path.join(keys, 'missing.pub')]) {
      const target = path.join(tmp('init-bad'), 'app');
      const r = cli('init', target, '--ssh-public-key', bad);
      expect(r.code, bad).toBe(2);
      expect(r.err.trim().split('\n'), bad).toHaveLength(1);
      expect(r.err).not.toContain('PRIVATE');
      expect(r.err).not.toContain('b3BlbnNzaC1rZXktdjEAAAAA');
      expect(fs.existsSync(target), bad).toBe(false);
    }
  });

  it('quotes the folder in the command it prints', () => {
    const dir = path.join(tmp('init-quote'), 'my $(touch pwned) app');
    const r = cli('init', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`cd '${dir}' && npm install`);
  });

  it('refuses to overwrite an existing project', () => {
    const dir = tmp('init2');
    expect(cli('init', dir).code).toBe(0);
    const again = cli('init', dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain('would overwrite');
  });
});

describe('the installed command', () => {
  it('`npx aks-hub check` runs from the checkout', () => {
    const out = synthOut((s) => new HubAksCluster(s, 'cluster', minimalProps()));
    const r = spawnSync('npx', ['--no-install', 'aks-hub', 'check', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('0 errors');
    expect(execFileSync('node', [path.join(ROOT, 'bin', 'aks-hub.js'), '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('aks-hub check in a machine-read format', () => {
  it('prints one document even when it cannot run (exit 2), with the reason in it', () => {
    const json = cli('check', '--format', 'json', path.join(tmp('none'), 'missing.json'));
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toMatchObject({ findings: [], error: { message: expect.stringContaining('missing.json: cannot read it'), exitCode: 2 } });
    const sarif = cli('check', '--format', 'sarif', path.join(tmp('none'), 'missing.json'));
    expect(sarif.code).toBe(2);
    expect(JSON.parse(sarif.out).runs[0].invocations[0]).toMatchObject({ executionSuccessful: false, exitCode: 2 });
  });

  it('writes every SARIF rule text with its fields named, no placeholder left', () => {
    const dir = tmp('sarif-rules');
    fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ resource: {} }));
    const rules = JSON.parse(cli('check', '--format', 'sarif', dir).out).runs[0].tool.driver.rules;
    expect(rules.length).toBeGreaterThan(80);
    for (const r of rules) expect(`${r.help.text} ${r.fullDescription.text}`, r.id).not.toMatch(/\{[A-Za-z.]+\}/);
  });
});

describe('aks-hub check on azurerm as Terraform writes it', () => {
  it('reads an unset block, which plans and state write as [], as unset: no add-on or identity finding', () => {
    const dir = tmp('empty-blocks');
    const cluster = {
      name: 'aks', location: 'local', dns_prefix: 'aks', kubernetes_version: '1.20.7',
      default_node_pool: [{ name: 'pool', node_count: 3, vm_size: 'Standard_DS2_v2' }],
      service_principal: [{ client_id: '11111111-2222-3333-4444-555555555555', client_secret: '${var.s}' }],
      network_profile: [{ network_plugin: 'azure', load_balancer_sku: 'basic', load_balancer_profile: [] }],
      oms_agent: [], ingress_application_gateway: [], key_vault_secrets_provider: [], aci_connector_linux: [], identity: [], microsoft_defender: [],
    };
    fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ resource: { azurerm_kubernetes_cluster: { aks: cluster } }, variable: { s: { type: 'string', sensitive: true } } }));
    const ids = (c: unknown) => {
      fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ resource: { azurerm_kubernetes_cluster: { aks: c } }, variable: { s: { type: 'string', sensitive: true } } }));
      return JSON.parse(cli('check', '--format', 'json', dir).out).findings.map((f: { ruleId: string }) => f.ruleId);
    };
    expect(ids(cluster)).toEqual(['HUB021']);
    // A block that is there is on, even with nothing in it.
    expect(ids({ ...cluster, oms_agent: [{ log_analytics_workspace_id: 'x' }], identity: [{ type: 'SystemAssigned' }] }).sort()).toEqual(['HUB003', 'HUB011', 'HUB021']);
  });
});
