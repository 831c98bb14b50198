import type { ClusterModel, DefaultVnetModel, ExistingSubnetModel, NewSubnetModel } from './cluster-model';

/** One agent pool of an AKS engine cluster. */
export interface EnginePoolModel {
  readonly name: string;
  readonly count: number;
  readonly vmSize: string;
  readonly osDiskSizeGb?: number;
  readonly osType: string;
  /** Linux pools only. */
  readonly distro?: string;
  /** `AvailabilitySet` on Hub; `undefined` when the input leaves it out, which aks-engine refuses on Hub. */
  readonly availabilityProfile?: string;
  readonly subnetId?: string;
  readonly acceleratedNetworking: boolean;
  readonly acceleratedNetworkingWindows: boolean;
  readonly availabilityZones: readonly unknown[];
}

/**
 * One Kubernetes cluster for aks-engine-azurestack, read from `HubAksEngineCluster` props or an
 * API model (`apimodel.json`). The settings it shares with the AKS resource provider's cluster
 * (service principal, Linux and Windows profiles, address ranges, VNET, tags) have the types of
 * `ClusterModel`, mean the same, and are checked by the same rules. Frozen.
 */
export interface EngineClusterModel {
  /** `vlabs`. */
  readonly apiVersion: string;
  /** `Kubernetes`, or empty. */
  readonly orchestratorType?: string;
  readonly name: string;
  readonly location: string;
  readonly resourceGroup: ClusterModel['resourceGroup'];
  readonly dnsPrefix: string;
  readonly orchestratorRelease?: string;
  readonly kubernetesVersion: string;
  readonly controlPlane: {
    readonly count: number;
    readonly vmSize: string;
    readonly osDiskSizeGb?: number;
    readonly distro?: string;
    readonly availabilityProfile?: string;
    readonly subnetId?: string;
    readonly firstConsecutiveStaticIp?: string;
    readonly vnetCidr?: string;
    readonly availabilityZones: readonly unknown[];
  };
  readonly agentPools: readonly EnginePoolModel[];
  readonly linuxProfile?: ClusterModel['linuxProfile'];
  readonly windowsProfile?: ClusterModel['windowsProfile'];
  readonly servicePrincipal?: ClusterModel['servicePrincipal'];
  readonly network: {
    /** `azure` or `kubenet` on Hub; the library always writes it, since an empty plugin means `azure`. */
    readonly plugin: string;
    readonly policy?: string;
    readonly mode?: string;
    readonly loadBalancerSku: string;
    readonly serviceCidr: string;
    readonly dnsServiceIp: string;
    readonly dockerBridgeCidr: string;
    /** `clusterSubnet`: the pod range. */
    readonly podCidr?: string;
    readonly maxPods?: number;
    /** The VNET aks-engine makes (`default`), one the stack makes, or an existing subnet. */
    readonly subnet: NewSubnetModel | ExistingSubnetModel | DefaultVnetModel;
  };
  readonly useInstanceMetadata: boolean;
  readonly useCloudControllerManager?: boolean;
  readonly useManagedIdentity?: boolean;
  readonly containerRuntime?: string;
  readonly etcdDiskSizeGb?: string;
  readonly windowsSdnPluginUrl?: string;
  readonly addons: readonly { readonly name: string; readonly enabled: boolean }[];
  readonly customCloud?: {
    readonly portalUrl?: string;
    /** The stamp's DNS domain (`local.azurestack.external`), from its Resource Manager endpoint, when the input names the stamp. */
    readonly stampDomain?: string;
    readonly identitySystem?: string;
    readonly authenticationMethod?: string;
    readonly dependenciesLocation?: string;
    readonly environmentName?: string;
  };
  readonly tags: Readonly<Record<string, string>>;
  /** Keys aks-engine would refuse (`Unknown JSON tag`), by path. */
  readonly unknownTags: readonly string[];
}
