import type { InputDocument } from './documents';
import type { SourceLine } from './hcl-files';
import { type JsonLines, jsonLines, lineIn } from './json-lines';
import { isObject } from '../model/cluster-model';

/** The JSON path of each resource of a plan or state, by address: its place in `planned_values` or `values`, module by module. */
function planResourcePaths(json: Record<string, unknown>): Map<string, (string | number)[]> {
  const out = new Map<string, (string | number)[]>();
  for (const top of ['values', 'planned_values'] as const) {
    const root = isObject(json[top]) ? json[top].root_module : undefined;
    const pending: [unknown, (string | number)[]][] = [[root, [top, 'root_module']]];
    while (pending.length > 0) {
      const [module, at] = pending.pop()!;
      if (!isObject(module)) continue;
      (Array.isArray(module.resources) ? module.resources : []).forEach((r, i) => {
        if (isObject(r) && typeof r.address === 'string') out.set(r.address, [...at, 'resources', i, 'values']);
      });
      (Array.isArray(module.child_modules) ? module.child_modules : []).forEach((m, k) => pending.push([m, [...at, 'child_modules', k]]));
    }
  }
  return out;
}

/** Where a Terraform address lives in a Terraform JSON file. */
export function terraformJsonPath(address: string): string[] {
  const parts = address.replace(/\[[^\]]*\]$/, '').split('.');
  if (parts[0] === 'provider') return ['provider', parts[1] ?? ''];
  if (parts[0] === 'data') return ['data', parts[1] ?? '', parts[2] ?? ''];
  return ['resource', parts[0] ?? '', parts[1] ?? ''];
}

/** A finding's path as keys; `(resource)` and words that are not keys end it. */
export const keysOf = (path: string): string[] => {
  const keys: string[] = [];
  for (const k of path.split('.')) {
    if (k === '' || /[\s()]/.test(k)) break;
    keys.push(k);
  }
  return keys;
};

/** Each JSON document's lines, and a plan's resources, worked out once however many findings it has. */
const trees = new WeakMap<InputDocument, JsonLines>();
const planPaths = new WeakMap<InputDocument, Map<string, (string | number)[]>>();

/**
 * The line of a finding's path in the document it was found in: a JSON file's text, a plan's
 * resource values, an HCL module's files. Undefined for a document read without its text.
 */
export function locateFinding(doc: InputDocument, address: string | undefined, path: string): SourceLine | undefined {
  if (doc.locate) return doc.locate(address, path);
  if (doc.text === undefined) return undefined;
  const keys = keysOf(path);
  let at: (string | number)[] | undefined;
  if (doc.kind === 'terraform') at = address ? [...terraformJsonPath(address), ...keys] : keys;
  else if (doc.kind === 'plan') {
    const provider = address?.startsWith('provider.') ? ['configuration', 'provider_config', address.slice('provider.'.length)] : undefined;
    let paths = planPaths.get(doc);
    if (!paths) planPaths.set(doc, (paths = planResourcePaths(doc.json)));
    const base = provider ?? (address ? paths.get(address) : undefined);
    at = base ? [...base, ...(provider ? [] : keys)] : [];
  } else at = keys;
  let tree = trees.get(doc);
  if (!tree) trees.set(doc, (tree = jsonLines(doc.text) ?? { line: 1 }));
  return { file: doc.file, line: lineIn(tree, at) };
}
