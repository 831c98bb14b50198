// The library's internals that tests reach into, in one place.
export { renderArmTemplate, renderArmParameters, armParametersLeftOut } from '../../lib/render/arm-template';
export * from '../../lib/profile';
export { checkProps, resolveProps, clusterFindings } from '../../lib/rules/run';
export { RULE_DEFINITIONS, ruleDefinition } from '../../lib/rules/registry';
export { HUB_RULES } from '../../lib/rules/catalog';
export type { RuleExample } from '../../lib/rules/rule';
export { PROP_DEFAULTS } from '../../lib/model/defaults';
