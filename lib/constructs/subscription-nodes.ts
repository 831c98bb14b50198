import { TerraformResource, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { importTerraformElements } from '../import/documents';
import type { StampProfile } from '../profile/stamp';
import { type Finding, findingOf } from '../rules/finding';
import { findRule } from '../rules/registry';
import { type ClusterNodes, type SubscriptionKey, subscriptionKeyText, subscriptionNodeHits } from '../rules/subscription-nodes';
import { elementOf } from './terraform-element';

/** The template deployments HubAksClusters made, with their nodes: already checked, counted from the model. */
const own = new WeakMap<IConstruct, ClusterNodes>();

/** Records the template deployment of a HubAksCluster and its nodes. */
export function recordClusterDeployment(deployment: IConstruct, nodes: ClusterNodes): void {
  own.set(deployment, nodes);
}

/** Whether a resource is the template deployment of a HubAksCluster. */
export function isClusterDeployment(node: IConstruct): boolean {
  return own.has(node);
}

/**
 * The nodes of every cluster in a stack: HubAksClusters, and the clusters of resources a user
 * added by hand (`azurerm_kubernetes_cluster`, template deployments of managed clusters), read
 * through the same importers `aks-hub check` uses.
 */
export function stackClusterNodes(stack: TerraformStack, stamp: StampProfile): ClusterNodes[] {
  return stack.node.findAll().flatMap((c): ClusterNodes[] => {
    if (!(c instanceof TerraformResource) || TerraformStack.of(c) !== stack) return [];
    const mine = own.get(c);
    if (mine) return [mine];
    if (c.terraformResourceType !== 'azurerm_kubernetes_cluster' && c.terraformResourceType !== 'azurestack_template_deployment') return [];
    return importTerraformElements([elementOf(c)], stamp).clusters.filter((x) => x.input.onlyUnder === undefined).map((x) => ({ where: c.node.path, count: x.input.model.nodePool.count }));
  });
}

const subscriptions = new WeakMap<TerraformStack, { readonly key: SubscriptionKey; readonly text: string }>();
/** The Hub stacks of each app, in the order they were made: every validation reads them, none walks the app. */
const hubStacks = new WeakMap<IConstruct, TerraformStack[]>();

/** Records where a stack's clusters count: its stamp and subscription. */
export function setStackSubscription(stack: TerraformStack, key: SubscriptionKey): void {
  subscriptions.set(stack, { key, text: subscriptionKeyText(key) });
  const root = stack.node.root;
  hubStacks.set(root, [...(hubStacks.get(root) ?? []), stack]);
}

/** HUB020 over the app: the clusters of every Hub stack that deploys to `self`'s subscription. */
export function subscriptionFindings(self: TerraformStack & { readonly stamp: StampProfile }): Finding[] {
  const mine = subscriptions.get(self)!.text;
  const stacks = (hubStacks.get(self.node.root) ?? []).filter((c) => subscriptions.get(c)!.text === mine) as (TerraformStack & { readonly stamp: StampProfile })[];
  const entries = stacks.flatMap((s) => stackClusterNodes(s, s.stamp).map((n) => ({ ...n, subscription: subscriptions.get(s)!.key })));
  return subscriptionNodeHits(entries).map(({ hit }) => findingOf(findRule('HUB020')!, hit, undefined, { constructPath: self.node.path }));
}

/** Every stack of an app in construct order, found without walking into stacks: stacks hold no stacks. */
export function stacksOf(root: IConstruct): TerraformStack[] {
  const out: TerraformStack[] = [];
  const pending = [...root.node.children].reverse();
  for (let c = pending.pop(); c; c = pending.pop()) {
    if (TerraformStack.isStack(c)) out.push(c);
    else pending.push(...[...c.node.children].reverse());
  }
  return out;
}
