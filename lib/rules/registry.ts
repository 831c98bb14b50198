import { HUB_RULES } from './catalog';
import { INPUT_RULES } from './input-rules';
import type { HubRule, RuleInfo } from './rule';

/** Every rule the library knows, in id order. Ids are unique and never reused. */
export const RULES: readonly (RuleInfo & Partial<HubRule>)[] = Object.freeze(
  [...HUB_RULES, ...Object.values(INPUT_RULES)].sort((a, b) => a.id.localeCompare(b.id)),
);

const byId = new Map(RULES.map((r) => [r.id, r]));
if (byId.size !== RULES.length) throw new Error('Duplicate rule id in the Hub rule registry.');

/** The rule with this id, or `undefined`. */
export function findRule(id: string): (RuleInfo & Partial<HubRule>) | undefined {
  return byId.get(id);
}
