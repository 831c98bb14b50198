import { API_DEFAULTS } from '../profile/api-defaults';
import { DEFAULT_KUBERNETES_VERSION } from '../profile/kubernetes-versions';
import { DEFAULT_NODE_VM_SIZE } from '../profile/vm-sizes';
import { AKS_ENGINE } from '../profile/aks-engine';

/**
 * The library's defaults for `HubAksClusterProps`, by prop path, decided here once. The props
 * importer applies them, and a test holds every TSDoc `@default` in `props.ts` to them.
 */
export const PROP_DEFAULTS = Object.freeze({
  kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
  enableRbac: API_DEFAULTS.enableRbac,
  existingResourceGroup: false,
  skuTier: API_DEFAULTS.skuTier,
  loadBalancerSku: 'basic',
  enablePrivateCluster: false,
  tags: Object.freeze({}),
  'nodePool.name': 'nodepool1',
  'nodePool.count': 3,
  'nodePool.vmSize': DEFAULT_NODE_VM_SIZE,
  // 100 GB is what the Hub CLI docs show for a default pool (`aks-how-to-use-cli.md` scale output).
  'nodePool.osDiskSizeGb': 100,
  'nodePool.maxPods': API_DEFAULTS.maxPods,
  'nodePool.osType': API_DEFAULTS.osType,
  'nodePool.type': API_DEFAULTS.poolType,
  'nodePool.enableAutoScaling': false,
  'linuxProfile.adminUsername': 'azureuser',
  'windowsProfile.adminUsername': 'azureuser',
  // The Hub docs say the default is Azure CNI, while the 2020-11-01 API defaults to kubenet: the
  // library always writes the plugin.
  'network.plugin': 'azure' as const,
  'network.vnet.addressSpace': Object.freeze(['10.240.0.0/16']),
  'network.vnet.subnetName': 'aks-nodes',
  // /20 = 4,096 addresses; (50 + 1) × (30 + 1) + 5 = 1,586 are needed for 50 nodes at 30 pods.
  'network.vnet.subnetPrefix': '10.240.0.0/20',
  // 2020-11-01 API defaults, as used by the Hub custom-VNET example (hub-facts §1.10).
  'network.serviceCidr': API_DEFAULTS.serviceCidr,
  'network.dnsServiceIp': API_DEFAULTS.dnsServiceIp,
  'network.dockerBridgeCidr': API_DEFAULTS.dockerBridgeCidr,
  'network.podCidr': API_DEFAULTS.podCidr,
  'network.loadBalancerSku': 'basic',
  'network.outboundType': API_DEFAULTS.outboundType,
});

/**
 * The library's defaults for `HubAksEngineClusterProps`, by prop path. What the two clusters share
 * comes from `PROP_DEFAULTS`; the rest is the Hub answer of aks-engine-azurestack (profile/aks-engine.ts).
 */
export const ENGINE_PROP_DEFAULTS = Object.freeze({
  kubernetesVersion: AKS_ENGINE.defaultKubernetesVersion,
  tags: PROP_DEFAULTS.tags,
  deployWithTerraform: false,
  stateDirectory: '.aks-engine-state',
  authMethod: 'client_secret' as 'client_secret' | 'client_certificate',
  useInstanceMetadata: false,
  useManagedIdentity: false,
  loadBalancerSku: PROP_DEFAULTS.loadBalancerSku,
  'controlPlane.count': 3,
  'controlPlane.vmSize': AKS_ENGINE.controlPlaneVmSize,
  'controlPlane.distro': AKS_ENGINE.defaultDistro,
  'controlPlane.availabilityProfile': 'AvailabilitySet',
  'agentPools.count': 3,
  'agentPools.vmSize': AKS_ENGINE.agentVmSize,
  'agentPools.osType': 'Linux',
  'agentPools.distro': AKS_ENGINE.defaultDistro,
  'agentPools.availabilityProfile': 'AvailabilitySet',
  'agentPools.acceleratedNetworkingEnabled': false,
  'linuxProfile.adminUsername': PROP_DEFAULTS['linuxProfile.adminUsername'],
  'windowsProfile.adminUsername': PROP_DEFAULTS['windowsProfile.adminUsername'],
  'network.plugin': PROP_DEFAULTS['network.plugin'],
  'network.vnet': 'default',
  'network.vnet.addressSpace': PROP_DEFAULTS['network.vnet.addressSpace'],
  'network.vnet.subnetName': PROP_DEFAULTS['network.vnet.subnetName'],
  'network.vnet.subnetPrefix': PROP_DEFAULTS['network.vnet.subnetPrefix'],
  'network.serviceCidr': PROP_DEFAULTS['network.serviceCidr'],
  'network.dnsServiceIp': PROP_DEFAULTS['network.dnsServiceIp'],
  'network.dockerBridgeCidr': PROP_DEFAULTS['network.dockerBridgeCidr'],
  'network.podCidr': PROP_DEFAULTS['network.podCidr'],
});
