/**
 * Enough of Terraform's expression language to read a cluster out of a module: literals, `var.*`,
 * `local.*`, `each.*`, `count.index` and a `dynamic` block's iterator, operators, conditionals,
 * tuples and objects, and the common string, number and collection functions. A reference to a
 * resource, a data source, a module or anything else is UNKNOWN: known only when Terraform applies.
 */

import { UNKNOWN } from './arm-expressions';

/** Values the names of an expression read: `var`, `local`, `each`, `count` and iterators. */
export interface HclScope {
  /** A root name's value (`var` → the variables), or undefined when the name is not known here. */
  lookup(root: string): unknown;
}

type Tok = { kind: 'num' | 'str' | 'id' | 'op'; text: string; parts?: TemplatePart[] };
/** A string literal: text, and the expressions interpolated into it. */
type TemplatePart = string | { expr: string };

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '=>', '...', '?', ':', '<', '>', '+', '-', '*', '/', '%', '!', '(', ')', '[', ']', '{', '}', ',', '.', '='];

/** Splits a template (`aks-${var.env}`) into its text and its interpolations; undefined for a directive (`%{ if }`). */
export function templateParts(text: string): TemplatePart[] | undefined {
  const parts: TemplatePart[] = [];
  let buf = '';
  for (let i = 0; i < text.length; i++) {
    // `$${` and `%%{` are escapes for the literal text.
    if ((text.startsWith('$${', i) || text.startsWith('%%{', i))) {
      buf += `${text[i]}{`;
      i += 2;
    } else if (text.startsWith('%{', i)) return undefined;
    else if (text.startsWith('${', i)) {
      const end = closingBrace(text, i + 1);
      if (end < 0) return undefined;
      if (buf) parts.push(buf);
      buf = '';
      parts.push({ expr: text.slice(i + 2, end).replace(/^~|~$/g, '') });
      i = end;
    } else buf += text[i];
  }
  if (buf || parts.length === 0) parts.push(buf);
  return parts;
}

/** The index of the `}` that closes the `{` at `open`, past strings and nested braces; -1 if none. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i);
      if (i < 0) return -1;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The index of the `"` that ends the string starting at `start`, past escapes and interpolations. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
    else if (text.startsWith('${', i) && !text.startsWith('$${', i - 1)) {
      i = closingBrace(text, i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

function tokenize(text: string): Tok[] | undefined {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      const raw = unescape(text.slice(i + 1, end));
      if (raw === undefined) return undefined;
      const parts = templateParts(raw);
      if (!parts) return undefined;
      out.push({ kind: 'str', text: raw, parts });
      i = end + 1;
    } else if (/\d/.test(c)) {
      const m = /^\d+(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i))!;
      out.push({ kind: 'num', text: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][\w-]*/.exec(text.slice(i))!;
      out.push({ kind: 'id', text: m[0] });
      i += m[0].length;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (!op) return undefined;
      out.push({ kind: 'op', text: op });
      i += op.length;
    }
  }
  return out;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** A quoted string's body with its escapes undone; interpolations are kept as written, for templateParts. */
function unescape(body: string): string | undefined {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    if (body.startsWith('${', i) && !body.startsWith('$${', i - 1)) {
      const end = closingBrace(body, i + 1);
      if (end < 0) return undefined;
      out += body.slice(i, end + 1);
      i = end;
    } else if (body[i] === '\\') {
      const e = body[++i];
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
        out += String.fromCharCode(Number.parseInt(body.slice(i + 1, i + 5), 16));
        i += 4;
      } else if (e !== undefined && ESCAPES[e] !== undefined) out += ESCAPES[e];
      else return undefined;
    } else out += body[i];
  }
  return out;
}

const unknown = (v: unknown): boolean => v === UNKNOWN;
const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Terraform's string form of a primitive; undefined for anything else. */
function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** The functions read here; the rest (timestamp(), file(), cidrsubnet() …) are UNKNOWN. */
function callFunction(name: string, args: unknown[]): unknown {
  if (args.some(unknown) && name !== 'coalesce') return UNKNOWN;
  const [a, b, c] = args;
  const str = (v: unknown) => asString(v) ?? UNKNOWN;
  switch (name) {
    case 'lower':
      return typeof a === 'string' ? a.toLowerCase() : UNKNOWN;
    case 'upper':
      return typeof a === 'string' ? a.toUpperCase() : UNKNOWN;
    case 'trimspace':
      return typeof a === 'string' ? a.trim() : UNKNOWN;
    case 'tostring':
      return str(a);
    case 'tonumber':
      return typeof a === 'number' ? a : typeof a === 'string' && /^-?\d+(\.\d+)?$/.test(a) ? Number(a) : UNKNOWN;
    case 'tobool':
      return typeof a === 'boolean' ? a : a === 'true' ? true : a === 'false' ? false : UNKNOWN;
    case 'format': {
      if (typeof a !== 'string') return UNKNOWN;
      let k = 1;
      const out = a.replace(/%%|%[sdv]/g, (m) => (m === '%%' ? '%' : String(asString(args[k++]) ?? '\u0000')));
      return out.includes('\u0000') ? UNKNOWN : out;
    }
    case 'join':
      return typeof a === 'string' && Array.isArray(b) && b.every((x) => asString(x) !== undefined) ? b.map((x) => asString(x)).join(a) : UNKNOWN;
    case 'concat':
      return args.every(Array.isArray) ? (args as unknown[][]).flat() : UNKNOWN;
    case 'length':
      return Array.isArray(a) || typeof a === 'string' ? a.length : isMap(a) ? Object.keys(a).length : UNKNOWN;
    case 'merge':
      return args.every(isMap) ? Object.assign({}, ...args) : UNKNOWN;
    case 'lookup':
      return isMap(a) && typeof b === 'string' ? (Object.prototype.hasOwnProperty.call(a, b) ? a[b] : args.length > 2 ? c : UNKNOWN) : UNKNOWN;
    case 'coalesce': {
      for (const v of args) {
        if (unknown(v)) return UNKNOWN;
        if (v !== null && v !== '') return v;
      }
      return UNKNOWN;
    }
    case 'contains':
      return Array.isArray(a) ? a.some((x) => JSON.stringify(x) === JSON.stringify(b)) : UNKNOWN;
    case 'keys':
      return isMap(a) ? Object.keys(a).sort() : UNKNOWN;
    case 'values':
      return isMap(a) ? Object.keys(a).sort().map((k) => a[k]) : UNKNOWN;
    case 'tolist':
    case 'toset':
      return Array.isArray(a) ? a : UNKNOWN;
    case 'tomap':
      return isMap(a) ? a : UNKNOWN;
    case 'element':
      return Array.isArray(a) && typeof b === 'number' && a.length > 0 ? a[b % a.length] : UNKNOWN;
    case 'replace':
      return typeof a === 'string' && typeof b === 'string' && typeof c === 'string' && !b.startsWith('/') ? a.split(b).join(c) : UNKNOWN;
    case 'substr':
      return typeof a === 'string' && typeof b === 'number' && typeof c === 'number' ? a.substr(b, c < 0 ? undefined : c) : UNKNOWN;
    case 'min':
    case 'max':
      return args.length > 0 && args.every((x) => typeof x === 'number') ? Math[name](...(args as number[])) : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

/** Evaluates one expression (the text inside `${ }`); UNKNOWN for what only Terraform knows, or cannot be read here. */
export function evaluateHcl(text: string, scope: HclScope, depth = 0): unknown {
  if (depth > 16) return UNKNOWN;
  const toks = tokenize(text);
  if (!toks || toks.length === 0) return UNKNOWN;
  let pos = 0;
  const peek = (t?: string) => (t === undefined ? toks[pos] : toks[pos]?.text === t && toks[pos]?.kind !== 'str' ? toks[pos] : undefined);
  const take = (t?: string): Tok => {
    const tok = toks[pos];
    if (!tok || (t !== undefined && (tok.text !== t || tok.kind === 'str'))) throw new SyntaxError('unexpected');
    pos++;
    return tok;
  };

  const primary = (): unknown => {
    const tok = take();
    if (tok.kind === 'num') return Number(tok.text);
    if (tok.kind === 'str') return templateValue(tok.parts!, scope, depth + 1);
    if (tok.kind === 'op') {
      if (tok.text === '(') {
        const v = expr();
        take(')');
        return v;
      }
      if (tok.text === '[') {
        if (peek()?.text === 'for') throw new SyntaxError('for expression');
        const list: unknown[] = [];
        while (!peek(']')) {
          list.push(expr());
          if (!peek(']')) take(',');
        }
        take(']');
        return list.some(unknown) ? UNKNOWN : list;
      }
      if (tok.text === '{') {
        if (peek()?.text === 'for') throw new SyntaxError('for expression');
        const obj: Record<string, unknown> = {};
        let anyUnknown = false;
        while (!peek('}')) {
          const k = toks[pos]?.kind === 'id' ? take().text : asString(primary());
          if (!peek('=') && !peek(':')) throw new SyntaxError('expected =');
          pos++;
          const v = expr();
          if (k === undefined || unknown(v)) anyUnknown = true;
          else Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
          if (peek(',')) take(',');
        }
        take('}');
        return anyUnknown ? UNKNOWN : obj;
      }
      throw new SyntaxError('unexpected');
    }
    // Identifiers: literals, a function call, or the root of a reference.
    if (tok.text === 'true') return true;
    if (tok.text === 'false') return false;
    if (tok.text === 'null') return null;
    if (peek('(')) {
      take('(');
      const args: unknown[] = [];
      while (!peek(')')) {
        args.push(expr());
        if (peek('...')) throw new SyntaxError('expansion');
        if (!peek(')')) take(',');
      }
      take(')');
      return callFunction(tok.text, args);
    }
    const v = scope.lookup(tok.text);
    return v === undefined ? UNKNOWN : v;
  };

  const postfix = (): unknown => {
    let v = primary();
    for (;;) {
      if (peek('.')) {
        take('.');
        const key = take();
        if (key.text === '*') throw new SyntaxError('splat');
        v = member(v, key.text);
      } else if (peek('[')) {
        take('[');
        if (peek('*')) throw new SyntaxError('splat');
        const key = expr();
        take(']');
        v = unknown(key) ? UNKNOWN : member(v, key);
      } else return v;
    }
  };

  const unary = (): unknown => {
    if (peek('!')) {
      take();
      const v = unary();
      return typeof v === 'boolean' ? !v : UNKNOWN;
    }
    if (peek('-')) {
      take();
      const v = unary();
      return typeof v === 'number' ? -v : UNKNOWN;
    }
    return postfix();
  };

  const binary = (ops: readonly string[], next: () => unknown, apply: (op: string, a: unknown, b: unknown) => unknown) => (): unknown => {
    let v = next();
    while (toks[pos]?.kind === 'op' && ops.includes(toks[pos]!.text)) {
      const op = take().text;
      v = apply(op, v, next());
    }
    return v;
  };
  const num = (a: unknown, b: unknown, f: (x: number, y: number) => unknown) => (typeof a === 'number' && typeof b === 'number' ? f(a, b) : UNKNOWN);
  const mul = binary(['*', '/', '%'], unary, (op, a, b) => num(a, b, (x, y) => (op === '*' ? x * y : y === 0 ? UNKNOWN : op === '/' ? x / y : x % y)));
  const add = binary(['+', '-'], mul, (op, a, b) => num(a, b, (x, y) => (op === '+' ? x + y : x - y)));
  const cmp = binary(['<', '>', '<=', '>='], add, (op, a, b) => num(a, b, (x, y) => (op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y)));
  const eq = binary(['==', '!='], cmp, (op, a, b) => (unknown(a) || unknown(b) ? UNKNOWN : (JSON.stringify(a) === JSON.stringify(b)) === (op === '==')));
  // false && x is false, and true || x is true, whatever x is.
  const and = binary(['&&'], eq, (_, a, b) => (a === false || b === false ? false : a === true && b === true ? true : UNKNOWN));
  const or = binary(['||'], and, (_, a, b) => (a === true || b === true ? true : a === false && b === false ? false : UNKNOWN));
  function expr(): unknown {
    const cond = or();
    if (!peek('?')) return cond;
    take('?');
    const yes = expr();
    take(':');
    const no = expr();
    return cond === true ? yes : cond === false ? no : UNKNOWN;
  }

  try {
    const v = expr();
    return pos === toks.length ? v : UNKNOWN;
  } catch {
    return UNKNOWN;
  }
}

/** `value.key` or `value[key]`: a map's entry or a list's element; UNKNOWN when it is not there to read. */
function member(value: unknown, key: unknown): unknown {
  if (unknown(value)) return UNKNOWN;
  if (Array.isArray(value) && typeof key === 'number') return Number.isInteger(key) && key >= 0 && key < value.length ? value[key] : UNKNOWN;
  if (Array.isArray(value) && typeof key === 'string' && /^\d+$/.test(key)) return member(value, Number(key));
  if (isMap(value) && (typeof key === 'string' || typeof key === 'number') && Object.prototype.hasOwnProperty.call(value, String(key))) return value[String(key)];
  return UNKNOWN;
}

/**
 * A Terraform string as Terraform reads it: a template with interpolations is evaluated (`${x}`
 * alone keeps x's type), plain text is itself. UNKNOWN when any part is.
 */
export function evaluateHclString(text: string, scope: HclScope): unknown {
  if (!text.includes('${') && !text.includes('%{')) return text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  const parts = templateParts(text);
  return parts ? templateValue(parts, scope, 0) : UNKNOWN;
}

/** A template's value: a lone interpolation keeps its type; text and interpolations join as a string. */
function templateValue(parts: readonly TemplatePart[], scope: HclScope, depth: number): unknown {
  if (parts.length === 1 && typeof parts[0] === 'object') return evaluateHcl(parts[0].expr, scope, depth);
  let out = '';
  for (const p of parts) {
    const s = asString(typeof p === 'string' ? p : evaluateHcl(p.expr, scope, depth));
    if (s === undefined) return UNKNOWN;
    out += s;
  }
  return out;
}
