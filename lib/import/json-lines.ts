/** A container met on the way through the text, and how much of the path leads to it. */
interface Frame {
  readonly array: boolean;
  /** Path segments matched up to this container; -1 when it is off the path. */
  readonly matched: number;
  /** A list where the path names a key: its first element stands for it (Terraform writes single blocks as lists). */
  readonly through: boolean;
  index: number;
  key?: string;
}

const STRING = /"(?:[^"\\]|\\.)*"/y;
const LITERAL = /[-+\w.]+/y;

/**
 * Where a value is in a JSON text: the 1-based line of the deepest part of `path` that the text
 * holds (an unset property gives its parent's line), for findings a code-scanning UI can place.
 * One pass, stopped once the path is found; nesting is walked with an explicit stack.
 */
export function jsonLineOf(text: string, path: readonly (string | number)[]): number {
  const segs = path.map(String);
  let line = 1;
  let best = 1;
  let pos = 0;
  const stack: Frame[] = [];
  /** Segments matched by a value in the container's current slot, or -1. */
  const slot = (f: Frame): number => {
    if (f.matched < 0) return -1;
    if (f.array) return f.through ? (f.index === 0 ? f.matched : -1) : segs[f.matched] === String(f.index) ? f.matched + 1 : -1;
    return f.key !== undefined && segs[f.matched] === f.key ? f.matched + 1 : -1;
  };
  if (segs.length === 0) return 1;
  while (pos < text.length) {
    const c = text[pos]!;
    const top = stack.at(-1);
    if (c === '\n' || c === ' ' || c === '\t' || c === '\r' || c === ':') {
      if (c === '\n') line++;
      pos++;
    } else if (c === ',') {
      if (top?.array) top.index++;
      else if (top) top.key = undefined;
      pos++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      pos++;
    } else if (c === '"' && top && !top.array && top.key === undefined) {
      // A key: the line a property is on is its key's.
      STRING.lastIndex = pos;
      const m = STRING.exec(text);
      if (!m) return best;
      top.key = JSON.parse(m[0]) as string;
      pos += m[0].length;
      const matched = slot(top);
      if (matched > 0) {
        best = line;
        if (matched === segs.length) return best;
      }
    } else {
      // A value starts.
      const matched = top ? slot(top) : 0;
      if (top?.array && !top.through && matched > 0) {
        best = line;
        if (matched === segs.length) return best;
      }
      if (c === '{' || c === '[') {
        const through = c === '[' && matched >= 0 && matched < segs.length && !/^\d+$/.test(segs[matched]!);
        stack.push({ array: c === '[', matched, through, index: 0 });
        pos++;
      } else {
        const re = c === '"' ? STRING : LITERAL;
        re.lastIndex = pos;
        const m = re.exec(text);
        pos += m ? m[0].length : 1;
      }
    }
  }
  return best;
}
