/**
 * A Terraform module as `terraform plan` would read it before asking any provider: variables from
 * their defaults and the variable files, locals, `count` and `for_each` instances, and `dynamic`
 * blocks, with every expression it can read evaluated. What it cannot read stays a `${…}` string,
 * which the importers take as known only at apply: an unknown, never a finding.
 */

import { UNKNOWN } from './arm-expressions';
import { type HclScope, evaluateHclString } from './hcl-expression';
import { isObject } from '../model/cluster-model';

/** Instances of one resource beyond this are a module no stamp runs; the rest are left out. */
const MAX_INSTANCES = 200;

/** Meta-arguments Terraform reads itself: not attributes of the resource. */
const META = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection']);

/** The bodies of a block type or label at one level: HCL's JSON lets each level be an object or a list of them. */
const bodies = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value : [value]).filter(isObject);

/** `label → bodies` of a labelled block level. */
function labelled(value: unknown): [string, Record<string, unknown>[]][] {
  const out = new Map<string, Record<string, unknown>[]>();
  for (const o of bodies(value)) for (const [k, v] of Object.entries(o)) out.set(k, [...(out.get(k) ?? []), ...bodies(v)]);
  return [...out];
}

/** The variables a module declares, with the value each takes: given, else the default, else unknown. */
export function variableValues(json: Record<string, unknown>, given: Readonly<Record<string, unknown>>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [name, decls] of labelled(json.variable)) {
    const decl = decls[0] ?? {};
    const value = Object.prototype.hasOwnProperty.call(given, name) ? given[name] : 'default' in decl ? decl.default : UNKNOWN;
    // A null value means "not set" for an optional argument, as Terraform reads it.
    out.set(name, value);
  }
  return out;
}

/** Evaluation state: the module's variables and locals, and the names in scope at this point. */
class ModuleScope {
  private readonly localValues = new Map<string, unknown>();
  private readonly localDefs = new Map<string, unknown>();
  private readonly evaluating = new Set<string>();

  constructor(
    private readonly vars: ReadonlyMap<string, unknown>,
    locals: readonly Record<string, unknown>[],
  ) {
    for (const l of locals) for (const [k, v] of Object.entries(l)) this.localDefs.set(k, v);
  }

  /** A scope with `each`, `count` or an iterator bound, for one instance or one dynamic block. */
  public with(bindings: Readonly<Record<string, unknown>>): HclScope {
    return { lookup: (root) => (Object.prototype.hasOwnProperty.call(bindings, root) ? bindings[root] : this.root(root)) };
  }

  private root(root: string): unknown {
    if (root === 'var') return Object.fromEntries(this.vars);
    if (root === 'local') return this.locals();
    return undefined;
  }

  /** Every local, each evaluated once; one that refers to itself is unknown. */
  private locals(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const name of this.localDefs.keys()) out[name] = this.local(name);
    return out;
  }

  private local(name: string): unknown {
    if (this.localValues.has(name)) return this.localValues.get(name);
    if (this.evaluating.has(name)) return UNKNOWN;
    this.evaluating.add(name);
    const v = evaluateValue(this.localDefs.get(name), this.with({}));
    this.evaluating.delete(name);
    this.localValues.set(name, v);
    return v;
  }
}

/** A value of the module evaluated in `scope`: strings as templates, lists and objects through. UNKNOWN where any part is unknown. */
function evaluateValue(value: unknown, scope: HclScope, depth = 0): unknown {
  if (depth > 32) return UNKNOWN;
  if (typeof value === 'string') return evaluateHclString(value, scope);
  if (Array.isArray(value)) {
    const list = value.map((v) => evaluateValue(v, scope, depth + 1));
    return list.some((v) => v === UNKNOWN) ? UNKNOWN : list;
  }
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const e = evaluateValue(v, scope, depth + 1);
      if (e === UNKNOWN) return UNKNOWN;
      Object.defineProperty(out, k, { value: e, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/**
 * A resource body with its expressions evaluated: a value that cannot be read keeps its `${…}`
 * text, so it reads as unknown; `dynamic` blocks, at any level, become the blocks they make.
 */
function evaluateBody(body: Record<string, unknown>, scope: HclScope, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const [k, v] of Object.entries(body)) {
    // cdktf's metadata as it is; meta-arguments only at the top of a resource.
    if (k === '//' && depth === 0) set(k, v);
    else if (k !== 'dynamic' && (depth > 0 || !META.has(k))) set(k, evaluateAttribute(v, scope, depth));
  }
  for (const [label, blocks] of labelled(body.dynamic)) {
    const made = blocks.map((b) => dynamicBlocks(label, b, scope, depth));
    // A for_each known only at apply: the blocks it makes are unknown too.
    if (made.some((m) => m === undefined)) set(label, `\${dynamic.${label}}`);
    else set(label, [...bodies(out[label]), ...(made as Record<string, unknown>[][]).flat()]);
  }
  return out;
}

function evaluateAttribute(v: unknown, scope: HclScope, depth: number): unknown {
  if (depth > 32) return v;
  if (typeof v === 'string') {
    const e = evaluateHclString(v, scope);
    // Unknown: the text as written, which reads as known only at apply (a directive gets a mark).
    return e === UNKNOWN ? (v.includes('${') ? v : '${template}') : e;
  }
  if (Array.isArray(v)) return v.map((x) => (isObject(x) ? evaluateBody(x, scope, depth + 1) : evaluateAttribute(x, scope, depth + 1)));
  if (isObject(v)) return evaluateBody(v, scope, depth + 1);
  return v;
}

/** The blocks one `dynamic` block makes, or undefined when its for_each is known only at apply. */
function dynamicBlocks(label: string, block: Record<string, unknown>, scope: HclScope, depth: number): Record<string, unknown>[] | undefined {
  const items = collection(evaluateValue(block.for_each, scope));
  if (!items) return undefined;
  const iterator = typeof block.iterator === 'string' ? block.iterator : label;
  const content = bodies(block.content)[0] ?? {};
  return items.slice(0, MAX_INSTANCES).map(([key, value]) => evaluateBody(content, { lookup: (root) => (root === iterator ? { key, value } : scope.lookup(root)) }, depth + 1));
}

/** `for_each` items as key/value pairs: a map's entries, or a set's (list's) members as both. */
function collection(v: unknown): [unknown, unknown][] | undefined {
  if (Array.isArray(v)) return v.map((x, i) => [typeof x === 'string' ? x : i, x]);
  if (isObject(v)) return Object.keys(v).sort().map((k) => [k, v[k]]);
  return undefined;
}

/** The instances of one resource: `count`, `for_each`, or the one. Unknown counts give one, as the ARM reader does for a copy loop. */
function instances(name: string, body: Record<string, unknown>, module: ModuleScope): [string, HclScope][] {
  const base = module.with({});
  if (body.count !== undefined) {
    const n = evaluateValue(body.count, base);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return [[name, module.with({ count: { index: UNKNOWN } })]];
    return Array.from({ length: Math.min(n, MAX_INSTANCES) }, (_, i) => [`${name}[${i}]`, module.with({ count: { index: i } })]);
  }
  if (body.for_each !== undefined) {
    const items = collection(evaluateValue(body.for_each, base));
    if (!items) return [[name, module.with({ each: { key: UNKNOWN, value: UNKNOWN } })]];
    return items.slice(0, MAX_INSTANCES).map(([key, value]) => [`${name}[${JSON.stringify(key)}]`, module.with({ each: { key, value } })]);
  }
  return [[name, base]];
}

/**
 * A Terraform document (HCL read into its JSON form, or a `.tf.json` file) with variables,
 * locals, instances and dynamic blocks resolved, in Terraform JSON's shape:
 * `resource.<type>.<name or name[key]>`, `data.…`, `provider.<name>`.
 */
export function resolveModule(json: Record<string, unknown>, given: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const module = new ModuleScope(variableValues(json, given), bodies(json.locals));
  const out: Record<string, unknown> = {};
  for (const block of ['resource', 'data'] as const) {
    const types: Record<string, unknown> = {};
    for (const [type, byName] of labelled(json[block])) {
      const named: Record<string, unknown> = {};
      for (const [name, list] of labelled(byName)) {
        for (const body of list) for (const [instance, scope] of instances(name, body, module)) named[instance] = evaluateBody(body, scope);
      }
      types[type] = named;
    }
    out[block] = types;
  }
  out.provider = Object.fromEntries(labelled(json.provider).map(([name, list]) => [name, list.map((b) => evaluateBody(b, module.with({})))]));
  return out;
}
