import type { AzureOnlyFeature, AzureOnlySetting, ClusterModel } from '../model/cluster-model';
import { UNKNOWN } from './arm-expressions';
import type { FieldReader, WrongType } from './field-reader';

/** The vocabularies a cluster can be written in: props, Terraform, ARM, an AKS engine API model. */
export type Vocabulary = 'props' | 'terraform' | 'arm' | 'aks-engine';

/** Where a finding is, beyond its path: the file, the resource address, the construct. */
export interface FindingLocation {
  /** The file checked, for `aks-hub check`. */
  readonly file?: string;
  /** Terraform address (`azurerm_kubernetes_cluster.aks`) or `template`. */
  readonly address?: string;
  /** Construct path, in a cdktf app. */
  readonly constructPath?: string;
  /** The 1-based line in `file` the finding is on, for `aks-hub check`. */
  readonly line?: number;
}

/** A cluster read out of one input: the model, and the input's own name for each model field. */
export interface ClusterInput {
  readonly model: ClusterModel;
  readonly vocabulary: Vocabulary;
  /** `nodePool.vmSize` → `default_node_pool.vm_size`, `resources.0.properties.agentPoolProfiles.0.vmSize`, … */
  pathOf(field: string): string;
  readonly location?: FindingLocation;
  /**
   * Set on a variant of an ARM template read with one of a parameter's `allowedValues`: only
   * findings below this path belong to it, and its nodes are not counted.
   */
  readonly onlyUnder?: string;
  /**
   * Whether a path holds a value a plan marks sensitive (`before_sensitive`, `after_sensitive`):
   * the rules read it, findings never show it.
   */
  readonly sensitive?: (path: string) => boolean;
  /** Values of another JSON type than their field takes (HUB123). */
  readonly wrongTypes?: readonly WrongType[];
  /** The file a path is in when it is not the input's own: a template's parameters file. */
  readonly fileOfPath?: (path: string) => string | undefined;
}

/** How an input sets an Azure-only feature, and what leaves it off. */
export interface AzureOnlyPath {
  readonly path: string;
  readonly feature: AzureOnlyFeature;
  /** `true`: any value but false is on; `list`: a non-empty list or object is on; `set`: any value is on. */
  readonly on: 'true' | 'list' | 'set' | ((value: unknown) => boolean);
  /** For an add-on: its ARM name, which decides the rule. */
  readonly addon?: string;
}

const isOn = (on: AzureOnlyPath['on'], v: unknown): boolean => {
  // Plans write some unset strings as "" (provider schemas with Optional and Computed).
  if (v === undefined || v === null || v === UNKNOWN || v === '') return false;
  if (on === 'true') return v !== false;
  if (on === 'list') return Array.isArray(v) ? v.length > 0 : typeof v === 'object' ? Object.keys(v).length > 0 : true;
  if (on === 'set') return true;
  return on(v);
};

/** The Azure-only settings an input turns on, by its table of paths. */
export function azureOnlySettings(reader: FieldReader, table: readonly AzureOnlyPath[]): AzureOnlySetting[] {
  return table.flatMap((row) => {
    const { value, path } = reader.at(row.path);
    return isOn(row.on, value) ? [{ feature: row.feature, path, value, ...(row.addon && { addon: row.addon }) }] : [];
  });
}

/** Enabled add-ons of an `addonProfiles`-like map: `{ name: { enabled } }`. */
export function enabledAddons(reader: FieldReader, mapPath: string): AzureOnlySetting[] {
  const { value, path } = reader.at(mapPath);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([name, v]) => {
    if (v === false || v === UNKNOWN) return [];
    // `enabled` as the template resolves it: a parameter set to false is off, and one known only
    // at deploy time is not a finding.
    const enabled = v !== null && typeof v === 'object' && 'enabled' in v ? reader.at(`${mapPath}.${name}.enabled`).value : true;
    return enabled === false || enabled === UNKNOWN ? [] : [{ feature: 'addon' as const, addon: name, path: `${path}.${name}`, value: v }];
  });
}
