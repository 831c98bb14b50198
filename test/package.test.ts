import { execFile, execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The published package as a newcomer meets it, on a machine whose npm cache may be empty:
 * `npm pack`, then two scratch projects that install from the registry (only the tarball is local).
 * - `app`: made by the README's init command, run from the tarball; its own test, type-check and synth.
 * - `readme`: the lowest cdktf and constructs of the peer range, and every whole TypeScript
 *   program or test file of the README, run as written.
 */
const ROOT = path.resolve(__dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-hub-package-'));
const app = path.join(work, 'app');
const readme = path.join(work, 'readme');
const own = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** The lowest versions of the peer range: what the README says is tested. */
const LOWEST_PEERS = { cdktf: '0.21.0', constructs: '10.4.2' };
/** The optional peers at the versions the repository is built with (the last releases for cdktf 0.21). */
const OPTIONAL_PEERS = { '@cdktf/provider-helm': '12.1.2', '@cdktf/provider-kubernetes': '12.1.1' };

const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
const sh = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe', env });
const shAsync = async (cmd: string, args: string[], cwd: string) => (await promisify(execFile)(cmd, args, { cwd, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 })).stdout;

/** README blocks of one language, in order. */
function blocks(markdown: string, lang: string): string[] {
  return [...markdown.matchAll(new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```', 'gm'))].map((m) => m[1]!);
}

let tarball = '';
let packedFiles: string[] = [];
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
/** The guides the README links to, shipped with it. */
const GUIDES = ['docs/aks-engine.md', 'docs/aks-resource-provider.md'].map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8'));
/** Whole programs and test files of the README and the guides: the blocks that import something. Fragments (`...props`) are not run. */
const wholeTsBlocks = [README, ...GUIDES].flatMap((doc) => blocks(doc, 'ts').filter((b) => /^import /m.test(b)));

describe('the packed package', () => {
  beforeAll(async () => {
    sh('npm', ['pack', '--pack-destination', work], ROOT);
    tarball = path.join(work, fs.readdirSync(work).find((f) => f.endsWith('.tgz'))!);
    packedFiles = sh('tar', ['tzf', tarball], work).split('\n').filter(Boolean);

    // The README's init line, with the unpublished registry name swapped for the tarball.
    const initLine = blocks(README, 'sh').join('\n').split('\n').find((l) => l.startsWith('npx cdktf-aks-hub init '))!;
    expect(initLine).toMatch(/^npx cdktf-aks-hub init my-cluster && cd my-cluster && npm install && npm test && npm run synth$/);
    const scaffold = async () => {
      await shAsync('npx', ['--yes', '--package', tarball, 'cdktf-aks-hub', 'init', app], work);
      const pkg = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8'));
      pkg.dependencies['cdktf-aks-hub'] = `file:${tarball}`;
      fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify(pkg, null, 2));
      await shAsync('npm', ['install'], app);
    };
    const readmeProject = async () => {
      fs.mkdirSync(readme);
      const dev = (n: string) => own.devDependencies[n];
      fs.writeFileSync(
        path.join(readme, 'package.json'),
        JSON.stringify({
          name: 'readme-check',
          private: true,
          // The optional peers too: a README block uses cdktf-aks-hub/kubernetes.
          dependencies: { 'cdktf-aks-hub': `file:${tarball}`, ...LOWEST_PEERS, ...OPTIONAL_PEERS },
          devDependencies: { tsx: dev('tsx'), typescript: dev('typescript'), '@types/node': dev('@types/node'), vitest: dev('vitest') },
        }),
      );
      fs.writeFileSync(
        path.join(readme, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'node16', moduleResolution: 'node16', strict: true, esModuleInterop: true, skipLibCheck: true, noEmit: true, types: ['node'] }, include: ['*.ts'] }),
      );
      await shAsync('npm', ['install'], readme);
    };
    await Promise.all([scaffold(), readmeProject()]);
  }, 300_000);

  // The benchmark is not run in CI: its figures depend on the machine. This keeps the script working.
  it('npm run bench measures interleaved runs of the built library and prints the budget table', () => {
    const out = path.join(work, 'bench-results.json');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'bench/run.ts', '--runs', '2', '--only', 'floor,quickstart', '--out', out, '--no-build'], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\| one cluster \(quickstart\) \| \d+ \| ±\d+% \| \d+ \| ±\d+% \| \d+ \| \d\.\d\d \|/);
    expect(r.stdout).toMatch(/\| one cluster ≤ 1\.3 × the empty app \(CPU\) \| \d\.\d\d \| (yes|NO) \|/);
    const results = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(results.runs).toBe(2);
    expect(results.scenarios.map((s: { key: string }) => s.key)).toEqual(['floor', 'quickstart']);
    expect(results.scenarios[1].cpuMs).toBeGreaterThan(results.scenarios[0].cpuMs);
  }, 120_000);

  it('holds the build, the CLI and the docs, and no sources or tests', () => {
    expect(packedFiles).toEqual(expect.arrayContaining(['package/dist/index.js', 'package/dist/index.d.ts', 'package/dist/testing/index.d.ts', 'package/bin/aks-hub.js', 'package/docs/rules.md', 'package/README.md']));
    expect(packedFiles.filter((f) => /^package\/(lib|test|examples)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
  });

  it('takes cdktf and constructs as peers, and pins exact versions for this repository', () => {
    expect(own.dependencies.cdktf).toBeUndefined();
    expect(own.dependencies.constructs).toBeUndefined();
    expect(own.peerDependencies).toEqual({
      cdktf: `^${LOWEST_PEERS.cdktf}`,
      constructs: `^${LOWEST_PEERS.constructs}`,
      ...Object.fromEntries(Object.entries(OPTIONAL_PEERS).map(([n, v]) => [n, `^${v}`])),
    });
    // Only apps that import cdktf-aks-hub/kubernetes need the Kubernetes and Helm providers.
    expect(own.peerDependenciesMeta).toEqual(Object.fromEntries(Object.keys(OPTIONAL_PEERS).map((n) => [n, { optional: true }])));
    for (const [name, version] of Object.entries({ ...own.dependencies, ...own.devDependencies })) expect(version, name).toMatch(/^(npm:[a-z0-9]+@)?\d+\.\d+\.\d+$/);
  });

  it('links from the packed README only to shipped files, or says the file is in the source repository', () => {
    const packed = fs.readFileSync(path.join(app, 'node_modules', 'cdktf-aks-hub', 'README.md'), 'utf8');
    const shipped = new Set(packedFiles.map((f) => f.slice('package/'.length)));
    const links = [...packed.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/i.test(l));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(shipped.has(path.posix.normalize(l)), l).toBe(true);
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

  it('the scaffold synthesizes with npm run synth, and the installed aks-hub finds it clean', () => {
    const out = sh('npm', ['run', '--silent', 'synth'], app);
    expect(out).toContain('Stack aks-hub: cdktf.out/stacks/aks-hub');
    expect(out).toContain('  aks-engine/cluster/apimodel.json');
    expect(fs.existsSync(path.join(app, 'cdktf.out', 'stacks', 'aks-hub', 'cdk.tf.json'))).toBe(true);
    expect(sh('npx', ['--no-install', 'aks-hub', 'check', 'cdktf.out'], app)).toContain('0 errors');
    // HCL is read by a dependency the package declares: the installed command reads a module.
    const hcl = path.join(app, 'hcl');
    fs.mkdirSync(hcl);
    fs.writeFileSync(path.join(hcl, 'main.tf'), 'resource "azurerm_kubernetes_cluster" "a" {\n  name = "a"\n  default_node_pool {\n    zones = ["1"]\n  }\n}\n');
    const checked = spawnSync('npx', ['--no-install', 'aks-hub', 'check', 'hcl'], { cwd: app, encoding: 'utf8', shell: process.platform === 'win32' });
    expect(checked.status, checked.stderr).toBe(1);
    expect(checked.stdout).toContain(`${path.join('hcl', 'main.tf')}:4: HUB007 error azurerm_kubernetes_cluster.a.default_node_pool.zones`);
  });

  it('installs at the lowest cdktf and constructs of the peer range, with one copy of each', () => {
    for (const [name, version] of Object.entries(LOWEST_PEERS)) {
      expect(JSON.parse(fs.readFileSync(path.join(readme, 'node_modules', name, 'package.json'), 'utf8')).version).toBe(version);
      expect(fs.existsSync(path.join(readme, 'node_modules', 'cdktf-aks-hub', 'node_modules', name)), name).toBe(false);
    }
  });

  it('runs every whole TypeScript block of the README and the guides as written, at the lowest peers', async () => {
    expect(wholeTsBlocks.length).toBeGreaterThanOrEqual(2);
    const files = wholeTsBlocks.map((code, i) => {
      const file = /from 'vitest'/.test(code) ? `readme-${i}.test.ts` : `readme-${i}.ts`;
      fs.writeFileSync(path.join(readme, file), code);
      return file;
    });
    expect(() => sh('npx', ['--no-install', 'tsc', '--noEmit', '-p', '.'], readme)).not.toThrow();
    // Two programs at a time, each into an output folder of its own (cdktf reads CDKTF_OUTDIR).
    const programs = files.filter((f) => !f.endsWith('.test.ts'));
    const runOne = async (file: string) => {
      const out = path.join(readme, `out-${file}`);
      fs.rmSync(out, { recursive: true, force: true });
      await promisify(execFile)(path.join(readme, 'node_modules', '.bin', 'tsx'), [file], { cwd: readme, encoding: 'utf8', env: { ...env, CDKTF_OUTDIR: out } });
      const stacks = fs.readdirSync(path.join(out, 'stacks'));
      expect(stacks.length, file).toBeGreaterThan(0);
      for (const st of stacks) expect(fs.existsSync(path.join(out, 'stacks', st, 'cdk.tf.json')), `${file}: ${st}`).toBe(true);
    };
    const queue = [...programs];
    await Promise.all([0, 1].map(async () => {
      for (let f = queue.shift(); f !== undefined; f = queue.shift()) await runOne(f);
    }));
    const tests = files.filter((f) => f.endsWith('.test.ts'));
    expect(tests.length).toBeGreaterThan(0);
    // The README says to record snapshots once, then run against them.
    sh('npx', ['--no-install', 'vitest', 'run', '--update', ...tests], readme);
    expect(sh('npx', ['--no-install', 'vitest', 'run', ...tests], readme)).toMatch(new RegExp(`${tests.length} passed`));
  });
});

describe('the README and the examples', () => {
  it('the Quickstart block is examples/aks-engine/main.ts, and each guide begins with its example, as a user imports them', () => {
    const code = (name: string) => fs.readFileSync(path.join(ROOT, 'examples', name, 'main.ts'), 'utf8').split('\n').filter((l) => !l.startsWith('//')).join('\n').replace("from '../../lib'", "from 'cdktf-aks-hub'");
    expect(wholeTsBlocks[0]).toBe(code('aks-engine'));
    expect(blocks(GUIDES[0]!, 'ts')[0]).toBe(code('aks-engine'));
    expect(blocks(GUIDES[1]!, 'ts')[0]).toBe(code('aks-resource-provider'));
  });
});
