import type { Finding, RuleInfo } from './rule';
import { MASKED, type Violation, showValue } from './violation';

/** Property paths whose values are secrets and are masked in every message. */
export const SECRET_PATHS: readonly string[] = ['servicePrincipal.clientSecret', 'windowsProfile.adminPassword'];

/** A rule's finding as a violation: the rule's id, severity and fix, the value shown (or masked). */
export function violationOf(rule: RuleInfo, f: Finding): Violation {
  const secret = f.secret === true || SECRET_PATHS.includes(f.path);
  return {
    ruleId: rule.id,
    severity: rule.severity,
    path: f.path,
    value: secret && f.value !== undefined ? MASKED : showValue(f.value),
    allowed: f.allowed,
    message: f.message,
    fix: f.fix ?? rule.fix,
  };
}
