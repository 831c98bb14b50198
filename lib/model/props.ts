/**
 * The props users write. Every optional prop documents its `@default`; the defaults themselves
 * are applied once, in `cluster-model.ts`. Azure-only knobs are typed so that only the value Azure
 * Stack Hub accepts compiles; JavaScript callers and JSON configs get the named rule at run time.
 */

/** A rule silenced for a construct and everything below it, with the reason. */
export interface RuleSuppression {
  /** The rule's id, e.g. `HUB016`. */
  readonly ruleId: string;
  /** Why; at least 10 characters. Recorded in the synthesized metadata for audit. */
  readonly reason: string;
}

/** The service principal the cluster runs as. Hub has no managed identity (HUB003). */
export interface ServicePrincipalProps {
  /** Application (client) id of the service principal. May be a token. */
  readonly clientId: string;
  /**
   * The client secret, as a token only (a `TerraformVariable` marked sensitive, or another
   * resource's attribute). A literal string is refused (HUB102), because it would be written in
   * plain text to `cdk.tf.json`.
   * @default a sensitive `TerraformVariable` named `<cluster id>_client_secret`, set with `TF_VAR_<name>`
   */
  readonly clientSecret?: string;
  /**
   * Object id of the service principal. Naming it turns on a grant: with an existing subnet, the
   * ARM template gives the principal Network Contributor on that subnet before it creates the
   * cluster, as `az aks create` does without `--skip-subnet-role-assignment`. The identity that
   * deploys then needs `Microsoft.Authorization/roleAssignments/write` on the subnet (Owner or User
   * Access Administrator); the Hub docs' Contributor cannot grant roles. Without it the subnet's
   * owner grants the role once by hand (README, "Bring your own subnet").
   * @default no role assignment, as in the docs' example (`--skip-subnet-role-assignment`)
   */
  readonly objectId?: string;
  /**
   * A Key Vault secret that holds the client secret, referenced from `azuredeploy.parameters.json`.
   * @default none: pass the secret on the `az deployment group create` command line
   */
  readonly keyVaultSecret?: KeyVaultSecretRef;
}

/** A secret in an Azure Stack Hub Key Vault, referenced from an ARM parameters file. */
export interface KeyVaultSecretRef {
  /** Resource id of the vault. */
  readonly vaultId: string;
  /** Name of the secret in the vault. */
  readonly secretName: string;
  /**
   * Version of the secret.
   * @default the current version
   */
  readonly secretVersion?: string;
}

/** The cluster's single node pool. Hub allows exactly one (HUB005). */
export interface NodePoolProps {
  /**
   * Pool name: lower-case letters and digits, starting with a letter, at most 12 characters.
   * @default 'nodepool1'
   */
  readonly name?: string;
  /**
   * Number of nodes.
   * @default 3
   */
  readonly count?: number;
  /**
   * VM size, one the stamp offers (HUB016), and not a GPU size (HUB015).
   * @default 'Standard_DS2_v2'
   */
  readonly vmSize?: string;
  /**
   * OS disk size in GB.
   * @default 100
   */
  readonly osDiskSizeGb?: number;
  /**
   * Maximum pods per node.
   * @default 30 with Azure CNI, 110 with kubenet
   */
  readonly maxPods?: number;
  /**
   * Operating system of the nodes. The Hub docs' Windows example (`az aks create` with
   * `--windows-admin-*`) keeps this Linux System pool and adds `windowsProfile`; a Windows
   * System pool is refused on Azure and contradicts the Hub known issues (HUB119 warns).
   * @default 'Linux'
   */
  readonly osType?: 'Linux' | 'Windows';
  /**
   * VM set type. Hub supports only scale sets (HUB004).
   * @default 'VirtualMachineScaleSets'
   */
  readonly type?: 'VirtualMachineScaleSets';
  /**
   * Cluster autoscaler. Hub has none (HUB006): set `count` and scale with `az aks scale`.
   * @default false
   */
  readonly enableAutoScaling?: false;
  /**
   * Autoscaler minimum. Hub has no autoscaler (HUB006); leave unset.
   * @default none
   */
  readonly minCount?: undefined;
  /**
   * Autoscaler maximum. Hub has no autoscaler (HUB006); leave unset.
   * @default none
   */
  readonly maxCount?: undefined;
  /**
   * Availability zones. Hub has none (HUB007).
   * @default none
   */
  readonly availabilityZones?: readonly [];
  /**
   * Availability zones (azurerm spelling). Hub has none (HUB007).
   * @default none
   */
  readonly zones?: readonly [];
}

/** Linux node access. */
export interface LinuxProfileProps {
  /**
   * Admin user on the nodes.
   * @default 'azureuser'
   */
  readonly adminUsername?: string;
  /** SSH public key (`ssh-rsa ...`) for the admin user. May be a token. */
  readonly sshPublicKey: string;
}

/** Windows node access, for a Windows cluster. */
export interface WindowsProfileProps {
  /**
   * Admin user on the Windows nodes.
   * @default 'azureuser'
   */
  readonly adminUsername?: string;
  /**
   * Admin password, as a token only; a literal string is refused (HUB102).
   * @default a sensitive `TerraformVariable` named `<cluster id>_windows_admin_password`
   */
  readonly adminPassword?: string;
  /**
   * A Key Vault secret that holds the password, referenced from `azuredeploy.parameters.json`.
   * @default none: pass the password on the command line
   */
  readonly keyVaultSecret?: KeyVaultSecretRef;
}

/** A virtual network and node subnet that the construct creates. */
export interface NewVnetProps {
  /**
   * Name of the virtual network.
   * @default '<cluster name>-vnet'
   */
  readonly name?: string;
  /**
   * Address space of the virtual network.
   * @default ['10.240.0.0/16']
   */
  readonly addressSpace?: string[];
  /**
   * Name of the node subnet.
   * @default 'aks-nodes'
   */
  readonly subnetName?: string;
  /**
   * Prefix of the node subnet. The default holds the Hub's 50-node maximum at the default max pods.
   * @default '10.240.0.0/20'
   */
  readonly subnetPrefix?: string;
}

/** An existing subnet to put the nodes in. */
export interface ExistingSubnetProps {
  /** Resource id of the subnet. May be a token. */
  readonly subnetId: string;
}

/** Cluster networking. */
export interface NetworkProps {
  /**
   * Network plugin. Always set explicitly in the template: the Hub docs say the default is Azure
   * CNI while the 2020-11-01 API defaults to kubenet.
   * @default 'azure'
   */
  readonly plugin?: 'azure' | 'kubenet';
  /**
   * Network policy. Calico is not available on Hub (HUB018).
   * @default no network policy
   */
  readonly policy?: 'azure';
  /**
   * Where the nodes go: a new VNET and subnet that the cluster's ARM template creates, an existing
   * subnet, or `'default'`: the VNET the resource provider makes in the node resource group, as
   * `az aks create` does without `--vnet-subnet-id` (the Hub feature table's "Default VNET"). The
   * resource provider then picks the node addresses, so only the service, pod and bridge ranges
   * are checked.
   * @default a new VNET and subnet with the defaults of `NewVnetProps`
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
   * Pod address range, with kubenet only.
   * @default '10.244.0.0/16' with kubenet; not used with Azure CNI
   */
  readonly podCidr?: string;
  /**
   * Load balancer SKU. Hub supports only the basic load balancer (HUB001).
   * @default 'basic'
   */
  readonly loadBalancerSku?: 'basic';
  /**
   * Load balancer profile (managed outbound IPs, outbound IPs). Needs the standard load balancer (HUB002).
   * @default none
   */
  readonly loadBalancerProfile?: undefined;
  /**
   * Outbound type. Only the load balancer is available on Hub (HUB002).
   * @default 'loadBalancer'
   */
  readonly outboundType?: 'loadBalancer';
}

/** Props of `HubAksCluster`. */
export interface HubAksClusterProps {
  /** Name of the managed cluster. */
  readonly name: string;
  /** The service principal the cluster runs as. */
  readonly servicePrincipal: ServicePrincipalProps;
  /**
   * Kubernetes version, one the stamp offers (HUB103).
   * @default '1.20.7', the highest version the Hub docs name
   */
  readonly kubernetesVersion?: string;
  /**
   * DNS prefix of the API server FQDN.
   * @default the cluster name
   */
  readonly dnsPrefix?: string;
  /**
   * Resource group of the cluster.
   * @default '<cluster name>-rg', created and owned by the construct
   */
  readonly resourceGroupName?: string;
  /**
   * Use `resourceGroupName` as an existing group instead of creating it. `cdktf destroy` then does
   * not remove the cluster, because destroying a template deployment leaves what it created.
   * @default false
   */
  readonly existingResourceGroup?: boolean;
  /**
   * The single node pool.
   * @default one pool with the defaults of `NodePoolProps`
   */
  readonly nodePool?: NodePoolProps;
  /**
   * Linux node access; required for Linux clusters.
   * @default none (required when the node pool is Linux)
   */
  readonly linuxProfile?: LinuxProfileProps;
  /**
   * Windows node access; required for Windows clusters.
   * @default none
   */
  readonly windowsProfile?: WindowsProfileProps;
  /**
   * Networking.
   * @default the defaults of `NetworkProps`
   */
  readonly network?: NetworkProps;
  /**
   * Kubernetes RBAC.
   * @default true
   */
  readonly enableRbac?: boolean;
  /**
   * Tags on the resource group, network and cluster.
   * @default {}
   */
  readonly tags?: Record<string, string>;
  /**
   * Rules silenced for this cluster, each with a reason of at least 10 characters; recorded in
   * the synthesized metadata. Hard platform limits cannot be suppressed (HUB116).
   * @default none
   */
  readonly suppressions?: readonly RuleSuppression[];

  // Azure-only knobs: only the Hub value compiles; JavaScript callers get the named rule.

  /**
   * Load balancer SKU. Hub supports only the basic load balancer (HUB001).
   * @default 'basic'
   */
  readonly loadBalancerSku?: 'basic';
  /**
   * SKU tier. Hub has no uptime SLA, so only the free tier exists (HUB017).
   * @default 'Free'
   */
  readonly skuTier?: 'Free';
  /**
   * Managed identity. Hub supports only a service principal (HUB003): leave unset, or `{ type: 'None' }`.
   * @default none (service principal)
   */
  readonly identity?: { readonly type: 'None' };
  /**
   * Kubelet managed identity. Hub has no managed identity (HUB003).
   * @default none
   */
  readonly kubeletIdentity?: undefined;
  /**
   * Extra node pools. Hub allows exactly one pool per cluster (HUB005): use `nodePool`.
   * @default none
   */
  readonly nodePools?: readonly [];
  /**
   * Private cluster. Not available on Hub (HUB008).
   * @default false
   */
  readonly enablePrivateCluster?: false;
  /**
   * API server authorized IP ranges. Not available on Hub (HUB009).
   * @default none
   */
  readonly apiServerAuthorizedIpRanges?: readonly [];
  /**
   * Azure AD (Entra ID) integration. Not available on Hub (HUB010); Kubernetes RBAC is (`enableRbac`).
   * @default none
   */
  readonly aadProfile?: undefined;
  /**
   * Add-ons. Hub offers none (monitoring HUB011, virtual node HUB012, HTTP application routing
   * HUB013, Azure Policy HUB014, others HUB024); an add-on may only appear disabled.
   * @default none
   */
  readonly addons?: Readonly<Record<string, { readonly enabled: false }>>;
  /**
   * Cluster autoscaler profile. Hub has no autoscaler (HUB006).
   * @default none
   */
  readonly autoScalerProfile?: undefined;
  /**
   * Availability zones. Hub has none (HUB007).
   * @default none
   */
  readonly availabilityZones?: readonly [];
}
