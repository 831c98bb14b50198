import type { InputDocument } from './documents';
import type { SourceLine } from './hcl-files';
import { jsonLineOf } from './json-lines';
import { isObject } from '../model/cluster-model';

/** The JSON path of a plan's or state's resource: its place in `planned_values` or `values`, module by module. */
function planResourcePath(json: Record<string, unknown>, address: string): (string | number)[] | undefined {
  for (const top of ['planned_values', 'values'] as const) {
    const root = isObject(json[top]) ? json[top].root_module : undefined;
    const pending: [unknown, (string | number)[]][] = [[root, [top, 'root_module']]];
    while (pending.length > 0) {
      const [module, at] = pending.pop()!;
      if (!isObject(module)) continue;
      const resources = Array.isArray(module.resources) ? module.resources : [];
      const i = resources.findIndex((r) => isObject(r) && r.address === address);
      if (i >= 0) return [...at, 'resources', i, 'values'];
      (Array.isArray(module.child_modules) ? module.child_modules : []).forEach((m, k) => pending.push([m, [...at, 'child_modules', k]]));
    }
  }
  return undefined;
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
    const base = provider ?? (address ? planResourcePath(doc.json, address) : undefined);
    at = base ? [...base, ...(provider ? [] : keys)] : [];
  } else at = keys;
  return { file: doc.file, line: jsonLineOf(doc.text, at) };
}
