import { type ClusterModel, existingSubnetIdOf, isObject } from '../../model/cluster-model';
import { FIXED_PROPERTIES } from '../../profile/mutability';
import { isConcrete } from '../checks';
import type { CheckContext, ClusterChange, RuleChecks, RuleHit } from '../rule';

/** A model field's value, read by its dotted name. */
function fieldOf(model: ClusterModel, field: string): unknown {
  if (field === 'network.subnetId') return existingSubnetIdOf(model.network.subnet);
  let cur: unknown = model;
  // A part the model lacks (no Windows profile) reads as undefined.
  for (const key of field.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[key];
  return cur;
}

/** Whether two values differ, when both are known (strings compare case-insensitively, as the RP does). */
export function differs(a: unknown, b: unknown): boolean {
  if (!isConcrete(a) || !isConcrete(b)) return false;
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() !== b.toLowerCase();
  return JSON.stringify(a) !== JSON.stringify(b);
}

/** `1.20.7` → [1, 20, 7]; undefined for anything else. */
function version(v: unknown): [number, number, number] | undefined {
  // A value known only at deploy time is a token, which never has this shape.
  const m = typeof v === 'string' ? /^(\d+)\.(\d+)\.(\d+)$/.exec(v) : null;
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/**
 * Whether the change reaches the resource provider as a PUT on the running cluster: an update, or
 * a replaced deployment (`-replace`) that names the same cluster in a group the plan keeps.
 */
const updated = (c: ClusterChange): c is ClusterChange & { before: ClusterModel; after: ClusterModel } =>
  c.before !== undefined &&
  c.after !== undefined &&
  !c.groupDeleted &&
  !differs(c.before.name, c.after.name) &&
  (c.actions.includes('update') || (c.actions.includes('delete') && c.actions.includes('create')));

/** A finding on a field that changes from `before` to `after`. */
export const changeHit = (ctx: CheckContext, field: string, before: unknown, after: unknown, allowed: string, message: string, fix?: string): RuleHit => ({
  path: ctx.name(field),
  value: after,
  change: { before, after },
  allowed,
  message,
  ...(fix && { fix }),
});

export const CHANGE_RULES: readonly RuleChecks[] = [
  {
    id: 'HUB400',
    checkChange: (c, ctx) =>
      updated(c)
        ? FIXED_PROPERTIES.filter((p) => differs(fieldOf(c.before, p.field), fieldOf(c.after, p.field))).map((p) =>
            changeHit(ctx, p.field, fieldOf(c.before, p.field), fieldOf(c.after, p.field), 'the value the cluster was created with', `The resource provider refuses to change ${ctx.name(p.field)} of a running cluster (${p.source}).`),
          )
        : [],
  },
  {
    id: 'HUB401',
    checkChange: (c, ctx) => {
      if (!updated(c)) return [];
      const [a, b] = [version(c.before.kubernetesVersion), version(c.after.kubernetesVersion)];
      if (!a || !b) return [];
      // No version in the texts: a version from a sensitive input is shown only as the masked value.
      const at = (message: string) => [changeHit(ctx, 'kubernetesVersion', c.before.kubernetesVersion, c.after.kubernetesVersion, 'the same minor version or the next one, never lower', message)];
      if (b[0] !== a[0] || b[1] < a[1] || (b[1] === a[1] && b[2] < a[2])) return at('Kubernetes cannot be downgraded.');
      if (b[1] > a[1] + 1) return at('Kubernetes upgrades one minor version at a time; this change skips at least one.');
      return [];
    },
  },
  {
    id: 'HUB402',
    checkChange: (c, ctx) =>
      updated(c) && differs(c.before.nodePool.count, c.after.nodePool.count) && differs(c.before.kubernetesVersion, c.after.kubernetesVersion)
        ? [changeHit(ctx, 'nodePool.count', c.before.nodePool.count, c.after.nodePool.count, 'the node count or the Kubernetes version, not both', '"Updating Kubernetes version and agent node scaling are mutually exclusive operations." The same apply also changes the Kubernetes version.')]
        : [],
  },
  {
    id: 'HUB403',
    checkChange: (c, ctx) => {
      const replaced = c.actions.includes('delete') && c.actions.includes('create');
      const renamed = c.before !== undefined && c.after !== undefined && differs(c.before.name, c.after.name);
      // A deployment replaced in place (terraform apply -replace) re-PUTs the same cluster: no harm.
      if (!renamed && !(replaced && c.groupDeleted)) return [];
      const [before, after] = [c.before?.name, c.after?.name];
      return [
        changeHit(
          ctx,
          'name',
          before,
          after,
          'the same deployment and cluster name',
          c.groupDeleted
            ? 'The plan replaces the cluster: it deletes the old one with its resource group, workloads and volumes included, and creates a new, empty one.'
            : 'A new cluster name creates a second cluster; the old one keeps running, and nothing in Terraform deletes it.',
        ),
      ];
    },
  },
  {
    id: 'HUB404',
    checkChange: (c, ctx) =>
      c.before !== undefined && c.actions.length === 1 && c.actions[0] === 'delete' && !c.groupDeleted
        ? [{ path: ctx.name('name'), value: c.before.name, allowed: 'a delete together with the cluster\'s resource group, as cdktf destroy does', message: 'Terraform deletes only the deployment record: the cluster keeps running in a resource group this plan does not delete.' }]
        : [],
  },
];

/** What `aks-hub drift` compares: what scaling and upgrading change, and everything fixed at creation. */
const DRIFT_FIELDS: readonly string[] = ['nodePool.count', 'kubernetesVersion', ...FIXED_PROPERTIES.map((p) => p.field)];

export const DRIFT_RULES: readonly RuleChecks[] = [
  {
    id: 'HUB405',
    checkDrift: (code, live, ctx) => [
      ...DRIFT_FIELDS.filter((f) => differs(fieldOf(code, f), fieldOf(live, f))).map((f) =>
        changeHit(ctx, f, fieldOf(code, f), fieldOf(live, f), `${JSON.stringify(fieldOf(code, f))}, as the code says`, `The live cluster differs from the code at ${ctx.name(f)} (code → live).`),
      ),
      // A pool added outside the code (az aks nodepool add): its nodes count against the subscription's 50.
      ...live.azureOnly
        .filter((s) => s.feature === 'extraPool')
        .map((s): RuleHit => {
          const pool = isObject(s.value) ? s.value : {};
          return { path: s.path, value: { name: pool.name, count: pool.count }, allowed: 'the one pool the code has', message: `The live cluster has a pool the code does not: '${String(pool.name)}' with ${String(pool.count)} nodes.` };
        }),
    ],
  },
];
