import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuplicateFrameworkError, HubAksCluster, HubStack, HubValidationError, sshPublicKeyVariable } from '../lib';
import { RULE_EXAMPLES } from './support/internals';
import { HUB, SSH_KEY, minimalProps, newStack, synthJson } from './helpers';

/** What a newcomer sees: `npm run synth`'s report, an uncaught validation error, two copies of the framework. */
const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'aks-hub.js');
const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `aks-hub-first-${name}-`));

function synth(...args: string[]) {
  const r = spawnSync('node', [BIN, 'synth', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('aks-hub synth (npm run synth)', () => {
  it("runs cdktf.json's app and lists each stack's files", () => {
    const out = tmp('quickstart');
    const r = synth('--output', out);
    expect(r.code, r.err).toBe(0);
    // The quickstart is the AKS engine cluster, the path of stamps from release 2311 on.
    expect(r.out.trim().split('\n')).toEqual([
      `Stack aks-engine: ${path.relative(ROOT, path.join(out, 'stacks', 'aks-engine'))}`,
      '  aks-engine/cluster/README.md',
      '  aks-engine/cluster/apimodel.json',
      '  aks-engine/cluster/engine.json',
      '  cdk.tf.json',
    ]);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'aks-engine', 'cdk.tf.json'), 'utf8')).variable.ssh_public_key.type).toBe('string');
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.synth).toBe('node bin/aks-hub.js synth');
  });

  it('prints every warning with its rule id', () => {
    const r = synth('--app', `npx tsx ${path.join('test', 'fixtures', 'warning-app.ts')}`, '--output', tmp('warning'));
    expect(r.code, r.err).toBe(0);
    const warnings = r.out.split('\n').filter((l) => l.startsWith('  warning '));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^ {2}warning \[shared\/cluster\] HUB118 /);
  });

  it('exits 1 when the app fails, and says which command failed', () => {
    const r = synth('--app', `npx tsx ${path.join('test', 'fixtures', 'invalid-app.ts')}`, '--output', tmp('invalid'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('HUB001 loadBalancerSku');
    expect(r.err.trim().split('\n').at(-1)).toMatch(/^aks-hub: 'npx tsx .*invalid-app\.ts' failed \(exit 1\)/);
  });

  it('never reports an earlier run: an app that writes elsewhere than CDKTF_OUTDIR is an error', () => {
    const out = tmp('stale');
    expect(synth('--output', out).code).toBe(0);
    const elsewhere = tmp('elsewhere');
    const app = path.join(elsewhere, 'app.ts');
    fs.writeFileSync(app, `import { App } from ${JSON.stringify(require.resolve('cdktf'))};\nnew App({ outdir: ${JSON.stringify(path.join(elsewhere, 'out'))} }).synth();\n`);
    const r = synth('--app', `npx tsx ${app}`, '--output', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('wrote no');
    expect(r.out).not.toContain('Stack aks-engine');
  });

  it('says what is missing when there is no cdktf.json', () => {
    const dir = tmp('nocfg');
    const r = spawnSync('node', [BIN, 'synth'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('cdktf.json: cannot read it (ENOENT)');
  });
});

describe('sshPublicKeyVariable', () => {
  it('makes TF_VAR_ssh_public_key, checked by Terraform for an RSA key of 2048 bits or more', () => {
    const { stack } = newStack();
    const token = sshPublicKeyVariable(stack);
    new HubAksCluster(stack, 'cluster', minimalProps({ linuxProfile: { sshPublicKey: token } }));
    const variable = synthJson(stack).variable.ssh_public_key;
    expect(variable).toMatchObject({ type: 'string', nullable: false });
    expect(variable.sensitive).toBeUndefined();
    const condition: string = variable.validation[0].condition;
    const m = /^\$\{can\(regex\("(.*)", var\.ssh_public_key\)\)\}$/.exec(condition);
    expect(m, condition).not.toBeNull();
    // The pattern is written in the common subset of RE2 and JavaScript; the HCL string escapes are JSON's.
    const re = new RegExp(JSON.parse(`"${m![1]!}"`));
    expect(re.test(SSH_KEY)).toBe(true);
    for (const example of RULE_EXAMPLES.get('HUB305')!.fail) {
      const e = example as any;
      expect(re.test((e.props ?? e.engine).linuxProfile.sshPublicKey)).toBe(false);
    }
    expect(re.test(`${SSH_KEY}\nssh-rsa x`)).toBe(false);
    const [type, data] = SSH_KEY.split(' ');
    expect(re.test(`${type} ${data} John's key, 2026`)).toBe(true);
    for (const comment of ['me",masterProfile.count=1,x="y', 'a\\b', 'esc\u001b[2J', 'x'.repeat(257)]) expect(re.test(`${type} ${data} ${comment}`), comment).toBe(false);
  });
});

describe('an uncaught HubValidationError', () => {
  it('prints each violation once, with the user line, and no dump of internal fields', () => {
    const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join('test', 'fixtures', 'invalid-app.ts')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n');
    for (const id of ['HUB001', 'HUB015', 'HUB020', 'HUB305']) {
      expect(lines.filter((l) => l.includes(id)), id).toHaveLength(1);
    }
    expect(r.stderr).toContain("HubValidationError: HubAksCluster 'broken/cluster' breaks 4 Azure Stack Hub rules:");
    expect(r.stderr).not.toMatch(/violations:|ruleId:/);
    // Only frames of the user's own file remain.
    const frames = lines.filter((l) => /^\s+at /.test(l));
    expect(frames.length).toBeGreaterThan(0);
    for (const f of frames) expect(f).toContain('invalid-app.ts');
    expect(lines.length).toBeLessThan(20);
  });

  it('keeps the violations as data for code that catches it', () => {
    const e = new HubValidationError('x', [{ ruleId: 'HUB001', severity: 'error', title: 't', path: 'p', value: '1', allowed: 'a', message: 'm', fix: 'f' }]);
    expect(e.violations.map((v) => v.ruleId)).toEqual(['HUB001']);
    expect(e.ruleIds).toEqual(['HUB001']);
  });
});

describe('two copies of the framework', () => {
  /** A second copy of `pkg`, loaded from its own folder, as a nested install would give. */
  function secondCopy(pkg: 'cdktf' | 'constructs'): any {
    const dir = path.join(ROOT, 'node_modules', '.cache', 'aks-hub-second-copy', pkg);
    const target = path.join(dir, 'node_modules', pkg);
    if (!fs.existsSync(path.join(target, 'package.json'))) fs.cpSync(path.join(ROOT, 'node_modules', pkg), target, { recursive: true });
    // Resolved from dir: its own copy of pkg, and everything else from the project's node_modules.
    return createRequire(path.join(dir, 'index.js'))(pkg);
  }

  it('a scope from another constructs gets a message naming the cause and the fix', () => {
    const { Construct } = secondCopy('constructs');
    const foreignRoot = new Construct(undefined, '');
    let error: unknown;
    try {
      new HubStack(foreignRoot, 'aks-hub', { hub: HUB });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DuplicateFrameworkError);
    expect((error as Error).message).toContain("two copies of 'constructs'");
    expect((error as Error).message).toContain('^10.4.2');
    expect((error as Error).message).toContain('npm ls constructs');
  });

  it('an app from another cdktf gets the same kind of message', () => {
    const { App } = secondCopy('cdktf');
    expect(() => new HubStack(new App({ outdir: tmp('dup') }), 'aks-hub', { hub: HUB })).toThrow(/two copies of 'cdktf'.*\n.*\n.*\^0\.21\.0.*npm ls cdktf/);
  });
});
