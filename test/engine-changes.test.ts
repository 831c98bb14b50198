import { describe, expect, it } from 'vitest';
import type { EngineClusterModel } from '../lib/model/engine-model';
import type { HubAksEngineClusterProps } from '../lib/model/engine-props';
import { compareVersions, engineVersion, releaseForMinor, upgrades } from '../lib/rules/catalog/engine-changes';
import type { CheckContext } from '../lib/rules/rule';
import { ruleDefinition } from '../lib/rules/registry';
import { checkEngineProps } from '../lib/rules/run';
import { STAMP, minimalEngineProps } from './helpers';

// The changes aks-engine-azurestack cannot make to a deployed cluster (HUB520-HUB524), called on
// two engine models, with the texts users read.

const ctx: CheckContext = { stamp: STAMP, name: (f) => `<${f}>`, vocabulary: 'props' };
const HUB = { identitySystem: 'azure_ad', portalUrl: 'https://portal.local.azurestack.external/', subscriptionId: '99999999-8888-7777-6666-555555555555' };
const model = (props: Partial<HubAksEngineClusterProps> = {}): EngineClusterModel => checkEngineProps(minimalEngineProps(props), STAMP, HUB).input!.model;
const check = (id: string, deployed: EngineClusterModel, desired: EngineClusterModel) => ruleDefinition(id)!.checkEngineChange!({ deployed, desired }, ctx);
const FIXED = (why: string) => `No aks-engine-azurestack command changes this after deploy: ${why}.`;

describe('versions', () => {
  it('reads a.b.c, and nothing else', () => {
    expect(engineVersion('1.33.10')).toEqual([1, 33, 10]);
    expect(engineVersion('10.0.1')).toEqual([10, 0, 1]);
    for (const bad of ['1.33', 'v1.33.10', '1.33.10-beta', ' 1.33.10', '1.33.x', '']) expect(engineVersion(bad), bad).toBeUndefined();
  });

  it('orders by major, then minor, then patch', () => {
    expect(compareVersions([1, 33, 10], [1, 33, 10])).toBe(0);
    expect(compareVersions([1, 33, 10], [1, 34, 0])).toBe(-1);
    expect(compareVersions([1, 34, 0], [1, 33, 10])).toBe(1);
    expect(compareVersions([1, 33, 9], [1, 33, 10])).toBe(-1);
    expect(compareVersions([2, 0, 0], [1, 99, 99])).toBe(1);
  });

  it('names the newest release and version of a minor from the table', () => {
    expect(releaseForMinor(32)).toEqual({ release: 'v0.84.2', version: '1.32.9' });
    expect(releaseForMinor(33)).toEqual({ release: 'v0.85.0', version: '1.33.10' });
    expect(releaseForMinor(31)).toEqual({ release: 'v0.84.2', version: '1.31.13' });
    expect(releaseForMinor(30)).toEqual({ release: 'v0.83.1', version: '1.30.14' });
    expect(releaseForMinor(29)).toEqual({ release: 'v0.82.2', version: '1.29.15' });
    expect(releaseForMinor(28)).toBeUndefined();
  });

  it('calls a later version an upgrade, and nothing else', () => {
    expect(upgrades({ deployed: model(), desired: model({ kubernetesVersion: '1.34.4' }) })).toBe(true);
    expect(upgrades({ deployed: model(), desired: model() })).toBe(false);
    expect(upgrades({ deployed: model({ kubernetesVersion: '1.34.4' }), desired: model() })).toBe(false);
    expect(upgrades({ deployed: { ...model(), kubernetesVersion: 'x' }, desired: model() })).toBe(false);
    expect(upgrades({ deployed: model(), desired: { ...model(), kubernetesVersion: 'x' } })).toBe(false);
  });
});

describe('HUB520: downgrade', () => {
  it('refuses a lower version with its text, and nothing else', () => {
    expect(check('HUB520', model({ kubernetesVersion: '1.34.4' }), model())).toEqual([
      {
        path: '<kubernetesVersion>',
        value: '1.33.10',
        change: { before: '1.34.4', after: '1.33.10' },
        allowed: '1.34.4 or a later version',
        message: 'aks-engine-azurestack upgrades only to a later version; a downgrade needs --force, which re-images every node and is not supported.',
      },
    ]);
    expect(check('HUB520', model(), model())).toEqual([]);
    expect(check('HUB520', model(), model({ kubernetesVersion: '1.34.4' }))).toEqual([]);
    expect(check('HUB520', { ...model(), kubernetesVersion: 'x' }, model())).toEqual([]);
  });
});

describe('HUB521: skipped minor version', () => {
  it('refuses a jump over a minor version, naming the release that creates the one between', () => {
    const [hit] = check('HUB521', model(), model({ kubernetesVersion: '1.35.0' }));
    expect(hit).toEqual({
      path: '<kubernetesVersion>',
      value: '1.35.0',
      change: { before: '1.33.10', after: '1.35.0' },
      allowed: '1.33.x or 1.34.x',
      message: 'The change skips Kubernetes 1.34. aks-engine-azurestack v0.85.0 would allow it (pkg/api/orchestrators.go:182-205), but it breaks the Kubernetes version-skew policy.',
      fix: "Upgrade one minor version at a time. First run aks-engine-azurestack v0.85.0, which creates 1.34.4: 'aks-engine-azurestack upgrade --upgrade-version 1.34.4' on the state folder's _output/apimodel.json, with the flags 'aks-hub engine plan' prints; then set {kubernetesVersion} to the next minor version and apply again.",
    });
    // From 1.31, the version between is v0.84.2's 1.32.9.
    const from31 = check('HUB521', { ...model(), kubernetesVersion: '1.31.13' }, model());
    expect(from31[0]!.fix).toContain('aks-engine-azurestack v0.84.2, which creates 1.32.9');
    expect(from31[0]!.allowed).toBe('1.31.x or 1.32.x');
  });

  it('has no release to name below the table, and passes the next minor, a patch and a downgrade', () => {
    const [hit] = check('HUB521', { ...model(), kubernetesVersion: '1.27.3' }, model());
    expect(hit).not.toHaveProperty('fix');
    expect(check('HUB521', model(), model({ kubernetesVersion: '1.34.4' }))).toEqual([]);
    expect(check('HUB521', { ...model(), kubernetesVersion: '1.33.5' }, model())).toEqual([]);
    expect(check('HUB521', model({ kubernetesVersion: '1.35.0' }), model())).toEqual([]);
    expect(check('HUB521', { ...model(), kubernetesVersion: '1.35.0' }, { ...model(), kubernetesVersion: '2.0.0' })).toHaveLength(1);
    expect(check('HUB521', model(), { ...model(), kubernetesVersion: 'x' })).toEqual([]);
    // A downgrade across majors or minors is HUB520's, not a skip; the same version is no change.
    for (const [from, to] of [['2.0.0', '1.5.0'], ['1.35.0', '1.33.10'], ['1.33.10', '1.33.10']]) expect(check('HUB521', { ...model(), kubernetesVersion: from! }, { ...model(), kubernetesVersion: to! }), `${from} → ${to}`).toEqual([]);
  });
});

describe('HUB522: settings fixed at deploy', () => {
  it('refuses each, one finding each, with why', () => {
    const hits = check('HUB522', model(), model({ controlPlane: { count: 5 }, dnsPrefix: 'other', network: { plugin: 'kubenet' } }));
    expect(hits.map((h) => h.path)).toEqual(['<controlPlane.count>', '<dnsPrefix>', '<network.plugin>']);
    expect(hits[0]).toEqual({
      path: '<controlPlane.count>',
      value: 5,
      change: { before: 3, after: 5 },
      allowed: 'the value the cluster was deployed with',
      message: FIXED('scale reaches agent pools only, and upgrade.md says "DO NOT CHANGE the number of VMs in your control plane"'),
    });
    expect(hits[1]!.message).toBe(FIXED("the cluster's id and its VM names derive from it (pkg/api/types.go:1058-1070)"));
    expect(hits[2]!.message).toBe(FIXED('upgrade.md: "changes to the VNET, Load Balancer, and other network-related configuration are not supported"'));
  });

  it('covers the group, the location, the ranges, the VNET, the distro and the admin users', () => {
    const deployed = model();
    const desired: EngineClusterModel = {
      ...deployed,
      location: 'other',
      resourceGroup: { name: 'other-rg', owned: true },
      controlPlane: { ...deployed.controlPlane, distro: 'ubuntu-22.04', availabilityProfile: 'VirtualMachineScaleSets', firstConsecutiveStaticIp: '10.0.0.1' },
      network: { ...deployed.network, policy: 'azure', serviceCidr: '10.9.0.0/16', dnsServiceIp: '10.9.0.10', dockerBridgeCidr: '172.18.0.1/16', podCidr: '10.250.0.0/16', subnet: { kind: 'existing', subnetId: '/subscriptions/s/x' } },
      linuxProfile: { ...deployed.linuxProfile!, adminUsername: 'someone' },
    };
    const withPod = { ...deployed, network: { ...deployed.network, podCidr: '10.244.0.0/16', policy: 'calico' } };
    expect(check('HUB522', withPod, desired).map((h) => h.path)).toEqual([
      // No static IP was deployed: a value on one side only is not a change.
      '<controlPlane.availabilityProfile>',
      '<controlPlane.distro>',
      '<location>',
      '<resourceGroupName>',
      '<network.policy>',
      '<network.serviceCidr>',
      '<network.dnsServiceIp>',
      '<network.dockerBridgeCidr>',
      '<network.podCidr>',
      '<network.vnet>',
      '<linuxProfile.adminUsername>',
    ]);
    const STATIC = { ...withPod, controlPlane: { ...withPod.controlPlane, firstConsecutiveStaticIp: '10.0.0.9' } };
    // Each with the reason users read.
    expect(check('HUB522', STATIC, desired).map((h) => [h.path, h.message])).toEqual([
      ['<controlPlane.firstConsecutiveStaticIp>', FIXED('upgrade.md says "DO NOT CHANGE" firstConsecutiveStaticIP')],
      ['<controlPlane.availabilityProfile>', FIXED('the VMs stay in the availability set deploy made')],
      ['<controlPlane.distro>', FIXED('upgrade keeps or forces the distro; no command switches it')],
      ['<location>', FIXED("every command's --location must equal the model's (cmd/upgrade.go:362-366)")],
      ['<resourceGroupName>', FIXED('scale and upgrade find the VMs in the group deploy used')],
      ['<network.policy>', FIXED('upgrade.md: network-related configuration cannot change')],
      ['<network.serviceCidr>', FIXED('upgrade.md: network-related configuration cannot change')],
      ['<network.dnsServiceIp>', FIXED('upgrade.md: network-related configuration cannot change')],
      ['<network.dockerBridgeCidr>', FIXED('upgrade.md: network-related configuration cannot change')],
      ['<network.podCidr>', FIXED('upgrade.md: network-related configuration cannot change')],
      ['<network.vnet>', FIXED('upgrade.md: the VNET cannot change')],
      ['<linuxProfile.adminUsername>', FIXED('the VMs were made with it, and get-logs logs in with it')],
    ]);
    // Another existing subnet is another VNET setting; a policy set where none was is not known to differ.
    const inSubnet = (subnetId: string): EngineClusterModel => ({ ...deployed, network: { ...deployed.network, subnet: { kind: 'existing', subnetId } } });
    expect(check('HUB522', inSubnet('/subscriptions/s/a'), inSubnet('/subscriptions/s/b')).map((h) => [h.path, h.change])).toEqual([['<network.vnet>', { before: '/subscriptions/s/a', after: '/subscriptions/s/b' }]]);
    expect(check('HUB522', { ...deployed, network: { ...deployed.network, policy: undefined } }, { ...deployed, network: { ...deployed.network, policy: 'azure' } })).toEqual([]);
    // A model without a Linux profile has no admin to compare.
    expect(check('HUB522', { ...deployed, linuxProfile: undefined }, deployed)).toEqual([]);
    const win = (name: string): EngineClusterModel => ({ ...deployed, windowsProfile: { adminUsername: name } });
    expect(check('HUB522', win('a'), win('b')).map((h) => [h.path, h.message])).toEqual([['<windowsProfile.adminUsername>', FIXED('the Windows VMs were made with it')]]);
  });

  it('refuses a pool\'s OS, distro and availability profile, by the pool\'s place in the code', () => {
    const deployed = model({ agentPools: [{ name: 'linuxpool' }, { name: 'batch' }] });
    const desired = { ...deployed, agentPools: [deployed.agentPools[1]!, { ...deployed.agentPools[0]!, distro: 'ubuntu-22.04', osType: 'Windows', availabilityProfile: 'VirtualMachineScaleSets' }] };
    expect(check('HUB522', deployed, desired).map((h) => [h.path, h.message])).toEqual([
      ['<agentPools.1.osType>', FIXED('a pool keeps the OS of its VMs')],
      ['<agentPools.1.distro>', FIXED('upgrade keeps or forces the distro; no command switches it')],
      ['<agentPools.1.availabilityProfile>', FIXED('addpool and scale refuse a pool whose availability profile differs (cmd/addpool.go:155-162)')],
    ]);
    expect(check('HUB522', deployed, desired)[0]).toMatchObject({ value: 'Windows', change: { before: 'Linux', after: 'Windows' }, allowed: 'the value the pool was deployed with' });
    // A pool the code adds has nothing deployed to compare.
    expect(check('HUB522', deployed, { ...deployed, agentPools: [...deployed.agentPools, { ...deployed.agentPools[0]!, name: 'added', osType: 'Windows' }] })).toEqual([]);
  });

  it('is silent on what one side does not know, a casing-only change, and a scale', () => {
    const deployed = model();
    expect(check('HUB522', deployed, { ...deployed, dnsPrefix: deployed.dnsPrefix.toUpperCase() })).toEqual([]);
    expect(check('HUB522', deployed, { ...deployed, dnsPrefix: '' })).toEqual([]);
    expect(check('HUB522', { ...deployed, network: { ...deployed.network, podCidr: undefined } } as EngineClusterModel, { ...deployed, network: { ...deployed.network, podCidr: '10.244.0.0/16' } })).toEqual([]);
    expect(check('HUB522', deployed, model({ agentPools: [{ name: 'linuxpool', count: 7 }] }))).toEqual([]);
    expect(check('HUB522', deployed, deployed)).toEqual([]);
  });
});

describe('HUB523: a pool removed or renamed', () => {
  it('names the deployed pool, and the new name when it took its place', () => {
    const deployed = model({ agentPools: [{ name: 'linuxpool' }, { name: 'batch' }] });
    expect(check('HUB523', deployed, model({ agentPools: [{ name: 'linuxpool' }] }))).toEqual([
      { path: '<agentPools>', value: undefined, change: { before: 'batch', after: undefined }, allowed: 'every deployed pool, by its name', message: "Pool 'batch' is deployed but not in the code; aks-engine-azurestack has no command that removes a pool." },
    ]);
    expect(check('HUB523', deployed, model({ agentPools: [{ name: 'linuxpool' }, { name: 'batch2' }] }))).toEqual([
      { path: '<agentPools>', value: 'batch2', change: { before: 'batch', after: 'batch2' }, allowed: 'every deployed pool, by its name', message: "Pool 'batch' would be renamed to 'batch2'; aks-engine-azurestack has no command that renames or removes a pool." },
    ]);
  });

  it('reads names without case, and a moved pool is not a rename', () => {
    const deployed = model({ agentPools: [{ name: 'linuxpool' }, { name: 'batch' }] });
    expect(check('HUB523', deployed, model({ agentPools: [{ name: 'batch' }, { name: 'linuxpool' }] }))).toEqual([]);
    expect(check('HUB523', deployed, { ...deployed, agentPools: deployed.agentPools.map((p) => ({ ...p, name: p.name.toUpperCase() })) })).toEqual([]);
    // The pool in its place is another deployed one: only removed.
    expect(check('HUB523', deployed, model({ agentPools: [{ name: 'batch' }] }))[0]!.message).toBe("Pool 'linuxpool' is deployed but not in the code; aks-engine-azurestack has no command that removes a pool.");
  });
});

describe('HUB524: size or disk without an upgrade', () => {
  it('refuses a new size or disk of the control plane and of a pool, with the reason', () => {
    const deployed = model();
    const message = 'Only an upgrade makes VMs anew with a new size or disk, and an upgrade to the same version needs --force, which is never used.';
    expect(check('HUB524', deployed, model({ controlPlane: { vmSize: 'Standard_DS3_v2' }, agentPools: [{ name: 'linuxpool', vmSize: 'Standard_D3_v2' }] }))).toEqual([
      { path: '<controlPlane.vmSize>', value: 'Standard_DS3_v2', change: { before: 'Standard_DS2_v2', after: 'Standard_DS3_v2' }, allowed: 'the deployed value, until the next Kubernetes upgrade', message },
      { path: '<agentPools.0.vmSize>', value: 'Standard_D3_v2', change: { before: 'Standard_D2_v2', after: 'Standard_D3_v2' }, allowed: 'the deployed value, until the next Kubernetes upgrade', message },
    ]);
    expect(check('HUB524', model({ controlPlane: { osDiskSizeGb: 100 } }), model({ controlPlane: { osDiskSizeGb: 200 } })).map((h) => h.path)).toEqual(['<controlPlane.osDiskSizeGb>']);
    expect(check('HUB524', model({ agentPools: [{ name: 'linuxpool', osDiskSizeGb: 100 }] }), model({ agentPools: [{ name: 'linuxpool', osDiskSizeGb: 200 }] })).map((h) => h.path)).toEqual(['<agentPools.0.osDiskSizeGb>']);
  });

  it('takes them with an upgrade, and leaves a pool added in the same apply alone', () => {
    expect(check('HUB524', model(), model({ kubernetesVersion: '1.34.4', controlPlane: { vmSize: 'Standard_DS3_v2' } }))).toEqual([]);
    expect(check('HUB524', model(), model({ agentPools: [{ name: 'linuxpool' }, { name: 'big', vmSize: 'Standard_D3_v2' }] }))).toEqual([]);
  });
});
