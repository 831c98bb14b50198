import type { ArmResourceRef } from '../import/from-arm';
import type { ClusterInput, FindingLocation } from '../import/cluster-input';
import type { WrongType } from '../import/field-reader';
import { type EngineInput, sharedClusterInput } from '../import/engine-input';
import { importEngineProps } from '../import/from-engine-props';
import { importProps } from '../import/from-props';
import type { ShapeIssue } from '../model/props-schema';
import type { TerraformElement } from '../import/terraform-json';
import type { ClusterModel } from '../model/cluster-model';
import type { EngineClusterModel } from '../model/engine-model';
import type { StampProfile } from '../profile/stamp';
import { type Finding, HubValidationError, findingOf } from './finding';
import { INPUT_RULES } from './input-rules';
import { SHARED_ENGINE_PROPS_RULE_IDS, SHARED_ENGINE_RULE_IDS } from './catalog';
import { CHECKED_RULES } from './registry';
import type { ClusterChange, HubRule, ResourceCheck, RuleHit } from './rule';
import { textOrder } from './order';

/** Props objects that hold a secret field. */
const SECRET_HOLDERS = new Set(['servicePrincipal', 'windowsProfile']);

/** A hit whose value one of the inputs marks sensitive, as a secret: checked, never shown. */
const hiding = (hit: RuleHit, sensitive: ((path: string) => boolean) | undefined): RuleHit => (!hit.secret && sensitive?.(hit.path) ? { ...hit, secret: true } : hit);

const active = (suppressed: ReadonlySet<string>): HubRule[] => CHECKED_RULES.filter((r) => !(r.suppressible && suppressed.has(r.id)));

/** HUB123 for each value of another JSON type than its field takes; the checks read those as unknown. */
function wrongTypeFindings(wrong: readonly WrongType[] | undefined, location: FindingLocation | undefined): Finding[] {
  return (wrong ?? []).map((w) =>
    findingOf(INPUT_RULES.wrongType, { path: w.path, value: w.value, allowed: w.expected, message: `The value is ${Array.isArray(w.value) ? 'a list' : w.value === null ? 'null' : `of type ${typeof w.value}`}; the service that reads it refuses the file.` }, undefined, location),
  );
}

/** Every rule on one cluster, whichever input it was read from. */
export function clusterFindings(input: ClusterInput, stamp: StampProfile, suppressed: ReadonlySet<string> = new Set()): Finding[] {
  const ctx = { stamp, name: (f: string) => input.pathOf(f), vocabulary: input.vocabulary };
  const found = [
    ...active(suppressed).flatMap((rule) => (rule.check?.(input.model, ctx) ?? []).map((hit) => findingOf(rule, hiding(hit, input.sensitive), ctx.name, input.location))),
    ...wrongTypeFindings(input.wrongTypes, input.location),
  ];
  return input.onlyUnder === undefined ? found : found.filter((f) => f.path === input.onlyUnder || f.path.startsWith(`${input.onlyUnder}.`));
}

/** The checks for a Terraform type: exact keys, and keys ending in `*` as prefixes. */
function checksFor(rule: HubRule, type: string): ResourceCheck[] {
  return Object.entries(rule.resources ?? {})
    .filter(([key]) => (key.endsWith('*') ? type.startsWith(key.slice(0, -1)) : key === type))
    .map(([, check]) => check);
}

/** The rules with checks for each Terraform type, worked out once per type: every element asks. */
const typeChecks = new Map<string, readonly (readonly [HubRule, readonly ResourceCheck[]])[]>();
function rulesFor(type: string): readonly (readonly [HubRule, readonly ResourceCheck[]])[] {
  let found = typeChecks.get(type);
  if (!found) {
    found = CHECKED_RULES.map((rule) => [rule, checksFor(rule, type)] as const).filter(([, checks]) => checks.length > 0);
    typeChecks.set(type, found);
  }
  return found;
}

/** Whether any rule looks at this Terraform type by itself. */
export function hasTypeRules(type: string): boolean {
  return rulesFor(type).length > 0;
}

/** The rules that look at a Terraform resource, data source or provider by its type. */
export function elementFindings(element: TerraformElement, suppressed: ReadonlySet<string> = new Set(), file?: string): Finding[] {
  const location: FindingLocation = { ...(file && { file }), address: element.address, ...(element.constructPath && { constructPath: element.constructPath }) };
  return rulesFor(element.type)
    .filter(([rule]) => !(rule.suppressible && suppressed.has(rule.id)))
    .flatMap(([rule, checks]) => checks.flatMap((check) => check(element.attributes).map((hit) => findingOf(rule, hit, undefined, location))));
}

/** The rules that look at an ARM resource by its type (a child `agentPools`, …). */
export function armResourceFindings(ref: ArmResourceRef, location?: FindingLocation): Finding[] {
  return CHECKED_RULES.flatMap((rule) => {
    const message = rule.armResources?.[ref.type.toLowerCase()];
    return message ? [findingOf(rule, { path: `${ref.path}.type`, value: ref.type, allowed: 'no such resource on Azure Stack Hub', message }, undefined, location)] : [];
  });
}

/**
 * The rules on a planned change of one cluster; paths in the words of the input after (or before)
 * it. A value either side marks sensitive is not shown on either side.
 */
export function changeFindings(change: ClusterChange, input: ClusterInput, stamp: StampProfile, before?: ClusterInput): Finding[] {
  const fields = new Map<string, string>();
  const name = (f: string) => {
    const p = input.pathOf(f);
    fields.set(p, f);
    return p;
  };
  const sensitive = (p: string) => {
    const field = fields.get(p);
    return input.sensitive?.(p) === true || (field !== undefined && before?.sensitive?.(before.pathOf(field)) === true);
  };
  const ctx = { stamp, name, vocabulary: input.vocabulary };
  return CHECKED_RULES.flatMap((rule) => (rule.checkChange?.(change, ctx) ?? []).map((hit) => findingOf(rule, hiding(hit, sensitive), ctx.name, input.location)));
}

/** Where the live cluster differs from the one the code describes; paths in the code's words. */
export function driftFindings(code: ClusterInput, live: ClusterModel, stamp: StampProfile): Finding[] {
  const ctx = { stamp, name: (f: string) => code.pathOf(f), vocabulary: code.vocabulary };
  return CHECKED_RULES.flatMap((rule) => (rule.checkDrift?.(code.model, live, ctx) ?? []).map((hit) => findingOf(rule, hit, ctx.name, code.location)));
}

/** Result of checking one cluster's props. */
export interface PropsCheck {
  /** The cluster model, when the props have the right shape. */
  readonly model?: ClusterModel;
  /** Every finding, errors and warnings, in a stable order. */
  readonly findings: readonly Finding[];
}

/**
 * Checks `HubAksClusterProps` against every rule and applies the Hub defaults. Collects every
 * finding instead of stopping at the first. `suppressed` names rules silenced with a reason.
 */
export function checkProps(props: unknown, stamp: StampProfile, suppressed: ReadonlySet<string> = new Set()): PropsCheck {
  const imported = importProps(props, stamp);
  const rules = active(suppressed);
  const findings: Finding[] = rules.flatMap((rule) => (rule.checkProps?.(imported.props) ?? []).map((hit) => findingOf(rule, hit)));
  const shape = imported.shape.map((s) => shapeFinding(s, imported.props, props));
  if (!imported.input) return { findings: shape };
  findings.push(...clusterFindings(imported.input, stamp, suppressed), ...shape);
  return shape.length > 0 ? { findings } : { model: imported.input.model, findings };
}

/** A shape issue of props as a HUB100 or HUB101 finding; an unknown key beside a secret is masked. */
function shapeFinding(s: ShapeIssue, checked: Readonly<Record<string, unknown>>, props: unknown): Finding {
  return findingOf(s.kind === 'unknown-property' ? INPUT_RULES.unknownProperty : INPUT_RULES.invalidValue, {
    path: s.path,
    value: s.path === '(props)' ? props : valueOfPath(checked, s.path),
    allowed: s.allowed,
    message: s.message,
    ...(s.suggestion && { fix: `Rename '${s.path.split('.').at(-1)}' to '${s.suggestion}'.` }),
    // An unknown key beside a secret may be a misspelt secret: never show its value.
    ...(s.kind === 'unknown-property' && SECRET_HOLDERS.has(s.path.split('.').slice(0, -1).join('.')) && { secret: true }),
  });
}

function valueOfPath(root: unknown, path: string): unknown {
  let cur = root;
  for (const key of path.split('.')) cur = cur !== null && typeof cur === 'object' && Object.prototype.hasOwnProperty.call(cur, key) ? (cur as Record<string, unknown>)[key] : undefined;
  return cur;
}

/** Like `checkProps`, but throws `HubValidationError` when any error is found. */
export function resolveProps(subject: string, props: unknown, stamp: StampProfile, suppressed?: ReadonlySet<string>): { model: ClusterModel; findings: readonly Finding[] } {
  const result = checkProps(props, stamp, suppressed);
  const errors = result.findings.filter((v) => v.severity === 'error');
  if (errors.length > 0 || !result.model) throw new HubValidationError(subject, errors);
  return { model: result.model, findings: result.findings };
}

/**
 * Every rule on one AKS engine cluster: the engine's own (HUB5xx), and the rules it shares with an
 * AKS cluster on its shared settings, with paths in the input's words.
 */
export function engineFindings(input: EngineInput, stamp: StampProfile, suppressed: ReadonlySet<string> = new Set()): Finding[] {
  const ctx = { stamp, name: (f: string) => input.pathOf(f), vocabulary: input.vocabulary };
  const rules = active(suppressed);
  const own = rules.flatMap((rule) => (rule.checkEngine?.(input.model, ctx) ?? []).map((hit) => findingOf(rule, hit, ctx.name, input.location)));
  const shared = sharedClusterInput(input, stamp);
  const sharedCtx = { stamp, name: (f: string) => shared.pathOf(f), vocabulary: shared.vocabulary };
  const common = rules
    .filter((rule) => SHARED_ENGINE_RULE_IDS.includes(rule.id))
    .flatMap((rule) => (rule.check?.(shared.model, sharedCtx) ?? []).map((hit) => findingOf(rule, hit, sharedCtx.name, input.location)));
  return [...own, ...common, ...wrongTypeFindings(input.wrongTypes, input.location)].sort((a, b) => textOrder(a.ruleId, b.ruleId));
}

/**
 * The rules on a change of a deployed AKS engine cluster: the model in its state folder against the
 * code's, with paths in the words of the code's input.
 */
export function engineChangeFindings(deployed: EngineClusterModel, desired: EngineInput, stamp: StampProfile): Finding[] {
  const ctx = { stamp, name: (f: string) => desired.pathOf(f), vocabulary: desired.vocabulary };
  return active(new Set())
    .flatMap((rule) => (rule.checkEngineChange?.({ deployed, desired: desired.model }, ctx) ?? []).map((hit) => findingOf(rule, hit, ctx.name, desired.location)))
    .sort((a, b) => textOrder(a.ruleId, b.ruleId));
}

/** Result of checking `HubAksEngineClusterProps`. */
export interface EnginePropsCheck {
  readonly input?: EngineInput;
  readonly findings: readonly Finding[];
}

/**
 * Checks `HubAksEngineClusterProps`: their shape, the props checks both clusters share, and every
 * engine rule. A value that must be in the API model but is known only at deploy time is HUB117.
 */
export function checkEngineProps(props: unknown, stamp: StampProfile, hub: Parameters<typeof importEngineProps>[2], suppressed: ReadonlySet<string> = new Set()): EnginePropsCheck {
  const imported = importEngineProps(props, stamp, hub);
  const rules = active(suppressed);
  const findings: Finding[] = rules
    .filter((rule) => SHARED_ENGINE_PROPS_RULE_IDS.includes(rule.id))
    .flatMap((rule) => (rule.checkProps?.(imported.props) ?? []).map((hit) => findingOf(rule, hit)));
  findings.push(...imported.shape.map((s) => shapeFinding(s, imported.props, props)));
  if (!imported.input) return { findings };
  // A value of the wrong shape is read as unknown; its HUB100 says all there is to say.
  const broken = new Set(imported.shape.map((s) => s.path));
  findings.push(...engineFindings(imported.input, stamp, suppressed).filter((f) => !broken.has(f.path)));
  return { input: imported.input, findings };
}
