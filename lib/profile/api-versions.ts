/**
 * ARM api-versions per Azure Stack Hub API profile, for every resource type the library writes.
 *
 * Sources (see hub-facts.md §2.1/§2.2a):
 * - MicrosoftDocs/azure-stack-docs `azure-stack/user/azure-stack-profiles-azure-resource-manager-versions.md`
 * - Azure/azure-rest-api-specs `profile/2020-09-01-hybrid.json`
 * - Azure/azure-cli `src/azure-cli-core/azure/cli/core/profiles/_shared.py` ('2020-09-01-hybrid')
 * - managedClusters: azure-stack-docs `azure-stack/user/aks-support.md`: "the supported API is version 2020-11-01".
 */

/** An Azure Stack Hub API profile the library can target. 2020-09-01-hybrid is the last one Microsoft published. */
export type ApiProfile = '2020-09-01-hybrid';

/** The profile used when a stack names none. */
export const DEFAULT_API_PROFILE: ApiProfile = '2020-09-01-hybrid';

/** The ARM resource types the library writes into templates. */
export type ArmResourceType =
  | 'Microsoft.ContainerService/managedClusters'
  | 'Microsoft.Network/virtualNetworks'
  | 'Microsoft.Network/virtualNetworks/subnets'
  | 'Microsoft.Authorization/roleAssignments'
  | 'Microsoft.Resources/deployments';

/** api-version of every resource type the library writes, per profile. */
export const API_VERSIONS: Readonly<Record<ApiProfile, Readonly<Record<ArmResourceType, string>>>> = Object.freeze({
  '2020-09-01-hybrid': Object.freeze({
    // Hub AKS RP serves only 2020-11-01 (aks-support.md; CLI profile MGMT_CONTAINERSERVICE).
    'Microsoft.ContainerService/managedClusters': '2020-11-01',
    // Network 2018-11-01; subnets are children of virtualNetworks and share its version.
    'Microsoft.Network/virtualNetworks': '2018-11-01',
    'Microsoft.Network/virtualNetworks/subnets': '2018-11-01',
    // Authorization roleAssignments 2015-07-01 in every hybrid profile.
    'Microsoft.Authorization/roleAssignments': '2015-07-01',
    // Resources (deployments) 2019-10-01 per docs, REST specs and CLI.
    'Microsoft.Resources/deployments': '2019-10-01',
  }),
});

/** The api-version of `type` in `profile`. */
export function apiVersionOf(profile: ApiProfile, type: ArmResourceType): string {
  return API_VERSIONS[profile][type];
}

/** The API profiles the library can target: those it has api-versions for. */
export const API_PROFILES: readonly ApiProfile[] = Object.freeze(Object.keys(API_VERSIONS) as ApiProfile[]);
