/**
 * JSON as HCL's JSON syntax reads it: a key that appears twice in one object keeps both values,
 * as a list (hashicorp/hcl json/spec.md lets block types repeat). `JSON.parse` would keep only
 * the last, hiding what came first. Nesting is walked with an explicit stack, so depth is bounded
 * by memory, not by the call stack.
 */
export function parseJsonKeepingDuplicates(text: string): unknown {
  let pos = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at position ${pos}`);
  };
  const space = () => {
    while (pos < text.length && (text[pos] === ' ' || text[pos] === '\n' || text[pos] === '\r' || text[pos] === '\t')) pos++;
  };
  // Sticky patterns match at `pos` without copying the text.
  const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
  const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null/y;
  const scalar = (): unknown => {
    const re = text[pos] === '"' ? STRING : LITERAL;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) fail(text[pos] === '"' ? 'bad string' : 'unexpected character');
    pos += m![0].length;
    return JSON.parse(m![0]);
  };
  type Frame = { kind: 'object'; value: Record<string, unknown>; key?: string } | { kind: 'array'; value: unknown[] };
  const stack: Frame[] = [];
  /** Lists this parser made for a repeated key, which a third value extends. */
  const repeated = new WeakSet<unknown[]>();
  let result: unknown;
  let done = false;
  /** Puts a finished value into the container on top of the stack, or makes it the result. */
  const put = (v: unknown) => {
    const top = stack.at(-1);
    if (!top) {
      result = v;
      done = true;
    } else if (top.kind === 'array') top.value.push(v);
    else {
      const key = top.key!;
      if (Object.prototype.hasOwnProperty.call(top.value, key)) {
        const prev = top.value[key];
        // A list this parser made grows in place: n repeats cost n, not n².
        if (Array.isArray(prev) && repeated.has(prev)) prev.push(v);
        else {
          const list = [prev, v];
          repeated.add(list);
          Object.defineProperty(top.value, key, { value: list, enumerable: true, writable: true, configurable: true });
        }
      } else Object.defineProperty(top.value, key, { value: v, enumerable: true, writable: true, configurable: true });
      top.key = undefined;
    }
  };
  /** After a value inside a container: a comma, or the container's end. */
  const after = () => {
    for (;;) {
      space();
      const top = stack.at(-1);
      if (!top) return;
      const close = top.kind === 'object' ? '}' : ']';
      if (text[pos] === ',') {
        pos++;
        return;
      }
      if (text[pos] !== close) fail(`expected , or ${close}`);
      pos++;
      stack.pop();
      put(top.value);
      if (done) return;
    }
  };
  while (!done) {
    space();
    const top = stack.at(-1);
    if (top?.kind === 'object' && top.key === undefined) {
      if (text[pos] === '}' && Object.keys(top.value).length === 0) {
        pos++;
        stack.pop();
        put(top.value);
        if (!done) after();
        continue;
      }
      if (text[pos] !== '"') fail('expected a key');
      top.key = scalar() as string;
      space();
      if (text[pos] !== ':') fail('expected :');
      pos++;
      continue;
    }
    const c = text[pos];
    if (c === '{') {
      pos++;
      stack.push({ kind: 'object', value: {} });
    } else if (c === '[') {
      pos++;
      space();
      if (text[pos] === ']') {
        pos++;
        put([]);
        if (!done) after();
      } else stack.push({ kind: 'array', value: [] });
    } else {
      put(scalar());
      if (!done) after();
    }
  }
  space();
  if (pos !== text.length) fail('unexpected text after the end');
  return result;
}
