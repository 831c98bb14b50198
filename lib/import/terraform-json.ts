import { UNKNOWN } from './arm-expressions';
import { isObject } from '../model/cluster-model';

/** A resource, data source or provider configuration, as Terraform JSON or a plan holds it. */
export interface TerraformElement {
  readonly kind: 'resource' | 'data' | 'provider';
  /** Resource type, or the provider's name (`azurerm`). */
  readonly type: string;
  /** `azurerm_kubernetes_cluster.aks`, `data.x.y`, `provider.azurerm`. */
  readonly address: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** Construct path from cdktf's metadata, for suppressions. */
  readonly constructPath?: string;
  /** Attribute paths a plan marks unknown: values known only after apply. */
  readonly unknown?: (path: string) => boolean;
  /** Attribute paths a plan marks sensitive: values that came from sensitive inputs, never a literal and never printed. */
  readonly sensitive?: (path: string) => boolean;
}

/**
 * The objects a labelled block holds at one level. HCL's JSON syntax lets any level be an
 * object or an array of objects, so the same label may repeat (hashicorp/hcl, json/model.md).
 */
function objects(value: unknown): Record<string, unknown>[] {
  return (Array.isArray(value) ? value : [value]).filter(isObject);
}

/** `(label, body)` pairs of a block type with one label below `value`. */
function labelled(value: unknown): [string, Record<string, unknown>][] {
  return objects(value).flatMap((o) => Object.entries(o).flatMap(([label, body]) => objects(body).map((b): [string, Record<string, unknown>] => [label, b])));
}

/** Resources, data sources and provider configurations of a Terraform JSON file (`*.tf.json`, `cdk.tf.json`). */
export function terraformJsonElements(json: Record<string, unknown>): TerraformElement[] {
  const out: TerraformElement[] = [];
  for (const [block, kind, prefix] of [['resource', 'resource', ''], ['data', 'data', 'data.']] as const) {
    for (const [type, byName] of labelled(json[block])) {
      for (const [name, attributes] of labelled(byName)) {
        const meta = isObject(attributes['//']) && isObject(attributes['//'].metadata) ? attributes['//'].metadata.path : undefined;
        out.push({ kind, type, address: `${prefix}${type}.${name}`, attributes, ...(typeof meta === 'string' && { constructPath: meta }) });
      }
    }
  }
  for (const [name, config] of labelled(json.provider)) {
    out.push({ kind: 'provider', type: name, address: `provider.${name}${typeof config.alias === 'string' ? `.${config.alias}` : ''}`, attributes: config });
  }
  return out;
}

/** Whether `path` (dotted) or a parent of it is marked `true` in a plan's `*_unknown` / `*_sensitive` object. */
function marked(mask: unknown, path: string): boolean {
  let cur = mask;
  for (const key of path.split('.')) {
    if (cur === true) return true;
    if (Array.isArray(cur)) {
      // An index picks an item; a name reads the first item (a block that Terraform writes as a list of one).
      if (/^\d+$/.test(key)) {
        cur = cur[Number(key)];
        continue;
      }
      cur = cur[0];
      if (cur === true) return true;
    }
    if (!isObject(cur)) return false;
    cur = cur[key];
  }
  return cur === true;
}

/** One resource's change in a plan: its actions, and the resource before and after as elements. */
export interface PlanChange {
  readonly address: string;
  readonly type: string;
  /** `no-op`, `create`, `update`, `delete`, `read`, and their pairs for a replacement. */
  readonly actions: readonly string[];
  readonly before?: TerraformElement;
  readonly after?: TerraformElement;
}

/** The element a plan's `before` or `after` value describes, with its unknown and sensitive masks. */
function changeSide(address: string, type: string, values: unknown, unknown: unknown, sensitive: unknown): TerraformElement | undefined {
  if (!isObject(values)) return undefined;
  return { kind: 'resource', type, address, attributes: values, unknown: (path) => marked(unknown, path), sensitive: (path) => marked(sensitive, path) };
}

/** Every managed resource's change in `terraform show -json` output of a plan (terraform docs, "JSON Output Format"). */
export function planChanges(json: Record<string, unknown>): PlanChange[] {
  return (Array.isArray(json.resource_changes) ? json.resource_changes : []).flatMap((c): PlanChange[] => {
    if (!isObject(c) || typeof c.address !== 'string' || typeof c.type !== 'string' || !isObject(c.change) || c.mode === 'data') return [];
    const ch = c.change;
    const actions = Array.isArray(ch.actions) ? ch.actions.filter((a): a is string => typeof a === 'string') : [];
    const before = changeSide(c.address, c.type, ch.before, undefined, ch.before_sensitive);
    const after = changeSide(c.address, c.type, ch.after, ch.after_unknown, ch.after_sensitive);
    return [{ address: c.address, type: c.type, actions, ...(before && { before }), ...(after && { after }) }];
  });
}

/**
 * Resources of `terraform show -json` output: a plan's planned values (modules included), or a
 * state's values, and the providers the configuration names (terraform docs, "JSON Output
 * Format"). A plan's unknown and sensitive marks go with each resource.
 */
export function planElements(json: Record<string, unknown>): TerraformElement[] {
  const changes = new Map<string, Record<string, unknown>>();
  for (const c of Array.isArray(json.resource_changes) ? json.resource_changes : []) {
    if (isObject(c) && typeof c.address === 'string' && isObject(c.change)) changes.set(c.address, c.change);
  }
  const out: TerraformElement[] = [];
  // Modules in order, with an explicit stack: nesting is bounded by memory, not by the call stack.
  const pending: unknown[] = [];
  const walk = (module: unknown) => {
    if (!isObject(module)) return;
    for (const r of Array.isArray(module.resources) ? module.resources : []) {
      if (!isObject(r) || typeof r.type !== 'string' || !isObject(r.values)) continue;
      const address = typeof r.address === 'string' ? r.address : r.type;
      const change = changes.get(address);
      out.push({
        kind: r.mode === 'data' ? 'data' : 'resource',
        type: r.type,
        address,
        attributes: r.values,
        unknown: (path) => marked(change?.after_unknown, path),
        sensitive: (path) => marked(r.sensitive_values, path) || marked(change?.after_sensitive, path),
      });
    }
    const children = Array.isArray(module.child_modules) ? module.child_modules : [];
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  };
  const planned = isObject(json.planned_values) ? json.planned_values.root_module : undefined;
  pending.push(planned ?? (isObject(json.values) ? json.values.root_module : undefined));
  while (pending.length > 0) walk(pending.pop());
  const providers = isObject(json.configuration) ? json.configuration.provider_config : undefined;
  if (isObject(providers)) {
    for (const [key, p] of Object.entries(providers)) {
      const name = isObject(p) && typeof p.name === 'string' ? p.name : key;
      // Only constant expressions have a value in the plan; references stay unknown.
      const expressions = isObject(p) && isObject(p.expressions) ? p.expressions : {};
      const attributes = Object.fromEntries(
        Object.entries(expressions).map(([k, e]) => [k, isObject(e) && 'constant_value' in e ? e.constant_value : UNKNOWN]),
      );
      out.push({ kind: 'provider', type: name, address: `provider.${key}`, attributes });
    }
  }
  return out;
}
