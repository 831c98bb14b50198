import { HUB_RULES } from './catalog';
import { INPUT_RULES } from './input-rules';
import type { HubRule, RuleDefinition, RuleInfo } from './rule';

/** Every rule the library defines, with its checks, in id order. */
export const RULE_DEFINITIONS: readonly (RuleDefinition & Partial<HubRule>)[] = Object.freeze(
  [...HUB_RULES, ...Object.values(INPUT_RULES)].sort((a, b) => a.id.localeCompare(b.id)),
);

/** Every rule the library knows, in id order: the read-only catalog. Ids are unique and never reused. */
export const RULES: readonly RuleInfo[] = Object.freeze(
  RULE_DEFINITIONS.map((r): RuleInfo => Object.freeze({ id: r.id, title: r.title, severity: r.severity, source: r.source, why: r.why, fix: r.fix, suppressible: r.suppressible })),
);

const byId = new Map(RULE_DEFINITIONS.map((r) => [r.id, r]));
if (byId.size !== RULE_DEFINITIONS.length) throw new Error('Duplicate rule id in the Hub rule registry.');
const infoById = new Map(RULES.map((r) => [r.id, r]));

/** The rule with this id, or `undefined`. */
export function findRule(id: string): RuleInfo | undefined {
  return infoById.get(id);
}

/** The rule with this id and its checks, or `undefined`. */
export function ruleDefinition(id: string): (RuleDefinition & Partial<HubRule>) | undefined {
  return byId.get(id);
}

/** What a rule looks at, in words: for `aks-hub explain` and docs/rules.md. */
export function ruleChecks(rule: Partial<HubRule>): string[] {
  return [
    rule.check ? 'every cluster: HubAksCluster props, azurerm_kubernetes_cluster, ARM managedClusters (also in template deployments and plans)' : rule.checkProps ? 'HubAksCluster props' : undefined,
    rule.resources ? `Terraform resources (${Object.keys(rule.resources).map((t) => `\`${t}\``).join(', ')})` : undefined,
    rule.armResources ? `ARM resources (${Object.keys(rule.armResources).map((t) => `\`${t}\``).join(', ')})` : undefined,
  ].filter((x): x is string => x !== undefined);
}
