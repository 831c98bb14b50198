import { MAX_NODES_PER_SUBSCRIPTION } from '../profile/hub-limits';
import { isConcrete } from './checks';
import type { RuleHit } from './rule';

/** Nodes one cluster puts in a subscription. */
export interface ClusterNodes {
  /** The cluster: a prop path, a construct path or a resource address. */
  readonly where: string;
  readonly count: number;
}

/** Where a cluster's nodes count: the stamp's Resource Manager host and the subscription. */
export interface SubscriptionKey {
  readonly endpointHost?: string;
  /** `undefined` means "whatever ARM_SUBSCRIPTION_ID names": such clusters count together. */
  readonly subscriptionId?: string;
  /**
   * For files checked side by side: clusters whose subscription no file names count together only
   * within this one file (unrelated files in a folder are not one subscription).
   */
  readonly document?: string;
}

/**
 * HUB020, the one implementation: the clusters of one subscription add up to at most 50 nodes.
 * A single cluster is reported at its own count; several at the subscription. Counts known only
 * at deploy time are left out.
 */
export function nodeLimitFindings(clusters: readonly ClusterNodes[], subscription: SubscriptionKey = {}): RuleHit[] {
  const known = clusters.filter((c) => typeof c.count === 'number' && isConcrete(c.count));
  const total = known.reduce((sum, c) => sum + c.count, 0);
  if (total <= MAX_NODES_PER_SUBSCRIPTION) return [];
  if (known.length === 1) {
    const [c] = known;
    return [{ path: c!.where, value: c!.count, allowed: `at most ${MAX_NODES_PER_SUBSCRIPTION}`, message: `Azure Stack Hub allows at most ${MAX_NODES_PER_SUBSCRIPTION} AKS nodes per subscription.` }];
  }
  const sub = subscription.subscriptionId ?? 'the one ARM_SUBSCRIPTION_ID names';
  return [
    {
      path: `subscription ${sub}${subscription.endpointHost ? ` on ${subscription.endpointHost}` : ''}`,
      value: total,
      allowed: `at most ${MAX_NODES_PER_SUBSCRIPTION} nodes over all clusters of one subscription`,
      message: `The clusters of this subscription add up to ${total} nodes (${known.map((c) => `${c.where}: ${c.count}`).join(', ')}), over the Hub AKS limit of ${MAX_NODES_PER_SUBSCRIPTION} per subscription.`,
    },
  ];
}

/** The key clusters are grouped by; endpoint and subscription compare case-insensitively. */
export function subscriptionKeyText(k: SubscriptionKey): string {
  return `${(k.endpointHost ?? '').toLowerCase()}|${(k.subscriptionId ?? '').toLowerCase()}|${k.subscriptionId ? '' : (k.document ?? '')}`;
}

/**
 * HUB020 over many clusters, grouped by subscription. Only sums of two or more clusters are
 * reported here: a single cluster over the limit is its own check's finding.
 */
export function subscriptionNodeHits<T extends ClusterNodes & { readonly subscription: SubscriptionKey }>(entries: readonly T[]): { hit: RuleHit; clusters: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const e of entries) groups.set(subscriptionKeyText(e.subscription), [...(groups.get(subscriptionKeyText(e.subscription)) ?? []), e]);
  return [...groups.values()].flatMap((g) => (g.filter((c) => isConcrete(c.count)).length > 1 ? nodeLimitFindings(g, g[0]!.subscription).map((hit) => ({ hit, clusters: g })) : []));
}
