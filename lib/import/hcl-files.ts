/**
 * HCL files (`*.tf`, `*.tfvars`) read offline through `@cdktf/hcl2json`: HashiCorp's own HCL
 * parser compiled to WebAssembly, the one behind `cdktf convert`. It is loaded only when a
 * module is read, since it takes a fifth of a second to start.
 */

import { isObject } from '../model/cluster-model';

/** One file's text. */
export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

/** A place in a source file, 1-based. */
export interface SourceLine {
  readonly file: string;
  readonly line: number;
}

type Parse = (file: string, text: string) => Promise<Record<string, unknown>>;
let parser: Parse | undefined;

async function hcl2json(): Promise<Parse> {
  parser ??= ((await import('@cdktf/hcl2json')) as { parse: Parse }).parse;
  return parser;
}

/** One file as JSON (blocks as lists of bodies), or the parser's reason it is not HCL. */
export async function parseHclFile(source: SourceFile): Promise<Record<string, unknown> | string> {
  const parse = await hcl2json();
  try {
    const json = await parse(source.file, source.text);
    return isObject(json) ? json : 'not an HCL body';
  } catch (e) {
    // "parse config: [main.tf:2,1-1: Missing expression; …]"
    return String((e as Error).message ?? e).replace(/^parse config: \[?|\]$/g, '');
  }
}

/** The files of one module merged as Terraform merges them: blocks of every file side by side. */
export function mergeModule(parts: readonly Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      const list = Array.isArray(v) ? v : [v];
      out[k] = [...(Array.isArray(out[k]) ? (out[k] as unknown[]) : out[k] === undefined ? [] : [out[k]]), ...list];
    }
  }
  return out;
}

/** Per line, the brace depth at its start, not counting braces inside strings or comments. */
function depths(lines: readonly string[]): number[] {
  const out: number[] = [];
  let depth = 0;
  let block = false;
  for (const line of lines) {
    out.push(depth);
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (block) {
        if (c === '*' && line[i + 1] === '/') (block = false), i++;
      } else if (quoted) {
        if (c === '\\') i++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === '#' || (c === '/' && line[i + 1] === '/')) break;
      else if (c === '/' && line[i + 1] === '*') (block = true), i++;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
    }
  }
  out.push(depth);
  return out;
}

/** Text matched as itself in a regular expression. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A block label, quoted or bare. */
const quoted = (label: string) => `(?:"${escaped(label)}"|${escaped(label)})`;

/**
 * The line of a resource (`azurerm_kubernetes_cluster.aks`, `…fleet["green"]`, `data.x.y`,
 * `provider.azurerm`) and of the attribute or block at `path` inside it, in the module's files.
 * A path that is not written (a default) gives the nearest line that is: the block, or the resource.
 */
export function hclLine(sources: readonly SourceFile[], address: string | undefined, path: string): SourceLine | undefined {
  if (!address) return undefined;
  const plain = address.replace(/\[[^\]]*\]$/, '');
  const parts = plain.split('.');
  const header =
    parts[0] === 'provider'
      ? new RegExp(`^\\s*provider\\s+${quoted(parts[1] ?? '')}\\s*\\{`)
      : parts[0] === 'data'
        ? new RegExp(`^\\s*data\\s+${quoted(parts[1] ?? '')}\\s+${quoted(parts[2] ?? '')}\\s*\\{`)
        : new RegExp(`^\\s*resource\\s+${quoted(parts[0] ?? '')}\\s+${quoted(parts[1] ?? '')}\\s*\\{`);
  for (const source of sources) {
    const lines = source.text.split(/\r?\n/);
    const start = lines.findIndex((l) => header.test(l));
    if (start < 0) continue;
    const depth = depths(lines);
    /** The block opened at line `from` ends where the depth falls back. */
    const endOf = (from: number) => {
      let i = from + 1;
      while (i < lines.length && depth[i + 1]! > depth[from]!) i++;
      return i;
    };
    let [from, to] = [start, endOf(start)];
    let found = start;
    for (const key of path.split('.').filter((k) => k !== '' && !/^\d+$/.test(k))) {
      const inner = depth[from]! + 1;
      const name = escaped(key);
      const attribute = new RegExp(`^\\s*${name}\\s*=`);
      const block = new RegExp(`^\\s*(?:${name}|dynamic\\s+"${name}")\\s*(?:"[^"]*"\\s*)*\\{`);
      let hit = -1;
      for (let i = from + 1; i <= to && hit < 0; i++) if (depth[i] === inner && (attribute.test(lines[i]!) || block.test(lines[i]!))) hit = i;
      if (hit < 0) break;
      found = hit;
      if (!block.test(lines[hit]!)) break;
      [from, to] = [hit, endOf(hit)];
    }
    return { file: source.file, line: found + 1 };
  }
  return undefined;
}
