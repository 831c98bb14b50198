import { DEPLOY_TIME_TEXT, UNKNOWN } from './arm-expressions';

/**
 * A JSON text with Terraform interpolations in it (`"location": "${var.location}"`), with each
 * interpolation replaced by DEPLOY_TIME_TEXT, so that the parts that are known can be read. One
 * inside a JSON string stays in the string; one outside becomes a string of its own.
 */
export function withInterpolationsUnknown(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '$' && text[i + 1] === '{' && text[i - 1] !== '$') {
      // The interpolation ends at its matching brace, past any strings and braces inside it.
      let depth = 0;
      let quoted = false;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '"') quoted = !quoted;
        else if (!quoted && text[j] === '{') depth++;
        else if (!quoted && text[j] === '}' && --depth === 0) break;
      }
      const mark = JSON.stringify(DEPLOY_TIME_TEXT).slice(1, -1);
      out += inString ? mark : `"${mark}"`;
      i = j;
      continue;
    }
    if (c === '"' && !isEscaped(text, i)) inString = !inString;
    out += c;
  }
  return out;
}

/** Whether the character at `i` is escaped by an odd number of backslashes. */
function isEscaped(text: string, i: number): boolean {
  let n = 0;
  for (let k = i - 1; k >= 0 && text[k] === '\\'; k--) n++;
  return n % 2 === 1;
}

/**
 * Reads the literal part of a Terraform expression: `${jsonencode({ "k" = { "value" = "v" } })}`
 * as cdktf writes `Fn.jsonencode`, plain JSON, or JSON with interpolations in it. Strings, numbers, booleans, objects and tuples
 * are read; a reference or function call (`var.secret`) is UNKNOWN, its value never seen.
 */
export function readTerraformValue(text: string): unknown {
  if (!text.includes('${')) {
    try {
      return JSON.parse(text);
    } catch {
      return UNKNOWN;
    }
  }
  const m = /^\$\{\s*jsonencode\(([\s\S]*)\)\s*\}$/.exec(text.trim());
  if (!m) return jsonTemplateValue(text);
  try {
    const parser = new LiteralParser(m[1]!);
    const value = parser.value();
    return parser.atEnd() ? value : UNKNOWN;
  } catch {
    return UNKNOWN;
  }
}

/**
 * JSON written as a Terraform template string, with values interpolated into it
 * (`{"a":{"value":${jsonencode(var.secret)}}}`, as the library writes a parameters body): the
 * literal parts are read, each interpolation is UNKNOWN.
 */
function jsonTemplateValue(text: string): unknown {
  try {
    // $${ and %%{ are a template's escapes for the literal text ${ and %{.
    const json = withInterpolationsUnknown(text).replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
    return JSON.parse(json, (_, v: unknown) => (typeof v === 'string' && v.includes(DEPLOY_TIME_TEXT) ? UNKNOWN : v));
  } catch {
    return UNKNOWN;
  }
}

class LiteralParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  public atEnd(): boolean {
    this.space();
    return this.pos >= this.text.length;
  }

  private space(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  private peek(): string {
    this.space();
    return this.text[this.pos] ?? '';
  }

  public value(): unknown {
    const c = this.peek();
    if (c === '{') return this.object();
    if (c === '[') return this.tuple();
    if (c === '"') return this.string();
    const m = /^(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)(?=[\s,}\])]|$)/.exec(this.text.slice(this.pos));
    if (m) {
      this.pos += m[0].length;
      return JSON.parse(m[0]);
    }
    this.skipExpression();
    return UNKNOWN;
  }

  /** Skips a reference or call up to the next separator at its own depth. */
  private skipExpression(): void {
    let depth = 0;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!;
      if (c === '"') {
        this.string();
        continue;
      }
      if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) {
        if (depth === 0) return;
        depth--;
      } else if (c === ',' && depth === 0) return;
      this.pos++;
    }
  }

  private string(): string {
    // HCL strings escape like JSON, plus `$${` and `%%{` for a literal `${` and `%{`.
    let out = '';
    this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== '"') {
      if (this.text[this.pos] === '\\') {
        out += JSON.parse(`"${this.text.slice(this.pos, this.pos + (this.text[this.pos + 1] === 'u' ? 6 : 2))}"`);
        this.pos += this.text[this.pos + 1] === 'u' ? 6 : 2;
      } else if (this.text.startsWith('$${', this.pos) || this.text.startsWith('%%{', this.pos)) {
        out += `${this.text[this.pos]}{`;
        this.pos += 3;
      } else out += this.text[this.pos++];
    }
    this.pos++;
    return out;
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    while (this.peek() !== '}' && this.pos < this.text.length) {
      let key: string;
      if (this.peek() === '"') key = this.string();
      else {
        key = /^[\w-]+/.exec(this.text.slice(this.pos))?.[0] ?? '';
        if (!key) throw new SyntaxError('expected a key');
        this.pos += key.length;
      }
      const sep = this.peek();
      if (sep !== '=' && sep !== ':') throw new SyntaxError('expected = in an object');
      this.pos++;
      Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      if (this.peek() === ',') this.pos++;
    }
    this.pos++;
    return out;
  }

  private tuple(): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    while (this.peek() !== ']' && this.pos < this.text.length) {
      out.push(this.value());
      if (this.peek() === ',') this.pos++;
    }
    this.pos++;
    return out;
  }
}
