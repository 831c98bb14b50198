import { MAX_NODES_PER_SUBSCRIPTION } from '../../profile/hub-limits';
import type { StampProfile } from '../../profile/stamp';
import { isGpuVmSize } from '../../profile/vm-sizes';
import { azureOnly, field, isConcrete, text, unavailable } from '../checks';
import type { CheckContext, HubRule, RuleHit } from '../rule';
import { nodeLimitFindings } from '../subscription-nodes';

const NO_AUTOSCALER = 'Azure Stack Hub has no cluster autoscaler.';
const NO_ZONES = 'Azure Stack Hub has no availability zones.';
const ONE_POOL = 'Azure Stack Hub allows only one node pool per cluster.';
const SCALE_SETS = 'Azure Stack Hub supports only virtual machine scale set node pools.';

/** A size the stamp does not offer; GPU sizes are HUB015's. */
function unknownSize(size: unknown, ctx: CheckContext, stamp: StampProfile): RuleHit[] {
  if (!text(size) || isGpuVmSize(size) || stamp.vmSizes.includes(size)) return [];
  const near = stamp.vmSizes.find((s) => s.toLowerCase() === size.toLowerCase());
  return [
    {
      path: ctx.name('nodePool.vmSize'),
      value: size,
      allowed: near ? `'${near}' (sizes are case-sensitive)` : `one of the ${stamp.vmSizes.length} Hub sizes, e.g. 'Standard_DS2_v2', 'Standard_D2_v3', 'Standard_F4s_v2'`,
      message: 'Azure Stack Hub does not offer this VM size.',
    },
  ];
}

export const NODE_POOL_RULES: readonly HubRule[] = [
  {
    id: 'HUB004',
    title: 'Availability set node pools',
    severity: 'error',
    source: 'aks-overview.md: "No Availability Sets, only virtual machine scale sets."',
    why: 'The Hub AKS resource provider deploys node pools only as virtual machine scale sets.',
    fix: "Remove {nodePool.type} or set it to 'VirtualMachineScaleSets'.",
    suppressible: false,
    check: (m, ctx) => field(ctx, 'nodePool.type', m.nodePool.type, (v) => typeof v === 'string' && v.toLowerCase() === 'virtualmachinescalesets', "'VirtualMachineScaleSets'", SCALE_SETS),
    examples: {
      fail: [
        { props: { nodePool: { type: 'AvailabilitySet' } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { default_node_pool: { type: 'AvailabilitySet' }, network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { properties: { agentPoolProfiles: [{ type: 'AvailabilitySet' }] } } },
      ],
      pass: [
        { props: { nodePool: { type: 'VirtualMachineScaleSets' } } },
        { arm: { properties: { agentPoolProfiles: [{ type: 'VirtualMachineScaleSets' }] } } },
      ],
    },
  },
  {
    id: 'HUB005',
    title: 'More than one node pool',
    severity: 'error',
    source: 'aks-known-issues.md: "no more than one node pool can be created per AKS cluster"',
    why: 'Hub clusters have exactly one node pool; node pool creation is not available.',
    fix: 'Describe the single pool with {nodePool}; remove extra pools and node pool resources.',
    suppressible: false,
    check: (m) => azureOnly(m, 'extraPool', ONE_POOL),
    resources: {
      azurerm_kubernetes_cluster_node_pool: unavailable('azurerm_kubernetes_cluster_node_pool', ONE_POOL),
    },
    armResources: { 'microsoft.containerservice/managedclusters/agentpools': ONE_POOL },
    examples: {
      fail: [
        { props: { nodePools: [{ name: 'user1' }] } },
        { resource: { type: 'azurerm_kubernetes_cluster_node_pool', attributes: { name: 'user1', vm_size: 'Standard_DS2_v2' } } },
        { arm: { properties: { agentPoolProfiles: [{}, { name: 'user1', count: 1, vmSize: 'Standard_DS2_v2' }] } } },
      ],
      pass: [{ props: { nodePools: [] } }, { arm: { properties: { agentPoolProfiles: [{ name: 'nodepool1' }] } } }],
    },
  },
  {
    id: 'HUB006',
    title: 'Cluster autoscaler',
    severity: 'error',
    source: 'aks-overview.md: "No cluster autoscaler." Feature table: Automatic node scaling (Autoscaler): No',
    why: 'The autoscaler needs the standard load balancer and is not offered on Hub.',
    fix: 'Remove the autoscaler settings and set a node count; scale with `az aks scale`.',
    suppressible: false,
    check: (m) => azureOnly(m, 'autoscaler', NO_AUTOSCALER),
    examples: {
      fail: [
        { props: { nodePool: { enableAutoScaling: true, minCount: 1, maxCount: 5 } } },
        { props: { autoScalerProfile: { scanInterval: '10s' } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { default_node_pool: { auto_scaling_enabled: true, min_count: 1, max_count: 3 }, network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { properties: { agentPoolProfiles: [{ enableAutoScaling: true, minCount: 1, maxCount: 3 }] } } },
      ],
      pass: [
        { props: { nodePool: { enableAutoScaling: false, count: 4 } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { default_node_pool: { node_count: 3 }, network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { properties: { agentPoolProfiles: [{ enableAutoScaling: false }] } } },
      ],
    },
  },
  {
    id: 'HUB007',
    title: 'Availability zones',
    severity: 'error',
    source: 'aks-overview.md: "No Azure regions or Availability Zones."',
    why: 'Azure Stack Hub has no availability zones.',
    fix: 'Remove the zones setting.',
    suppressible: false,
    check: (m) => azureOnly(m, 'zones', NO_ZONES),
    examples: {
      fail: [
        { props: { nodePool: { availabilityZones: ['1', '2'] } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { default_node_pool: { zones: ['1', '2', '3'] }, network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { properties: { agentPoolProfiles: [{ availabilityZones: ['1'] }] } } },
      ],
      pass: [{ props: { nodePool: { availabilityZones: [] } } }, { arm: { properties: { agentPoolProfiles: [{ availabilityZones: [] }] } } }],
    },
  },
  {
    id: 'HUB015',
    title: 'GPU node size',
    severity: 'error',
    source: 'Feature table: GPU enabled pods: No',
    why: 'Hub AKS has no GPU nodes.',
    fix: "Choose a non-GPU size the stamp offers, for example 'Standard_DS2_v2'.",
    suppressible: false,
    check: (m, ctx) => [
      ...field(ctx, 'nodePool.vmSize', m.nodePool.vmSize, (v) => typeof v !== 'string' || !isGpuVmSize(v), 'a non-GPU size the stamp offers', 'Azure Stack Hub has no GPU nodes.'),
      ...azureOnly(m, 'gpuInstance', 'Azure Stack Hub has no GPU nodes.'),
    ],
    examples: {
      fail: [
        { props: { nodePool: { vmSize: 'Standard_NC6' } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { default_node_pool: { vm_size: 'Standard_NC6s_v3' }, network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { properties: { agentPoolProfiles: [{ vmSize: 'Standard_ND6s' }] } } },
      ],
      pass: [
        { props: { nodePool: { vmSize: 'Standard_DS3_v2' } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { default_node_pool: { vm_size: 'Standard_DS2_v2' }, network_profile: { load_balancer_sku: 'basic' } } } },
      ],
    },
  },
  {
    id: 'HUB016',
    title: 'VM size the stamp does not offer',
    severity: 'error',
    source: 'azure-stack-vm-sizes.md: the sizes supported in Azure Stack Hub',
    why: 'Node VMs must be a size the Hub offers; other Azure sizes fail at deployment.',
    fix: "Choose a size from the Hub list (for example 'Standard_DS2_v2'); if your operator offers more, add it with HubStack's hub.vmSizes: { add: [...] }.",
    suppressible: true,
    check: (m, ctx) => unknownSize(m.nodePool.vmSize, ctx, ctx.stamp),
    examples: {
      fail: [
        { props: { nodePool: { vmSize: 'Standard_D2s_v5' } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { default_node_pool: { vm_size: 'Standard_D4ds_v5' }, network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { properties: { agentPoolProfiles: [{ vmSize: 'Standard_B2s' }] } } },
      ],
      pass: [{ props: { nodePool: { vmSize: 'Standard_D2_v3' } } }, { arm: { properties: { agentPoolProfiles: [{ vmSize: 'Standard_F4s_v2' }] } } }],
    },
  },
  {
    id: 'HUB020',
    title: `More than ${MAX_NODES_PER_SUBSCRIPTION} nodes per subscription`,
    severity: 'error',
    source: 'aks-known-issues.md: "The AKS service is limited to 50 nodes per subscription"',
    why: `The Hub AKS resource provider refuses nodes beyond ${MAX_NODES_PER_SUBSCRIPTION} in one subscription, counted over every cluster.`,
    fix: `Lower the node counts so the clusters of one subscription add up to at most ${MAX_NODES_PER_SUBSCRIPTION}, or spread them over subscriptions (hub.subscriptionId, or the provider's subscription_id).`,
    suppressible: false,
    // The one implementation of the limit, here for a single cluster; HubStack and aks-hub check
    // run it over every cluster of a subscription.
    check: (m, ctx) => nodeLimitFindings([{ where: ctx.name('nodePool.count'), count: m.nodePool.count }]),
    examples: {
      fail: [
        { props: { nodePool: { count: 51 } } },
        { clusters: [{ nodePool: { count: 30 } }, { name: 'second', nodePool: { count: 21 } }] },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { default_node_pool: { node_count: 60 }, network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { properties: { agentPoolProfiles: [{ count: 60 }] } } },
      ],
      pass: [{ props: { nodePool: { count: 50 } } }, { clusters: [{ nodePool: { count: 25 } }, { name: 'second', nodePool: { count: 25 } }] }],
    },
  },
  {
    id: 'HUB107',
    title: 'Node count below one',
    severity: 'error',
    source: 'managedClusters 2020-11-01: system pool count "in the range of 1 to 100"',
    why: 'The single pool is the system pool and needs at least one node.',
    fix: 'Set {nodePool.count} to at least 1.',
    suppressible: false,
    check: (m, ctx) => field(ctx, 'nodePool.count', m.nodePool.count, (v) => !isConcrete(v) || (v as number) >= 1, `from 1 to ${MAX_NODES_PER_SUBSCRIPTION}`, 'The system node pool needs at least one node.'),
    examples: { fail: [{ props: { nodePool: { count: 0 } } }], pass: [{ props: { nodePool: { count: 1 } } }] },
  },
];
