import { type IResolvable, Token } from 'cdktf';
import type { ApiProfile } from '../profile/api-versions';
import type { KeyVaultSecretRef } from './props';

/** A VNET and node subnet the library creates. */
export interface NewSubnetModel {
  readonly kind: 'new';
  readonly vnetName: string;
  readonly addressSpace: readonly string[];
  readonly subnetName: string;
  readonly subnetPrefix: string;
}

/** An existing subnet, by resource id. */
export interface ExistingSubnetModel {
  readonly kind: 'existing';
  readonly subnetId: string;
}

/** The VNET the resource provider makes in the node resource group (`az aks create` without `--vnet-subnet-id`). */
export interface DefaultVnetModel {
  readonly kind: 'default';
}

/** Where a cluster's nodes are: a subnet the library creates, an existing one, or the default VNET. */
type SubnetModel = NewSubnetModel | ExistingSubnetModel | DefaultVnetModel;

/** The prefix of a subnet the library creates; the other kinds have none. */
export const subnetPrefixOf = (subnet: SubnetModel): string | undefined => (subnet as Partial<NewSubnetModel>).subnetPrefix;

/** The id of an existing subnet; the other kinds have none. */
export const existingSubnetIdOf = (subnet: SubnetModel): string | undefined => (subnet as Partial<ExistingSubnetModel>).subnetId;

/** What Azure offers and Azure Stack Hub lacks, by the name the rules know it by. */
export type AzureOnlyFeature =
  | 'managedIdentity'
  | 'kubeletIdentity'
  | 'extraPool'
  | 'autoscaler'
  | 'zones'
  | 'gpuInstance'
  | 'privateCluster'
  | 'authorizedIpRanges'
  | 'aad'
  | 'localAccountsDisabled'
  | 'loadBalancerProfile'
  | 'natGateway'
  | 'oidcIssuer'
  | 'workloadIdentity'
  | 'cniOverlay'
  | 'addon';

/** An Azure-only setting as an input wrote it. A model that passes the rules has none. */
export interface AzureOnlySetting {
  readonly feature: AzureOnlyFeature;
  /** Where the input sets it, in the input's own words (`default_node_pool.min_count`). */
  readonly path: string;
  readonly value: unknown;
  /** For an add-on: its ARM name (`omsagent`), which decides the rule that reports it. */
  readonly addon?: string;
}

/**
 * One AKS cluster, whatever it was written as: `HubAksCluster` props, an ARM managedClusters
 * resource, an `azurerm_kubernetes_cluster`, or a plan. Importers (`lib/import/`) fill it, with
 * the defaults of their own input; the rules (`lib/rules/`) check it; the renderer reads it.
 * Values known only at deploy time are Terraform tokens, and every check that needs the value
 * skips them. Frozen.
 */
export interface ClusterModel {
  readonly name: string;
  readonly location: string;
  /** The API profile the stamp's api-versions come from. */
  readonly apiProfile: ApiProfile;
  /** api-version of the managed cluster. */
  readonly apiVersion: string;
  readonly resourceGroup: { readonly name: string; readonly owned: boolean };
  readonly dnsPrefix: string;
  readonly kubernetesVersion: string;
  readonly enableRbac: boolean;
  /** `Free` on Hub, which has no uptime SLA. */
  readonly skuTier: string;
  /** `undefined` when the input names no service principal (an Azure cluster with a managed identity). */
  readonly servicePrincipal?: {
    readonly clientId: string;
    /** A token for the secret, or the literal an input wrote (which HUB102 reports). */
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
    /** `VirtualMachineScaleSets` on Hub. */
    readonly type: string;
  };
  readonly linuxProfile?: { readonly adminUsername: string; readonly sshPublicKey: string };
  readonly windowsProfile?: {
    readonly adminUsername: string;
    readonly adminPassword?: string;
    readonly keyVaultSecret?: KeyVaultSecretRef;
  };
  readonly network: {
    readonly plugin: 'azure' | 'kubenet';
    readonly policy?: string;
    /** `basic` on Hub; `undefined` when an input leaves it to a default of standard. */
    readonly loadBalancerSku?: string;
    /** `loadBalancer` on Hub. */
    readonly outboundType: string;
    readonly serviceCidr: string;
    readonly dnsServiceIp: string;
    readonly dockerBridgeCidr: string;
    /** Set with kubenet only. */
    readonly podCidr?: string;
    readonly subnet: NewSubnetModel | ExistingSubnetModel | DefaultVnetModel;
  };
  readonly tags: Readonly<Record<string, string>>;
  /** Settings Azure has and Hub lacks, as written. */
  readonly azureOnly: readonly AzureOnlySetting[];
}

/**
 * A value only known at deploy time, as a token. Not cdktf's Lazy, which records the stack where
 * it was made: over a large plan, those stacks were a fifth of a check's time.
 */
class DeployTimeValue implements IResolvable {
  public readonly creationStack: string[] = [];
  constructor(private readonly expression: string) {}
  public resolve(): unknown {
    return this.expression;
  }
  public toString(): string {
    return Token.asString(this);
  }
}

/** A string only known at deploy time (a parameter without a value, a Terraform reference). */
export function deployTimeString(expression: string): string {
  return Token.asString(new DeployTimeValue(expression));
}

/** A number only known at deploy time. */
export function deployTimeNumber(expression: string): number {
  // The value is never produced for real: checks skip tokens, and only messages show them.
  return Token.asNumber(new DeployTimeValue(expression));
}

/** Freezes a value and everything in it; without recursion, since a model holds input values of any depth. */
export function deepFreeze<T>(value: T): T {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const v = pending.pop();
    if (v && typeof v === 'object' && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const child of Object.values(v)) pending.push(child);
    }
  }
  return value;
}

/** Whether a value is a plain JSON-like object (not null, not an array). */
export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `{ key: value }` when the value is set, for spreading into a model. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
