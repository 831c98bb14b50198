import type { StampProfile } from '../profile/stamp';
import type { ClusterInput } from './cluster-input';
import { importArmTemplate } from './from-arm';
import { isObject } from '../model/cluster-model';

/**
 * The Azure CLI prints the SDK's snake_case names in camelCase, which differs from the ARM names
 * for these (the Hub docs' `az aks scale` output shows `"osDiskSizeGb": 100`).
 */
const ARM_NAMES: Readonly<Record<string, string>> = {
  osDiskSizeGb: 'osDiskSizeGB',
  vnetSubnetId: 'vnetSubnetID',
  dnsServiceIp: 'dnsServiceIP',
  enableRbac: 'enableRBAC',
};

function armNames(value: unknown, depth = 0): unknown {
  if (depth > 10) return value;
  if (Array.isArray(value)) return value.map((v) => armNames(v, depth + 1));
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [ARM_NAMES[k] ?? k, armNames(v, depth + 1)]));
}

/**
 * Reads `az aks show -o json` output into the cluster model: the managed cluster as the resource
 * provider returns it, with `properties` flattened to the top as the CLI prints it (or nested, as
 * Resource Manager does). `undefined` when the JSON is not a managed cluster.
 */
export function importLiveCluster(json: unknown, stamp: StampProfile): ClusterInput | undefined {
  if (!isObject(json) || typeof json.name !== 'string') return undefined;
  const { id: _id, name, location, tags, sku, identity, type: _type, properties, ...flat } = armNames(json) as Record<string, unknown>;
  const props = isObject(properties) ? properties : flat;
  // Without a pool there is nothing live to compare: the template's defaults would stand in for it.
  if (!Array.isArray(props.agentPoolProfiles) || !props.agentPoolProfiles.some(isObject)) return undefined;
  const resource = { type: 'Microsoft.ContainerService/managedClusters', apiVersion: 'live', name, location, tags, sku, identity, properties: props };
  return importArmTemplate({ resources: [resource] }, stamp).clusters[0];
}
