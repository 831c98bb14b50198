import { Token } from 'cdktf';
import { type Finding, type RawProps, valueAt } from './rule';

/** A path and the values it may hold on Hub; a value that is not set always passes. */
export interface PathCheck {
  readonly path: string;
  readonly ok: (value: unknown) => boolean;
  readonly allowed: string;
  readonly message: string;
}

export const absent = (v: unknown): boolean => v === undefined || v === null;
export const falsy = (v: unknown): boolean => absent(v) || v === false;
export const empty = (v: unknown): boolean =>
  absent(v) || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
/** Values only known at deploy time pass every check that needs the concrete value. */
export const isConcrete = (v: unknown): boolean => !Token.isUnresolved(v);
/** `true` unless the value is concrete and differs from `expected` (case-insensitively). */
export const oneOf =
  (...expected: string[]) =>
  (v: unknown): boolean =>
    !isConcrete(v) || (typeof v === 'string' && expected.some((e) => e.toLowerCase() === v.toLowerCase()));

/** Checks several paths of the same input. */
export function paths(checks: readonly PathCheck[]) {
  return (input: RawProps): Finding[] =>
    checks.flatMap((c) => {
      const value = valueAt(input, c.path);
      return value === undefined || !isConcrete(value) || c.ok(value) ? [] : [{ path: c.path, value, allowed: c.allowed, message: c.message }];
    });
}

/** A check that finds a whole resource type unavailable on Hub. */
export function unavailable(type: string, message: string, allowed = 'no such resource on Azure Stack Hub') {
  return (): Finding[] => [{ path: '(resource)', value: type, allowed, message }];
}

/** The managed cluster resources of an ARM template, and a check run on each. */
export const MANAGED_CLUSTERS = 'Microsoft.ContainerService/managedClusters';

/** Wraps a check so that it runs only on ARM managedClusters resources. */
export function onManagedCluster(check: (resource: RawProps) => Finding[]) {
  return (resource: RawProps): Finding[] =>
    typeof resource.type === 'string' && resource.type.toLowerCase() === MANAGED_CLUSTERS.toLowerCase() ? check(resource) : [];
}

/** Runs `check` on each agent pool profile of an ARM managed cluster, with the pool's path. */
export function eachArmPool(resource: RawProps, check: (pool: RawProps, path: string) => Finding[]): Finding[] {
  const pools = valueAt(resource, 'properties.agentPoolProfiles');
  if (!Array.isArray(pools)) return [];
  return pools.flatMap((pool, i) => (pool && typeof pool === 'object' ? check(pool as RawProps, `properties.agentPoolProfiles.${i}`) : []));
}

/** Prefixes the paths of findings. */
export function under(prefix: string, findings: Finding[]): Finding[] {
  return findings.map((f) => ({ ...f, path: `${prefix}.${f.path}` }));
}
