import type { IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';
import { holdsClusters, importTerraformElements } from '../import/documents';
import type { StampProfile } from '../profile/stamp';
import { armResourceFindings, clusterFindings, elementFindings, hasTypeRules } from '../rules/run';
import { suppressedRuleIds } from '../rules/suppressions';
import { annotate } from './findings';
import { isClusterDeployment } from './subscription-nodes';
import { elementOf, isTerraformElement } from './terraform-element';

/**
 * Checks every resource, data source and provider a HubStack holds, including those a user adds
 * by hand: azurerm clusters and hand-written ARM templates go through the same cluster model and
 * rules as HubAksCluster props; other resources are checked by type. Matches on the Terraform type
 * and the synthesized attributes, so it imports no provider. Each finding is recorded on the
 * construct; errors fail `app.synth()`.
 */
export class HubComplianceAspect implements IAspect {
  constructor(private readonly stamp: StampProfile) {}

  public visit(node: IConstruct): void {
    // Most of a Hub stack is the library's own resources, which no rule looks at by type.
    if (!isTerraformElement(node)) return;
    const type = node.terraformResourceType;
    if (!hasTypeRules(type) && (isClusterDeployment(node) || !holdsClusters(type))) return;
    const element = elementOf(node);
    const suppressed = suppressedRuleIds(node);
    const findings = elementFindings(element, suppressed);
    // A HubAksCluster's own deployment was checked, with its props' names, when it was built.
    if (!isClusterDeployment(node)) {
      const imported = importTerraformElements([element], this.stamp);
      for (const { input } of imported.clusters) findings.push(...clusterFindings(input, this.stamp, suppressed));
      for (const { ref, address } of imported.armResources) findings.push(...armResourceFindings(ref, { address }).filter((f) => !suppressed.has(f.ruleId)));
    }
    for (const f of findings) annotate(node, f);
  }
}
