/**
 * The Azure AKS vs Azure Stack Hub AKS comparison, as data (features.json): every row of the
 * feature table in azure-stack-docs `azure-stack/user/aks-overview.md` and every platform
 * difference the Hub docs list, each with what the library does about it.
 */

import data from './features.json';

/** What the library does about a feature. */
export type FeatureBehaviour =
  /** Supported, through this prop (a path in HubAksClusterProps or HubStackProps). */
  | { readonly kind: 'prop'; readonly prop: string; readonly note?: string }
  /** Supported by what the library always writes. */
  | { readonly kind: 'library'; readonly note: string }
  /** Supported inside the cluster, through this API of the library or a provider it configures. */
  | { readonly kind: 'api'; readonly api: string; readonly note?: string }
  /** Not available on Hub: this rule stops it at synth time. */
  | { readonly kind: 'rule'; readonly ruleId: string; readonly note?: string }
  /** Nothing to express in infrastructure code (portal, operator, client tool or in-cluster). */
  | { readonly kind: 'not-iac'; readonly reason: string };

/** One row of the seed feature table. */
export interface FeatureRow {
  readonly area: string;
  readonly feature: string;
  readonly azure: 'Yes' | 'No';
  readonly hub: 'Yes' | 'No';
  readonly behaviour: FeatureBehaviour;
}

/** One platform difference the Hub docs list. */
export interface PlatformDifference {
  readonly difference: string;
  readonly source: string;
  readonly behaviour: FeatureBehaviour;
}

/** The feature table of `aks-overview.md`, row by row (data in features.json). */
export const FEATURE_TABLE: readonly FeatureRow[] = Object.freeze(data.featureTable as FeatureRow[]);

/** The platform differences the Hub docs list, and the facts that shape the library (data in features.json). */
export const PLATFORM_DIFFERENCES: readonly PlatformDifference[] = Object.freeze(data.platformDifferences as PlatformDifference[]);
