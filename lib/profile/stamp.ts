import { DEFAULT_API_PROFILE, type ApiProfile } from './api-versions';
import { HUB_KUBERNETES_VERSIONS } from './kubernetes-versions';
import { AKS_NODE_VM_SIZES } from './vm-sizes';

/** What one Azure Stack Hub stamp offers: its region, API profile and catalogs. */
export interface StampProfile {
  /** The stamp's region name, for example `local`. */
  readonly location: string;
  /** The API profile every api-version comes from. */
  readonly apiProfile: ApiProfile;
  /** Kubernetes versions the stamp offers. */
  readonly kubernetesVersions: readonly string[];
  /** VM sizes the stamp offers for AKS nodes. */
  readonly vmSizes: readonly string[];
}

/** A catalog the stamp's operator may extend or replace. */
export interface CatalogOverride {
  /**
   * Values to add to the library's list.
   * @default none
   */
  readonly add?: string[];
  /**
   * Values that replace the library's list entirely.
   * @default the library's list
   */
  readonly replace?: string[];
}

/** Builds a stamp profile from a location and optional catalog overrides. */
export function stampProfile(
  location: string,
  options: { apiProfile?: ApiProfile; kubernetesVersions?: CatalogOverride; vmSizes?: CatalogOverride } = {},
): StampProfile {
  const merge = (base: readonly string[], o?: CatalogOverride): readonly string[] =>
    Object.freeze([...new Set([...(o?.replace ?? base), ...(o?.add ?? [])])]);
  return Object.freeze({
    location,
    apiProfile: options.apiProfile ?? DEFAULT_API_PROFILE,
    kubernetesVersions: merge(HUB_KUBERNETES_VERSIONS, options.kubernetesVersions),
    vmSizes: merge(AKS_NODE_VM_SIZES, options.vmSizes),
  });
}
