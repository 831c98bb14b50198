import type { ExistingSubnetProps, LinuxProfileProps, NewVnetProps, RuleSuppression, ServicePrincipalProps, WindowsProfileProps } from './props';

/** The control plane ("masters") of an AKS engine cluster. */
export interface EngineControlPlaneProps {
  /**
   * Number of control-plane VMs: 1, 3 or 5. One has no high availability (HUB501 warns).
   * @default 3
   */
  readonly count?: 1 | 3 | 5;
  /**
   * VM size of the control plane.
   * @default 'Standard_DS2_v2'
   */
  readonly vmSize?: string;
  /**
   * OS image. aks-engine-azurestack v0.85.0 ships only the Ubuntu 22.04 images (HUB503).
   * @default 'aks-ubuntu-22.04'
   */
  readonly distro?: 'aks-ubuntu-22.04' | 'ubuntu-22.04';
  /**
   * OS disk size in GB.
   * @default aks-engine's own default (not written)
   */
  readonly osDiskSizeGb?: number;
  /**
   * First of the consecutive static IPs the control-plane VMs take, in a custom VNET's subnet
   * (`firstConsecutiveStaticIP`). Required with an existing subnet, whose range the library does
   * not know.
   * @default the 16th address from the end of a new VNET's subnet (10.240.15.240 in 10.240.0.0/20)
   */
  readonly firstConsecutiveStaticIp?: string;
  /**
   * Availability profile. Azure Stack Hub has availability sets only (HUB504).
   * @default 'AvailabilitySet'
   */
  readonly availabilityProfile?: 'AvailabilitySet';
}

/** An agent pool of an AKS engine cluster, in an availability set. */
export interface EngineAgentPoolProps {
  /** Pool name: a lower-case letter, then up to 11 lower-case letters and digits. */
  readonly name: string;
  /**
   * Number of VMs, 1 to 1000; every cluster of the subscription counts against the Hub's 50 (HUB020).
   * @default 3
   */
  readonly count?: number;
  /**
   * VM size.
   * @default 'Standard_D2_v2'
   */
  readonly vmSize?: string;
  /**
   * Node OS.
   * @default 'Linux'
   */
  readonly osType?: 'Linux' | 'Windows';
  /**
   * OS image of a Linux pool (HUB503).
   * @default 'aks-ubuntu-22.04' for a Linux pool; none for Windows
   */
  readonly distro?: 'aks-ubuntu-22.04' | 'ubuntu-22.04';
  /**
   * OS disk size in GB.
   * @default aks-engine's own default (not written)
   */
  readonly osDiskSizeGb?: number;
  /**
   * Availability profile. Azure Stack Hub has no VM scale sets for AKS engine (HUB504).
   * @default 'AvailabilitySet'
   */
  readonly availabilityProfile?: 'AvailabilitySet';
  /**
   * Accelerated networking, which Azure Stack Hub lacks (HUB506).
   * @default false
   */
  readonly acceleratedNetworkingEnabled?: false;
  /**
   * Availability zones, which Azure Stack Hub lacks (HUB007).
   * @default none
   */
  readonly availabilityZones?: readonly [];
}

/** Networking of an AKS engine cluster; the ranges mean what they mean for `HubAksCluster`. */
export interface EngineNetworkProps {
  /**
   * Network plugin. Always written: aks-engine reads an empty plugin as Azure CNI.
   * @default 'azure'
   */
  readonly plugin?: 'azure' | 'kubenet';
  /**
   * Network policy: `azure`, `calico` or `antrea`, as the plugin allows (HUB511).
   * @default no network policy
   */
  readonly policy?: 'azure' | 'calico' | 'antrea';
  /**
   * Where the VMs go: `'default'`, the VNET aks-engine makes in the cluster's resource group; a
   * new VNET and subnet that the stack's template deployment makes in that group (its resource id
   * needs `hub.subscriptionId`); or an existing subnet, by resource id, known at synth time.
   * @default 'default'
   */
  readonly vnet?: NewVnetProps | ExistingSubnetProps | 'default';
  /**
   * Kubernetes service address range.
   * @default '10.0.0.0/16'
   */
  readonly serviceCidr?: string;
  /**
   * Cluster DNS service IP, inside `serviceCidr`.
   * @default '10.0.0.10'
   */
  readonly dnsServiceIp?: string;
  /**
   * Docker bridge address.
   * @default '172.17.0.1/16'
   */
  readonly dockerBridgeCidr?: string;
  /**
   * Pod address range (`clusterSubnet`), with kubenet only.
   * @default '10.244.0.0/16' with kubenet; not used with Azure CNI
   */
  readonly podCidr?: string;
}

/**
 * Props of `HubAksEngineCluster`. The props it shares with `HubAksCluster` (name, service
 * principal, Kubernetes version, DNS prefix, resource group, Linux and Windows profiles, network
 * ranges and VNET, tags) mean the same and are checked by the same rules.
 */
export interface HubAksEngineClusterProps {
  /** Name of the cluster; the DNS prefix and the resource group name derive from it. */
  readonly name: string;
  /**
   * The service principal the cluster and aks-engine-azurestack use. The secret never enters the
   * synthesized API model: the commands take it from `AKS_ENGINE_CLIENT_SECRET`, or the model names
   * it in Key Vault (`keyVaultSecret`).
   */
  readonly servicePrincipal: ServicePrincipalProps;
  /**
   * Kubernetes version; aks-engine-azurestack v0.85.0 creates 1.33.10, 1.34.4 and 1.35.0 on Azure Stack (HUB500).
   * @default '1.33.10'
   */
  readonly kubernetesVersion?: string;
  /**
   * DNS prefix of the API server's public IP: 3 to 45 letters, digits and hyphens (HUB513).
   * @default the cluster name
   */
  readonly dnsPrefix?: string;
  /**
   * Resource group the stack creates for the cluster; `aks-engine-azurestack deploy` deploys into
   * it, so `cdktf destroy` removes the cluster with it.
   * @default '<name>-rg'
   */
  readonly resourceGroupName?: string;
  /**
   * The control plane.
   * @default three VMs of Standard_DS2_v2 with aks-ubuntu-22.04, in an availability set
   */
  readonly controlPlane?: EngineControlPlaneProps;
  /**
   * Agent pools, each in its own availability set.
   * @default one Linux pool 'linuxpool' of 3 Standard_D2_v2 VMs
   */
  readonly agentPools?: readonly EngineAgentPoolProps[];
  /** Admin user and SSH key of the Linux VMs. */
  readonly linuxProfile: LinuxProfileProps;
  /**
   * Admin of Windows VMs; required with a Windows pool (HUB515). The password never enters the
   * synthesized API model: `aks-hub engine apply` adds it from `AKS_ENGINE_WINDOWS_PASSWORD` to the
   * state folder's copy that deploy reads.
   * @default none
   */
  readonly windowsProfile?: WindowsProfileProps;
  /**
   * Networking.
   * @default Azure CNI in the VNET aks-engine makes, with the default ranges
   */
  readonly network?: EngineNetworkProps;
  /**
   * Tags of the resource group the stack creates.
   * @default {}
   */
  readonly tags?: Record<string, string>;
  /**
   * Make the cluster match these props from `cdktf deploy`: a `terraform_data` resource runs
   * `aks-hub engine apply` after the resource group (and VNET) exist, whenever the cluster's API
   * model changes. It deploys once, then scales, upgrades and adds pools, judged against the
   * state folder's model. Needs aks-engine-azurestack v0.85.0 on the PATH (or in
   * `AKS_ENGINE_BINARY`) and the secrets in the environment (`AKS_ENGINE_CLIENT_SECRET`).
   * @default false: run `aks-hub engine apply` on the engine.json beside apimodel.json yourself
   */
  readonly deployWithTerraform?: boolean;
  /**
   * The cluster's state folder: what aks-engine-azurestack deploy writes (the cluster's private
   * keys and certificates, unencrypted, and the kubeconfig), which every later scale, upgrade and
   * addpool reads and rewrites. Outside cdktf.out, so that no synth or cdktf clean-up deletes it;
   * a relative path is taken from the folder the app runs in. Back it up.
   * @default '.aks-engine-state' in the folder the app runs in, then the stack's id and the cluster's path: `.aks-engine-state/<stack>/<cluster>`
   */
  readonly stateDirectory?: string;
  /**
   * How aks-engine-azurestack signs in as the service principal. `client_secret` puts the secret
   * on its command line (v0.85.0 takes it no other way), visible in the machine's process list;
   * `client_certificate` reads `AKS_ENGINE_CERTIFICATE_PATH` and `AKS_ENGINE_PRIVATE_KEY_PATH`,
   * for shared runners.
   * @default 'client_secret'
   */
  readonly authMethod?: 'client_secret' | 'client_certificate';
  /**
   * The stamp's user portal, which the API model must name.
   * @default the stack's armEndpoint with 'management.' replaced by 'portal.'
   */
  readonly portalUrl?: string;
  /**
   * Rules silenced on purpose, each with a reason; recorded in the synthesized metadata.
   * @default none
   */
  readonly suppressions?: readonly RuleSuppression[];
  /**
   * Instance metadata (IMDS), which Azure Stack Hub lacks (HUB505).
   * @default false
   */
  readonly useInstanceMetadata?: false;
  /**
   * Managed identity, which Azure Stack Hub lacks (HUB003).
   * @default false
   */
  readonly useManagedIdentity?: false;
  /**
   * Load balancer SKU; Azure Stack Hub has the basic one only (HUB001).
   * @default 'basic'
   */
  readonly loadBalancerSku?: 'basic';
}
