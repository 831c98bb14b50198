import type { StampProfile } from '../profile/stamp';
import type { ClusterSpec } from '../spec/cluster-spec';
import type { Severity } from './violation';

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
  /** How to fix a violation. */
  readonly fix: string;
  /**
   * Whether a suppression (with a reason) may silence the rule. Hard platform limits cannot be
   * suppressed: the Hub would reject the deployment anyway.
   */
  readonly suppressible: boolean;
  /** Inputs that break the rule and inputs that pass it; the test suite runs every one. */
  readonly examples: { readonly fail: readonly RuleExample[]; readonly pass: readonly RuleExample[] };
}

/**
 * An input for a rule's examples. `props` and `hub` are merged over a valid quickstart; a
 * `resource` is added by hand to a HubStack; `arm` is merged over a Hub-valid managedClusters
 * resource; `clusters` are several clusters in one app.
 */
export type RuleExample =
  | { readonly props: Readonly<Record<string, unknown>> }
  | { readonly hub: Readonly<Record<string, unknown>> }
  | { readonly resource: { readonly type: string; readonly attributes: Readonly<Record<string, unknown>> } }
  | { readonly provider: string }
  | { readonly arm: Readonly<Record<string, unknown>> }
  | { readonly clusters: readonly Readonly<Record<string, unknown>>[] }
  | { readonly secretVariable: { readonly sensitive: boolean; readonly default?: string } }
  | { readonly outsideStack: boolean }
  | { readonly suppression: { readonly ruleId: string; readonly reason: string } };

/** A rule's finding before the registry adds the rule's id, severity and fix. */
export interface Finding {
  readonly path: string;
  readonly value: unknown;
  readonly allowed: string;
  readonly message: string;
  /** Mask the value in messages. */
  readonly secret?: boolean;
  /** A fix more specific than the rule's own. */
  readonly fix?: string;
}

/** Untyped props, as a JavaScript caller or a JSON config may pass them. */
export type RawProps = Readonly<Record<string, unknown>>;

/** Checks the attributes of one raw Terraform resource (snake_case, as synthesized). */
export type ResourceCheck = (attributes: RawProps, stamp: StampProfile) => Finding[];

/** A rule and the checks it runs. Any subset of the checks may be present. */
export interface HubRule extends RuleInfo {
  /** Checks a cluster's raw props: Azure-only knobs and values that must not reach the spec. */
  readonly checkProps?: (props: RawProps, stamp: StampProfile) => Finding[];
  /** Checks a cluster's spec, after the shape check and defaults. */
  readonly checkSpec?: (spec: ClusterSpec, stamp: StampProfile) => Finding[];
  /** Checks raw Terraform resources (and providers) a user adds to a HubStack, by Terraform type. */
  readonly resources?: Readonly<Record<string, ResourceCheck>>;
  /** Checks one resource of an ARM template written by hand (each rule picks the types it knows). */
  readonly checkArm?: (resource: RawProps, stamp: StampProfile) => Finding[];
}

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
