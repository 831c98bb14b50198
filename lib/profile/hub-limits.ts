/**
 * Numeric limits of AKS on Azure Stack Hub and of the 2020-11-01 managedClusters API.
 */

/** "The AKS service is limited to 50 nodes per subscription in the public preview." (`aks-known-issues.md`) */
export const MAX_NODES_PER_SUBSCRIPTION = 50;

/**
 * Azure CNI puts every pod on the node subnet; Azure reserves five addresses in every subnet
 * (first four and the last). Source: Azure CNI IP planning, referenced by `aks-how-to-use-cli.md`.
 */
export const AZURE_RESERVED_SUBNET_ADDRESSES = 5;

/**
 * Built-in role that lets the cluster's service principal manage a subnet it does not own:
 * Network Contributor (a fixed, well-known role definition id across Azure clouds).
 * `aks-how-to-use-cli.md` uses `--skip-subnet-role-assignment`, leaving this grant to the user.
 */
export const NETWORK_CONTRIBUTOR_ROLE_ID = '4d97b98b-1d4f-4787-a291-c67834d212e7';
