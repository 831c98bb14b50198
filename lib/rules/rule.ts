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
}

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

/** A rule over one cluster's props and spec. */
export interface ClusterRule extends RuleInfo {
  /** Checks the raw props: Azure-only knobs and values that must not reach the spec. */
  readonly checkProps?: (props: RawProps, stamp: StampProfile) => Finding[];
  /** Checks the spec, after the shape check and defaults. */
  readonly checkSpec?: (spec: ClusterSpec, stamp: StampProfile) => Finding[];
}

/**
 * Reads `a.b.c` from untyped input through own properties only, so inherited or
 * prototype-polluting keys never count as set.
 */
export function valueAt(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
