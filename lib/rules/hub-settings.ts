import { type HubSettings, HUB_SETTING_RULES, hubSettingsSchema } from '../model/hub-settings';
import { schemaKeysAt, shapeIssues } from '../model/props-schema';
import { type Finding, HubValidationError, MASKED, findingOf } from './finding';
import { INPUT_RULES } from './input-rules';
import { findRule } from './registry';

/** Names that look like a credential: never props, since they would be written to cdk.tf.json. */
const CREDENTIAL = /client|secret|password|tenant|certificate|credential/i;

/**
 * Checks a HubStack's settings with the same schema machinery as cluster props; each setting
 * reports with its own rule. Throws `HubValidationError` with every finding.
 */
export function checkHubSettings(subject: string, hub: unknown): HubSettings {
  if (hub === null || typeof hub !== 'object' || Array.isArray(hub)) {
    throw new HubValidationError(subject, [findingOf(INPUT_RULES.invalidValue, { path: 'hub', value: hub, allowed: '{ armEndpoint, location }', message: 'hub settings are required.' })]);
  }
  const findings: Finding[] = shapeIssues(hubSettingsSchema, hub, (p) => schemaKeysAt(p, hubSettingsSchema)).map((issue) => {
    const key = issue.path.split('.')[0]!;
    const path = `hub.${issue.path}`;
    const value = (hub as Record<string, unknown>)[key];
    if (issue.kind === 'unknown-property' && CREDENTIAL.test(key)) {
      return {
        ...findingOf(INPUT_RULES.unknownProperty, { path, value: undefined, allowed: issue.allowed, message: 'Credentials are never props: they would be written to cdk.tf.json.' }),
        value: MASKED,
        fix: 'Remove it and set ARM_CLIENT_ID, ARM_CLIENT_SECRET and ARM_TENANT_ID in the environment of cdktf deploy.',
      };
    }
    const rule = issue.kind === 'unknown-property' ? INPUT_RULES.unknownProperty : findRule(issue.ruleId ?? HUB_SETTING_RULES[key] ?? 'HUB100')!;
    return findingOf(rule, { path, value, allowed: issue.allowed, message: issue.kind === 'unknown-property' ? `Unknown hub setting '${key}'.` : issue.message });
  });
  if (findings.length > 0) throw new HubValidationError(subject, findings);
  return hub as HubSettings;
}
