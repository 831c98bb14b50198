/**
 * `npm run bench`: times whole processes, several runs each, and reports medians and peak RSS
 * as a table and in bench/results.json. Figures are reported, never asserted in the test suite.
 * Usage: npm run bench [-- --runs 5] [-- --tests]  (--tests also times `npm test` once)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const FIX = path.join(ROOT, 'bench', 'fixtures');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 5) || 5;
const WITH_TESTS = args.includes('--tests');
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Sample {
  ms: number;
  rssMiB?: number;
  importMs?: number;
}
interface Scenario {
  key: string;
  label: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  peakRssMiB?: number;
  importMs?: number;
  runs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs a command once; peak RSS from GNU time (any program) or from the node fixture's own report. */
function once(cmd: string, cmdArgs: string[]): Sample {
  const argv = GNU_TIME ? [GNU_TIME, '-f', '__BENCH_TIME_RSS_KB__=%M', cmd, ...cmdArgs] : [cmd, ...cmdArgs];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed:\n${r.stderr}`);
  const rss = /__BENCH_TIME_RSS_KB__=(\d+)/.exec(r.stderr) ?? /__BENCH_MAXRSS_KB__=(\d+)/.exec(r.stderr);
  const imp = /__BENCH_IMPORT_MS__=([\d.]+)/.exec(r.stdout);
  return { ms, ...(rss && { rssMiB: Number(rss[1]) / 1024 }), ...(imp && { importMs: Number(imp[1]) }) };
}

function measure(key: string, label: string, cmd: string, cmdArgs: (outdir: string) => string[], runs = RUNS): Scenario {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `aks-hub-bench-${key}-`));
    samples.push(once(cmd, cmdArgs(outdir)));
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  const ms = samples.map((s) => s.ms);
  const rss = samples.flatMap((s) => (s.rssMiB === undefined ? [] : [s.rssMiB]));
  const imp = samples.flatMap((s) => (s.importMs === undefined ? [] : [s.importMs]));
  const sc: Scenario = {
    key,
    label,
    medianMs: median(ms),
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    ...(rss.length && { peakRssMiB: Math.max(...rss) }),
    ...(imp.length && { importMs: median(imp) }),
    runs,
  };
  process.stderr.write(`  ${label}: ${sc.medianMs.toFixed(0)} ms\n`);
  return sc;
}

const node = (fixture: string, ...extra: string[]) => (outdir: string) => ['-r', path.join(FIX, 'report-rss.js'), path.join(FIX, fixture), outdir, ...extra];

process.stderr.write('building the library (dist/)...\n');
execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
process.stderr.write(`measuring, ${RUNS} runs each:\n`);

const tsc7 = path.join(ROOT, 'node_modules', 'typescript7', 'bin', 'tsc');
const tsc5 = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const quickstartTsconfig = path.join(ROOT, 'bench', 'tsconfig.quickstart.json');
const scenarios: Scenario[] = [
  measure('floor', '(a) empty cdktf app (floor)', process.execPath, node('empty.js')),
  measure('quickstart', '(b) quickstart through the library', process.execPath, node('quickstart.js')),
  measure('naive', '(c) naive azurerm, root import', process.execPath, node('naive-azurerm.js')),
  ...[1, 10, 100, 500].map((n) => measure(`clusters${n}`, `(d) ${n} cluster${n === 1 ? '' : 's'} in one stack`, process.execPath, node('clusters.js', String(n)), n === 500 ? Math.min(RUNS, 3) : RUNS)),
  measure('tsc7', '(e) tsc --noEmit quickstart, TypeScript 7', process.execPath, () => [tsc7, '--noEmit', '-p', quickstartTsconfig]),
  measure('tsc5', '(e) tsc --noEmit quickstart, TypeScript 5.9', process.execPath, () => [tsc5, '--noEmit', '-p', quickstartTsconfig], Math.min(RUNS, 3)),
  measure('import', '(f) node process importing the library', process.execPath, node('import-lib.js')),
];
if (WITH_TESTS) scenarios.push(measure('tests', 'npm test (whole suite)', 'npm', () => ['test', '--silent'], 1));

const by = Object.fromEntries(scenarios.map((s) => [s.key, s]));
const ratio = (a: string, b: string) => by[a]!.medianMs / by[b]!.medianMs;
const budgets = [
  { budget: 'quickstart synth ≤ 1.3 × floor', limit: 1.3, actual: ratio('quickstart', 'floor') },
  { budget: 'quickstart synth ≤ 0.2 × naive azurerm', limit: 0.2, actual: ratio('quickstart', 'naive') },
  { budget: 'quickstart peak RSS ≤ 100 MiB', limit: 100, actual: by.quickstart!.peakRssMiB ?? Number.NaN },
  { budget: '100 clusters ≤ 2 × one cluster', limit: 2, actual: ratio('clusters100', 'clusters1') },
  { budget: '500 clusters ≤ 5 × one cluster', limit: 5, actual: ratio('clusters500', 'clusters1') },
  { budget: 'type-check quickstart ≤ 2 s (TypeScript 7)', limit: 2000, actual: by.tsc7!.medianMs },
  ...(by.tests ? [{ budget: 'npm test ≤ 60 s', limit: 60000, actual: by.tests.medianMs }] : []),
].map((b) => ({ ...b, ok: b.actual <= b.limit }));

const pad = (s: string, n: number) => s.padEnd(n);
const lines = [
  `| scenario | median ms | min–max ms | peak RSS MiB | × floor | × naive |`,
  `|---|---:|---:|---:|---:|---:|`,
  ...scenarios.map(
    (s) =>
      `| ${s.label}${s.importMs !== undefined ? ` (require: ${s.importMs.toFixed(0)} ms)` : ''} | ${s.medianMs.toFixed(0)} | ${s.minMs.toFixed(0)}–${s.maxMs.toFixed(0)} | ${s.peakRssMiB?.toFixed(0) ?? 'n/a'} | ${(s.medianMs / by.floor!.medianMs).toFixed(2)} | ${(s.medianMs / by.naive!.medianMs).toFixed(2)} |`,
  ),
  '',
  `| budget | actual | within |`,
  `|---|---:|:---:|`,
  ...budgets.map((b) => `| ${pad(b.budget, 10)} | ${b.limit >= 100 ? b.actual.toFixed(0) : b.actual.toFixed(2)} | ${b.ok ? 'yes' : 'NO'} |`),
];
console.log(lines.join('\n'));

const results = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
  runs: RUNS,
  scenarios,
  budgets,
};
fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwrote bench/results.json');
