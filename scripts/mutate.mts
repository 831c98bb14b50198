/**
 * Mutation testing of one module against the tests that cover it:
 *
 *   npm run mutate -- lib/model/cidr.ts [--tests test/cidr.test.ts,...] [--concurrency 2] [--timeout-ms 10000] [--break 85]
 *
 * Stryker 9.6 with its vitest runner (Stryker 10 needs Node 22) changes the module one mutant at a
 * time and runs the tests that reach the changed code. Without `--tests`, the tests are the
 * in-process test files that import the module, directly or through others; files that only start
 * other processes (packing, examples, Terraform) cannot see a mutant and are left out. Prints each
 * surviving mutant with its line, each equivalent one (scripts/equivalent-mutants.json) with its
 * reason, and the score without the equivalent ones; exits 1 below `--break` (default: report
 * only) or when an entry of that list matches no surviving mutant.
 * Not part of `.ci/run`: a module takes minutes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MutantResult } from '@stryker-mutator/api/core';
import { Stryker } from '@stryker-mutator/core';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Test files that only run other processes: a mutant in this process is invisible to them. */
const OUT_OF_PROCESS = new Set(['test/package.test.ts', 'test/first-run.test.ts', 'test/examples.test.ts', 'test/public-api.test.ts', 'test/lint.test.ts', 'test/engine-terraform.test.ts']);

/** Relative imports of a TypeScript file, resolved to files of the repository. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].flatMap((m) => {
    const base = path.resolve(path.dirname(file), m[1]!);
    return [`${base}.ts`, path.join(base, 'index.ts'), base].filter((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  });
}

/** The test files whose import graph reaches `module`. */
function testsReaching(module: string): string[] {
  const target = path.resolve(ROOT, module);
  const reaches = new Map<string, boolean>();
  const visit = (file: string, seen: Set<string>): boolean => {
    if (file === target) return true;
    if (reaches.has(file)) return reaches.get(file)!;
    if (seen.has(file)) return false;
    seen.add(file);
    const found = importsOf(file).some((f) => visit(f, seen));
    reaches.set(file, found);
    return found;
  };
  return fs
    .readdirSync(path.join(ROOT, 'test'))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `test/${f}`)
    .filter((f) => !OUT_OF_PROCESS.has(f) && visit(path.join(ROOT, f), new Set()));
}

const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const module = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
if (!module || !fs.existsSync(path.join(ROOT, module))) {
  console.error('usage: npm run mutate -- <module, e.g. lib/model/cidr.ts> [--tests a.test.ts,b.test.ts] [--concurrency 2] [--timeout-ms 10000] [--break 85]');
  process.exit(2);
}
const tests = option('--tests')?.split(',') ?? testsReaching(module);
console.log(`Mutating ${module} against ${tests.length} test file(s): ${tests.join(', ')}`);
// vitest.config.mts runs only these files when this variable is set; the runners inherit it.
process.env.AKS_HUB_MUTATE_TESTS = tests.join(',');
const bar = Number(option('--break') ?? 0);
const results = await new Stryker({
  mutate: [module],
  // vitest's runner, with a test file that fails to load counted as a kill (see the plugin).
  testRunner: 'vitest-files',
  plugins: ['@stryker-mutator/vitest-runner', path.join(ROOT, 'scripts/stryker-vitest-files.mjs')],
  vitest: { configFile: 'vitest.config.mts', related: false },
  coverageAnalysis: 'perTest',
  // Static mutants (rule tables built when a module loads) run with the module loaded anew.
  ignoreStatic: false,
  concurrency: Number(option('--concurrency') ?? 2),
  reporters: ['clear-text', 'progress'],
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 85, low: 70, break: bar },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // A mutant that loops forever costs this much beyond the tests' own time: raise it with
  // --timeout-ms for test files that start slowly (a synth, a child process).
  timeoutMS: Number(option('--timeout-ms') ?? 10_000),
}).runMutationTest();
// Mutants no test can kill, each with the reason: the code they change, the mutator and the replacement.
interface Equivalent {
  readonly file: string;
  readonly code: string;
  readonly mutator: string;
  readonly replacement: string;
  /** Text the mutated line contains, when the code alone occurs in more than one place. */
  readonly context?: string;
  readonly reason: string;
}
const EQUIVALENTS: readonly Equivalent[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts/equivalent-mutants.json'), 'utf8'));
// Only the mutated module is read, once.
const source = fs.readFileSync(path.resolve(ROOT, module), 'utf8').split('\n');
/** The lines a mutant changes (Stryker's locations count lines and columns from 1). */
const linesOf = (r: MutantResult): string[] => source.slice(r.location.start.line - 1, r.location.end.line);
/** The code a mutant replaces. */
function codeOf(r: MutantResult): string {
  const lines = linesOf(r);
  lines[lines.length - 1] = lines[lines.length - 1]!.slice(0, r.location.end.column - 1);
  lines[0] = lines[0]!.slice(r.location.start.column - 1);
  return lines.join('\n');
}
const listed = EQUIVALENTS.filter((e) => path.resolve(ROOT, e.file) === path.resolve(ROOT, module));
/** Each surviving mutant that an entry of the list names, with that entry. */
const equivalentOf = new Map(
  results.flatMap((r): [MutantResult, Equivalent][] => {
    if (r.status !== 'Survived' && r.status !== 'NoCoverage') return [];
    const e = listed.find((e) => e.mutator === r.mutatorName && e.replacement === r.replacement && e.code === codeOf(r) && (e.context === undefined || linesOf(r).join('\n').includes(e.context)));
    return e ? [[r, e]] : [];
  }),
);
const counted = results.filter((r) => !['Ignored', 'CompileError', 'RuntimeError'].includes(r.status) && !equivalentOf.has(r));
const killed = counted.filter((r) => r.status === 'Killed' || r.status === 'Timeout').length;
const score = counted.length === 0 ? 100 : (100 * killed) / counted.length;
const where = (r: MutantResult) => `${path.relative(ROOT, r.fileName)}:${r.location.start.line} ${r.mutatorName} → ${JSON.stringify(r.replacement ?? '')}`;
for (const r of counted.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')) console.log(`${r.status}: ${where(r)}`);
for (const [r, e] of equivalentOf) console.log(`Equivalent: ${where(r)}: ${e.reason}`);
// An entry no surviving mutant matches is out of date: the code changed, or a test now kills it.
const stale = listed.filter((e) => ![...equivalentOf.values()].includes(e));
for (const e of stale) console.log(`Listed as equivalent, but no surviving mutant matches: ${e.file} ${e.mutator} → ${JSON.stringify(e.replacement)} in ${JSON.stringify(e.code)}`);
console.log(`Mutation score of ${module}: ${score.toFixed(1)}% (${killed} of ${counted.length} mutants killed or timed out; ${equivalentOf.size} equivalent, listed above)`);
if (score < bar || stale.length > 0) process.exit(1);
