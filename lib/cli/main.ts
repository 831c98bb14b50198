import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { stampProfile } from '../profile/stamp';
import { propName } from '../import/from-props';
import { inWordsOf } from '../rules/finding';
import { RULES, ruleChecks, ruleDefinition } from '../rules/registry';
import { checkDocuments } from '../rules/check-documents';
import { FORMATS, type Format, formatFailure, formatJson, formatSarif, formatText } from './formats';
import { shellWord, terminalSafe } from '../render/terminal-text';
import { driftOf } from './drift';
import { addEngineCommands } from './engine';
import { initProject } from './init';
import { InputError, nothingFound, readInputs } from './inputs';
import { readHclModules } from './hcl-inputs';
import type { InputDocument } from '../import/documents';
import { synthApp } from './synth';

interface PackageJson {
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** This package's package.json, found from the running file (lib/cli in the repo, dist/cli when installed). */
function ownPackage(): PackageJson {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as PackageJson;
    if (path.dirname(dir) === dir) return { version: '0.0.0' };
  }
}

/** Where the CLI writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

function explain(id: string | undefined, io: Io): number {
  if (!id) {
    for (const r of RULES) io.out(`${r.id}  ${r.severity.padEnd(7)}  ${r.title}\n`);
    return 0;
  }
  const r = ruleDefinition(id.toUpperCase());
  if (!r) {
    io.err(`aks-hub: no rule ${id}; 'aks-hub explain' lists them all\n`);
    return 2;
  }
  const checks = ruleChecks(r);
  io.out(
    [
      `${r.id}  ${r.title}`,
      `severity: ${r.severity}${r.suppressible ? ' (can be suppressed with a reason)' : ' (a hard limit: cannot be suppressed)'}`,
      `source:   ${r.source}`,
      `why:      ${r.why}`,
      `fix:      ${inWordsOf(r.fix, propName)}`,
      ...(checks.length ? [`checks:   ${checks.join('; ')}`] : []),
      '',
    ].join('\n'),
  );
  return 0;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code, or its promise for a command that runs aks-engine-azurestack. */
export function run(argv: readonly string[], rawIo: Io = processIo, env: NodeJS.ProcessEnv = process.env): number | Promise<number> {
  // Names of files, resources and values come from the input: nothing of them may drive the terminal.
  const io: Io = { out: (t) => rawIo.out(terminalSafe(t)), err: (t) => rawIo.err(terminalSafe(t)) };
  const pkg = ownPackage();
  let code = 0;
  let pending: Promise<number> | undefined;
  const program = new Command()
    .name('aks-hub')
    .description('Azure Stack Hub checks and scaffolding for AKS clusters (cdktf-aks-hub).')
    .version(pkg.version)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command('check')
    .description('Run the Hub rules on Terraform JSON (cdk.tf.json, a cdktf.out/ directory, terraform show -json output), ARM templates and aks-engine API models.')
    .argument('<paths...>', 'files or directories')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--vm-size <sizes...>', 'VM sizes the stamp offers beyond the Hub list')
    .option('--kubernetes-version <versions...>', 'Kubernetes versions the stamp offers beyond the Hub list')
    // One file per flag, as terraform's -var-file: a list option would take the paths after it too.
    .option('--var-file <file>', 'values for the variables of the HCL modules checked, after terraform.tfvars and *.auto.tfvars (as terraform plan -var-file); repeat for more', (file: string, files: string[]) => [...files, file], [] as string[])
    .action((paths: string[], opts: { format: Format; vmSize?: string[]; kubernetesVersion?: string[]; varFile: string[] }) => {
      // In JSON and SARIF, a run that cannot check still prints one document, with the reason.
      const refuse = (e: unknown): never => {
        if (e instanceof InputError && opts.format !== 'text') io.out(formatFailure(opts.format, e.message, pkg.version));
        throw e;
      };
      let inputs: ReturnType<typeof readInputs>;
      try {
        inputs = readInputs(paths);
      } catch (e) {
        refuse(e);
      }
      const stamp = stampProfile('local', { vmSizes: { add: opts.vmSize ?? [] }, kubernetesVersions: { add: opts.kubernetesVersion ?? [] } });
      const report = (docs: InputDocument[], notes: string[]): number => {
        const findings = checkDocuments(docs, stamp, notes);
        for (const note of notes) io.err(`aks-hub: note: ${note}\n`);
        const render = { text: formatText, json: (f: typeof findings, n: number) => formatJson(f, n, notes), sarif: (f: typeof findings, n: number) => formatSarif(f, n, pkg.version, notes) }[opts.format];
        io.out(render(findings, docs.length));
        return findings.some((f) => f.severity === 'error') ? 1 : 0;
      };
      const { docs, notes, modules } = inputs!;
      if (modules.length === 0 && opts.varFile.length === 0) {
        code = report(docs, notes);
        return;
      }
      // HCL is read through a WebAssembly parser, which answers asynchronously.
      pending = readHclModules(modules, opts.varFile).then(
        (hcl) => {
          const all = [...docs, ...hcl.docs];
          const allNotes = [...notes, ...hcl.notes];
          if (all.length === 0) refuse(nothingFound(paths, allNotes));
          return report(all, allNotes);
        },
        (e: unknown) => refuse(e),
      );
    });

  program
    .command('drift')
    .description("List every property where the live cluster (az aks show -o json), or an AKS engine cluster's state folder, differs from the one the code describes (an azuredeploy.json or apimodel.json, or cdktf.out/).")
    .argument('<live>', "the output of az aks show -g <group> -n <cluster> -o json, or an AKS engine cluster's state folder (or its _output/apimodel.json)")
    .argument('<code...>', 'azuredeploy.json, or a folder such as cdktf.out/')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .action((live: string, codePaths: string[], opts: { format: Format }) => {
      const findings = driftOf(live, codePaths, stampProfile('local'));
      const render = { text: formatText, json: formatJson, sarif: (f: typeof findings, n: number) => formatSarif(f, n, pkg.version) }[opts.format];
      io.out(render(findings, 1));
      code = findings.some((f) => f.severity === 'error') ? 1 : 0;
    });

  program
    .command('synth')
    .description("Run the app as 'cdktf synth' does (the app command of cdktf.json), then list each stack's files and every warning and error with its rule id.")
    .option('--app <command>', 'the command that runs the app (default: "app" in cdktf.json)')
    .option('-o, --output <dir>', 'the output folder', 'cdktf.out')
    .action((opts: { app?: string; output: string }) => {
      code = synthApp({ ...(opts.app && { app: opts.app }), output: opts.output, cwd: process.cwd() }, io);
    });

  program
    .command('explain')
    .description('Print a rule: its title, source, why it exists and the fix. Without an id, list every rule.')
    .argument('[ruleId]', 'for example HUB001')
    .action((id: string | undefined) => {
      code = explain(id, io);
    });

  program
    .command('init')
    .description('Scaffold a project: package.json, cdktf.json, main.ts with a HubStack and a HubAksEngineCluster (stamps of release 2311 on), and a vitest test.')
    .argument('<dir>', 'directory to create')
    .option('--arm-endpoint <url>', "the stamp's Resource Manager endpoint", 'https://management.local.azurestack.external')
    .option('--location <region>', "the stamp's region name", 'local')
    .option('--client-id <appId>', "the cluster service principal's application id", '00000000-0000-0000-0000-000000000000')
    .option('--ssh-public-key <file>', 'your .pub file, written into main.ts (default: main.ts reads TF_VAR_ssh_public_key at deploy)')
    .option('--aks-resource-provider', 'a HubAksCluster instead, for a stamp before release 2311 whose AKS resource provider is registered')
    .action((dir: string, opts: { armEndpoint: string; location: string; clientId: string; sshPublicKey?: string; aksResourceProvider?: boolean }) => {
      const written = initProject(
        dir,
        { armEndpoint: opts.armEndpoint, location: opts.location, clientId: opts.clientId, ...(opts.sshPublicKey && { sshPublicKeyFile: opts.sshPublicKey }), ...(opts.aksResourceProvider && { aksResourceProvider: true }) },
        { self: pkg.version, dependencies: { ...pkg.devDependencies, ...pkg.dependencies } },
      );
      io.out(`Wrote ${written.join(', ')} to ${dir}.\nNext: cd ${shellWord(dir)} && npm install && npm test && npm run synth\n`);
    });

  addEngineCommands(program, io, env, (c) => {
    if (typeof c === 'number') code = c;
    else pending = c;
  });

  const failed = (e: unknown): number => {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    io.err(`aks-hub: ${(e as Error).message ?? String(e)}\n`);
    return 2;
  };
  try {
    program.parse(argv as string[], { from: 'user' });
    if (pending) return pending.catch(failed);
  } catch (e) {
    return failed(e);
  }
  return code;
}
