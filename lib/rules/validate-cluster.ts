import type { z } from 'zod';
import type { StampProfile } from '../profile/stamp';
import { type ClusterSpec, toClusterSpec } from '../spec/cluster-spec';
import { clusterPropsSchema, schemaKeysAt } from '../spec/schema';
import { HUB_RULES } from './catalog';
import { INPUT_RULES } from './input-rules';
import { type RawProps, valueAt } from './rule';
import { HubValidationError, type Violation } from './violation';
import { violationOf } from './violation-of';

export { SECRET_PATHS } from './violation-of';

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function shapeViolations(props: unknown, issues: readonly z.core.$ZodIssue[]): Violation[] {
  return issues.flatMap((issue) => {
    const at = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = schemaKeysAt(issue.path) ?? [];
      return issue.keys.map((key) => {
        const near = keys.filter((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
        return violationOf(INPUT_RULES.unknownProperty, {
          path: at ? `${at}.${key}` : key,
          value: valueAt(props, at ? `${at}.${key}` : key),
          allowed: keys.length ? keys.join(', ') : 'no other properties',
          message: near.length ? `Unknown property '${key}'; did you mean '${near[0]}'?` : `Unknown property '${key}'.`,
          ...(near.length ? { fix: `Rename '${key}' to '${near[0]}'.` } : {}),
        });
      });
    }
    const expected = 'expected' in issue ? String(issue.expected) : undefined;
    const options = 'values' in issue && Array.isArray(issue.values) ? issue.values.map((v) => JSON.stringify(v)).join(', ') : undefined;
    return [
      violationOf(INPUT_RULES.invalidValue, {
        path: at || '(props)',
        value: at ? valueAt(props, at) : props,
        allowed: options ?? (expected ? `a value of type ${expected}` : issue.message),
        message: issue.message.replace(/^Invalid input: /, 'Invalid value: ') + '.',
      }),
    ];
  });
}

/**
 * A copy of plain objects and arrays without the properties set to `undefined`, so that
 * `{ ...defaults, x: undefined }` means "not set" everywhere. Other objects are kept as they are.
 */
function withoutUndefined(value: unknown, depth = 0): unknown {
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => withoutUndefined(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) Object.defineProperty(out, k, { value: withoutUndefined(v, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Result of checking one cluster's props. */
export interface ClusterCheck {
  /** The spec, when the props have the right shape. */
  readonly spec?: ClusterSpec;
  /** Every violation found, errors and warnings. */
  readonly violations: readonly Violation[];
}

/**
 * Checks props against every cluster rule and applies the Hub defaults. Collects every violation
 * instead of stopping at the first. `suppressed` names rules silenced with a reason.
 */
export function checkCluster(props: unknown, stamp: StampProfile, suppressed: ReadonlySet<string> = new Set()): ClusterCheck {
  if (props === null || typeof props !== 'object' || Array.isArray(props)) {
    return {
      violations: [
        violationOf(INPUT_RULES.invalidValue, { path: '(props)', value: props, allowed: 'an object of HubAksClusterProps', message: 'Props must be an object.' }),
      ],
    };
  }
  const raw = withoutUndefined(props) as RawProps;
  const active = HUB_RULES.filter((r) => !(r.suppressible && suppressed.has(r.id)));
  const found: Violation[] = [];
  for (const rule of active) for (const f of rule.checkProps?.(raw, stamp) ?? []) found.push(violationOf(rule, f));

  const parsed = clusterPropsSchema.safeParse(raw);
  if (!parsed.success) return { violations: [...found, ...shapeViolations(raw, parsed.error.issues)] };

  const spec = toClusterSpec(parsed.data, stamp);
  for (const rule of active) for (const f of rule.checkSpec?.(spec, stamp) ?? []) found.push(violationOf(rule, f));
  return { spec, violations: found };
}

/** Like `checkCluster`, but throws `HubValidationError` when any error is found. */
export function resolveClusterSpec(subject: string, props: unknown, stamp: StampProfile, suppressed?: ReadonlySet<string>): ClusterCheck & { spec: ClusterSpec } {
  const result = checkCluster(props, stamp, suppressed);
  const errors = result.violations.filter((v) => v.severity === 'error');
  if (errors.length > 0 || !result.spec) throw new HubValidationError(subject, errors);
  return result as ClusterCheck & { spec: ClusterSpec };
}
