import { Annotations, type IAspect, TerraformDataSource, TerraformProvider, TerraformResource } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { StampProfile } from '../profile/stamp';
import { type RuleFinding, checkTemplateBody, checkTerraformResource } from '../rules/raw-checks';
import { suppressedRuleIds } from '../rules/suppressions';
import { MASKED, formatViolation, showValue } from '../rules/violation';

type Element = TerraformResource | TerraformDataSource | TerraformProvider;

/** The Terraform type and synthesized attributes of a resource, data source or provider. */
function describe(element: Element): { type: string; address: string; attributes: Record<string, unknown> } {
  const tf = element.toTerraform() as Record<string, Record<string, unknown>>;
  const type = element.terraformResourceType;
  if (element instanceof TerraformProvider) {
    const config = (tf.provider?.[type] as unknown[] | undefined)?.[0];
    return { type, address: `provider.${type}`, attributes: (config ?? {}) as Record<string, unknown> };
  }
  const block = element instanceof TerraformDataSource ? tf.data : tf.resource;
  const byId = (block?.[type] ?? {}) as Record<string, Record<string, unknown>>;
  const [id, attributes] = Object.entries(byId)[0] ?? [element.friendlyUniqueId, {}];
  return { type, address: `${element instanceof TerraformDataSource ? 'data.' : ''}${type}.${id}`, attributes };
}

/**
 * Checks every resource, data source and provider a HubStack holds, including those a user adds
 * by hand: azurerm resources, azurestack resources with Hub-invalid settings, and hand-written ARM
 * templates in `azurestack_template_deployment`. Matches on the Terraform type and the synthesized
 * attributes, so it imports no provider. Findings become error (or warning) annotations, each
 * starting with its rule id; errors fail `app.synth()`.
 */
export class HubComplianceAspect implements IAspect {
  constructor(private readonly stamp: StampProfile) {}

  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource || node instanceof TerraformDataSource || node instanceof TerraformProvider)) return;
    const { type, address, attributes } = describe(node);
    const findings: RuleFinding[] = checkTerraformResource(type, attributes, this.stamp);
    if (type === 'azurestack_template_deployment') findings.push(...checkTemplateBody(attributes.template_body, this.stamp));
    if (findings.length === 0) return;

    const suppressed = suppressedRuleIds(node);
    for (const f of findings) {
      if (f.rule.suppressible && suppressed.has(f.rule.id)) continue;
      const text = formatViolation({
        ruleId: f.rule.id,
        severity: f.rule.severity,
        path: f.path === '(resource)' ? address : `${address}.${f.path}`,
        value: f.secret ? MASKED : showValue(f.value),
        allowed: f.allowed,
        message: f.message,
        fix: f.fix ?? f.rule.fix,
      });
      if (f.rule.severity === 'error') Annotations.of(node).addError(text);
      else Annotations.of(node).addWarning(text);
    }
  }
}
