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

/** ARM tag limits: tags per resource, characters in a name and in a value. */
export const TAG_LIMITS = Object.freeze({ count: 50, name: 512, value: 256 });

/** Largest managed disk on Hub and largest `osDiskSizeGB` in the 2020-11-01 API (aks-engine `MaxAzureStackManagedDiskSize`). */
export const MAX_OS_DISK_GB = 1023;

/** Max pods per node for each network plugin (AKS limits: Azure CNI 10-250, kubenet 10-110). */
export const MAX_PODS_RANGE = Object.freeze({ azure: { min: 10, max: 250 }, kubenet: { min: 10, max: 110 } });

/** The widest service range AKS accepts (a /12). */
export const MIN_SERVICE_CIDR_PREFIX = 12;

/**
 * What Azure Compute takes as a Windows admin password: "The supplied password must be between
 * 8-123 characters long and must satisfy at least 3 of password complexity requirements" (lower
 * case, upper case, digit, other character).
 */
export const WINDOWS_PASSWORD = Object.freeze({ min: 8, max: 123, classes: Object.freeze(['[a-z]', '[A-Z]', '[0-9]', '[^a-zA-Z0-9]']), required: 3 });

/** Whether a Windows admin password meets WINDOWS_PASSWORD. */
export function windowsPasswordAccepted(password: string): boolean {
  const classes = WINDOWS_PASSWORD.classes.filter((c) => new RegExp(c).test(password)).length;
  return password.length >= WINDOWS_PASSWORD.min && password.length <= WINDOWS_PASSWORD.max && classes >= WINDOWS_PASSWORD.required;
}
