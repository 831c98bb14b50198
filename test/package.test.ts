import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The published package works outside this repository: `npm pack`, `aks-hub init` a scratch
 * project, install the tarball there without the network (from the tarball and npm's cache,
 * which `npm ci` filled), then run the scaffold's own test, type-check it, synthesize it, and
 * check its output with the installed `aks-hub`.
 */
const ROOT = path.resolve(__dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-hub-package-'));
const app = path.join(work, 'app');

const sh = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

let tarball = '';

describe('the packed package', () => {
  beforeAll(() => {
    sh('npm', ['pack', '--pack-destination', work], ROOT);
    tarball = fs.readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    sh('node', [path.join(ROOT, 'bin', 'aks-hub.js'), 'init', app], ROOT);
    const pkg = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8'));
    pkg.dependencies['cdktf-aks-hub'] = `file:../${tarball}`;
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify(pkg, null, 2));
    sh('npm', ['install', '--offline'], app);
  }, 120_000);

  it('holds the build, the CLI and the docs, and no sources or tests', () => {
    const files = sh('tar', ['tzf', path.join(work, tarball)], work).split('\n').filter(Boolean);
    expect(files).toEqual(expect.arrayContaining(['package/dist/index.js', 'package/dist/index.d.ts', 'package/dist/testing/index.d.ts', 'package/bin/aks-hub.js', 'package/docs/rules.md', 'package/README.md']));
    expect(files.filter((f) => /^package\/(lib|test|examples)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('publishes type declarations that never import a provider package root', () => {
    const dist = path.join(app, 'node_modules', 'cdktf-aks-hub', 'dist');
    const roots: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.d.ts') || e.name.endsWith('.js')) {
          for (const m of fs.readFileSync(p, 'utf8').matchAll(/(?:from |require\(|import\()\s*['"](@cdktf\/provider-[a-z]+)['"]/g)) roots.push(`${path.relative(dist, p)}: ${m[1]}`);
        }
      }
    };
    walk(dist);
    expect(roots).toEqual([]);
  });

  it('the scaffold passes its own test: once to record its snapshot, once more against it', () => {
    // vitest writes no new snapshot under CI=true, as a user's CI would not: record it first.
    expect(sh('npx', ['--no-install', 'vitest', 'run', '--update'], app)).toMatch(/3 passed/);
    expect(sh('npx', ['--no-install', 'vitest', 'run'], app)).toMatch(/3 passed/);
  });

  it('the scaffold type-checks against the published types', () => {
    expect(() => sh('npx', ['--no-install', 'tsc', '--noEmit', '-p', '.'], app)).not.toThrow();
  });

  it('synthesizes a stack, and the installed aks-hub finds it clean', () => {
    sh('npx', ['--no-install', 'tsx', 'main.ts'], app);
    const stack = path.join(app, 'cdktf.out', 'stacks', 'aks-hub');
    expect(fs.existsSync(path.join(stack, 'cdk.tf.json'))).toBe(true);
    expect(fs.existsSync(path.join(stack, 'arm', 'cluster', 'azuredeploy.json'))).toBe(true);
    expect(sh('npx', ['--no-install', 'aks-hub', 'check', 'cdktf.out'], app)).toContain('0 errors');
  });
});
