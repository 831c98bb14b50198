import { TerraformResource, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { importTerraformElements } from '../import/documents';
import type { StampProfile } from '../profile/stamp';
import type { ClusterNodes } from '../rules/subscription-nodes';
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
