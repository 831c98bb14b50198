import type { IConstruct } from 'constructs';
import type { RuleSuppression } from '../model/props';
import { INPUT_RULES } from './input-rules';
import { findRule } from './registry';
import { type Finding, HubValidationError, findingOf } from './finding';

export type { RuleSuppression };

/** A suppression and the construct it was declared on. */
export interface RecordedSuppression extends RuleSuppression {
  /** Construct path the suppression applies to. */
  readonly path: string;
}

const MIN_REASON = 10;
const declared = new WeakMap<IConstruct, RuleSuppression[]>();

/** Problems with a suppression: unknown rule, hard platform limit, or a reason too short. */
export function suppressionProblems(given: unknown, where: string): Finding[] {
  const meta = INPUT_RULES.suppression;
  const v = (message: string, allowed: string, value: unknown): Finding => findingOf(meta, { path: where, value, allowed, message });
  if (given === null || typeof given !== 'object' || typeof (given as { ruleId?: unknown }).ruleId !== 'string') {
    return [v('A suppression names a rule and gives a reason.', "{ ruleId: 'HUB016', reason: '…' }", given)];
  }
  const s = given as RuleSuppression;
  const rule = findRule(s.ruleId);
  if (!rule) return [v(`No rule ${s.ruleId} exists.`, 'a rule id from docs/rules.md', s.ruleId)];
  const found: Finding[] = [];
  if (!rule.suppressible)
    found.push(v(`${rule.id} (${rule.title}) is a hard platform limit and cannot be suppressed: the Hub rejects the deployment anyway.`, 'a suppressible rule', s.ruleId));
  if (typeof s.reason !== 'string' || s.reason.trim().length < MIN_REASON)
    found.push(v(`A suppression of ${s.ruleId} needs a reason of at least ${MIN_REASON} characters.`, `a reason of ${MIN_REASON}+ characters`, s.reason));
  return found;
}

/**
 * Silences a suppressible rule for `scope` and everything below it. Throws `HubValidationError`
 * (HUB116) for an unknown rule, a hard platform limit, or a reason under 10 characters. Declare it
 * before creating the constructs it should cover; it is recorded in the stack's synthesized metadata.
 */
export function suppressHubRule(scope: IConstruct, ruleId: string, reason: string): void {
  const problems = suppressionProblems({ ruleId, reason }, `suppressions of '${scope.node.path || '(app)'}'`);
  if (problems.length > 0) throw new HubValidationError(`Suppression of ${ruleId}`, problems);
  const list = declared.get(scope) ?? [];
  list.push({ ruleId, reason: reason.trim() });
  declared.set(scope, list);
}

/** The ids suppressed for `scope`: its own suppressions and its ancestors'. */
export function suppressedRuleIds(scope: IConstruct): Set<string> {
  const ids = new Set<string>();
  for (const c of scope.node.scopes) for (const s of declared.get(c) ?? []) ids.add(s.ruleId);
  return ids;
}

/** Every suppression declared at or below `root`, in construct order, for the audit trail. */
export function recordedSuppressions(root: IConstruct): RecordedSuppression[] {
  const out: RecordedSuppression[] = [];
  for (const c of [...root.node.scopes.slice(0, -1), ...root.node.findAll()]) {
    for (const s of declared.get(c) ?? []) out.push({ path: c.node.path, ...s });
  }
  return out;
}
