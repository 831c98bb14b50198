import { AnnotationMetadataEntryType, Testing } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { HubStack } from '../constructs/hub-stack';
import { FINDING_METADATA, validationFindings } from '../constructs/findings';
import { renderArtifacts } from '../constructs/stack-artifacts';
import type { ArmParametersFile, ArmTemplate } from '../render/arm-types';
import { type Finding, formatFinding } from '../rules/finding';

export type { Finding } from '../rules/finding';

/** A stack's output as plain objects, ready for `toMatchSnapshot()` and explicit assertions. */
export interface HubSynthesis {
  /** `cdk.tf.json` without cdktf's `//` metadata. */
  readonly terraform: Record<string, any>;
  /** Each cluster's ARM files, by cluster path below the stack (the construct id for a direct child). */
  readonly arm: Record<string, { readonly template: ArmTemplate; readonly parameters: ArmParametersFile }>;
  /** Each AKS engine cluster's API model (`apimodel.json`), by cluster path below the stack. */
  readonly engine: Record<string, { readonly apiModel: Record<string, unknown> }>;
}

/** Runs aspects once per stack, so repeated helpers do not repeat findings. */
const prepared = new WeakSet<HubStack>();
function synthOnce(stack: HubStack): string {
  // Aspects first; validations are read as objects below, so their failure is not an exception here.
  const json = Testing.synth(stack, false);
  prepared.add(stack);
  return json;
}

/**
 * Every Hub finding on the stack after the Hub checks ran (the compliance aspect, the clusters'
 * checks and the stack's validations, such as HUB020 over the app), as the objects the rules made.
 */
export function hubFindings(stack: HubStack): Finding[] {
  if (!prepared.has(stack)) synthOnce(stack);
  const all: IConstruct[] = [stack, ...stack.node.findAll()];
  const found: Finding[] = [];
  const seen = new Set<string>();
  const add = (f: Finding, constructPath: string) => {
    const finding = { ...f, location: { ...f.location, constructPath: f.location?.constructPath ?? constructPath } };
    const key = JSON.stringify(finding);
    if (!seen.has(key)) found.push(finding), seen.add(key);
  };
  for (const c of all) {
    for (const m of c.node.metadata) if (m.type === FINDING_METADATA) add(m.data as Finding, c.node.path);
    for (const f of validationFindings(c)) add(f, c.node.path);
  }
  return found;
}

/** Error annotations that are not Hub findings: cdktf's own. */
function otherErrors(stack: HubStack): string[] {
  return [stack, ...stack.node.findAll()].flatMap((c) => {
    const hub = new Set(c.node.metadata.filter((m) => m.type === FINDING_METADATA).map((m) => formatFinding(m.data as Finding)));
    return c.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.ERROR && !hub.has(String(m.data))).map((m) => `${String(m.data)} [${c.node.path}]`);
  });
}

/**
 * Throws when the stack has an error finding, listing every one (each starting with its rule id).
 * Warnings are allowed unless `allowWarnings` is false.
 */
export function assertHubCompliant(stack: HubStack, options: { allowWarnings?: boolean } = {}): void {
  const bad = hubFindings(stack).filter((f) => f.severity === 'error' || options.allowWarnings === false);
  const lines = [...bad.map((f) => `${formatFinding(f)} [${f.location?.constructPath}]`), ...otherErrors(stack)];
  if (lines.length > 0) {
    throw new Error(`Stack '${stack.node.id}' is not Hub-compliant (${lines.length} finding${lines.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
  }
}

/**
 * Synthesizes a stack with validations and returns its Terraform JSON and ARM files as plain
 * objects. Throws, listing the findings, when the stack is not Hub-compliant.
 */
export function synthHub(stack: HubStack): HubSynthesis {
  const json = prepared.has(stack) ? Testing.synth(stack, false) : synthOnce(stack);
  assertHubCompliant(stack);
  const terraform = JSON.parse(json);
  const arm: Record<string, { template: ArmTemplate; parameters: ArmParametersFile }> = {};
  const engine: Record<string, { apiModel: Record<string, unknown> }> = {};
  for (const [file, content] of Object.entries(renderArtifacts(stack))) {
    const e = /^aks-engine\/(.+)\/apimodel\.json$/.exec(file);
    if (e) engine[e[1]!] = { apiModel: JSON.parse(content) };
    const m = /^arm\/(.+)\/azuredeploy(\.parameters)?\.json$/.exec(file);
    if (!m) continue;
    const entry = (arm[m[1]!] ??= {} as { template: ArmTemplate; parameters: ArmParametersFile });
    if (m[2]) entry.parameters = JSON.parse(content);
    else entry.template = JSON.parse(content);
  }
  return { terraform, arm, engine };
}
