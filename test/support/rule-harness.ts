import { Testing, TerraformProvider, TerraformResource, TerraformVariable } from 'cdktf';
import { Construct, type IConstruct } from 'constructs';
import { HubAksCluster, HubStack, type RuleExample, renderArmTemplate, resolveClusterSpec } from '../../lib';
import { checkArmTemplate } from '../../lib/rules/raw-checks';
import { suppressHubRule } from '../../lib/rules/suppressions';
import { checkCluster } from '../../lib/rules/validate-cluster';
import { HUB, STAMP, minimalProps } from '../helpers';

const ids = (text: string): string[] => text.match(/HUB\d{3}/g) ?? [];

/** Deep merge where arrays merge by index, for ARM examples. */
export function merge(base: unknown, patch: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(patch)) return patch.map((p, i) => merge(base[i], p)).concat(base.slice(patch.length));
  if (base && patch && typeof base === 'object' && typeof patch === 'object' && !Array.isArray(base) && !Array.isArray(patch)) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(patch)) out[k] = merge(out[k], v);
    return out;
  }
  return patch;
}

class RawProvider extends TerraformProvider {}

/** Rule ids in the error and warning annotations of a stack, after aspects and validations ran. */
function stackFindings(stack: HubStack): string[] {
  const found: string[] = [];
  try {
    Testing.synth(stack, true);
  } catch (e) {
    found.push(...ids(String((e as Error).message)));
  }
  const all: IConstruct[] = [stack, ...stack.node.findAll()];
  for (const c of all) for (const m of c.node.metadata) if (/@cdktf\/(error|warn)/.test(m.type)) found.push(...ids(String(m.data)));
  return found;
}

function caught(fn: () => void): string[] {
  try {
    fn();
    return [];
  } catch (e) {
    return ids(String((e as Error).message));
  }
}

const hubStack = (app = Testing.app()) => new HubStack(app, 'aks-hub', { hub: HUB });

/** Every rule id an example produces, however it is checked. */
export function runExample(example: RuleExample): string[] {
  if ('props' in example) return checkCluster(merge(minimalProps(), example.props), STAMP).violations.map((v) => v.ruleId);
  if ('hub' in example) return caught(() => new HubStack(Testing.app(), 's', { hub: { ...HUB, ...example.hub } as never }));
  if ('resource' in example) {
    const stack = hubStack();
    const r = new TerraformResource(stack, 'raw', { terraformResourceType: example.resource.type });
    for (const [k, v] of Object.entries(example.resource.attributes)) r.addOverride(k, v);
    return stackFindings(stack);
  }
  if ('provider' in example) {
    const stack = hubStack();
    new RawProvider(stack, 'raw', { terraformResourceType: example.provider });
    return stackFindings(stack);
  }
  if ('arm' in example) {
    const template = renderArmTemplate(resolveClusterSpec('t', minimalProps(), STAMP).spec).template;
    const resources = template.resources.map((r) => (r.type === 'Microsoft.ContainerService/managedClusters' ? merge(r, example.arm) : r));
    return checkArmTemplate({ ...template, resources }, STAMP).map((f) => f.rule.id);
  }
  if ('clusters' in example) {
    const stack = hubStack();
    const errors = example.clusters.flatMap((props, i) => caught(() => new HubAksCluster(stack, `c${i}`, merge(minimalProps(), props) as never)));
    return [...errors, ...stackFindings(stack)];
  }
  if ('secretVariable' in example) {
    const stack = hubStack();
    const v = new TerraformVariable(stack, 'secret', { type: 'string', ...example.secretVariable });
    new HubAksCluster(stack, 'c', minimalProps({ servicePrincipal: { clientId: 'app', clientSecret: v.stringValue } }));
    return stackFindings(stack);
  }
  if ('outsideStack' in example) {
    const app = Testing.app();
    const scope = example.outsideStack ? new Construct(app, 'plain') : hubStack(app);
    return caught(() => new HubAksCluster(scope, 'c', minimalProps()));
  }
  return caught(() => suppressHubRule(hubStack(), example.suppression.ruleId, example.suppression.reason));
}
