import * as fs from 'node:fs';
import * as path from 'node:path';
import { Fn, TerraformLocal, Testing, TerraformProvider, TerraformResource, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { type Finding, HubAksCluster, HubAksEngineCluster, HubStack, HubValidationError, suppressHubRule } from '../../lib';
import { driftOf } from '../../lib/cli/drift';
import { checkDocuments, checkPlan } from '../../lib/rules/check-documents';
import { hubFindings } from '../../lib/testing';
import { CLIENT_ID, HUB, STAMP, hubSampleApiModel, minimalEngineProps, minimalProps } from '../helpers';
import { type RuleExample, checkProps, renderArmParameters, renderArmTemplate, resolveProps } from './internals';
import { liveQuickstart, quickstartArmFolder } from './live-cluster';
import { planOf } from './plan-fixture';
import { planEngine } from '../../lib/lifecycle/plan';
import { renderApiModel } from '../../lib/render/apimodel';
import { checkEngineProps } from '../../lib/rules/run';

/** The test stamp as HubAksEngineCluster sees it. */
const ENGINE_HUB = { portalUrl: 'https://portal.local.azurestack.external/', identitySystem: 'azure_ad', subscriptionId: '99999999-8888-7777-6666-555555555555' };

/** Deep merge where arrays merge by index, for ARM examples, and `null` removes a key. */
export function merge(base: unknown, patch: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(patch)) return patch.map((p, i) => merge(base[i], p)).concat(base.slice(patch.length));
  if (base && patch && typeof base === 'object' && typeof patch === 'object' && !Array.isArray(base) && !Array.isArray(patch)) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    // A null in an example removes the prop.
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete out[k];
      else out[k] = merge(out[k], v);
    }
    return out;
  }
  return patch;
}

class RawProvider extends TerraformProvider {}

/** Every finding on a stack, read as objects: annotations and validations. */
function stackFindings(stack: HubStack): Finding[] {
  return hubFindings(stack);
}

/** The findings of the HubValidationError `fn` throws; any other error fails the test. */
function caught(fn: () => void): Finding[] {
  try {
    fn();
    return [];
  } catch (e) {
    if (e instanceof HubValidationError) return [...e.violations];
    throw e;
  }
}

const hubStack = (app = Testing.app()) => new HubStack(app, 'aks-hub', { hub: HUB });

/** Every rule id an example produces, however it is checked. */
export function runExample(example: RuleExample): string[] {
  return exampleFindings(example).map((f) => f.ruleId);
}

/** Every finding an example produces, however it is checked. */
export function exampleFindings(example: RuleExample): Finding[] {
  if ('props' in example) return [...checkProps(merge(minimalProps(), example.props), STAMP).findings];
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
    const template = renderArmTemplate(resolveProps('t', minimalProps(), STAMP).model).template;
    const resources = template.resources.map((r) => (r.type === 'Microsoft.ContainerService/managedClusters' ? merge(r, example.arm) : r));
    const parameters = renderArmParameters(renderArmTemplate(resolveProps('t', minimalProps(), STAMP).model));
    return checkDocuments(
      [
        { file: 'azuredeploy.json', kind: 'arm', json: { ...template, resources } },
        { file: 'azuredeploy.parameters.json', kind: 'arm-parameters', json: parameters as never },
      ],
      STAMP,
    );
  }
  if ('clusters' in example) {
    const stack = hubStack();
    const errors = example.clusters.flatMap((props, i) => caught(() => new HubAksCluster(stack, `c${i}`, merge(minimalProps(), props) as never)));
    return [...errors, ...stackFindings(stack)];
  }
  if ('secretVariable' in example) {
    const stack = hubStack();
    const v = new TerraformVariable(stack, 'secret', { type: 'string', ...example.secretVariable });
    new HubAksCluster(stack, 'c', minimalProps({ servicePrincipal: { clientId: CLIENT_ID, clientSecret: v.stringValue } }));
    return stackFindings(stack);
  }
  if ('secretFrom' in example) {
    const stack = hubStack();
    const secrets = {
      local: () => new TerraformLocal(stack, 'sec', 'a-literal-secret').asString,
      function: () => Fn.join('', ['a-literal', '-secret']),
      random_password: () => {
        const r = new TerraformResource(stack, 'pw', { terraformResourceType: 'random_password' });
        r.addOverride('length', 32);
        return r.getStringAttribute('result');
      },
    };
    new HubAksCluster(stack, 'c', minimalProps({ servicePrincipal: { clientId: CLIENT_ID, clientSecret: secrets[example.secretFrom]() } }));
    return stackFindings(stack);
  }
  if ('outsideStack' in example) {
    const app = Testing.app();
    const scope = example.outsideStack ? new Construct(app, 'plain') : hubStack(app);
    return caught(() => new HubAksCluster(scope, 'c', minimalProps()));
  }
  if ('constructPath' in example) {
    const ids = example.constructPath;
    return caught(() => {
      let scope: Construct = new HubStack(Testing.app(), ids[0]!, { hub: HUB });
      for (const id of ids.slice(1, -1)) scope = new Construct(scope, id);
      new HubAksCluster(scope, ids.at(-1)!, minimalProps());
    });
  }
  if ('engine' in example) {
    const stack = hubStack();
    const errors = caught(() => new HubAksEngineCluster(stack, 'c', merge(minimalEngineProps(), example.engine) as never));
    return [...errors, ...stackFindings(stack)];
  }
  if ('apimodel' in example) return checkDocuments([{ file: 'apimodel.json', kind: 'aks-engine', json: merge(hubSampleApiModel(), example.apimodel) as never }], STAMP);
  if ('change' in example) return checkPlan(planOf(example.change.before, example.change.after));
  if ('drift' in example) {
    const dir = quickstartArmFolder();
    const live = path.join(dir, 'live.json');
    fs.writeFileSync(live, JSON.stringify(liveQuickstart(example.drift)));
    return driftOf(live, [dir], STAMP);
  }
  if ('kubeconfig' in example) {
    const stack = hubStack();
    const suppressions = example.kubeconfig === 'suppressed' ? [{ ruleId: 'HUB124', reason: 'plan output and state are private to the platform team' }] : [];
    const cluster = new HubAksCluster(stack, 'c', minimalProps({ suppressions }));
    if (example.kubeconfig !== null) cluster.kubeconfig(example.kubeconfig === 'suppressed' ? 'admin' : example.kubeconfig);
    return stackFindings(stack);
  }
  if ('engineChange' in example) {
    const model = (patch: Readonly<Record<string, unknown>>) => checkEngineProps(merge(minimalEngineProps(), patch), STAMP, ENGINE_HUB).input!.model;
    const [deployed, desired] = [model(example.engineChange.deployed), model(example.engineChange.desired)];
    const spec = { cluster: 'c', vocabulary: 'props', apiModel: 'apimodel.json', state: '.', resourceGroup: desired.resourceGroup.name, location: 'local', identitySystem: 'azure_ad', authMethod: 'client_secret', clientId: CLIENT_ID, sshKeyAtDeploy: false, windowsPasswordAtDeploy: false } as const;
    return [...planEngine({ spec, desired: renderApiModel(desired), deployed: renderApiModel(deployed), deployedOnce: true, deployedGroup: deployed.resourceGroup.name, stamp: STAMP }).findings];
  }
  return caught(() => suppressHubRule(hubStack(), example.suppression.ruleId, example.suppression.reason));
}
