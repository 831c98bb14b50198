import { UNKNOWN } from './arm-expressions';

/**
 * Reads the literal part of a Terraform expression: `${jsonencode({ "k" = { "value" = "v" } })}`
 * as cdktf writes `Fn.jsonencode`, or plain JSON. Strings, numbers, booleans, objects and tuples
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
  if (!m) return UNKNOWN;
  try {
    const parser = new LiteralParser(m[1]!);
    const value = parser.value();
    return parser.atEnd() ? value : UNKNOWN;
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
