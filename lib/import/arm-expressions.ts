/**
 * Enough of the ARM template expression language to read a cluster out of a template: parameters
 * (with their values from a parameters file, `defaultValue` or `allowedValues`), variables,
 * `copyIndex()` and the common string, number and array functions. Anything else evaluates to
 * UNKNOWN, which the model treats as known only at deploy time.
 */

/** A value the template only knows at deploy time. */
export const UNKNOWN: unique symbol = Symbol('deploy-time value');

/**
 * Stands in a template's text for something only known at deploy time, such as a Terraform
 * interpolation in a template body; a string holding it is UNKNOWN.
 */
export const DEPLOY_TIME_TEXT = '\u0000deploy-time\u0000';

/** A value and where the user wrote it. */
export interface Located {
  readonly value: unknown;
  /** Dotted path in the template (or parameters file) where the value is set. */
  readonly path: string;
}

/** What `parameters('name')` reads. */
export interface ParameterSource extends Located {
  readonly secure: boolean;
}

export interface ArmScope {
  readonly parameters: ReadonlyMap<string, ParameterSource>;
  readonly variables: Readonly<Record<string, unknown>>;
  /** The current iteration of each copy loop; `''` is the resource's own loop. */
  readonly copyIndex: ReadonlyMap<string, number>;
}

type Token = { kind: 'str' | 'num' | 'id' | 'punct'; text: string };

/** Text the evaluator cannot read: the expression's value is unknown. */
class ParseError extends Error {}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new ParseError();
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += text[i++];
      }
      out.push({ kind: 'str', text: s });
    } else if (/[-\d]/.test(c)) {
      const m = /^-?\d+/.exec(text.slice(i));
      if (!m) throw new ParseError();
      out.push({ kind: 'num', text: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][\w.]*/.exec(text.slice(i))!;
      // `a.b` after a call is property access; a dotted function name is a user function.
      const name = m[0].split('.')[0]!;
      out.push({ kind: 'id', text: name });
      i += name.length;
    } else if ('(),.[]'.includes(c)) {
      out.push({ kind: 'punct', text: c });
      i++;
    } else throw new ParseError();
  }
  return out;
}

const isUnknown = (v: unknown): boolean => v === UNKNOWN;

/** Parses and evaluates one expression (the text between the outer brackets). */
function evaluateExpression(text: string, scope: ArmScope, depth: number): Located | typeof UNKNOWN {
  let tokens: Token[];
  let pos = 0;
  let sourcePath: string | undefined;
  const peek = () => tokens[pos];
  const take = (t?: string): Token | undefined => {
    const tok = tokens[pos];
    if (!tok || (t !== undefined && tok.text !== t)) throw new ParseError();
    pos++;
    return tok;
  };
  const call = (name: string, args: unknown[]): unknown => {
    if (args.some(isUnknown)) return UNKNOWN;
    const [a, b, c] = args;
    switch (name.toLowerCase()) {
      case 'parameters': {
        const p = scope.parameters.get(String(a));
        if (!p) return UNKNOWN;
        // `[parameters('x')]`, four tokens, and nothing else: the value is where the parameter is set.
        if (tokens.length === 4) sourcePath = p.path;
        return p.value;
      }
      case 'variables': {
        if (!Object.prototype.hasOwnProperty.call(scope.variables, String(a)) || depth > 8) return UNKNOWN;
        return evaluate(scope.variables[String(a)], scope, depth + 1);
      }
      case 'copyindex': {
        const loop = typeof a === 'string' ? a : '';
        const offset = typeof a === 'number' ? a : typeof b === 'number' ? b : 0;
        const i = scope.copyIndex.get(loop) ?? (loop === '' ? [...scope.copyIndex.values()][0] : undefined);
        return i === undefined ? UNKNOWN : i + offset;
      }
      case 'concat':
        // Arrays or strings: Resource Manager refuses a mix.
        if (args.every(Array.isArray)) return (args as unknown[][]).flat();
        return args.some(Array.isArray) ? UNKNOWN : args.map(String).join('');
      case 'tolower':
        return String(a).toLowerCase();
      case 'toupper':
        return String(a).toUpperCase();
      case 'string':
        return typeof a === 'string' ? a : JSON.stringify(a);
      case 'int':
        return Number.parseInt(String(a), 10);
      case 'add':
        return Number(a) + Number(b);
      case 'sub':
        return Number(a) - Number(b);
      case 'mul':
        return Number(a) * Number(b);
      case 'if':
        return a ? b : c;
      case 'equals':
        return JSON.stringify(a) === JSON.stringify(b);
      case 'not':
        return !a;
      case 'empty':
        // An array is an object whose keys are its indexes.
        return a === '' || (a !== null && typeof a === 'object' && Object.keys(a).length === 0);
      case 'length':
        return Array.isArray(a) || typeof a === 'string' ? a.length : a && typeof a === 'object' ? Object.keys(a).length : UNKNOWN;
      case 'createarray':
        return args;
      case 'format':
        return String(a).replace(/\{(\d+)\}/g, (_, n: string) => String(args[Number(n) + 1]));
      case 'true':
        return true;
      case 'false':
        return false;
      case 'null':
        return null;
      default:
        // resourceId(), reference(), uniqueString() and the rest are resolved by Resource Manager.
        return UNKNOWN;
    }
  };
  const primary = (): unknown => {
    const tok = take()!;
    let value: unknown;
    if (tok.kind === 'str') value = tok.text;
    else if (tok.kind === 'num') value = Number(tok.text);
    else if (tok.kind === 'id') {
      take('(');
      const args: unknown[] = [];
      while (peek()?.text !== ')') {
        args.push(primary());
        if (peek()?.text !== ')') take(',');
      }
      take(')');
      value = call(tok.text, args);
    } else throw new ParseError();
    // Member access and indexing: `.fqdn`, `[0]`, `['name']`.
    while (peek()?.text === '.' || peek()?.text === '[') {
      sourcePath = undefined;
      if (take()!.text === '.') {
        const key = take()!.text;
        value = value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : UNKNOWN;
      } else {
        const key = primary();
        take(']');
        value = value !== null && typeof value === 'object' && (typeof key === 'string' || typeof key === 'number') && Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : UNKNOWN;
      }
    }
    return value;
  };
  try {
    tokens = tokenize(text);
    const value = primary();
    if (pos !== tokens.length) return UNKNOWN;
    return { value, path: sourcePath ?? '' };
  } catch {
    return UNKNOWN;
  }
}

/** Evaluates a template value: expressions in strings, recursively through objects and arrays. */
export function evaluate(value: unknown, scope: ArmScope, depth = 0): unknown {
  if (depth > 64) return UNKNOWN;
  if (Array.isArray(value)) return value.map((v) => evaluate(v, scope, depth + 1));
  // fromEntries defines each key as the object's own, `__proto__` included.
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, scope, depth + 1)]));
  return evaluateAt(value, '', scope, depth).value;
}

/**
 * Evaluates one string of a template (`[...]` is an expression, `[[` an escaped bracket) and says
 * where its value was set: `path`, or the parameter it reads. Objects and arrays are returned as
 * they are, so a reader walking into them still knows where each value is.
 */
export function evaluateAt(value: unknown, path: string, scope: ArmScope, depth = 0): Located {
  if (typeof value !== 'string') return { value, path };
  if (value.includes(DEPLOY_TIME_TEXT)) return { value: UNKNOWN, path };
  if (value.startsWith('[[')) return { value: value.slice(1), path };
  if (!value.startsWith('[') || !value.endsWith(']')) return { value, path };
  const r = evaluateExpression(value.slice(1, -1), scope, depth);
  return r === UNKNOWN ? { value: UNKNOWN, path } : { value: r.value, path: r.path || path };
}
