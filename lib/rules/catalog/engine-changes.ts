import type { EngineClusterModel, EnginePoolModel } from '../../model/engine-model';
import { AKS_ENGINE } from '../../profile/aks-engine';
import type { EngineChange, RuleChecks } from '../rule';
import { changeHit, differs } from './changes';

// Changes to a deployed AKS engine cluster, judged against the model in its state folder before
// any aks-engine-azurestack command runs. Sources: aks-engine-lifecycle-facts.md §3-§5.

/** `1.33.10` → [1, 33, 10]; undefined for anything else. */
export function engineVersion(v: string): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** a < b: -1, a = b: 0, a > b: 1. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

/** The newest release and version of the table that creates a given minor version, e.g. 32 → v0.84.2 and 1.32.9. */
export function releaseForMinor(minor: number): { release: string; version: string } | undefined {
  for (const [release, versions] of [...AKS_ENGINE.releaseVersions].reverse()) {
    const version = [...versions].reverse().find((v) => engineVersion(v)?.[1] === minor);
    if (version) return { release, version };
  }
  return undefined;
}

/** Settings of the cluster, read from the model, that no aks-engine command changes after deploy; with why. */
const FIXED_AT_DEPLOY: readonly { field: string; read: (m: EngineClusterModel) => unknown; why: string }[] = [
  { field: 'controlPlane.count', read: (m) => m.controlPlane.count, why: 'scale reaches agent pools only, and upgrade.md says "DO NOT CHANGE the number of VMs in your control plane"' },
  { field: 'controlPlane.firstConsecutiveStaticIp', read: (m) => m.controlPlane.firstConsecutiveStaticIp, why: 'upgrade.md says "DO NOT CHANGE" firstConsecutiveStaticIP' },
  { field: 'controlPlane.availabilityProfile', read: (m) => m.controlPlane.availabilityProfile, why: 'the VMs stay in the availability set deploy made' },
  { field: 'controlPlane.distro', read: (m) => m.controlPlane.distro, why: 'upgrade keeps or forces the distro; no command switches it' },
  { field: 'dnsPrefix', read: (m) => m.dnsPrefix, why: "the cluster's id and its VM names derive from it (pkg/api/types.go:1058-1070)" },
  { field: 'location', read: (m) => m.location, why: "every command's --location must equal the model's (cmd/upgrade.go:362-366)" },
  { field: 'resourceGroupName', read: (m) => m.resourceGroup.name, why: 'scale and upgrade find the VMs in the group deploy used' },
  { field: 'network.plugin', read: (m) => m.network.plugin, why: 'upgrade.md: "changes to the VNET, Load Balancer, and other network-related configuration are not supported"' },
  { field: 'network.policy', read: (m) => m.network.policy ?? '', why: 'upgrade.md: network-related configuration cannot change' },
  { field: 'network.serviceCidr', read: (m) => m.network.serviceCidr, why: 'upgrade.md: network-related configuration cannot change' },
  { field: 'network.dnsServiceIp', read: (m) => m.network.dnsServiceIp, why: 'upgrade.md: network-related configuration cannot change' },
  { field: 'network.dockerBridgeCidr', read: (m) => m.network.dockerBridgeCidr, why: 'upgrade.md: network-related configuration cannot change' },
  { field: 'network.podCidr', read: (m) => m.network.podCidr, why: 'upgrade.md: network-related configuration cannot change' },
  { field: 'network.vnet', read: (m) => (m.network.subnet.kind === 'existing' ? m.network.subnet.subnetId : m.network.subnet.kind), why: 'upgrade.md: the VNET cannot change' },
  { field: 'linuxProfile.adminUsername', read: (m) => m.linuxProfile?.adminUsername, why: 'the VMs were made with it, and get-logs logs in with it' },
  { field: 'windowsProfile.adminUsername', read: (m) => m.windowsProfile?.adminUsername, why: 'the Windows VMs were made with it' },
];

/** Per pool: what a pool keeps for life. */
const POOL_FIXED: readonly { field: keyof EnginePoolModel; why: string }[] = [
  { field: 'osType', why: 'a pool keeps the OS of its VMs' },
  { field: 'distro', why: 'upgrade keeps or forces the distro; no command switches it' },
  { field: 'availabilityProfile', why: 'addpool and scale refuse a pool whose availability profile differs (cmd/addpool.go:155-162)' },
];

/** What is known on both sides: a value read from a model that has it. */
const known = (v: unknown): boolean => v !== undefined && v !== '';

const changed = (a: unknown, b: unknown): boolean => known(a) && known(b) && differs(a, b);


/** Pools of both models that share a name, with their index in the code. */
function samePools(c: EngineChange): [EnginePoolModel, EnginePoolModel, number][] {
  return c.desired.agentPools
    .map((p, i): [EnginePoolModel | undefined, EnginePoolModel, number] => [c.deployed.agentPools.find((d) => d.name.toLowerCase() === p.name.toLowerCase()), p, i])
    .filter((t): t is [EnginePoolModel, EnginePoolModel, number] => t[0] !== undefined);
}

/** Whether the change upgrades Kubernetes, so that every VM is made anew. */
export function upgrades(c: EngineChange): boolean {
  const [a, b] = [engineVersion(c.deployed.kubernetesVersion), engineVersion(c.desired.kubernetesVersion)];
  return a !== undefined && b !== undefined && compareVersions(b, a) > 0;
}

export const ENGINE_CHANGE_RULES: readonly RuleChecks[] = [
  {
    id: 'HUB520',
    checkEngineChange: (c, ctx) => {
      const [a, b] = [engineVersion(c.deployed.kubernetesVersion), engineVersion(c.desired.kubernetesVersion)];
      return a && b && compareVersions(b, a) < 0
        ? [changeHit(ctx, 'kubernetesVersion', c.deployed.kubernetesVersion, c.desired.kubernetesVersion, `${c.deployed.kubernetesVersion} or a later version`, 'aks-engine-azurestack upgrades only to a later version; a downgrade needs --force, which re-images every node and is not supported.')]
        : [];
    },
  },
  {
    id: 'HUB521',
    checkEngineChange: (c, ctx) => {
      const [a, b] = [engineVersion(c.deployed.kubernetesVersion), engineVersion(c.desired.kubernetesVersion)];
      // Past the next minor version: a later major, or the same major and a minor two or more ahead.
      if (!a || !b || !(b[0] > a[0] || (b[0] === a[0] && b[1] > a[1] + 1))) return [];
      const next = releaseForMinor(a[1] + 1);
      const fix = next
        ? `Upgrade one minor version at a time. First run aks-engine-azurestack ${next.release}, which creates ${next.version}: 'aks-engine-azurestack upgrade --upgrade-version ${next.version}' on the state folder's _output/apimodel.json, with the flags 'aks-hub engine plan' prints; then set {kubernetesVersion} to the next minor version and apply again.`
        : undefined;
      return [changeHit(ctx, 'kubernetesVersion', c.deployed.kubernetesVersion, c.desired.kubernetesVersion, `${a[0]}.${a[1]}.x or ${a[0]}.${a[1] + 1}.x`, `The change skips Kubernetes ${a[0]}.${a[1] + 1}. aks-engine-azurestack ${AKS_ENGINE.release} would allow it (pkg/api/orchestrators.go:182-205), but it breaks the Kubernetes version-skew policy.`, fix)];
    },
  },
  {
    id: 'HUB522',
    checkEngineChange: (c, ctx) => {
      const cluster = FIXED_AT_DEPLOY.filter((f) => changed(f.read(c.deployed), f.read(c.desired))).map((f) =>
        changeHit(ctx, f.field, f.read(c.deployed), f.read(c.desired), 'the value the cluster was deployed with', `No aks-engine-azurestack command changes this after deploy: ${f.why}.`),
      );
      const pools = samePools(c).flatMap(([before, after, i]) =>
        POOL_FIXED.filter((f) => changed(before[f.field], after[f.field])).map((f) =>
          changeHit(ctx, `agentPools.${i}.${f.field}`, before[f.field], after[f.field], 'the value the pool was deployed with', `No aks-engine-azurestack command changes this after deploy: ${f.why}.`),
        ),
      );
      return [...cluster, ...pools];
    },
  },
  {
    id: 'HUB523',
    checkEngineChange: (c, ctx) =>
      c.deployed.agentPools
        .filter((d) => !c.desired.agentPools.some((p) => p.name.toLowerCase() === d.name.toLowerCase()))
        .map((d) => {
          const i = c.deployed.agentPools.indexOf(d);
          const renamed = c.desired.agentPools[i];
          const inCode = renamed && !c.deployed.agentPools.some((p) => p.name.toLowerCase() === renamed.name.toLowerCase());
          return changeHit(
            ctx,
            'agentPools',
            d.name,
            inCode ? renamed.name : undefined,
            'every deployed pool, by its name',
            inCode
              ? `Pool '${d.name}' would be renamed to '${renamed.name}'; aks-engine-azurestack has no command that renames or removes a pool.`
              : `Pool '${d.name}' is deployed but not in the code; aks-engine-azurestack has no command that removes a pool.`,
          );
        }),
  },
  {
    id: 'HUB524',
    checkEngineChange: (c, ctx) => {
      // An upgrade makes every VM anew from the model, with its new size (Hub known issues).
      if (upgrades(c)) return [];
      const message = 'Only an upgrade makes VMs anew with a new size or disk, and an upgrade to the same version needs --force, which is never used.';
      const plane = (['vmSize', 'osDiskSizeGb'] as const).filter((k) => changed(c.deployed.controlPlane[k], c.desired.controlPlane[k])).map((k) => changeHit(ctx, `controlPlane.${k}`, c.deployed.controlPlane[k], c.desired.controlPlane[k], 'the deployed value, until the next Kubernetes upgrade', message));
      const pools = samePools(c).flatMap(([before, after, i]) =>
        (['vmSize', 'osDiskSizeGb'] as const).filter((k) => changed(before[k], after[k])).map((k) => changeHit(ctx, `agentPools.${i}.${k}`, before[k], after[k], 'the deployed value, until the next Kubernetes upgrade', message)),
      );
      return [...plane, ...pools];
    },
  },
];
