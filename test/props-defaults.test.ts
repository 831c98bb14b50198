import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ENGINE_PROP_DEFAULTS, PROP_DEFAULTS } from './support/internals';

/** Every prop path of a props interface with the text of its TSDoc `@default`, read from the sources. */
function documentedDefaults(root: string): Map<string, { optional: boolean; text: string | undefined }> {
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  for (const name of ['props.ts', 'engine-props.ts']) {
    const file = path.resolve(__dirname, '..', 'lib', 'model', name);
    // Parent links are needed to read JSDoc tags.
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    source.forEachChild((n) => {
      if (ts.isInterfaceDeclaration(n)) interfaces.set(n.name.text, n);
    });
  }
  const out = new Map<string, { optional: boolean; text: string | undefined }>();
  const walk = (decl: ts.InterfaceDeclaration, prefix: string) => {
    for (const member of decl.members) {
      if (!ts.isPropertySignature(member) || !ts.isIdentifier(member.name)) continue;
      const p = `${prefix}${member.name.text}`;
      const tag = ts.getJSDocTags(member).find((t) => t.tagName.text === 'default');
      out.set(p, { optional: member.questionToken !== undefined, text: tag ? ts.getTextOfJSDocComment(tag.comment)?.trim() : undefined });
      // Follow the interfaces a prop refers to, through unions.
      const type = member.type && ts.isTypeOperatorNode(member.type) ? member.type.type : member.type;
      const element = type && ts.isArrayTypeNode(type) ? type.elementType : type;
      const refs: ts.TypeNode[] = element && ts.isUnionTypeNode(element) ? [...element.types] : element ? [element] : [];
      for (const ref of refs) {
        const name = ts.isTypeReferenceNode(ref) && ts.isIdentifier(ref.typeName) ? ref.typeName.text : undefined;
        const next = name ? interfaces.get(name) : undefined;
        if (next) walk(next, `${p}.`);
      }
    }
  };
  walk(interfaces.get(root)!, '');
  return out;
}

/** The literal a `@default` text starts with ('x', 3, true, ['a'], {}), or undefined for words. */
function leadingLiteral(text: string): { value: unknown } | undefined {
  const m = /^('[^']*'|-?\d+(\.\d+)?|true|false|\[[^\]]*\]|\{\})/.exec(text);
  if (!m || m[0].includes('<')) return undefined;
  return { value: JSON.parse(m[0].replace(/'/g, '"')) };
}

describe.each([
  ['HubAksClusterProps', PROP_DEFAULTS],
  ['HubAksEngineClusterProps', ENGINE_PROP_DEFAULTS],
] as const)('TSDoc @default texts of %s', (root, DEFAULTS) => {
  const docs = documentedDefaults(root);

  it('document every optional prop, and no required one', () => {
    expect([...docs].filter(([, d]) => d.optional && d.text === undefined).map(([p]) => p)).toEqual([]);
    expect([...docs].filter(([, d]) => !d.optional && d.text !== undefined).map(([p]) => p)).toEqual([]);
  });

  it.each(Object.entries(DEFAULTS))('%s states the default the library applies', (prop, value) => {
    const text = docs.get(prop)?.text;
    expect(text, `${prop} has no @default`).toBeDefined();
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
      // A default per network plugin: the text names each.
      for (const v of Object.values(value)) expect(text).toContain(String(v));
    } else {
      expect(leadingLiteral(text!), `${prop}: ${text}`).toEqual({ value });
    }
  });

  it('state no literal default the library does not apply', () => {
    const defaults = DEFAULTS as Readonly<Record<string, unknown>>;
    const perPlugin = (p: string) => typeof defaults[p] === 'object' && !Array.isArray(defaults[p]) && Object.keys(defaults[p] as object).length > 0;
    const literal = [...docs].flatMap(([p, { text }]) => {
      const lit = text === undefined || perPlugin(p) ? undefined : leadingLiteral(text);
      return lit ? [[p, lit.value] as const] : [];
    });
    expect(literal.length).toBeGreaterThan(15);
    for (const [p, value] of literal) expect(defaults, p).toHaveProperty([p], value);
  });
});
