import { CLUSTER_RULES } from './cluster-rules';
import { INPUT_RULES } from './input-rules';
import type { RuleInfo } from './rule';

/** Every rule the library knows, by id. Ids are unique and never reused. */
export const RULES: readonly RuleInfo[] = Object.freeze(
  [...CLUSTER_RULES, ...Object.values(INPUT_RULES)].sort((a, b) => a.id.localeCompare(b.id)),
);

const byId = new Map(RULES.map((r) => [r.id, r]));
if (byId.size !== RULES.length) throw new Error('Duplicate rule id in the Hub rule registry.');

/** The rule with this id, or `undefined`. */
export function findRule(id: string): RuleInfo | undefined {
  return byId.get(id);
}
