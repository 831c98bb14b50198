import type { ClusterModel } from '../model/cluster-model';
import type { HubSettings } from '../model/hub-settings';
import { type StampProfile, stampProfile } from '../profile/stamp';
import type { Finding } from './finding';
import { checkProps } from './run';

/** What the checks need to know about a stamp: its region, API profile and catalogs. */
export type StampSettings = Partial<Pick<HubSettings, 'location' | 'apiProfile' | 'kubernetesVersions' | 'vmSizes'>>;

/** The stamp profile of some stamp settings. */
export function stampOf(stamp: StampSettings): StampProfile {
  return stampProfile(stamp.location ?? 'local', {
    ...(stamp.apiProfile && { apiProfile: stamp.apiProfile }),
    ...(stamp.kubernetesVersions && { kubernetesVersions: stamp.kubernetesVersions }),
    ...(stamp.vmSizes && { vmSizes: stamp.vmSizes }),
  });
}

/** The result of `validateCluster`. */
export interface ClusterValidation {
  /** The cluster with every Hub default applied, when no error was found. */
  readonly model?: ClusterModel;
  /** Every error and warning, in a stable order. */
  readonly findings: readonly Finding[];
}

/**
 * Checks `HubAksClusterProps` as `HubAksCluster` does, without a stack or cdktf app: every rule,
 * every finding. Pure and quick, for unit tests of props a program builds.
 */
export function validateCluster(props: unknown, stamp: StampSettings = {}): ClusterValidation {
  const result = checkProps(props, stampOf(stamp));
  const errors = result.findings.some((f) => f.severity === 'error');
  return errors || !result.model ? { findings: result.findings } : { model: result.model, findings: result.findings };
}
