import { ruleTexts } from './rule-texts';

/**
 * Rules reported by the validation pipeline itself (shape checks, stack settings) rather than by
 * a check function of their own. Their texts are in catalog/texts.json with the others.
 */
export const INPUT_RULES = Object.freeze({
  invalidValue: ruleTexts('HUB100'),
  unknownProperty: ruleTexts('HUB101'),
  armEndpoint: ruleTexts('HUB110'),
  location: ruleTexts('HUB111'),
  apiProfile: ruleTexts('HUB112'),
  outsideHubStack: ruleTexts('HUB113'),
  identitySystem: ruleTexts('HUB114'),
  secretVariable: ruleTexts('HUB115'),
  suppression: ruleTexts('HUB116'),
  constructId: ruleTexts('HUB121'),
  duplicateName: ruleTexts('HUB122'),
  wrongType: ruleTexts('HUB123'),
  kubeconfigOutputs: ruleTexts('HUB124'),
});
