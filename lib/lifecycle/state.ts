import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * An AKS engine cluster's state folder: what `aks-engine-azurestack deploy` wrote (`_output/`, with
 * the CA and every private key, unencrypted: aks-engine-lifecycle-facts §2), the model deploy was
 * given, snapshots of apimodel.json before each operation, logs, and a lock. It lives outside
 * cdktf.out, where the user chose; synth never writes or deletes it. Folders are 0700 and files
 * 0600, as aks-engine makes its own (`pkg/helpers/filesaver.go:25-43`).
 */
export const STATE = Object.freeze({
  /** deploy's `--output-directory`; scale, upgrade and addpool read and rewrite its apimodel.json. */
  output: '_output',
  /** The complete model given to deploy: the code's, with the deploy-time SSH key and Windows password. */
  deployInput: 'deploy-input',
  snapshots: 'snapshots',
  logs: 'logs',
  /** aks-engine's temporary files (merged models, the cloud environment file) stay in here. */
  tmp: 'tmp',
  lock: 'lock',
  record: 'state.json',
});

/** Now, as a file name takes it on every host (no `:`). */
export const fileTime = (): string => new Date().toISOString().replace(/[:.]/g, '-');

/** What the state folder says of the cluster besides aks-engine's files. */
export interface StateRecord {
  /** `deploying` until deploy has succeeded once; a retry then redeploys from `_output/apimodel.json`. */
  readonly status: 'deploying' | 'deployed';
  readonly resourceGroup: string;
  readonly location: string;
  readonly subscriptionId: string;
  /** The id of the Terraform resource that stands for the cluster's resource group, when Terraform runs the lifecycle. */
  readonly deploymentId?: string;
  /** Operations, oldest first: command (secrets masked), when, and how it ended. */
  readonly history: readonly { readonly operation: string; readonly at: string; readonly result: 'ok' | 'failed'; readonly exitCode?: number }[];
}

/** The state folder's files. */
export class StateFolder {
  constructor(public readonly dir: string) {}

  file(...parts: string[]): string {
    return path.join(this.dir, ...parts);
  }

  /** The deployed model: `_output/apimodel.json`, as aks-engine last wrote it. */
  get apiModelPath(): string {
    return this.file(STATE.output, 'apimodel.json');
  }

  /** Makes the folder and `sub` folders, each 0700; refuses a folder that is a link. */
  ensure(...sub: string[]): string {
    const target = path.join(this.dir, ...sub);
    fs.mkdirSync(target, { recursive: true, mode: 0o700 });
    for (let d = target; ; d = path.dirname(d)) {
      if (fs.lstatSync(d).isSymbolicLink()) throw new Error(`${d} is a link; a state folder must be a real folder.`);
      if (process.platform !== 'win32') fs.chmodSync(d, 0o700);
      if (d === this.dir || path.dirname(d) === d) break;
    }
    return target;
  }

  /** Writes a file 0600, replacing it. */
  write(relative: string, content: string): string {
    const file = this.file(relative);
    this.ensure(path.dirname(relative) === '.' ? '' : path.dirname(relative));
    fs.writeFileSync(file, content, { mode: 0o600 });
    if (process.platform !== 'win32') fs.chmodSync(file, 0o600);
    return file;
  }

  readJson(relative: string): unknown {
    const file = this.file(relative);
    if (!fs.existsSync(file)) return undefined;
    const text = fs.readFileSync(file, 'utf8');
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  }

  record(): StateRecord | undefined {
    return this.readJson(STATE.record) as StateRecord | undefined;
  }

  saveRecord(record: StateRecord): void {
    this.write(STATE.record, `${JSON.stringify(record, null, 2)}\n`);
  }

  /** The deployed model, or `undefined` before deploy wrote one. */
  deployedModel(): Record<string, unknown> | undefined {
    return this.readJson(path.join(STATE.output, 'apimodel.json')) as Record<string, unknown> | undefined;
  }

  /**
   * Takes the lock: a file made with O_EXCL, so two operations on one cluster never run at once
   * (each rewrites apimodel.json). Returns its release.
   */
  lock(operation: string): () => void {
    this.ensure();
    const file = this.file(STATE.lock);
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder = '';
      try {
        holder = fs.readFileSync(file, 'utf8').trim();
      } catch {
        // Read as it goes away: report what is known.
      }
      throw new LockedError(file, holder);
    }
    fs.writeSync(fd, `${JSON.stringify({ operation, pid: process.pid, host: os.hostname(), since: new Date().toISOString() })}\n`);
    fs.closeSync(fd);
    return () => fs.rmSync(file, { force: true });
  }

  /** Copies `_output/apimodel.json` to `snapshots/<n>-<operation>/apimodel.json` before it is rewritten. */
  snapshot(operation: string): string {
    const taken = fs.existsSync(this.file(STATE.snapshots)) ? fs.readdirSync(this.file(STATE.snapshots)).length : 0;
    const name = `${String(taken + 1).padStart(4, '0')}-${operation}-${fileTime()}`;
    const target = this.write(path.join(STATE.snapshots, name, 'apimodel.json'), fs.readFileSync(this.apiModelPath, 'utf8'));
    return target;
  }
}

/** Another operation holds the cluster's lock. */
export class LockedError extends Error {
  constructor(
    public readonly lockFile: string,
    holder: string,
  ) {
    super(
      `Another operation on this cluster holds ${lockFile}${holder ? ` (${holder})` : ''}. Wait for it to end. If none runs (the machine stopped during one), check the cluster, then delete the file.`,
    );
    this.name = 'LockedError';
  }
}
