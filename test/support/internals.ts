// The library's internals that tests reach into, in one place.
export { renderArmTemplate, renderArmParameters, armParametersLeftOut } from '../../lib/render/arm-template';
export * from '../../lib/profile';
export { checkProps, resolveProps, clusterFindings } from '../../lib/rules/run';
export { RULE_DEFINITIONS, CHECKED_RULES, ruleDefinition } from '../../lib/rules/registry';
export type { RuleExample } from '../../lib/rules/rule';
export { RULE_EXAMPLES } from '../../lib/rules/rule-examples';
export { ENGINE_PROP_DEFAULTS, PROP_DEFAULTS } from '../../lib/model/defaults';
