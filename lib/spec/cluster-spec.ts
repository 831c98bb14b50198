import { Token } from 'cdktf';
import type { ApiProfile } from '../profile/api-versions';
import { DEFAULT_KUBERNETES_VERSION } from '../profile/kubernetes-versions';
import type { StampProfile } from '../profile/stamp';
import { DEFAULT_NODE_VM_SIZE } from '../profile/vm-sizes';
import type { KeyVaultSecretRef } from './props';
import type { ParsedClusterProps } from './schema';

/** A VNET and node subnet the library creates. */
export interface NewSubnetSpec {
  readonly kind: 'new';
  readonly vnetName: string;
  readonly addressSpace: readonly string[];
  readonly subnetName: string;
  readonly subnetPrefix: string;
}

/** An existing subnet, by resource id. */
export interface ExistingSubnetSpec {
  readonly kind: 'existing';
  readonly subnetId: string;
}

/** The VNET the resource provider makes in the node resource group (`az aks create` without `--vnet-subnet-id`). */
export interface DefaultVnetSpec {
  readonly kind: 'default';
}

/**
 * A cluster with every Hub default applied: the single source of truth that renderers and
 * constructs read. Frozen; renderers never decide a default again.
 */
export interface ClusterSpec {
  readonly name: string;
  readonly location: string;
  readonly apiProfile: ApiProfile;
  readonly resourceGroup: { readonly name: string; readonly owned: boolean };
  readonly dnsPrefix: string;
  readonly kubernetesVersion: string;
  readonly enableRbac: boolean;
  /** Hub has no uptime SLA. */
  readonly skuTier: 'Free';
  readonly servicePrincipal: {
    readonly clientId: string;
    /** A token for the secret, when the user gave one; otherwise the construct makes a variable. */
    readonly clientSecret?: string;
    readonly objectId?: string;
    readonly keyVaultSecret?: KeyVaultSecretRef;
  };
  readonly nodePool: {
    readonly name: string;
    readonly count: number;
    readonly vmSize: string;
    readonly osDiskSizeGb: number;
    readonly maxPods: number;
    readonly osType: 'Linux' | 'Windows';
    /** The only pool is the system pool. */
    readonly mode: 'System';
    /** Hub supports only scale sets. */
    readonly type: 'VirtualMachineScaleSets';
  };
  readonly linuxProfile?: { readonly adminUsername: string; readonly sshPublicKey: string };
  readonly windowsProfile?: {
    readonly adminUsername: string;
    readonly adminPassword?: string;
    readonly keyVaultSecret?: KeyVaultSecretRef;
  };
  readonly network: {
    readonly plugin: 'azure' | 'kubenet';
    readonly policy?: 'azure';
    /** Hub supports only the basic load balancer. */
    readonly loadBalancerSku: 'basic';
    readonly outboundType: 'loadBalancer';
    readonly serviceCidr: string;
    readonly dnsServiceIp: string;
    readonly dockerBridgeCidr: string;
    /** Set with kubenet only. */
    readonly podCidr?: string;
    readonly subnet: NewSubnetSpec | ExistingSubnetSpec | DefaultVnetSpec;
  };
  readonly tags: Readonly<Record<string, string>>;
}

/** The Hub defaults, decided here once. */
export const CLUSTER_DEFAULTS = Object.freeze({
  nodePoolName: 'nodepool1',
  nodeCount: 3,
  vmSize: DEFAULT_NODE_VM_SIZE,
  // 100 GB is what the Hub CLI docs show for a default pool (`aks-how-to-use-cli.md` scale output).
  osDiskSizeGb: 100,
  // AKS defaults: 30 pods per node with Azure CNI, 110 with kubenet (Azure CNI IP planning docs).
  maxPods: { azure: 30, kubenet: 110 },
  adminUsername: 'azureuser',
  networkPlugin: 'azure' as const,
  vnetAddressSpace: ['10.240.0.0/16'],
  subnetName: 'aks-nodes',
  // /20 = 4,096 addresses; (50 + 1) × (30 + 1) + 5 = 1,586 are needed for 50 nodes at 30 pods.
  subnetPrefix: '10.240.0.0/20',
  // 2020-11-01 API defaults, as used by the Hub custom-VNET example (hub-facts §1.10).
  serviceCidr: '10.0.0.0/16',
  dnsServiceIp: '10.0.0.10',
  dockerBridgeCidr: '172.17.0.1/16',
  podCidr: '10.244.0.0/16',
});

/**
 * The DNS prefix a name gives: lower-case letters, digits and hyphens, at most 54 characters,
 * starting and ending with a letter or digit (what the 2020-11-01 API accepts).
 */
export function dnsPrefixFor(name: string): string {
  if (Token.isUnresolved(name)) return name;
  const label = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 54).replace(/^-+|-+$/g, '');
  return label || 'aks';
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Applies every Hub default to shape-checked props. */
export function toClusterSpec(props: ParsedClusterProps, stamp: StampProfile): ClusterSpec {
  const d = CLUSTER_DEFAULTS;
  const plugin = props.network?.plugin ?? d.networkPlugin;
  const pool = props.nodePool ?? {};
  const vnet = props.network?.vnet;
  const subnet: ClusterSpec['network']['subnet'] =
    vnet === 'default'
      ? { kind: 'default' }
      : vnet?.subnetId !== undefined
      ? { kind: 'existing', subnetId: vnet.subnetId }
      : {
          kind: 'new',
          vnetName: vnet?.name ?? `${props.name}-vnet`,
          addressSpace: vnet?.addressSpace ?? d.vnetAddressSpace,
          subnetName: vnet?.subnetName ?? d.subnetName,
          subnetPrefix: vnet?.subnetPrefix ?? d.subnetPrefix,
        };
  const sp = props.servicePrincipal;
  const spec: ClusterSpec = {
    name: props.name,
    location: stamp.location,
    apiProfile: stamp.apiProfile,
    resourceGroup: { name: props.resourceGroupName ?? `${props.name}-rg`, owned: props.existingResourceGroup !== true },
    dnsPrefix: props.dnsPrefix ?? dnsPrefixFor(props.name),
    kubernetesVersion: props.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
    enableRbac: props.enableRbac ?? true,
    skuTier: 'Free',
    servicePrincipal: {
      clientId: sp.clientId,
      ...(sp.clientSecret !== undefined && { clientSecret: sp.clientSecret }),
      ...(sp.objectId !== undefined && { objectId: sp.objectId }),
      ...(sp.keyVaultSecret !== undefined && { keyVaultSecret: { ...sp.keyVaultSecret } }),
    },
    nodePool: {
      name: pool.name ?? d.nodePoolName,
      count: pool.count ?? d.nodeCount,
      vmSize: pool.vmSize ?? d.vmSize,
      osDiskSizeGb: pool.osDiskSizeGb ?? d.osDiskSizeGb,
      maxPods: pool.maxPods ?? d.maxPods[plugin],
      osType: pool.osType ?? 'Linux',
      mode: 'System',
      type: 'VirtualMachineScaleSets',
    },
    ...(props.linuxProfile && {
      linuxProfile: {
        adminUsername: props.linuxProfile.adminUsername ?? d.adminUsername,
        sshPublicKey: props.linuxProfile.sshPublicKey,
      },
    }),
    ...(props.windowsProfile && {
      windowsProfile: {
        adminUsername: props.windowsProfile.adminUsername ?? d.adminUsername,
        ...(props.windowsProfile.adminPassword !== undefined && { adminPassword: props.windowsProfile.adminPassword }),
        ...(props.windowsProfile.keyVaultSecret && { keyVaultSecret: { ...props.windowsProfile.keyVaultSecret } }),
      },
    }),
    network: {
      plugin,
      ...(props.network?.policy === 'azure' && { policy: 'azure' as const }),
      loadBalancerSku: 'basic',
      outboundType: 'loadBalancer',
      serviceCidr: props.network?.serviceCidr ?? d.serviceCidr,
      dnsServiceIp: props.network?.dnsServiceIp ?? d.dnsServiceIp,
      dockerBridgeCidr: props.network?.dockerBridgeCidr ?? d.dockerBridgeCidr,
      ...(plugin === 'kubenet' && { podCidr: props.network?.podCidr ?? d.podCidr }),
      subnet,
    },
    tags: { ...(props.tags ?? {}) },
  };
  return deepFreeze(spec);
}
