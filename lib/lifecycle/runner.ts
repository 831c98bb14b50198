import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MIN_RSA_KEY_BITS, isAcceptedKey, parseSshPublicKey } from '../model/ssh-key';
import { AKS_ENGINE } from '../profile/aks-engine';
import { WINDOWS_PASSWORD, windowsPasswordAccepted } from '../profile/hub-limits';
import type { StampProfile } from '../profile/stamp';
import { formatFinding } from '../rules/finding';
import { terminalSafe } from '../render/terminal-text';
import { type EngineAuth, describeStep, shownCommand, stepArgs } from './commands';
import { type EnginePlan, type EngineStep, planEngine } from './plan';
import { ENGINE_ENV, type EngineSpec, SpecError, isGuid, readSpec } from './spec';
import { STATE, type StateRecord, StateFolder, fileTime } from './state';

/** Where `aks-hub engine` writes. */
export interface EngineIo {
  out(text: string): void;
  err(text: string): void;
}

/** A cluster's spec, the code's model, its state folder and the plan between them. */
export interface LoadedEngine {
  readonly spec: EngineSpec;
  readonly state: StateFolder;
  readonly record?: StateRecord;
  readonly desired: Record<string, unknown>;
  readonly plan: EnginePlan;
}

/** Reads the spec, the code's API model and the state, and plans; runs nothing. */
export function loadEngine(specFile: string, stamp: StampProfile): LoadedEngine {
  const { spec, dir } = readSpec(specFile);
  const modelFile = path.resolve(dir, spec.apiModel);
  let desired: Record<string, unknown>;
  try {
    desired = JSON.parse(fs.readFileSync(modelFile, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new SpecError(`${modelFile}: cannot read the cluster's API model (${(e as Error).message}); run cdktf synth first.`);
  }
  const state = new StateFolder(path.resolve(dir, spec.state));
  const record = state.record();
  const deployed = state.deployedModel();
  const plan = planEngine({ spec, desired, ...(deployed && { deployed }), deployedOnce: record?.status === 'deployed', ...(record && { deployedGroup: record.resourceGroup }), stamp });
  return { spec, state, ...(record && { record }), desired, plan };
}

/** The values a run needs from its environment, or what is missing. */
function runtimeValues(l: LoadedEngine, env: NodeJS.ProcessEnv, needsDeploy: boolean): { subscriptionId: string; auth: EngineAuth; secrets: string[] } | { problems: string[] } {
  const problems: string[] = [];
  const subscriptionId = l.spec.subscriptionId ?? env[ENGINE_ENV.subscriptionId] ?? '';
  // Never empty: aks-engine would then take the Azure CLI's selected subscription (cmd/root.go:166-175).
  if (!isGuid(subscriptionId)) problems.push(`${ENGINE_ENV.subscriptionId} must be the subscription's id (a GUID), or set hub.subscriptionId on the stack.`);
  else if (l.record && l.record.subscriptionId.toLowerCase() !== subscriptionId.toLowerCase()) problems.push(`The cluster was deployed into subscription ${l.record.subscriptionId}, not ${subscriptionId}.`);
  let auth: EngineAuth | undefined;
  if (l.spec.authMethod === 'client_secret') {
    const secret = env[ENGINE_ENV.clientSecret] ?? '';
    if (secret === '') problems.push(`${ENGINE_ENV.clientSecret} must hold the service principal's secret.`);
    auth = { method: 'client_secret', secret };
  } else {
    const certificatePath = env[ENGINE_ENV.certificatePath] ?? '';
    const privateKeyPath = env[ENGINE_ENV.privateKeyPath] ?? '';
    for (const [name, file] of [[ENGINE_ENV.certificatePath, certificatePath], [ENGINE_ENV.privateKeyPath, privateKeyPath]] as const) {
      if (file === '' || !fs.existsSync(file)) problems.push(`${name} must name the service principal's ${name === ENGINE_ENV.certificatePath ? 'certificate' : 'private key'} file.`);
    }
    auth = { method: 'client_certificate', certificatePath, privateKeyPath };
  }
  const secrets = [auth.method === 'client_secret' ? auth.secret : '', env[ENGINE_ENV.windowsPassword] ?? ''].filter((s) => s !== '');
  // Checked as HUB305 checks a key written in the code.
  if (needsDeploy && l.spec.sshKeyAtDeploy && !isAcceptedKey(parseSshPublicKey(env[ENGINE_ENV.sshPublicKey] ?? ''))) {
    problems.push(`${ENGINE_ENV.sshPublicKey} must hold the Linux VMs' SSH public key: one ssh-rsa line of ${MIN_RSA_KEY_BITS} bits or more.`);
  }
  if (needsDeploy && l.spec.windowsPasswordAtDeploy && !windowsPasswordAccepted(env[ENGINE_ENV.windowsPassword] ?? '')) {
    problems.push(`${ENGINE_ENV.windowsPassword} must hold the Windows admin password: ${WINDOWS_PASSWORD.min} to ${WINDOWS_PASSWORD.max} characters, with at least ${WINDOWS_PASSWORD.required} of a lower-case letter, an upper-case letter, a digit and another character.`);
  }
  return problems.length > 0 ? { problems } : { subscriptionId, auth, secrets };
}

/** The aks-engine-azurestack program. */
const binaryOf = (env: NodeJS.ProcessEnv): string => env[ENGINE_ENV.binary] || AKS_ENGINE.binary;

/** The environment of an aks-engine process: no secret of ours, temporary files inside the state folder. */
function childEnv(env: NodeJS.ProcessEnv, state: StateFolder, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const tmp = state.ensure(STATE.tmp);
  const out: NodeJS.ProcessEnv = { ...env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, ...extra };
  delete out[ENGINE_ENV.clientSecret];
  delete out[ENGINE_ENV.windowsPassword];
  return out;
}

/** Text with every secret replaced, and control characters shown escaped, for the log file too. */
function masked(text: string, secrets: readonly string[]): string {
  let t = text;
  for (const s of secrets) t = t.split(s).join('****');
  return terminalSafe(t);
}

/**
 * Runs aks-engine-azurestack with an argument array (no shell), its output shown as it comes, line
 * by line with secrets masked, and kept in the state folder's logs.
 */
function runAksEngine(binary: string, args: readonly string[], secrets: readonly string[], io: EngineIo, state: StateFolder, env: NodeJS.ProcessEnv, operation: string): Promise<number> {
  const log = state.write(path.join(STATE.logs, `${fileTime()}-${operation}.log`), `${shownCommand(binary, args, secrets)}\n`);
  io.out(`aks-hub: running ${shownCommand(binary, args, secrets)}\n`);
  return new Promise((resolve) => {
    const child = spawn(binary, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const pump = (stream: NodeJS.ReadableStream, write: (t: string) => void) => {
      const emit = (line: string) => {
        const shown = `${masked(line.replace(/\r$/, ''), secrets)}\n`;
        write(shown);
        fs.appendFileSync(log, shown);
      };
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        lines.forEach(emit);
      });
      stream.on('end', () => {
        if (rest !== '') emit(rest);
      });
    };
    pump(child.stdout, io.out);
    pump(child.stderr, io.err);
    child.on('error', (e) => {
      io.err(`aks-hub: cannot run ${binary} (${(e as NodeJS.ErrnoException).code ?? e.message}). Install aks-engine-azurestack ${AKS_ENGINE.release} on the PATH, or name it in ${ENGINE_ENV.binary}.\n`);
      resolve(127);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/**
 * The release of the program, when it says (`version -o json`); a release other than the one the
 * models and the upgrade rules are for is refused, one that cannot be read is only warned about.
 */
function releaseCheck(binary: string, env: NodeJS.ProcessEnv): { refuse?: string; warn?: string } {
  const r = spawnSync(binary, ['version', '-o', 'json'], { env, encoding: 'utf8', windowsHide: true, timeout: 60_000 });
  if (r.error) return { refuse: `cannot run ${binary} (${(r.error as NodeJS.ErrnoException).code ?? r.error.message}). Install aks-engine-azurestack ${AKS_ENGINE.release} on the PATH, or name it in ${ENGINE_ENV.binary}.` };
  let tag: unknown;
  try {
    tag = (JSON.parse(r.stdout) as { GitTag?: unknown }).GitTag;
  } catch {
    tag = undefined;
  }
  if (typeof tag !== 'string') return { warn: `${binary} did not say its release; the models and the upgrade rules are for aks-engine-azurestack ${AKS_ENGINE.release}.` };
  return tag === AKS_ENGINE.release ? {} : { refuse: `${binary} is ${masked(tag, [])}; the models and the upgrade rules are for aks-engine-azurestack ${AKS_ENGINE.release}.` };
}

/** Prints the plan: refusals, or each step with its command; returns whether it may run. */
function printPlan(l: LoadedEngine, io: EngineIo, shown: (step: EngineStep) => string): boolean {
  const errors = l.plan.findings.filter((f) => f.severity === 'error');
  for (const f of l.plan.findings) io.out(`${formatFinding(f)}\n`);
  if (errors.length > 0) {
    io.out(`aks-hub: ${l.spec.cluster}: ${errors.length} change${errors.length === 1 ? '' : 's'} refused; no aks-engine-azurestack command runs.\n`);
    return false;
  }
  if (l.plan.steps.length === 0) io.out(`aks-hub: ${l.spec.cluster}: the deployed cluster matches the code; nothing to do.\n`);
  l.plan.steps.forEach((s, i) => io.out(`${i + 1}. ${describeStep(s)}\n   ${shown(s)}\n`));
  return true;
}

/** `aks-hub engine plan`: what apply would run, with secrets shown as their variables. */
export function enginePlan(specFile: string, io: EngineIo, env: NodeJS.ProcessEnv, stamp: StampProfile): number {
  const l = loadEngine(specFile, stamp);
  const subscription = l.spec.subscriptionId ?? (env[ENGINE_ENV.subscriptionId] || `$${ENGINE_ENV.subscriptionId}`);
  const auth: EngineAuth = l.spec.authMethod === 'client_secret' ? { method: 'client_secret', secret: `$${ENGINE_ENV.clientSecret}` } : { method: 'client_certificate', certificatePath: `$${ENGINE_ENV.certificatePath}`, privateKeyPath: `$${ENGINE_ENV.privateKeyPath}` };
  const files = { deployModel: l.state.file(STATE.deployInput, 'apimodel.json'), poolFile: l.state.file(STATE.tmp, '<pool>.json'), apiServer: '<API server>' };
  return printPlan(l, io, (s) => shownCommand(binaryOf(env), stepArgs(s, l.spec, l.state, subscription, auth, files), [])) ? 0 : 1;
}

/**
 * The API server's URL: from the kubeconfig deploy wrote, else from the deployed model
 * (`masterProfile.fqdn`, or the DNS prefix, location and the cloud's VM DNS suffix deploy recorded).
 */
export function apiServerOf(state: StateFolder, location: string): string | undefined {
  const k = state.readJson(path.join(STATE.output, 'kubeconfig', `kubeconfig.${location}.json`)) as { clusters?: { cluster?: { server?: unknown } }[] } | undefined;
  const model = state.deployedModel() as { properties?: { masterProfile?: { fqdn?: unknown; dnsPrefix?: unknown }; customCloudProfile?: { environment?: { resourceManagerVMDNSSuffix?: unknown } } } } | undefined;
  const master = model?.properties?.masterProfile;
  const suffix = model?.properties?.customCloudProfile?.environment?.resourceManagerVMDNSSuffix;
  const candidates = [
    k?.clusters?.[0]?.cluster?.server,
    typeof master?.fqdn === 'string' && master.fqdn !== '' ? `https://${master.fqdn}` : undefined,
    typeof master?.dnsPrefix === 'string' && typeof suffix === 'string' && suffix !== '' ? `https://${master.dnsPrefix}.${location}.${suffix}` : undefined,
  ];
  return candidates.find((c): c is string => typeof c === 'string' && /^https:\/\/[\w.-]+(:\d+)?\/?$/.test(c));
}

/** Sets a value at a JSON path of a model. */
function setAt(model: Record<string, unknown>, at: readonly (string | number)[], value: unknown): void {
  let cur = model as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) cur = cur[key] as Record<string | number, unknown>;
  cur[at.at(-1)!] = value;
}

/** The model deploy takes: the code's, with the deploy-time SSH key and Windows password, written into the state folder. */
function deployModel(l: LoadedEngine, env: NodeJS.ProcessEnv): string {
  const model = structuredClone(l.desired) as { properties: Record<string, any> };
  if (l.spec.sshKeyAtDeploy) model.properties.linuxProfile.ssh.publicKeys[0].keyData = env[ENGINE_ENV.sshPublicKey];
  if (l.spec.windowsPasswordAtDeploy) model.properties.windowsProfile.adminPassword = env[ENGINE_ENV.windowsPassword];
  return l.state.write(path.join(STATE.deployInput, 'apimodel.json'), `${JSON.stringify(model, null, 2)}\n`);
}

/**
 * `aks-hub engine apply`: makes the deployed cluster match the code, one aks-engine-azurestack
 * command after another, under the state folder's lock; refuses before any command runs.
 */
export async function engineApply(specFile: string, io: EngineIo, env: NodeJS.ProcessEnv, stamp: StampProfile): Promise<number> {
  const { spec, dir } = readSpec(specFile);
  const unlock = new StateFolder(path.resolve(dir, spec.state)).lock('apply');
  try {
    // Planned under the lock: no other operation rewrites the state meanwhile.
    const l = loadEngine(specFile, stamp);
    const deploymentId = env[ENGINE_ENV.deploymentId];
    if (l.record && deploymentId && l.record.deploymentId && l.record.deploymentId !== deploymentId) {
      io.err(
        `aks-hub: ${l.state.dir} holds a cluster deployed into an earlier resource group (${l.record.resourceGroup}), which Terraform has since replaced or destroyed. If that group and its cluster are gone, run 'aks-hub engine forget ${specFile}' and apply again.\n`,
      );
      return 2;
    }
    // Refusals first: they hold whatever the environment has, and need none of its secrets.
    if (l.plan.findings.some((f) => f.severity === 'error')) return printPlan(l, io, () => '') ? 0 : 1;
    // Nothing to do needs no secret either.
    if (l.plan.steps.length === 0) return printPlan(l, io, () => '') ? 0 : 1;
    const needsDeploy = l.plan.steps.some((s) => s.kind === 'deploy' && !s.retry);
    const values = runtimeValues(l, env, needsDeploy);
    if ('problems' in values) {
      for (const p of values.problems) io.err(`aks-hub: ${p}\n`);
      return 2;
    }
    const binary = binaryOf(env);
    const files = { deployModel: l.state.file(STATE.deployInput, 'apimodel.json'), poolFile: '', apiServer: apiServerOf(l.state, l.spec.location) ?? '' };
    printPlan(l, io, (s) => shownCommand(binary, stepArgs(s, l.spec, l.state, values.subscriptionId, values.auth, files), values.secrets));
    const processEnv = childEnv(env, l.state);
    const program = releaseCheck(binary, processEnv);
    if (program.warn) io.err(`aks-hub: warning: ${program.warn}\n`);
    if (program.refuse) {
      io.err(`aks-hub: ${program.refuse}\n`);
      return 2;
    }
    let record: StateRecord = l.record ?? { status: 'deploying', resourceGroup: l.spec.resourceGroup, location: l.spec.location, subscriptionId: values.subscriptionId, history: [] };
    if (deploymentId && !record.deploymentId) record = { ...record, deploymentId };
    for (const step of l.plan.steps) {
      const stepFiles = { ...files };
      if (step.kind === 'deploy') {
        if (step.retry) {
          l.state.write(path.join(STATE.deployInput, 'apimodel.json'), fs.readFileSync(l.state.apiModelPath, 'utf8'));
        } else {
          // An output folder without a model is what a deploy left that failed before writing it: nothing was deployed from it.
          if (fs.existsSync(l.state.file(STATE.output)) && !fs.existsSync(l.state.apiModelPath)) fs.rmSync(l.state.file(STATE.output), { recursive: true, force: true });
          deployModel(l, env);
        }
        l.state.saveRecord(record);
      } else {
        l.state.snapshot(step.kind);
        if (step.kind === 'upgrade' && step.resized.length > 0) {
          const model = JSON.parse(fs.readFileSync(l.state.apiModelPath, 'utf8')) as Record<string, unknown>;
          for (const r of step.resized) setAt(model, r.jsonPath, r.value);
          l.state.write(path.join(STATE.output, 'apimodel.json'), `${JSON.stringify(model, null, 2)}\n`);
        }
        if (step.kind === 'addpool') stepFiles.poolFile = l.state.write(path.join(STATE.tmp, `addpool-${step.pool}.json`), `${JSON.stringify(step.profile, null, 2)}\n`);
        if (step.kind === 'scale' && step.to < step.from && !stepFiles.apiServer) {
          io.err(`aks-hub: scaling down needs the API server, read from ${l.state.file(STATE.output, 'kubeconfig')}, which is missing.\n`);
          return 2;
        }
      }
      const args = stepArgs(step, l.spec, l.state, values.subscriptionId, values.auth, stepFiles);
      const code = await runAksEngine(binary, args, values.secrets, io, l.state, processEnv, step.kind);
      const at = new Date().toISOString();
      record = { ...record, history: [...record.history, { operation: shownCommand(binary, args, values.secrets), at, result: code === 0 ? 'ok' : 'failed', ...(code !== 0 && { exitCode: code }) }] };
      if (code === 0 && step.kind === 'deploy') {
        record = { ...record, status: 'deployed' };
        fs.rmSync(l.state.file(STATE.deployInput), { recursive: true, force: true });
      }
      if (step.kind === 'addpool') fs.rmSync(stepFiles.poolFile, { force: true });
      l.state.saveRecord(record);
      if (code !== 0) {
        io.err(`aks-hub: ${describeStep(step)} failed (exit ${code}). The state is kept: apply again to retry${step.kind === 'upgrade' ? ' (upgrade resumes where it stopped)' : ''}; the log is in ${l.state.file(STATE.logs)}.\n`);
        return code;
      }
    }
    io.out(`aks-hub: ${l.spec.cluster}: done.\n`);
    return 0;
  } finally {
    unlock();
  }
}

/** `aks-hub engine forget`: deletes the state folder of a cluster whose resource group is gone. */
export function engineForget(specFile: string, io: EngineIo): number {
  const { spec, dir } = readSpec(specFile);
  const state = new StateFolder(path.resolve(dir, spec.state));
  if (!fs.existsSync(state.dir)) {
    io.out(`aks-hub: ${spec.cluster}: no state folder at ${state.dir}; nothing to forget.\n`);
    return 0;
  }
  state.lock('forget');
  fs.rmSync(state.dir, { recursive: true, force: true });
  io.out(`aks-hub: ${spec.cluster}: deleted its state folder ${state.dir}.\n`);
  return 0;
}

/** Options of `aks-hub engine logs`, as get-logs takes them (cmd/get_logs.go:90-104). */
export interface LogsOptions {
  readonly linuxSshPrivateKey: string;
  readonly sshHost?: string;
  readonly vmNames?: readonly string[];
  readonly controlPlaneOnly?: boolean;
  readonly uploadSasUrl?: string;
  readonly outputDirectory?: string;
}

/**
 * `aks-hub engine logs`: get-logs with the state's model, under its lock, in a HOME of its own so
 * that host keys of VMs an upgrade made anew do not stop it (facts §7, §10.17).
 */
export async function engineLogs(specFile: string, options: LogsOptions, io: EngineIo, env: NodeJS.ProcessEnv): Promise<number> {
  const { spec, dir } = readSpec(specFile);
  const state = new StateFolder(path.resolve(dir, spec.state));
  if (!fs.existsSync(state.apiModelPath)) {
    io.err(`aks-hub: ${spec.cluster} has no deployed model at ${state.apiModelPath}; deploy it first.\n`);
    return 2;
  }
  if (!fs.existsSync(options.linuxSshPrivateKey)) {
    io.err(`aks-hub: ${options.linuxSshPrivateKey}: no such file; get-logs needs the private key of the Linux VMs' SSH key.\n`);
    return 2;
  }
  const host = options.sshHost ?? apiServerOf(state, spec.location)?.replace(/^https:\/\//, '').replace(/[:/].*$/, '');
  if (!host || !/^[\w.-]+$/.test(host)) {
    io.err('aks-hub: --ssh-host is needed: the kubeconfig deploy wrote names no API server.\n');
    return 2;
  }
  if (options.uploadSasUrl !== undefined && !/^https:\/\/[^\s]+$/.test(options.uploadSasUrl)) {
    io.err('aks-hub: --upload-sas-url must be an https URL (https://<blob service>/<container>?<sas>).\n');
    return 2;
  }
  const unlock = state.lock('logs');
  try {
    const home = state.file(STATE.tmp, 'home');
    fs.rmSync(home, { recursive: true, force: true });
    state.ensure(STATE.tmp, 'home');
    const out = options.outputDirectory ?? state.ensure(STATE.logs, 'nodes');
    const args = [
      'get-logs', '--api-model', state.apiModelPath, '--location', spec.location, '--ssh-host', host, '--linux-ssh-private-key', options.linuxSshPrivateKey, '--output-directory', out,
      ...(options.controlPlaneOnly ? ['--control-plane-only'] : []),
      ...(options.vmNames && options.vmNames.length > 0 ? ['--vm-names', options.vmNames.join(',')] : []),
      ...(options.uploadSasUrl ? ['--upload-sas-url', options.uploadSasUrl] : []),
    ];
    const secrets = options.uploadSasUrl ? [options.uploadSasUrl.slice(options.uploadSasUrl.indexOf('?') + 1)].filter((s) => s.length > 0) : [];
    return await runAksEngine(binaryOf(env), args, secrets, io, state, childEnv(env, state, { HOME: home, USERPROFILE: home }), 'get-logs');
  } finally {
    unlock();
  }
}
