import { AnnotationMetadataEntryType, Testing } from 'cdktf';
import type { HubStack } from '../constructs/hub-stack';
import type { ArmParametersFile, ArmTemplate } from '../arm/template';

/** A stack's output as plain objects, ready for `toMatchSnapshot()` and explicit assertions. */
export interface HubSynthesis {
  /** `cdk.tf.json` without cdktf's `//` metadata. */
  readonly terraform: Record<string, any>;
  /** Each cluster's ARM files, by cluster path below the stack (the construct id for a direct child). */
  readonly arm: Record<string, { readonly template: ArmTemplate; readonly parameters: ArmParametersFile }>;
}

/** One finding on a stack: an error or warning annotation of a Hub rule or of cdktf. */
export interface HubFinding {
  /** The rule id, or `undefined` for a message that is not a Hub rule's. */
  readonly ruleId?: string;
  readonly severity: 'error' | 'warning';
  /** Construct path the finding is on. */
  readonly constructPath: string;
  /** The whole message, starting with the rule id. */
  readonly message: string;
}

/** Runs aspects and validations once per stack, so repeated helpers do not repeat findings. */
const prepared = new WeakSet<HubStack>();
function synthOnce(stack: HubStack): string {
  const json = Testing.synth(stack, true);
  prepared.add(stack);
  return json;
}

/**
 * Every error and warning on the stack after the Hub checks ran (the compliance aspect and the
 * stack's validations). Validation failures (such as HUB020 over the app) are findings too.
 */
export function hubFindings(stack: HubStack): HubFinding[] {
  const found: HubFinding[] = [];
  if (!prepared.has(stack)) {
    try {
      synthOnce(stack);
    } catch (e) {
      for (const line of String((e as Error).message).split('\n')) {
        const m = /(HUB\d{3}) .*/.exec(line);
        if (m) found.push({ ruleId: m[1], severity: 'error', constructPath: stack.node.path, message: m[0] });
      }
    }
  }
  const seen = new Set<string>();
  for (const c of [stack, ...stack.node.findAll()]) {
    for (const m of c.node.metadata) {
      const severity = m.type === AnnotationMetadataEntryType.ERROR ? 'error' : m.type === AnnotationMetadataEntryType.WARN ? 'warning' : undefined;
      if (!severity) continue;
      const message = String(m.data);
      const key = `${c.node.path}|${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ ...(/^HUB\d{3}/.test(message) && { ruleId: message.slice(0, 6) }), severity, constructPath: c.node.path, message });
    }
  }
  return found;
}

/**
 * Throws when the stack has an error finding, listing every one (each starting with its rule id).
 * Warnings are allowed unless `allowWarnings` is false.
 */
export function assertHubCompliant(stack: HubStack, options: { allowWarnings?: boolean } = {}): void {
  const bad = hubFindings(stack).filter((f) => f.severity === 'error' || options.allowWarnings === false);
  if (bad.length > 0) {
    throw new Error(`Stack '${stack.node.id}' is not Hub-compliant (${bad.length} finding${bad.length === 1 ? '' : 's'}):\n${bad.map((f) => `${f.message} [${f.constructPath}]`).join('\n')}`);
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
  for (const [file, content] of Object.entries(stack.renderArtifacts())) {
    const m = /^arm\/(.+)\/azuredeploy(\.parameters)?\.json$/.exec(file);
    if (!m) continue;
    const entry = (arm[m[1]!] ??= {} as { template: ArmTemplate; parameters: ArmParametersFile });
    if (m[2]) entry.parameters = JSON.parse(content);
    else entry.template = JSON.parse(content);
  }
  return { terraform, arm };
}
