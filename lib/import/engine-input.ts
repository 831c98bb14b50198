import type { AzureOnlySetting, ClusterModel } from '../model/cluster-model';
import { deepFreeze, deployTimeString } from '../model/cluster-model';
import { PROP_DEFAULTS } from '../model/defaults';
import type { EngineClusterModel } from '../model/engine-model';
import { apiVersionOf } from '../profile/api-versions';
import type { StampProfile } from '../profile/stamp';
import type { ClusterInput, FindingLocation } from './cluster-input';
import type { WrongType } from './field-reader';

/** An AKS engine cluster read out of one input: props or an API model. */
export interface EngineInput {
  readonly model: EngineClusterModel;
  readonly vocabulary: 'props' | 'aks-engine';
  /** `controlPlane.count` → `controlPlane.count`, `properties.masterProfile.count`, … */
  pathOf(field: string): string;
  readonly location?: FindingLocation;
  /** The Azure-only settings the input turns on (managed identity, zones), as the shared rules know them. */
  readonly azureOnly: readonly AzureOnlySetting[];
  /** Values of another JSON type than their field takes (HUB123). */
  readonly wrongTypes?: readonly WrongType[];
}

/**
 * What an AKS engine cluster shares with an AKS cluster, as a cluster model: the service
 * principal, the Linux and Windows profiles, the address ranges and VNET, the tags and the load
 * balancer. The rules both clusters share run on it, with paths in the engine input's own words.
 * The node pool stands for all VMs (control plane and agents); only the shared rules read it.
 */
export function sharedClusterInput(input: EngineInput, stamp: StampProfile): ClusterInput {
  const m = input.model;
  const nodes = m.controlPlane.count + m.agentPools.reduce((n, p) => n + p.count, 0);
  const first = m.agentPools[0];
  const plugin = m.network.plugin === 'kubenet' ? 'kubenet' : 'azure';
  const model: ClusterModel = {
    name: m.name,
    location: m.location,
    apiProfile: stamp.apiProfile,
    apiVersion: apiVersionOf(stamp.apiProfile, 'Microsoft.ContainerService/managedClusters'),
    resourceGroup: m.resourceGroup,
    dnsPrefix: m.dnsPrefix,
    kubernetesVersion: m.kubernetesVersion,
    enableRbac: true,
    skuTier: 'Free',
    // aks-engine-azurestack deploy fills an absent service principal from its command line.
    servicePrincipal: m.servicePrincipal ?? { clientId: '' },
    nodePool: { name: first?.name ?? 'linuxpool', count: nodes, vmSize: first?.vmSize ?? '', osDiskSizeGb: first?.osDiskSizeGb ?? PROP_DEFAULTS['nodePool.osDiskSizeGb'], maxPods: m.network.maxPods ?? PROP_DEFAULTS['nodePool.maxPods'][plugin], osType: 'Linux', mode: 'System', type: 'VirtualMachineScaleSets' },
    // An API model may leave keyData empty: deploy then generates a key.
    ...(m.linuxProfile && { linuxProfile: m.linuxProfile.sshPublicKey === '' ? { ...m.linuxProfile, sshPublicKey: deployTimeString('--ssh-key') } : m.linuxProfile }),
    ...(m.windowsProfile && { windowsProfile: m.windowsProfile }),
    network: {
      plugin,
      loadBalancerSku: m.network.loadBalancerSku,
      outboundType: 'loadBalancer',
      serviceCidr: m.network.serviceCidr,
      dnsServiceIp: m.network.dnsServiceIp,
      dockerBridgeCidr: m.network.dockerBridgeCidr,
      ...(m.network.podCidr !== undefined && { podCidr: m.network.podCidr }),
      subnet: m.network.subnet,
    },
    tags: m.tags,
    azureOnly: input.azureOnly,
  };
  return {
    model: deepFreeze(model),
    vocabulary: input.vocabulary,
    // The node pool stands for every VM; its count is the agents' and the control plane's.
    pathOf: (f) => (f.startsWith('nodePool.') ? input.pathOf('agentPools') : input.pathOf(f)),
    ...(input.location && { location: input.location }),
  };
}
