import type { InputDocument } from '../import/documents';
import { type SourceFile, type SourceLine, hclLine, mergeModule, parseHclFile } from '../import/hcl-files';
import { type JsonLines, jsonLines, lineIn } from '../import/json-lines';
import { parseJsonKeepingDuplicates } from '../import/json-with-duplicates';
import { keysOf, terraformJsonPath } from '../import/locate';
import { isObject } from '../model/cluster-model';
import { type HclModule, InputError, readRegularFile } from './inputs';

/** A resource's line in the module's `.tf.json` files. */
function jsonModuleLine(sources: readonly JsonSource[], address: string | undefined, path: string): SourceLine | undefined {
  if (!address) return undefined;
  const at = terraformJsonPath(address);
  const source = sources.find((s) => valueAtPath(s.json, at) !== undefined);
  if (!source) return undefined;
  source.lines ??= jsonLines(source.text);
  return { file: source.file, line: lineIn(source.lines, [...at, ...keysOf(path)]) };
}

/** A `.tf.json` file of a module, read once: its text, its JSON, and its lines when a finding needs them. */
interface JsonSource extends SourceFile {
  readonly json: Record<string, unknown>;
  lines?: JsonLines;
}

/** The value at a path of keys, through lists by their first element. */
function valueAtPath(root: unknown, keys: readonly string[]): unknown {
  let cur = root;
  for (const k of keys) {
    if (Array.isArray(cur)) cur = cur.find((x) => isObject(x) && Object.prototype.hasOwnProperty.call(x, k));
    cur = isObject(cur) && Object.prototype.hasOwnProperty.call(cur, k) ? cur[k] : undefined;
  }
  return cur;
}

/** HCL modules read into documents, and what could not be read. */
export interface HclInputs {
  readonly docs: InputDocument[];
  readonly notes: string[];
}

/** Variable values of one variable file: HCL (`.tfvars`) or JSON (`.tfvars.json`); a reason when it cannot be read. */
async function variableFile(file: string): Promise<Record<string, unknown> | string> {
  let text: string;
  try {
    text = readRegularFile(file);
  } catch (e) {
    return (e as Error).message;
  }
  if (file.endsWith('.json')) {
    try {
      const json: unknown = JSON.parse(text);
      return isObject(json) ? json : 'not a JSON object';
    } catch (e) {
      return `not valid JSON (${(e as Error).message})`;
    }
  }
  return parseHclFile({ file, text });
}

/**
 * Reads each module: its `.tf` files through the HCL parser, its variable files, then the
 * `--var-file` ones (later files win, as in Terraform). A module with a file that does not parse
 * is skipped with a note, as Terraform would refuse it whole; a `--var-file` that cannot be read
 * stops the run.
 */
export async function readHclModules(modules: readonly HclModule[], varFiles: readonly string[]): Promise<HclInputs> {
  const given: Record<string, unknown> = {};
  for (const file of varFiles) {
    const values = await variableFile(file);
    if (typeof values === 'string') throw new InputError(`${file}: cannot read the variable file (${values})`);
    Object.assign(given, values);
  }
  const docs: InputDocument[] = [];
  const notes: string[] = [];
  for (const module of modules) {
    const sources: SourceFile[] = [];
    const parts: Record<string, unknown>[] = [];
    let broken: string | undefined;
    for (const file of module.files) {
      let text: string;
      try {
        text = readRegularFile(file);
      } catch (e) {
        broken = (e as Error).message;
        break;
      }
      const json = await parseHclFile({ file, text });
      if (typeof json === 'string') {
        broken = json;
        break;
      }
      sources.push({ file, text });
      parts.push(json);
    }
    const jsonSources: JsonSource[] = [];
    for (const file of broken === undefined ? module.jsonFiles : []) {
      try {
        const text = readRegularFile(file);
        const json = parseJsonKeepingDuplicates(text);
        if (isObject(json)) (parts.push(json), jsonSources.push({ file, text, json }));
      } catch (e) {
        broken = `${file}: ${(e as Error).message}`;
      }
    }
    if (broken !== undefined) {
      notes.push(`${module.dir}: module skipped, a file does not parse (${broken})`);
      continue;
    }
    const variables: Record<string, unknown> = {};
    for (const file of module.varFiles) {
      const values = await variableFile(file);
      if (typeof values === 'string') notes.push(`${file}: variable file skipped (${values})`);
      else Object.assign(variables, values);
    }
    docs.push({
      file: module.dir,
      kind: 'terraform',
      json: mergeModule(parts),
      variables: { ...variables, ...given },
      // Blocks of .tf.json files are merged last: one named twice is theirs.
      locate: (address, path) => jsonModuleLine(jsonSources, address, path) ?? hclLine(sources, address, path),
    });
  }
  return { docs, notes };
}
