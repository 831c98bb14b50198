import { type InputDocument, classify } from '../import/documents';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Input that cannot be checked: the CLI prints the reason on one line and exits 2. */
export class InputError extends Error {}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

function jsonFilesBelow(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : jsonFilesBelow(p);
      return e.name.endsWith('.json') ? [p] : [];
    });
}

/**
 * Reads every path: a file must be Terraform JSON, plan or state output, or an ARM template; a
 * directory (such as cdktf.out/) contributes the files among its JSON files that are.
 */
export function readInputs(paths: readonly string[]): InputDocument[] {
  const docs: InputDocument[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      throw new InputError(`${p}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    if (stat.isDirectory()) {
      for (const file of jsonFilesBelow(p)) {
        const json = readJson(file);
        const kind = classify(json);
        if (kind !== 'other') docs.push({ file, kind, json: json as Record<string, unknown> });
      }
      continue;
    }
    const json = readJson(p);
    const kind = classify(json);
    if (kind === 'other') throw new InputError(`${p}: not Terraform JSON, terraform show -json output, or an ARM template`);
    docs.push({ file: p, kind, json: json as Record<string, unknown> });
    // A template's parameters file beside it gives its parameters their values.
    const params = p.replace(/\.json$/, '.parameters.json');
    if (kind === 'arm' && params !== p && !paths.includes(params) && fs.existsSync(params)) {
      const pj = readJson(params);
      if (classify(pj) === 'arm-parameters') docs.push({ file: params, kind: 'arm-parameters', json: pj as Record<string, unknown> });
    }
  }
  if (docs.length === 0) throw new InputError(`no Terraform JSON, plan or ARM template found in ${paths.join(', ')}`);
  return docs;
}
