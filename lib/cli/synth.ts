import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from './inputs';
import type { Io } from './main';

/** The parts of cdktf's `manifest.json` that the report reads. */
interface Manifest {
  readonly stacks: Record<
    string,
    {
      readonly workingDirectory: string;
      readonly annotations?: readonly { readonly constructPath: string; readonly level: string; readonly message: string }[];
    }
  >;
}

/** The app command of `cdktf.json` in `cwd`, as `cdktf synth` reads it. */
function appCommand(cwd: string): string {
  const file = path.join(cwd, 'cdktf.json');
  let config: { app?: unknown };
  try {
    config = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); pass --app "<command>"`);
  }
  if (typeof config.app !== 'string' || config.app.trim() === '') throw new InputError(`${file}: has no "app" command; pass --app "<command>"`);
  return config.app;
}

/** cdktf's annotation levels (AnnotationMetadataEntryType), as people read them. */
const LEVELS: Readonly<Record<string, string>> = { '@cdktf/info': 'info', '@cdktf/warn': 'warning', '@cdktf/error': 'error' };

function filesBelow(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) found.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return found;
}

/**
 * Runs the app as `cdktf synth` does (the `app` command of `cdktf.json`, with `CDKTF_OUTDIR`), then
 * prints, for each stack, the files it wrote and every annotation: warnings such as HUB118 would
 * otherwise be seen only through the cdktf CLI. Returns the exit code: 0, 1 when the app failed or
 * left error annotations.
 */
export function synthApp(options: { readonly app?: string; readonly output: string; readonly cwd: string }, io: Io): number {
  const command = options.app ?? appCommand(options.cwd);
  const outdir = path.resolve(options.cwd, options.output);
  // An earlier run's manifest must not pass for this one's, when the app writes elsewhere.
  fs.rmSync(path.join(outdir, 'manifest.json'), { force: true });
  const run = spawnSync(command, { cwd: options.cwd, shell: true, encoding: 'utf8', env: { ...process.env, CDKTF_OUTDIR: outdir }, maxBuffer: 64 * 1024 * 1024 });
  if (run.stdout) io.out(run.stdout);
  if (run.stderr) io.err(run.stderr);
  if (run.error || run.status !== 0) {
    io.err(`aks-hub: '${command}' failed (${run.error?.message ?? `exit ${run.status ?? run.signal}`}); the errors above name each rule.\n`);
    return 1;
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  } catch {
    throw new InputError(`'${command}' wrote no ${path.join(options.output, 'manifest.json')}: does the app call app.synth(), and does it write to CDKTF_OUTDIR (an App({ outdir }) of its own writes elsewhere)?`);
  }
  let errors = 0;
  for (const name of Object.keys(manifest.stacks).sort()) {
    const stack = manifest.stacks[name]!;
    const dir = path.join(outdir, stack.workingDirectory);
    io.out(`Stack ${name}: ${path.relative(options.cwd, dir) || '.'}\n`);
    for (const f of filesBelow(dir)) io.out(`  ${f}\n`);
    for (const a of stack.annotations ?? []) {
      const level = LEVELS[a.level] ?? a.level;
      if (level === 'error') errors++;
      io.out(`  ${level} [${a.constructPath}] ${a.message}\n`);
    }
  }
  return errors > 0 ? 1 : 0;
}
