import type { EngineInput } from '../import/engine-input';
import { importApiModel } from '../import/from-apimodel';
import type { EngineClusterModel } from '../model/engine-model';
import type { StampProfile } from '../profile/stamp';
import { upgrades } from '../rules/catalog/engine-changes';
import type { Finding } from '../rules/finding';
import { engineChangeFindings, engineFindings } from '../rules/run';
import type { EngineSpec } from './spec';

/** One aks-engine-azurestack command the plan runs, in order. */
export type EngineStep =
  /** `retry`: deploy failed before; redeploy the model it wrote (same certificates) over its output. */
  | { readonly kind: 'deploy'; readonly retry: boolean }
  | { readonly kind: 'scale'; readonly pool: string; readonly from: number; readonly to: number }
  /** `resized`: fields whose new value the upgrade writes into the model first, so the new VMs take it. */
  | { readonly kind: 'upgrade'; readonly from: string; readonly to: string; readonly resized: readonly { readonly field: string; readonly jsonPath: readonly (string | number)[]; readonly value: unknown }[] }
  /** `profile`: the pool as the code's API model has it, the file addpool reads. */
  | { readonly kind: 'addpool'; readonly pool: string; readonly profile: Readonly<Record<string, unknown>> };

/** What `aks-hub engine apply` would do: nothing at all when `findings` holds an error. */
export interface EnginePlan {
  readonly steps: readonly EngineStep[];
  /** Every refusal: the code's own errors (HUB5xx) and the refused changes (HUB520-HUB524). */
  readonly findings: readonly Finding[];
}

/** What the plan is made from. */
export interface PlanInput {
  readonly spec: EngineSpec;
  /** The code's API model, as synth wrote it. */
  readonly desired: Record<string, unknown>;
  /** The state folder's `_output/apimodel.json`, if deploy wrote one. */
  readonly deployed?: Record<string, unknown>;
  /** Whether deploy has succeeded into this state folder. */
  readonly deployedOnce: boolean;
  /** The group and subscription the state was deployed with. */
  readonly deployedGroup?: string;
  readonly stamp: StampProfile;
}

/** The code's model with the group it names; paths in the words of the code's input. */
function desiredInput(input: PlanInput): EngineInput {
  const imported = importApiModel(input.desired, { file: input.spec.apiModel });
  const model: EngineClusterModel = { ...imported.model, resourceGroup: { name: input.spec.resourceGroup, owned: true } };
  return input.spec.vocabulary === 'props' ? { ...imported, model, vocabulary: 'props', pathOf: (f) => f } : { ...imported, model };
}

/** The pools of a JSON API model, by lower-case name. */
function jsonPools(model: Record<string, unknown>): Map<string, Record<string, unknown>> {
  const pools = ((model.properties as Record<string, unknown> | undefined)?.agentPoolProfiles ?? []) as Record<string, unknown>[];
  return new Map(pools.map((p) => [String(p.name).toLowerCase(), p]));
}

/**
 * Plans the aks-engine-azurestack commands that make the deployed cluster match the code, judged
 * against the state's model, never the previous synth. Order: scale-downs (fewer VMs to upgrade),
 * the upgrade, scale-ups, then new pools, which take the cluster's version from the model
 * (`docs/topics/addpool.md:45-48`).
 */
export function planEngine(input: PlanInput): EnginePlan {
  const desired = desiredInput(input);
  const own = engineFindings(desired, input.stamp).filter((f) => f.severity === 'error');
  if (own.length > 0) return { steps: [], findings: own };
  if (!input.deployed) return { steps: [{ kind: 'deploy', retry: false }], findings: [] };

  const deployedModel: EngineClusterModel = { ...importApiModel(input.deployed).model, resourceGroup: { name: input.deployedGroup ?? input.spec.resourceGroup, owned: true } };
  const findings = engineChangeFindings(deployedModel, desired, input.stamp);
  if (findings.some((f) => f.severity === 'error')) return { steps: [], findings };

  const after = desired.model;
  const steps: EngineStep[] = input.deployedOnce ? [] : [{ kind: 'deploy', retry: true }];
  const down: EngineStep[] = [];
  const up: EngineStep[] = [];
  for (const p of after.agentPools) {
    const before = deployedModel.agentPools.find((d) => d.name.toLowerCase() === p.name.toLowerCase());
    if (!before) continue;
    const step = { kind: 'scale' as const, pool: before.name, from: before.count, to: p.count };
    if (p.count < before.count) down.push(step);
    else if (p.count > before.count) up.push(step);
  }
  steps.push(...down);
  if (upgrades({ deployed: deployedModel, desired: after })) {
    const resized: { field: string; jsonPath: (string | number)[]; value: unknown }[] = [];
    for (const k of ['vmSize', 'osDiskSizeGb'] as const) {
      const json = k === 'vmSize' ? 'vmSize' : 'osDiskSizeGB';
      if (after.controlPlane[k] !== undefined && after.controlPlane[k] !== deployedModel.controlPlane[k]) resized.push({ field: `controlPlane.${k}`, jsonPath: ['properties', 'masterProfile', json], value: after.controlPlane[k] });
      deployedModel.agentPools.forEach((d, i) => {
        const p = after.agentPools.find((a) => a.name.toLowerCase() === d.name.toLowerCase());
        if (p && p[k] !== undefined && p[k] !== d[k]) resized.push({ field: `agentPools.${after.agentPools.indexOf(p)}.${k}`, jsonPath: ['properties', 'agentPoolProfiles', i, json], value: p[k] });
      });
    }
    steps.push({ kind: 'upgrade', from: deployedModel.kubernetesVersion, to: after.kubernetesVersion, resized });
  }
  steps.push(...up);
  const deployedPools = jsonPools(input.deployed);
  for (const [name, profile] of jsonPools(input.desired)) if (!deployedPools.has(name)) steps.push({ kind: 'addpool', pool: String(profile.name), profile });
  return { steps, findings };
}
