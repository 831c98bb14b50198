/**
 * `npm run bench`: what users run, as whole processes of the built library, measured in one
 * interleaved run (A B C … A B C …) so that load on the machine hits every scenario alike. Reports
 * CPU-time and wall-time medians, their spread, ratios and the budget table, and writes
 * bench/results.json. The ratios are the portable figures; milliseconds depend on the machine.
 *
 *   npm run bench [-- --runs 11] [-- --only floor,quickstart] [-- --check] [-- --readme] [-- --out file.json] [-- --no-build] [-- --scratch DIR]
 *
 * --check exits 1 when a budget fails; --readme rewrites the README's performance table from this
 * run. CI does not run it; test/bench.test.ts keeps it working.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const FIX = path.join(ROOT, 'bench', 'fixtures');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Math.max(1, Number(option('--runs') ?? 11) || 11);
const ONLY = option('--only')?.split(',');
const CHECK = args.includes('--check');
const README = args.includes('--readme');
const OUT = option('--out') ?? path.join(ROOT, 'bench', 'results.json');

interface Sample {
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly rssMiB: number;
}

interface Scenario {
  readonly key: string;
  readonly label: string;
  /** The fixture and its arguments; `outdir` is a new folder for each run. */
  readonly argv: (outdir: string) => string[];
}

/** A plan of 10,000 resources, for the check scenario: azurerm clusters, template deployments, other resources. */
function bigPlan(): string {
  const file = path.join(os.tmpdir(), 'aks-hub-bench-plan-10000.json');
  if (fs.existsSync(file)) return file;
  const template = JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [{ type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2020-11-01', name: 'c', properties: { kubernetesVersion: '1.20.7', dnsPrefix: 'c', agentPoolProfiles: [{ name: 'p', count: 1, vmSize: 'Standard_DS2_v2' }], servicePrincipalProfile: { clientId: '00000000-0000-0000-0000-000000000000' }, networkProfile: { networkPlugin: 'azure', loadBalancerSku: 'basic' } } }] });
  const resources = Array.from({ length: 10_000 }, (_, i) => {
    const kind = i % 10;
    if (kind === 0) return { address: `azurestack_template_deployment.d${i}`, mode: 'managed', type: 'azurestack_template_deployment', name: `d${i}`, values: { name: `d${i}`, resource_group_name: 'rg', deployment_mode: 'Incremental', template_body: template, parameters_body: '{}' } };
    if (kind === 1) return { address: `azurerm_kubernetes_cluster.a${i}`, mode: 'managed', type: 'azurerm_kubernetes_cluster', name: `a${i}`, values: { name: `a${i}`, dns_prefix: `a${i}`, default_node_pool: [{ name: 'p', vm_size: 'Standard_DS2_v2', node_count: 1 }], network_profile: [{ network_plugin: 'azure', load_balancer_sku: 'basic' }] } };
    return { address: `azurestack_virtual_network.v${i}`, mode: 'managed', type: 'azurestack_virtual_network', name: `v${i}`, values: { name: `v${i}`, address_space: ['10.0.0.0/16'], location: 'local', resource_group_name: 'rg' } };
  });
  fs.writeFileSync(file, JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources } }, resource_changes: [], configuration: { provider_config: { azurestack: { name: 'azurestack' } } } }));
  return file;
}

const fixture = (name: string, ...extra: string[]) => (outdir: string): string[] => ['-r', path.join(FIX, 'report-usage.js'), path.join(FIX, name), outdir, ...extra];
const SCENARIOS: Scenario[] = [
  { key: 'floor', label: 'empty cdktf app, one stack (floor)', argv: fixture('empty.js') },
  { key: 'quickstart', label: 'one cluster (quickstart)', argv: fixture('quickstart.js') },
  { key: 'naive', label: 'the same cluster, azurerm imported from its root', argv: fixture('naive-azurerm.js') },
  { key: 'stacks100', label: '100 clusters, one stack and subscription each', argv: fixture('stacks.js', '100') },
  { key: 'raw100', label: '100 stacks of raw azurestack bindings (reference)', argv: fixture('raw-stacks.js', '100') },
  { key: 'check10k', label: 'aks-hub check of a 10,000-resource plan', argv: (outdir: string) => fixture('check.js', bigPlan())(outdir) },
].filter((s) => !ONLY || ONLY.includes(s.key));

// Every run writes below one fresh folder, in memory when the machine has /dev/shm: what a disk
// charges per file (journal, online discard) is kernel CPU time that depends on the storage and
// its state, not on the library, and it would swamp the ratios. `--scratch DIR` picks another.
const SCRATCH_PARENT = option('--scratch') ?? (fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir());
const SCRATCH = fs.mkdtempSync(path.join(SCRATCH_PARENT, 'aks-hub-bench-'));
process.on('exit', () => fs.rmSync(SCRATCH, { recursive: true, force: true }));

function once(s: Scenario): Sample {
  const outdir = fs.mkdtempSync(path.join(SCRATCH, `${s.key}-`));
  try {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, s.argv(outdir), { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${s.key} failed:\n${r.stderr}`);
    // The child's own resource usage, reported on exit by report-usage.js.
    const m = /__BENCH_USAGE__=(\d+),(\d+),(\d+)/.exec(r.stderr);
    if (!m) throw new Error(`${s.key}: no usage report`);
    return { cpuMs: (Number(m[1]) + Number(m[2])) / 1000, wallMs, rssMiB: Number(m[3]) / 1024 };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
/** The spread of a sample: the interquartile range relative to the median. */
const spread = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return (q(0.75) - q(0.25)) / median(xs);
};

if (!args.includes('--no-build')) {
  process.stderr.write('building the library (dist/)...\n');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
process.stderr.write(`measuring ${SCENARIOS.length} scenarios, ${RUNS} interleaved runs...\n`);
const samples = new Map<string, Sample[]>(SCENARIOS.map((s) => [s.key, []]));
for (let run = 0; run < RUNS; run++) {
  for (const s of SCENARIOS) samples.get(s.key)!.push(once(s));
  process.stderr.write(`  run ${run + 1}/${RUNS}\n`);
}

const stats = SCENARIOS.map((s) => {
  const xs = samples.get(s.key)!;
  const cpu = xs.map((x) => x.cpuMs);
  const wall = xs.map((x) => x.wallMs);
  return { key: s.key, label: s.label, cpuMs: median(cpu), cpuSpread: spread(cpu), wallMs: median(wall), wallSpread: spread(wall), peakRssMiB: Math.max(...xs.map((x) => x.rssMiB)) };
});
const by = Object.fromEntries(stats.map((s) => [s.key, s]));
const ratio = (a: string, b: string) => (by[a] && by[b] ? by[a].cpuMs / by[b].cpuMs : Number.NaN);
const budgets = [
  { budget: 'one cluster ≤ 1.3 × the empty app (CPU)', limit: 1.3, actual: ratio('quickstart', 'floor') },
  { budget: 'one cluster ≤ 0.2 × the azurerm root import (CPU)', limit: 0.2, actual: ratio('quickstart', 'naive') },
  { budget: 'peak memory of one cluster ≤ 100 MiB', limit: 100, actual: by.quickstart?.peakRssMiB ?? Number.NaN },
  { budget: '100 clusters ≤ 2.5 × one cluster (CPU)', limit: 2.5, actual: ratio('stacks100', 'quickstart') },
  { budget: 'check of 10,000 resources ≤ 2 s (CPU)', limit: 2000, actual: by.check10k?.cpuMs ?? Number.NaN },
  { budget: 'check of 10,000 resources ≤ 300 MiB', limit: 300, actual: by.check10k?.peakRssMiB ?? Number.NaN },
]
  .filter((b) => !Number.isNaN(b.actual))
  .map((b) => ({ ...b, ok: b.actual <= b.limit }));

const fixed = (x: number, digits: number) => x.toFixed(digits);
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const table = [
  `Measured with \`npm run bench\` (${RUNS} interleaved runs, medians) on ${machine}, writing below ${path.dirname(SCRATCH)}. The ratios are the portable figures; milliseconds depend on the machine.`,
  '',
  '| scenario | CPU ms | spread | wall ms | spread | peak MiB | × floor (CPU) |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...stats.map((s) => `| ${s.label} | ${fixed(s.cpuMs, 0)} | ±${fixed(s.cpuSpread * 50, 0)}% | ${fixed(s.wallMs, 0)} | ±${fixed(s.wallSpread * 50, 0)}% | ${fixed(s.peakRssMiB, 0)} | ${by.floor ? fixed(s.cpuMs / by.floor.cpuMs, 2) : 'n/a'} |`),
  '',
  '| budget | actual | within |',
  '|---|---:|:---:|',
  ...budgets.map((b) => `| ${b.budget} | ${b.limit >= 100 ? fixed(b.actual, 0) : fixed(b.actual, 2)} | ${b.ok ? 'yes' : 'NO'} |`),
].join('\n');
console.log(table);

fs.writeFileSync(
  OUT,
  `${JSON.stringify({ date: new Date().toISOString(), machine, runs: RUNS, scenarios: stats, budgets }, null, 2)}\n`,
);
if (README) {
  const file = path.join(ROOT, 'README.md');
  const text = fs.readFileSync(file, 'utf8');
  const [start, end] = ['<!-- bench:start -->', '<!-- bench:end -->'];
  if (!text.includes(start) || !text.includes(end)) throw new Error('README.md has no bench markers');
  fs.writeFileSync(file, `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`);
}
if (CHECK && budgets.some((b) => !b.ok)) process.exitCode = 1;
