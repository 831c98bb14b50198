import { MAX_NODES_PER_SUBSCRIPTION } from '../../profile/hub-limits';
import type { StampProfile } from '../../profile/stamp';
import { isGpuVmSize } from '../../profile/vm-sizes';
import { absent, eachArmPool, empty, falsy, isConcrete, onManagedCluster, oneOf, paths, unavailable, under } from '../checks';
import { type Finding, type HubRule, type RawProps, valueAt } from '../rule';

const NO_AUTOSCALER = 'Azure Stack Hub has no cluster autoscaler.';
const NO_ZONES = 'Azure Stack Hub has no availability zones.';
const ONE_POOL = 'Azure Stack Hub allows only one node pool per cluster.';

/** Findings for a VM size: GPU sizes (HUB015) and sizes the stamp lacks (HUB016) are separate rules. */
function gpuSize(size: unknown, path: string): Finding[] {
  return typeof size === 'string' && isConcrete(size) && isGpuVmSize(size)
    ? [{ path, value: size, allowed: 'a non-GPU size the stamp offers', message: 'Azure Stack Hub has no GPU nodes.' }]
    : [];
}

function unknownSize(size: unknown, path: string, stamp: StampProfile): Finding[] {
  if (typeof size !== 'string' || !isConcrete(size) || isGpuVmSize(size) || stamp.vmSizes.includes(size)) return [];
  const near = stamp.vmSizes.find((s) => s.toLowerCase() === size.toLowerCase());
  return [
    {
      path,
      value: size,
      allowed: near ? `'${near}' (sizes are case-sensitive)` : `one of the ${stamp.vmSizes.length} Hub sizes, e.g. 'Standard_DS2_v2', 'Standard_D2_v3', 'Standard_F4s_v2'`,
      message: 'Azure Stack Hub does not offer this VM size.',
    },
  ];
}

const armPools = (check: (pool: RawProps, path: string) => Finding[]) => onManagedCluster((r) => eachArmPool(r, check));

const tooMany = (count: unknown, path: string): Finding[] =>
  typeof count === 'number' && isConcrete(count) && count > MAX_NODES_PER_SUBSCRIPTION
    ? [{ path, value: count, allowed: `at most ${MAX_NODES_PER_SUBSCRIPTION}`, message: 'Azure Stack Hub allows at most 50 AKS nodes per subscription.' }]
    : [];

export const NODE_POOL_RULES: readonly HubRule[] = [
  {
    id: 'HUB004',
    title: 'Availability set node pools',
    severity: 'error',
    source: 'aks-overview.md: "No Availability Sets, only virtual machine scale sets."',
    why: 'The Hub AKS resource provider deploys node pools only as virtual machine scale sets.',
    fix: "Remove the VM set type or set it to 'VirtualMachineScaleSets'.",
    suppressible: false,
    checkProps: paths([{ path: 'nodePool.type', ok: (v) => v === 'VirtualMachineScaleSets', allowed: "'VirtualMachineScaleSets'", message: 'Azure Stack Hub supports only virtual machine scale set node pools.' }]),
    resources: {
      azurerm_kubernetes_cluster: paths([{ path: 'default_node_pool.type', ok: oneOf('VirtualMachineScaleSets'), allowed: "'VirtualMachineScaleSets'", message: 'Azure Stack Hub supports only virtual machine scale set node pools.' }]),
    },
    checkArm: armPools((pool, at) =>
      under(at, paths([{ path: 'type', ok: oneOf('VirtualMachineScaleSets'), allowed: "'VirtualMachineScaleSets'", message: 'Azure Stack Hub supports only virtual machine scale set node pools.' }])(pool)),
    ),
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
    fix: 'Describe the single pool with nodePool (default_node_pool); remove extra pools and node pool resources.',
    suppressible: false,
    checkProps: paths([{ path: 'nodePools', ok: empty, allowed: 'not set (use nodePool for the single pool)', message: ONE_POOL }]),
    resources: {
      azurerm_kubernetes_cluster_node_pool: unavailable('azurerm_kubernetes_cluster_node_pool', ONE_POOL),
    },
    checkArm: (r) => {
      const type = typeof r.type === 'string' ? r.type.toLowerCase() : '';
      if (type === 'microsoft.containerservice/managedclusters/agentpools') {
        return [{ path: 'type', value: r.type, allowed: 'no agentPools child resources', message: ONE_POOL }];
      }
      const pools = type === 'microsoft.containerservice/managedclusters' ? valueAt(r, 'properties.agentPoolProfiles') : undefined;
      return Array.isArray(pools) && pools.length > 1
        ? [{ path: 'properties.agentPoolProfiles', value: `${pools.length} pools`, allowed: 'exactly one pool', message: ONE_POOL }]
        : [];
    },
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
    checkProps: paths([
      { path: 'nodePool.enableAutoScaling', ok: falsy, allowed: 'false or not set', message: NO_AUTOSCALER },
      { path: 'nodePool.minCount', ok: absent, allowed: 'not set', message: `minCount is an autoscaler setting. ${NO_AUTOSCALER}` },
      { path: 'nodePool.maxCount', ok: absent, allowed: 'not set', message: `maxCount is an autoscaler setting. ${NO_AUTOSCALER}` },
      { path: 'autoScalerProfile', ok: absent, allowed: 'not set', message: NO_AUTOSCALER },
    ]),
    resources: {
      azurerm_kubernetes_cluster: paths([
        // 4.x name, then the 3.x name.
        { path: 'default_node_pool.auto_scaling_enabled', ok: falsy, allowed: 'false or not set', message: NO_AUTOSCALER },
        { path: 'default_node_pool.enable_auto_scaling', ok: falsy, allowed: 'false or not set', message: NO_AUTOSCALER },
        { path: 'default_node_pool.min_count', ok: absent, allowed: 'not set', message: NO_AUTOSCALER },
        { path: 'default_node_pool.max_count', ok: absent, allowed: 'not set', message: NO_AUTOSCALER },
        { path: 'auto_scaler_profile', ok: absent, allowed: 'not set', message: NO_AUTOSCALER },
      ]),
    },
    checkArm: onManagedCluster((r) => [
      ...paths([{ path: 'properties.autoScalerProfile', ok: absent, allowed: 'not set', message: NO_AUTOSCALER }])(r),
      ...eachArmPool(r, (pool, at) =>
        under(
          at,
          paths([
            { path: 'enableAutoScaling', ok: falsy, allowed: 'false or not set', message: NO_AUTOSCALER },
            { path: 'minCount', ok: absent, allowed: 'not set', message: NO_AUTOSCALER },
            { path: 'maxCount', ok: absent, allowed: 'not set', message: NO_AUTOSCALER },
          ])(pool),
        ),
      ),
    ]),
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
    checkProps: paths(['nodePool.availabilityZones', 'nodePool.zones', 'availabilityZones'].map((path) => ({ path, ok: empty, allowed: 'not set', message: NO_ZONES }))),
    resources: {
      azurerm_kubernetes_cluster: paths(['default_node_pool.zones', 'default_node_pool.availability_zones'].map((path) => ({ path, ok: empty, allowed: 'not set', message: NO_ZONES }))),
    },
    checkArm: armPools((pool, at) => under(at, paths([{ path: 'availabilityZones', ok: empty, allowed: 'not set', message: NO_ZONES }])(pool))),
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
    checkSpec: (spec) => gpuSize(spec.nodePool.vmSize, 'nodePool.vmSize'),
    resources: {
      azurerm_kubernetes_cluster: (a) => [
        ...gpuSize(valueAt(a, 'default_node_pool.vm_size'), 'default_node_pool.vm_size'),
        ...paths([
          { path: 'default_node_pool.gpu_instance', ok: absent, allowed: 'not set', message: 'Azure Stack Hub has no GPU nodes.' },
          { path: 'default_node_pool.gpu_driver', ok: absent, allowed: 'not set', message: 'Azure Stack Hub has no GPU nodes.' },
        ])(a),
      ],
    },
    checkArm: armPools((pool, at) => gpuSize(pool.vmSize, `${at}.vmSize`)),
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
    checkSpec: (spec, stamp) => unknownSize(spec.nodePool.vmSize, 'nodePool.vmSize', stamp),
    resources: {
      azurerm_kubernetes_cluster: (a, stamp) => unknownSize(valueAt(a, 'default_node_pool.vm_size'), 'default_node_pool.vm_size', stamp),
    },
    checkArm: (r, stamp) => onManagedCluster((c) => eachArmPool(c, (pool, at) => unknownSize(pool.vmSize, `${at}.vmSize`, stamp)))(r),
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
    title: 'More than 50 nodes per subscription',
    severity: 'error',
    source: 'aks-known-issues.md: "The AKS service is limited to 50 nodes per subscription"',
    why: 'The Hub AKS resource provider refuses nodes beyond 50 in one subscription, counted over every cluster.',
    fix: 'Lower the node counts so the clusters of one subscription add up to at most 50, or spread them over subscriptions (hub.subscriptionId).',
    suppressible: false,
    checkSpec: (spec) => tooMany(spec.nodePool.count, 'nodePool.count'),
    resources: {
      azurerm_kubernetes_cluster: (a) => tooMany(valueAt(a, 'default_node_pool.node_count'), 'default_node_pool.node_count'),
    },
    checkArm: armPools((pool, at) => tooMany(pool.count, `${at}.count`)),
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
    fix: 'Set nodePool.count to at least 1.',
    suppressible: false,
    checkSpec: (spec) =>
      isConcrete(spec.nodePool.count) && spec.nodePool.count < 1
        ? [{ path: 'nodePool.count', value: spec.nodePool.count, allowed: 'from 1 to 50', message: 'The system node pool needs at least one node.' }]
        : [],
    examples: { fail: [{ props: { nodePool: { count: 0 } } }], pass: [{ props: { nodePool: { count: 1 } } }] },
  },
];
