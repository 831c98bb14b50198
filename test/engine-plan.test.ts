import { describe, expect, it } from 'vitest';
import type { HubAksEngineClusterProps } from '../lib/model/engine-props';
import { type PlanInput, planEngine } from '../lib/lifecycle/plan';
import type { EngineSpec } from '../lib/lifecycle/spec';
import { renderApiModel } from '../lib/render/apimodel';
import { checkEngineProps } from '../lib/rules/run';
import { CLIENT_ID, STAMP, minimalEngineProps } from './helpers';

// What `aks-hub engine apply` would run to bring a deployed cluster to the code: the planner on
// its own, on API models rendered from props.

const HUB = { identitySystem: 'azure_ad', portalUrl: 'https://portal.local.azurestack.external/', subscriptionId: '99999999-8888-7777-6666-555555555555' };
const apiModel = (props: Partial<HubAksEngineClusterProps> = {}): Record<string, unknown> => renderApiModel(checkEngineProps(minimalEngineProps(props), STAMP, HUB).input!.model) as Record<string, unknown>;
const SPEC: EngineSpec = { cluster: 'c', vocabulary: 'props', apiModel: 'apimodel.json', state: '.', resourceGroup: 'engine-rg', location: 'local', identitySystem: 'azure_ad', authMethod: 'client_secret', clientId: CLIENT_ID, sshKeyAtDeploy: false, windowsPasswordAtDeploy: false } as EngineSpec;
const plan = (desired: Partial<HubAksEngineClusterProps>, deployed?: Partial<HubAksEngineClusterProps>, more: Partial<PlanInput> = {}) =>
  planEngine({ spec: SPEC, desired: apiModel(desired), ...(deployed && { deployed: apiModel(deployed) }), deployedOnce: deployed !== undefined, stamp: STAMP, ...more });
const POOL = { name: 'linuxpool', count: 3, vmSize: 'Standard_DS2_v2' };

describe('the engine plan', () => {
  it('deploys a cluster that has no state yet', () => {
    expect(plan({})).toEqual({ steps: [{ kind: 'deploy', retry: false }], findings: [] });
  });

  it('runs nothing, and says why, when the code breaks an engine rule', () => {
    const p = plan({ controlPlane: { count: 2 as never } }, {});
    expect(p.steps).toEqual([]);
    expect(p.findings.map((f) => [f.ruleId, f.path, f.location])).toEqual([['HUB501', 'controlPlane.count', { file: 'apimodel.json' }]]);
  });

  it('has nothing to do when the state is the code, and redeploys over a deploy that failed', () => {
    expect(plan({}, {})).toEqual({ steps: [], findings: [] });
    expect(plan({}, {}, { deployedOnce: false })).toEqual({ steps: [{ kind: 'deploy', retry: true }], findings: [] });
  });

  it('scales down, upgrades, then scales up, then adds new pools', () => {
    const before = { kubernetesVersion: '1.33.10', agentPools: [{ ...POOL, name: 'a', count: 5 }, { ...POOL, name: 'b', count: 2 }] };
    const after = { kubernetesVersion: '1.34.4', agentPools: [{ ...POOL, name: 'a', count: 3 }, { ...POOL, name: 'b', count: 4 }, { ...POOL, name: 'c', count: 1 }] };
    const p = plan(after, before);
    expect(p.findings).toEqual([]);
    expect(p.steps.map((s) => ({ ...s, ...('profile' in s && { profile: { name: s.profile.name, count: s.profile.count } }) }))).toEqual([
      { kind: 'scale', pool: 'a', from: 5, to: 3 },
      { kind: 'upgrade', from: '1.33.10', to: '1.34.4', resized: [] },
      { kind: 'scale', pool: 'b', from: 2, to: 4 },
      { kind: 'addpool', pool: 'c', profile: { name: 'c', count: 1 } },
    ]);
  });

  it('matches pools by name whatever its case, and scales the deployed one by its own name', () => {
    const p = planEngine({ spec: SPEC, desired: apiModel({ agentPools: [{ ...POOL, count: 4 }] }), deployed: renameFirstPool(apiModel({ agentPools: [{ ...POOL, count: 3 }] }), 'LinuxPool'), deployedOnce: true, stamp: STAMP });
    expect(p.steps).toEqual([{ kind: 'scale', pool: 'LinuxPool', from: 3, to: 4 }]);
  });

  it('writes a new control-plane or pool size into the model before an upgrade, at the deployed pool\'s place', () => {
    const before = { kubernetesVersion: '1.33.10', agentPools: [{ ...POOL, name: 'x' }, { ...POOL, name: 'y', osDiskSizeGb: 128 }] };
    const after = { kubernetesVersion: '1.34.4', controlPlane: { vmSize: 'Standard_DS3_v2' }, agentPools: [{ ...POOL, name: 'y', osDiskSizeGb: 256 }, { ...POOL, name: 'x', vmSize: 'Standard_DS3_v2' }] };
    const [upgrade] = plan(after, before).steps;
    expect(upgrade).toEqual({
      kind: 'upgrade',
      from: '1.33.10',
      to: '1.34.4',
      resized: [
        { field: 'controlPlane.vmSize', jsonPath: ['properties', 'masterProfile', 'vmSize'], value: 'Standard_DS3_v2' },
        { field: 'agentPools.1.vmSize', jsonPath: ['properties', 'agentPoolProfiles', 0, 'vmSize'], value: 'Standard_DS3_v2' },
        { field: 'agentPools.0.osDiskSizeGb', jsonPath: ['properties', 'agentPoolProfiles', 1, 'osDiskSizeGB'], value: 256 },
      ],
    });
  });

  it('keeps a deployed size the code leaves unset through an upgrade', () => {
    const before = { kubernetesVersion: '1.33.10', controlPlane: { osDiskSizeGb: 128 }, agentPools: [{ ...POOL, osDiskSizeGb: 128 }] };
    const [upgrade] = plan({ kubernetesVersion: '1.34.4', agentPools: [POOL] }, before).steps;
    expect(upgrade).toEqual({ kind: 'upgrade', from: '1.33.10', to: '1.34.4', resized: [] });
  });

  it('plans despite a warning about the code, and does not repeat it', () => {
    const p = plan({ controlPlane: { count: 1 } });
    expect(p).toEqual({ steps: [{ kind: 'deploy', retry: false }], findings: [] });
  });

  it('refuses, and runs nothing for, a change aks-engine cannot make', () => {
    const p = plan({ kubernetesVersion: '1.33.10' }, { kubernetesVersion: '1.34.4' });
    expect(p.steps).toEqual([]);
    expect(p.findings.map((f) => [f.ruleId, f.path])).toEqual([['HUB520', 'kubernetesVersion']]);
    // Nothing else is planned beside a refused change: not the scale that comes with the downgrade.
    const both = plan({ kubernetesVersion: '1.33.10', agentPools: [{ ...POOL, count: 5 }] }, { kubernetesVersion: '1.34.4', agentPools: [POOL] });
    expect([both.steps, both.findings.map((f) => f.ruleId)]).toEqual([[], ['HUB520']]);
    // A resize without an upgrade is refused; with one, it is written before the upgrade.
    expect(plan({ agentPools: [{ ...POOL, vmSize: 'Standard_DS3_v2' }] }, {}).findings.map((f) => f.ruleId)).toEqual(['HUB524']);
  });

  it('compares the resource group the state was deployed into', () => {
    const moved = plan({}, {}, { deployedGroup: 'old-rg' });
    expect(moved.steps).toEqual([]);
    expect(moved.findings.map((f) => [f.ruleId, f.path])).toEqual([['HUB522', 'resourceGroupName']]);
    expect(plan({}, {}, { deployedGroup: 'engine-rg' }).findings).toEqual([]);
  });

  it('names fields in the API model\'s own words for a model written by hand', () => {
    const p = planEngine({ spec: { ...SPEC, vocabulary: 'aks-engine' } as EngineSpec, desired: apiModel({ controlPlane: { count: 2 as never } }), deployedOnce: false, stamp: STAMP });
    expect(p.findings.map((f) => f.path)).toEqual(['properties.masterProfile.count']);
  });
});

function renameFirstPool(model: Record<string, unknown>, name: string): Record<string, unknown> {
  const properties = model.properties as { agentPoolProfiles: Record<string, unknown>[] };
  return { ...model, properties: { ...properties, agentPoolProfiles: [{ ...properties.agentPoolProfiles[0], name }, ...properties.agentPoolProfiles.slice(1)] } };
}
