import examples from './catalog/examples.json';
import type { RuleExamples } from './rule';

/**
 * Each rule's examples, from catalog/examples.json: what the test suite runs against the rule. Not
 * loaded by the library itself, so an app never carries them.
 */
export const RULE_EXAMPLES: ReadonlyMap<string, RuleExamples> = new Map(
  Object.entries(examples as unknown as Record<string, RuleExamples | string>).filter((e): e is [string, RuleExamples] => typeof e[1] !== 'string'),
);
