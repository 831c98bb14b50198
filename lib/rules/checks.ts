import { Token } from 'cdktf';
import type { AzureOnlyFeature, ClusterModel } from '../model/cluster-model';
import type { CheckContext, RuleHit } from './rule';

/** Values only known at deploy time pass every check that needs the concrete value. */
export const isConcrete = (v: unknown): boolean => !Token.isUnresolved(v);

/** `true` unless the value is concrete and differs from `expected` (case-insensitively). */
export const oneOf =
  (...expected: string[]) =>
  (v: unknown): boolean =>
    !isConcrete(v) || (typeof v === 'string' && expected.some((e) => e.toLowerCase() === v.toLowerCase()));

/** A string known at synth time. */
export const text = (v: unknown): v is string => typeof v === 'string' && isConcrete(v);

/** What leaving a setting off looks like, from the value the input wrote. */
function offValue(value: unknown): string {
  return typeof value === 'boolean' ? 'false or not set' : Array.isArray(value) ? 'not set (or empty)' : 'not set';
}

/** Hits for every Azure-only setting of `feature` the model holds. */
export function azureOnly(model: ClusterModel, feature: AzureOnlyFeature, message: string | ((path: string) => string)): RuleHit[] {
  return model.azureOnly
    .filter((s) => s.feature === feature)
    .map((s) => ({ path: s.path, value: s.value, allowed: offValue(s.value), message: typeof message === 'string' ? message : message(s.path) }));
}

/** A hit on a model field when its value is concrete and `ok` refuses it. */
export function field(ctx: CheckContext, name: string, value: unknown, ok: (v: unknown) => boolean, allowed: string, message: string): RuleHit[] {
  return value === undefined || !isConcrete(value) || ok(value) ? [] : [{ path: ctx.name(name), value, allowed, message }];
}

/** A check that finds a whole resource type unavailable on Hub. */
export function unavailable(type: string, message: string, allowed = 'no such resource on Azure Stack Hub') {
  return (): RuleHit[] => [{ path: '(resource)', value: type, allowed, message }];
}
