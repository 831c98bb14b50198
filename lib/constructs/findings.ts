import { Annotations } from 'cdktf';
import type { IConstruct } from 'constructs';
import { type Finding, formatFinding } from '../rules/finding';

/** The metadata type each finding is recorded under, as the object itself. */
export const FINDING_METADATA = 'cdktf-aks-hub/finding';

/**
 * Records a finding on a construct: as an object in its metadata, for tools and the testing
 * helpers, and as a cdktf annotation (error or warning) with its one-line text, for people.
 * Error annotations fail `cdktf synth`.
 */
export function annotate(node: IConstruct, finding: Finding): void {
  node.node.addMetadata(FINDING_METADATA, finding);
  if (finding.severity === 'error') Annotations.of(node).addError(formatFinding(finding));
  else Annotations.of(node).addWarning(formatFinding(finding));
}

const validations = new WeakMap<IConstruct, (() => Finding[])[]>();

/**
 * Adds a validation that reports findings, which can only be known once the whole app is built
 * (the nodes of every stack in a subscription, the variables a secret names). cdktf gets the
 * error lines; `validationFindings` gives the objects.
 */
export function addFindingValidation(node: IConstruct, findings: () => Finding[]): void {
  validations.set(node, [...(validations.get(node) ?? []), findings]);
  node.node.addValidation({ validate: () => findings().filter((f) => f.severity === 'error').map(formatFinding) });
}

/** What the finding validations of `node` report now. */
export function validationFindings(node: IConstruct): Finding[] {
  return (validations.get(node) ?? []).flatMap((f) => f());
}
