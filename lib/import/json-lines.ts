/** The line of each value of a JSON text, as a tree of its keys and list indexes. */
export interface JsonLines {
  readonly line: number;
  /** Keys of an object, or indexes of a list as strings. */
  readonly kids?: Map<string, JsonLines>;
  readonly list?: boolean;
}

const STRING = /"(?:[^"\\]|\\.)*"/y;
const LITERAL = /[-+\w.]+/y;

/**
 * Where each value of a JSON text is: one pass, with an explicit stack, so nesting is bounded by
 * memory. A property's line is its key's; an element's, where it starts. Undefined when the text
 * is not JSON this reader can follow.
 */
export function jsonLines(text: string): JsonLines | undefined {
  type Node = { line: number; kids?: Map<string, JsonLines>; list?: boolean };
  type Open = { node: Required<Node>; index: number; key?: string; keyLine?: number };
  const stack: Open[] = [];
  let root: JsonLines | undefined;
  let line = 1;
  let pos = 0;
  /** A value starting at this line, in the container on top (or as the root); under a key, at the key's line. */
  const place = (node: Node) => {
    const top = stack.at(-1);
    if (!top) root = node;
    else if (top.node.list) top.node.kids.set(String(top.index), node);
    else if (top.key !== undefined) top.node.kids.set(top.key, Object.assign(node, { line: top.keyLine! }));
  };
  while (pos < text.length) {
    const c = text[pos]!;
    const top = stack.at(-1);
    if (c === '\n' || c === ' ' || c === '\t' || c === '\r' || c === ':') {
      if (c === '\n') line++;
      pos++;
    } else if (c === ',') {
      if (top?.node.list) top.index++;
      else if (top) top.key = undefined;
      pos++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      pos++;
    } else if (c === '"' && top && !top.node.list && top.key === undefined) {
      STRING.lastIndex = pos;
      const m = STRING.exec(text);
      if (!m) return undefined;
      top.key = JSON.parse(m[0]) as string;
      top.keyLine = line;
      pos += m[0].length;
    } else if (c === '{' || c === '[') {
      const node = { line, kids: new Map<string, JsonLines>(), list: c === '[' };
      place(node);
      stack.push({ node, index: 0 });
      pos++;
    } else {
      place({ line });
      const re = c === '"' ? STRING : LITERAL;
      re.lastIndex = pos;
      const m = re.exec(text);
      pos += m ? m[0].length : 1;
    }
  }
  return root;
}

/**
 * The line of the deepest part of `path` the tree holds (an unset property gives its parent's
 * line). A list met where the path names a key stands for its first element: Terraform writes a
 * single block as a list of one.
 */
export function lineIn(tree: JsonLines | undefined, path: readonly (string | number)[]): number {
  let node = tree;
  let best = tree?.line ?? 1;
  for (const key of path.map(String)) {
    if (node?.list && !/^\d+$/.test(key)) node = node.kids?.get('0');
    node = node?.kids?.get(key);
    if (!node) break;
    best = node.line;
  }
  return best;
}
