import { RULE_CHECKS, SHARED_ENGINE_RULE_IDS } from './catalog';
import type { HubRule, RuleInfo } from './rule';
import { RULE_TEXTS, ruleTexts } from './rule-texts';
import { textOrder } from './order';

const checksById = new Map(RULE_CHECKS.map((c) => [c.id, c]));
if (checksById.size !== RULE_CHECKS.length) throw new Error('Two check sets for one rule id.');
for (const id of checksById.keys()) ruleTexts(id);

/** Every rule the library defines: its texts and examples (catalog/texts.json) with its checks, in id order. */
export const RULE_DEFINITIONS: readonly HubRule[] = Object.freeze(
  [...RULE_TEXTS.values()].map((texts): HubRule => ({ ...checksById.get(texts.id), ...texts })).sort((a, b) => textOrder(a.id, b.id)),
);

/** The rules that check something themselves, in id order. */
export const CHECKED_RULES: readonly HubRule[] = RULE_DEFINITIONS.filter((r) => checksById.has(r.id));

/** Every rule the library knows, in id order: the read-only catalog. Ids are unique and never reused. */
export const RULES: readonly RuleInfo[] = Object.freeze(
  RULE_DEFINITIONS.map((r): RuleInfo => Object.freeze({ id: r.id, title: r.title, severity: r.severity, source: r.source, why: r.why, fix: r.fix, suppressible: r.suppressible })),
);

const byId = new Map(RULE_DEFINITIONS.map((r) => [r.id, r]));
const infoById = new Map(RULES.map((r) => [r.id, r]));

/** The rule with this id, or `undefined`. */
export function findRule(id: string): RuleInfo | undefined {
  return infoById.get(id);
}

/** The rule with this id and its checks, or `undefined`. */
export function ruleDefinition(id: string): HubRule | undefined {
  return byId.get(id);
}

/** What a rule looks at, in words: for `aks-hub explain` and docs/rules.md. */
export function ruleChecks(rule: Partial<HubRule>): string[] {
  return [
    rule.check ? 'every cluster: HubAksCluster props, azurerm_kubernetes_cluster, ARM managedClusters (also in template deployments and plans)' : rule.checkProps ? 'HubAksCluster props' : undefined,
    rule.resources ? `Terraform resources (${Object.keys(rule.resources).map((t) => `\`${t}\``).join(', ')})` : undefined,
    rule.armResources ? `ARM resources (${Object.keys(rule.armResources).map((t) => `\`${t}\``).join(', ')})` : undefined,
    rule.checkEngine || (rule.id && SHARED_ENGINE_RULE_IDS.includes(rule.id)) ? 'AKS engine clusters: HubAksEngineCluster props and API models' : undefined,
  ].filter((x): x is string => x !== undefined);
}
