import { MAX_NODES_PER_SUBSCRIPTION } from '../../profile/hub-limits';
import type { StampProfile } from '../../profile/stamp';
import type { EngineClusterModel } from '../../model/engine-model';
import { isGpuVmSize } from '../../profile/vm-sizes';
import { azureOnly, field, isConcrete, text, unavailable } from '../checks';
import type { CheckContext, RuleChecks, RuleHit } from '../rule';
import { nodeLimitFindings } from '../subscription-nodes';

const NO_AUTOSCALER = 'Azure Stack Hub has no cluster autoscaler.';
const NO_ZONES = 'Azure Stack Hub has no availability zones.';
const ONE_POOL = 'Azure Stack Hub allows only one node pool per cluster.';
const SCALE_SETS = 'Azure Stack Hub supports only virtual machine scale set node pools.';

/** A size the stamp does not offer; GPU sizes are HUB015's. */
function unknownSize(size: unknown, ctx: CheckContext, stamp: StampProfile, at = 'nodePool.vmSize'): RuleHit[] {
  if (!text(size) || isGpuVmSize(size) || stamp.vmSizes.includes(size)) return [];
  const near = stamp.vmSizes.find((s) => s.toLowerCase() === size.toLowerCase());
  return [
    {
      path: ctx.name(at),
      value: size,
      allowed: near ? `'${near}' (sizes are case-sensitive)` : `one of the ${stamp.vmSizes.length} Hub sizes, e.g. 'Standard_DS2_v2', 'Standard_D2_v3', 'Standard_F4s_v2'`,
      message: 'Azure Stack Hub does not offer this VM size.',
    },
  ];
}

/** The VM sizes of an AKS engine cluster, by model field. */
const engineSizes = (m: EngineClusterModel): [string, string][] => [['controlPlane.vmSize', m.controlPlane.vmSize], ...m.agentPools.map((p, i): [string, string] => [`agentPools.${i}.vmSize`, p.vmSize])];

export const NODE_POOL_RULES: readonly RuleChecks[] = [
  {
    id: 'HUB004',
    check: (m, ctx) => field(ctx, 'nodePool.type', m.nodePool.type, (v) => typeof v === 'string' && v.toLowerCase() === 'virtualmachinescalesets', "'VirtualMachineScaleSets'", SCALE_SETS),
  },
  {
    id: 'HUB005',
    check: (m) => azureOnly(m, 'extraPool', ONE_POOL),
    resources: {
      azurerm_kubernetes_cluster_node_pool: unavailable('azurerm_kubernetes_cluster_node_pool', ONE_POOL),
    },
    armResources: { 'microsoft.containerservice/managedclusters/agentpools': ONE_POOL },
  },
  {
    id: 'HUB006',
    check: (m) => azureOnly(m, 'autoscaler', NO_AUTOSCALER),
  },
  {
    id: 'HUB007',
    check: (m) => azureOnly(m, 'zones', NO_ZONES),
  },
  {
    id: 'HUB015',
    check: (m, ctx) => [
      ...field(ctx, 'nodePool.vmSize', m.nodePool.vmSize, (v) => typeof v !== 'string' || !isGpuVmSize(v), 'a non-GPU size the stamp offers', 'Azure Stack Hub has no GPU nodes.'),
      ...azureOnly(m, 'gpuInstance', 'Azure Stack Hub has no GPU nodes.'),
    ],
    // An AKS engine cluster's control plane and each of its pools have a size of their own.
    checkEngine: (m, ctx) =>
      engineSizes(m).flatMap(([at, size]) => field(ctx, at, size, (v) => typeof v !== 'string' || !isGpuVmSize(v), 'a non-GPU size the stamp offers', 'Azure Stack Hub has no GPU nodes.')),
  },
  {
    id: 'HUB016',
    check: (m, ctx) => unknownSize(m.nodePool.vmSize, ctx, ctx.stamp),
    checkEngine: (m, ctx) => engineSizes(m).flatMap(([at, size]) => unknownSize(size, ctx, ctx.stamp, at)),
  },
  {
    id: 'HUB020',
    // The one implementation of the limit, here for a single cluster; HubStack and aks-hub check
    // run it over every cluster of a subscription.
    check: (m, ctx) => nodeLimitFindings([{ where: ctx.name('nodePool.count'), count: m.nodePool.count }]),
  },
  {
    id: 'HUB107',
    check: (m, ctx) => field(ctx, 'nodePool.count', m.nodePool.count, (v) => !isConcrete(v) || (v as number) >= 1, `from 1 to ${MAX_NODES_PER_SUBSCRIPTION}`, 'The system node pool needs at least one node.'),
  },
];
