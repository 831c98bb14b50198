import * as fs from 'node:fs';
import * as path from 'node:path';
import { type InputDocument, classify } from '../import/documents';
import { parseJsonKeepingDuplicates } from '../import/json-with-duplicates';
import { textOrder } from '../rules/order';

/** Input that cannot be checked: the CLI prints the reason on one line and exits 2. */
export class InputError extends Error {}

/** The largest file `aks-hub` reads; a plan of 10,000 resources is far smaller. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** The files of one Terraform module written in HCL: its folder's `.tf` and `.tf.json` files, and the variable files Terraform reads on its own. */
export interface HclModule {
  readonly dir: string;
  readonly files: readonly string[];
  /** `.tf.json` files beside the `.tf` ones: Terraform reads both as one module. */
  readonly jsonFiles: readonly string[];
  /** `terraform.tfvars(.json)`, then `*.auto.tfvars(.json)` in name order: Terraform's own order, later wins. */
  readonly varFiles: readonly string[];
}

/** What was read, and what was skipped on the way with the reason. */
export interface Inputs {
  readonly docs: InputDocument[];
  /** One line each: a file in a folder that could not be checked. */
  readonly notes: string[];
  /** HCL modules found, read by readHclModules. */
  readonly modules: HclModule[];
}

/**
 * Text from bytes as editors and shells write it: UTF-8, with or without a byte-order mark, or
 * UTF-16 with one (PowerShell 5's `>` writes UTF-16 LE).
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - ((bytes.length - 2) % 2)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('utf8');
}

/** Reads a regular file of at most MAX_INPUT_BYTES; anything else (device, FIFO, socket) is refused without reading. */
export function readRegularFile(file: string): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    throw new InputError(`${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new InputError(`${file}: not a regular file`);
    if (stat.size > MAX_INPUT_BYTES) throw new InputError(`${file}: larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`);
    return decodeText(fs.readFileSync(fd));
  } finally {
    fs.closeSync(fd);
  }
}

/** Standard input, up to MAX_INPUT_BYTES. */
function readStdin(): string {
  const chunks: Buffer[] = [];
  let size = 0;
  const buffer = Buffer.alloc(1024 * 1024);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(0, buffer, 0, buffer.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw new InputError(`-: cannot read standard input (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (n === 0) break;
    size += n;
    if (size > MAX_INPUT_BYTES) throw new InputError(`-: standard input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`);
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return decodeText(Buffer.concat(chunks));
}

/** A document from its text, or the reason it is not one. */
function parse(file: string, text: string): InputDocument | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return `not valid JSON (${(e as Error).message})`;
  }
  const kind = classify(json);
  if (kind === 'other') return 'not Terraform JSON, terraform show -json output, an ARM template or an aks-engine API model';
  // HCL's JSON syntax may repeat a block type's key; JSON.parse keeps only the last.
  if (kind === 'terraform') json = parseJsonKeepingDuplicates(text);
  return { file, kind, json: json as Record<string, unknown>, text };
}

/** Whether a JSON text that does not parse was meant as infrastructure code, so skipping it is worth a note. */
const LOOKS_LIKE_INFRASTRUCTURE = /"(\$schema|resources|resource|planned_values|resource_changes|format_version|orchestratorProfile|apiVersion|contentVersion)"\s*:/;

/** The HCL module of a folder: its `.tf` files and the variable files Terraform reads without being told. */
function moduleOf(dir: string, listed?: readonly string[]): HclModule | undefined {
  let names: readonly string[];
  try {
    names = listed ?? fs.readdirSync(dir).sort(textOrder);
  } catch {
    return undefined;
  }
  const files = names.filter((n) => n.endsWith('.tf')).map((n) => path.join(dir, n));
  if (files.length === 0) return undefined;
  const jsonFiles = names.filter((n) => n.endsWith('.tf.json')).map((n) => path.join(dir, n));
  const varFiles = [
    ...names.filter((n) => n === 'terraform.tfvars' || n === 'terraform.tfvars.json'),
    ...names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')),
  ].map((n) => path.join(dir, n));
  return { dir, files, jsonFiles, varFiles };
}

/** The files below a folder worth reading, following links to folders once each; the rest as notes. */
function filesBelow(root: string, notes: string[], modules: Map<string, HclModule>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.shift()!;
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort(textOrder);
    } catch (e) {
      notes.push(`${dir}: skipped, cannot list it (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      continue;
    }
    const subdirs: string[] = [];
    // A folder with .tf files is one module, its .tf.json files included.
    const hcl = names.some((n) => n.endsWith('.tf'));
    for (const name of names) {
      const p = path.join(dir, name);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(p);
      } catch {
        if (name.endsWith('.json')) notes.push(`${p}: skipped, a link to nothing`);
        continue;
      }
      if (stat.isDirectory()) {
        if (name !== 'node_modules' && !name.startsWith('.')) subdirs.push(p);
      } else if (name.endsWith('.tf')) {
        const module = modules.has(dir) ? undefined : moduleOf(dir, names);
        if (module) modules.set(dir, module);
      } else if (name.endsWith('.json') && !(hcl && name.endsWith('.tf.json'))) {
        if (stat.isFile()) out.push(p);
        else notes.push(`${p}: skipped, not a regular file`);
      }
    }
    pending.unshift(...subdirs);
  }
  return out;
}

/**
 * Reads every path: `-` is standard input; a file must be Terraform JSON, plan or state output,
 * or an ARM template; a folder (such as cdktf.out/) gives the files among its JSON files that
 * are, and notes the ones it cannot read. A template's parameters file beside it comes along.
 */
export function readInputs(paths: readonly string[]): Inputs {
  const docs: InputDocument[] = [];
  const notes: string[] = [];
  const modules = new Map<string, HclModule>();
  for (const p of paths) {
    if (p === '-') {
      const doc = parse('-', readStdin());
      if (typeof doc === 'string') throw new InputError(`-: ${doc}`);
      docs.push(doc);
      continue;
    }
    if (p === '') throw new InputError('an empty path: give a file, a folder or -');
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      throw new InputError(`${p}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    if (stat.isDirectory()) {
      for (const file of filesBelow(p, notes, modules)) {
        let text: string;
        try {
          text = readRegularFile(file);
        } catch (e) {
          const reason = (e as Error).message;
          notes.push(`${file}: skipped, ${reason.startsWith(`${file}: `) ? reason.slice(file.length + 2) : reason}`);
          continue;
        }
        const doc = parse(file, text);
        if (typeof doc === 'string') {
          // Other JSON in a folder (package.json, tsconfig.json) is not an input; a broken file, or
          // one shaped like infrastructure code that no reader takes (a Bicep file's own JSON, a
          // template of an unknown shape), is worth a note.
          if (!doc.startsWith('not Terraform JSON') || LOOKS_LIKE_INFRASTRUCTURE.test(text.slice(0, 4096))) notes.push(`${file}: skipped, ${doc}`);
        } else docs.push(doc);
      }
      continue;
    }
    if (p.endsWith('.tf')) {
      // Terraform reads a folder as one module: a .tf file brings its folder's files along.
      const dir = path.dirname(p);
      const module = moduleOf(dir);
      if (module && !modules.has(dir)) modules.set(dir, module);
      continue;
    }
    const doc = parse(p, readRegularFile(p));
    if (typeof doc === 'string') throw new InputError(`${p}: ${doc}`);
    docs.push(doc);
    const params = p.replace(/\.json$/, '.parameters.json');
    if (doc.kind === 'arm' && params !== p && !paths.includes(params) && fs.existsSync(params)) {
      const more = parse(params, readRegularFile(params));
      if (typeof more !== 'string' && more.kind === 'arm-parameters') docs.push(more);
    }
  }
  if (docs.length === 0 && modules.size === 0) throw nothingFound(paths, notes);
  return { docs, notes, modules: [...modules.values()] };
}

/** The error for paths that hold nothing to check. */
export function nothingFound(paths: readonly string[], notes: readonly string[]): InputError {
  return new InputError(`no Terraform (HCL or JSON), plan, ARM template or aks-engine API model found in ${paths.join(', ')}${notes.length ? ` (${notes.length} file${notes.length === 1 ? '' : 's'} skipped: ${notes[0]})` : ''}`);
}
