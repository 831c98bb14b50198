import { Token } from 'cdktf';
import type { StampProfile } from '../profile/stamp';
import { HUB_RULES } from './catalog';
import type { Finding, HubRule, RawProps, ResourceCheck } from './rule';

/** A finding of one rule on one raw resource or ARM resource. */
export interface RuleFinding extends Finding {
  readonly rule: HubRule;
}

/** The checks for a Terraform type: exact keys, and keys ending in `*` as prefixes. */
function checksFor(rule: HubRule, type: string): ResourceCheck[] {
  return Object.entries(rule.resources ?? {})
    .filter(([key]) => (key.endsWith('*') ? type.startsWith(key.slice(0, -1)) : key === type))
    .map(([, check]) => check);
}

/** Runs every rule on a raw Terraform resource, data source or provider (attributes as synthesized). */
export function checkTerraformResource(type: string, attributes: RawProps, stamp: StampProfile, rules: readonly HubRule[] = HUB_RULES): RuleFinding[] {
  return rules.flatMap((rule) => checksFor(rule, type).flatMap((check) => check(attributes, stamp).map((f) => ({ ...f, rule }))));
}

/** Runs every rule on each resource of an ARM template (nested templates included). */
export function checkArmTemplate(template: unknown, stamp: StampProfile, rules: readonly HubRule[] = HUB_RULES, at = 'resources'): RuleFinding[] {
  const resources = template && typeof template === 'object' ? (template as RawProps).resources : undefined;
  if (!Array.isArray(resources)) return [];
  return resources.flatMap((r, i) => {
    if (!r || typeof r !== 'object') return [];
    const here = `${at}.${i}`;
    const own = rules.flatMap((rule) => (rule.checkArm?.(r as RawProps, stamp) ?? []).map((f) => ({ ...f, path: `${here}.${f.path}`, rule })));
    const nested = (r as { properties?: { template?: unknown } }).properties?.template;
    return [...own, ...(nested ? checkArmTemplate(nested, stamp, rules, `${here}.properties.template.resources`) : [])];
  });
}

/**
 * Checks the template of an `azurestack_template_deployment`, with paths under `template_body`. A
 * body known only at deploy time (a token or a Terraform expression), or one that is not JSON, is
 * left to Terraform.
 */
export function checkTemplateBody(body: unknown, stamp: StampProfile): RuleFinding[] {
  if (typeof body !== 'string' || Token.isUnresolved(body) || body.includes('${')) return [];
  let template: unknown;
  try {
    template = JSON.parse(body);
  } catch {
    return [];
  }
  return checkArmTemplate(template, stamp).map((f) => ({ ...f, path: `template_body.${f.path}` }));
}
