import { TerraformResource, Token } from 'cdktf';
import type { IConstruct } from 'constructs';
import { MAX_NODES_PER_SUBSCRIPTION } from '../profile/hub-limits';
import { INPUT_RULES } from '../rules/input-rules';
import { findRule } from '../rules/registry';
import { valueAt } from '../rules/rule';
import { formatViolation } from '../rules/violation';

/** Nodes one cluster puts in a subscription. */
export interface NodeCount {
  /** Construct path of the cluster. */
  readonly path: string;
  readonly count: number;
}

/** Where a cluster's nodes count: the stamp's endpoint and the subscription. */
export interface SubscriptionKey {
  readonly endpointHost: string;
  /** `undefined` means "whatever ARM_SUBSCRIPTION_ID names": such stacks count together. */
  readonly subscriptionId?: string;
}

/** What a stack tells the app-wide count. */
export interface NodeCountSource {
  readonly subscription: SubscriptionKey;
  /** Clusters of this stack and their node counts (concrete counts only). */
  nodeCounts(): NodeCount[];
}

const keyText = (k: SubscriptionKey): string => `${k.endpointHost}|${k.subscriptionId ?? ''}`;

/** Node counts of raw azurerm clusters a user added to `stack`. */
export function rawClusterNodeCounts(stack: IConstruct): NodeCount[] {
  return stack.node
    .findAll()
    .filter((c): c is TerraformResource => c instanceof TerraformResource && c.terraformResourceType === 'azurerm_kubernetes_cluster')
    .flatMap((r) => {
      const attrs = Object.values((r.toTerraform() as { resource: Record<string, Record<string, unknown>> }).resource.azurerm_kubernetes_cluster ?? {})[0];
      const count = valueAt(attrs, 'default_node_pool.node_count');
      return typeof count === 'number' && !Token.isUnresolved(count) ? [{ path: r.node.path, count }] : [];
    });
}

/**
 * HUB020 over the whole app: the clusters of every stack that targets the same subscription add
 * up to at most 50 nodes. Returns the messages for `self`'s subscription, or none.
 */
export function subscriptionNodeProblems(self: NodeCountSource, all: readonly NodeCountSource[]): string[] {
  const mine = keyText(self.subscription);
  const counts = all.filter((s) => keyText(s.subscription) === mine).flatMap((s) => s.nodeCounts());
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  // A single cluster over the limit is reported by its own check already.
  if (total <= MAX_NODES_PER_SUBSCRIPTION || counts.length < 2) return [];
  const rule = findRule('HUB020') ?? INPUT_RULES.invalidValue;
  const sub = self.subscription.subscriptionId ?? 'the one ARM_SUBSCRIPTION_ID names';
  return [
    formatViolation({
      ruleId: rule.id,
      severity: 'error',
      path: `subscription ${sub} on ${self.subscription.endpointHost}`,
      value: `${total} nodes (${counts.map((c) => `${c.path}: ${c.count}`).join(', ')})`,
      allowed: `at most ${MAX_NODES_PER_SUBSCRIPTION} nodes over all clusters of one subscription`,
      message: 'The clusters of this subscription exceed the Hub AKS limit of 50 nodes per subscription.',
      fix: rule.fix,
    }),
  ];
}
