import type { Vocabulary } from '../import/cluster-input';
import type { ClusterModel } from '../model/cluster-model';
import type { EngineClusterModel } from '../model/engine-model';
import type { StampProfile } from '../profile/stamp';
import type { Severity } from './finding';

/** What every rule states about itself. Ids are stable forever and never reused. */
export interface RuleInfo {
  /** `HUB` plus three digits. */
  readonly id: string;
  /** One line naming what the rule stops. */
  readonly title: string;
  /** `error` stops synthesis; `warning` is reported. */
  readonly severity: Severity;
  /** The seed-table row or doc the rule comes from. */
  readonly source: string;
  /** Why Azure Stack Hub needs the rule. */
  readonly why: string;
  /**
   * How to fix a violation. `{nodePool.count}` stands for a cluster model field, and is written
   * in the words of the input checked: `nodePool.count`, `default_node_pool.node_count`, …
   */
  readonly fix: string;
  /**
   * Whether a suppression (with a reason) may silence the rule. Hard platform limits cannot be
   * suppressed: the Hub would reject the deployment anyway.
   */
  readonly suppressible: boolean;
}

/** Inputs that break a rule and inputs that pass it; the test suite runs every one. */
export interface RuleExamples {
  readonly fail: readonly RuleExample[];
  readonly pass: readonly RuleExample[];
}

/**
 * An input for a rule's examples. `props` and `hub` are merged over a valid quickstart (a `null`
 * removes a prop); a `resource` is added by hand to a HubStack; `arm` is merged over a Hub-valid
 * managedClusters resource; `clusters` are several clusters in one app.
 */
export type RuleExample =
  | { readonly props: Readonly<Record<string, unknown>> }
  | { readonly hub: Readonly<Record<string, unknown>> }
  | { readonly resource: { readonly type: string; readonly attributes: Readonly<Record<string, unknown>> } }
  | { readonly provider: string }
  | { readonly arm: Readonly<Record<string, unknown>> }
  | { readonly clusters: readonly Readonly<Record<string, unknown>>[] }
  | { readonly secretVariable: { readonly sensitive: boolean; readonly default?: string } }
  /** The cluster's client secret taken from a local value, a function of literals, or a random_password. */
  | { readonly secretFrom: 'local' | 'function' | 'random_password' }
  | { readonly outsideStack: boolean }
  | { readonly suppression: { readonly ruleId: string; readonly reason: string } }
  | { readonly change: { readonly before: Readonly<Record<string, unknown>> | null; readonly after: Readonly<Record<string, unknown>> | null } }
  | { readonly drift: Readonly<Record<string, unknown>> }
  /** A deployed AKS engine cluster and the code's, each `HubAksEngineCluster` props merged over a valid cluster's. */
  | { readonly engineChange: { readonly deployed: Readonly<Record<string, unknown>>; readonly desired: Readonly<Record<string, unknown>> } }
  /** The quickstart cluster with `kubeconfig()` called for this credential, called with HUB124 suppressed, or not called. */
  | { readonly kubeconfig: 'admin' | 'user' | 'suppressed' | null }
  /** `HubAksEngineCluster` props merged over a valid AKS engine cluster's. */
  | { readonly engine: Readonly<Record<string, unknown>> }
  /** Merged over aks-engine-azurestack's Hub sample API model, filled in for the stamp. */
  | { readonly apimodel: Readonly<Record<string, unknown>> }
  /** The quickstart cluster built at this construct path: the HubStack's id, the ids between, the cluster's id. */
  | { readonly constructPath: readonly string[] };

/** What a check found, before the registry adds the rule's id, severity and fix. */
export interface RuleHit {
  /** Where, in the words of the input checked. */
  readonly path: string;
  readonly value: unknown;
  readonly allowed: string;
  readonly message: string;
  /** Mask the value in every output. */
  readonly secret?: boolean;
  /** A fix more specific than the rule's own. */
  readonly fix?: string;
  /** For a change between two states of a cluster: the value before and after, shown as `before → after`. */
  readonly change?: { readonly before: unknown; readonly after: unknown };
}

/** One cluster before and after a planned change, with the plan's actions on the resource that holds it. */
export interface ClusterChange {
  /** `update`, `delete`, `create`, or a replacement's pair. */
  readonly actions: readonly string[];
  readonly before?: ClusterModel;
  readonly after?: ClusterModel;
  /** Whether the same plan deletes the resource group the cluster is in. */
  readonly groupDeleted: boolean;
}

/**
 * An AKS engine cluster as deployed (the model in its state folder, which aks-engine-azurestack
 * rewrites after each operation) and as the code now describes it.
 */
export interface EngineChange {
  readonly deployed: EngineClusterModel;
  readonly desired: EngineClusterModel;
}

/** Untyped input, as a JavaScript caller, a JSON config or a Terraform file may hold it. */
export type RawProps = Readonly<Record<string, unknown>>;

/** What a cluster check is told about the input besides the model. */
export interface CheckContext {
  readonly stamp: StampProfile;
  /** The input's own name for a model field. */
  name(field: string): string;
  readonly vocabulary: Vocabulary;
}

/** Checks the attributes of one Terraform resource or provider that is not a cluster. */
export type ResourceCheck = (attributes: RawProps) => RuleHit[];

/** The checks of one rule, by its id; any subset may be present. */
export interface RuleChecks {
  readonly id: string;
  /** Checks one cluster, whichever input it was read from. */
  readonly check?: (model: ClusterModel, ctx: CheckContext) => RuleHit[];
  /** Checks what only props can get wrong: their shape beyond types, tokens, prototype keys. */
  readonly checkProps?: (props: RawProps) => RuleHit[];
  /** Checks Terraform resources, data sources and providers other than clusters, by type. */
  readonly resources?: Readonly<Record<string, ResourceCheck>>;
  /** ARM resource types (lower-case) that Hub lacks, with the message. */
  readonly armResources?: Readonly<Record<string, string>>;
  /** Checks a planned change of one cluster: what the resource provider or Terraform would do with it. */
  readonly checkChange?: (change: ClusterChange, ctx: CheckContext) => RuleHit[];
  /** Checks an AKS engine cluster (`HubAksEngineCluster` props or an API model), as aks-engine-azurestack would. */
  readonly checkEngine?: (model: EngineClusterModel, ctx: CheckContext) => RuleHit[];
  /** Checks a change of a deployed AKS engine cluster, before any aks-engine-azurestack command runs. */
  readonly checkEngineChange?: (change: EngineChange, ctx: CheckContext) => RuleHit[];
  /** Checks the live cluster against the one the code describes (`aks-hub drift`). */
  readonly checkDrift?: (code: ClusterModel, live: ClusterModel, ctx: CheckContext) => RuleHit[];
}

/** A rule with its texts and checks. */
export type HubRule = RuleInfo & Omit<RuleChecks, 'id'>;

/**
 * Reads `a.b.c` from untyped input through own properties only, so inherited or
 * prototype-polluting keys never count as set. A list on the way stands for its first element,
 * as Terraform JSON writes single blocks either way.
 */
export function valueAt(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const key of path.split('.')) {
    if (Array.isArray(cur) && !/^\d+$/.test(key)) cur = cur[0];
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
