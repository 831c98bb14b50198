import { parseCidr, parseIp } from '../../model/cidr';
import { subnetPrefixOf } from '../../model/cluster-model';
import type { EngineClusterModel } from '../../model/engine-model';
import { AKS_ENGINE } from '../../profile/aks-engine';
import { field, isConcrete, text } from '../checks';
import type { RuleChecks, RuleHit } from '../rule';

// Each check mirrors aks-engine-azurestack v0.85.0 (pkg/api/vlabs/validate.go unless named), and
// quotes its message; unlike aks-engine, every violation is reported, not the first.

const hit = (path: string, value: unknown, allowed: string, message: string): RuleHit => ({ path, value, allowed, message });

/** `1.33.10` → [1, 33]. */
function minor(version: string): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)\.\d+$/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}
const atLeast = (version: string, major: number, min: number): boolean => {
  const v = minor(version);
  return v !== undefined && (v[0] > major || (v[0] === major && v[1] >= min));
};

const hasWindows = (m: EngineClusterModel): boolean => m.agentPools.some((p) => typeof p.osType === 'string' && p.osType.toLowerCase() === 'windows');
const pools = (m: EngineClusterModel) => m.agentPools.map((p, i) => ({ p, at: (f: string) => `agentPools.${i}.${f}` }));
/** Whether a model sets any subnet of its own (a custom VNET). */
const customVnet = (m: EngineClusterModel): boolean => [m.controlPlane.subnetId, ...m.agentPools.map((p) => p.subnetId)].some((id) => id !== undefined && id !== '');

const SUBNET_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/virtualNetworks\/([^/]+)\/subnets\/([^/]+)$/i;

/** Why a portal URL is not the stamp's own plain https portal, or `undefined`. */
function portalProblem(url: string, location: string, stampDomain: string | undefined): string | undefined {
  if (!url.startsWith(`https://portal.${location}.`)) return `"portalURL needs to start with https://portal.${location}."`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The portal URL is not a URL.';
  }
  if (/[\s\u0000-\u001f\u007f]/.test(url) || parsed.username || parsed.password || parsed.port || parsed.search || parsed.hash) {
    return 'The portal URL must be a plain https URL of the stamp: no user name, password, port, query, white space or control character. aks-engine signs in at the Resource Manager endpoint it derives from it.';
  }
  if (stampDomain && parsed.hostname !== `portal.${location}.${stampDomain}`) return `The portal URL names another domain than the stamp's (${stampDomain}); aks-engine would sign in there with the client secret.`;
  return undefined;
}

export const ENGINE_RULES: readonly RuleChecks[] = [
  {
    id: 'HUB500',
    checkEngine: (m, ctx) => {
      const v = m.kubernetesVersion.replace(/^v/, '');
      if (!isConcrete(v)) return [];
      const found: RuleHit[] = [];
      const allowed = AKS_ENGINE.kubernetesVersions.join(', ');
      const release = m.orchestratorRelease;
      if (v === '') {
        // No version: aks-engine takes the release's latest patch, or its default release.
        const known = !text(release) || release === '' || AKS_ENGINE.kubernetesVersions.some((k) => k.startsWith(`${release}.`));
        return known ? [] : [hit(ctx.name('orchestratorRelease'), release, `a release of ${allowed}`, `aks-engine-azurestack ${AKS_ENGINE.release} creates no version of this release on Azure Stack.`)];
      }
      if (!AKS_ENGINE.kubernetesVersions.includes(v)) {
        found.push(hit(ctx.name('kubernetesVersion'), m.kubernetesVersion, allowed, `aks-engine-azurestack ${AKS_ENGINE.release} does not create this version on Azure Stack${hasWindows(m) ? ' with Windows pools' : ''}.`));
      }
      if (text(release) && release !== '' && !v.startsWith(`${release}.`)) {
        found.push(hit(ctx.name('orchestratorRelease'), release, `the release of ${m.kubernetesVersion}, or not set`, 'The release and the version disagree.'));
      }
      return found;
    },
  },
  {
    id: 'HUB501',
    checkEngine: (m, ctx) => field(ctx, 'controlPlane.count', m.controlPlane.count, (c) => AKS_ENGINE.controlPlaneCounts.includes(c as number), '1, 3 or 5', '"MasterProfile count needs to be 1, 3, or 5"'),
  },
  {
    id: 'HUB502',
    checkEngine: (m, ctx) => (m.controlPlane.count === 1 ? [hit(ctx.name('controlPlane.count'), 1, '3 or 5 for production', 'One control-plane VM has no high availability.')] : []),
  },
  {
    id: 'HUB503',
    checkEngine: (m, ctx) => {
      const check = (path: string, distro: string | undefined, what: string): RuleHit[] =>
        text(distro) && !AKS_ENGINE.hubDistros.includes(distro)
          ? [hit(path, distro, AKS_ENGINE.hubDistros.map((d) => `'${d}'`).join(' or '), AKS_ENGINE.distros.includes(distro) ? `aks-engine-azurestack ${AKS_ENGINE.release} has no ${distro} image for the ${what} on Azure Stack.` : `"The ${distro} distro is not supported"`)]
          : [];
      return [...check(ctx.name('controlPlane.distro'), m.controlPlane.distro, 'control plane'), ...pools(m).flatMap(({ p, at }) => check(ctx.name(at('distro')), p.distro, `pool ${p.name}`))];
    },
  },
  {
    id: 'HUB504',
    checkEngine: (m, ctx) => [
      ...(m.controlPlane.availabilityProfile?.toLowerCase() === 'virtualmachinescalesets'
        ? [hit(ctx.name('controlPlane.availabilityProfile'), m.controlPlane.availabilityProfile, "'AvailabilitySet'", "\"masterProfile.availabilityProfile should be set to 'AvailabilitySet' on Azure Stack clouds\"")]
        : []),
      ...pools(m).flatMap(({ p, at }) =>
        p.availabilityProfile !== 'AvailabilitySet' && isConcrete(p.availabilityProfile)
          ? [hit(ctx.name(at('availabilityProfile')), p.availabilityProfile, "'AvailabilitySet', set explicitly", `"agentPoolProfiles[${p.name}].availabilityProfile should be set to 'AvailabilitySet' on Azure Stack clouds"`)]
          : [],
      ),
    ],
  },
  {
    id: 'HUB505',
    checkEngine: (m, ctx) => (m.useInstanceMetadata ? [hit(ctx.name('useInstanceMetadata'), true, 'false', "\"useInstanceMetadata shouldn't be set to true as feature not yet supported on Azure Stack\"")] : []),
  },
  {
    id: 'HUB506',
    checkEngine: (m, ctx) =>
      pools(m).flatMap(({ p, at }) => [
        ...(p.acceleratedNetworking ? [hit(ctx.name(at('acceleratedNetworking')), true, 'false', 'Azure Stack Hub has no accelerated networking.')] : []),
        ...(p.acceleratedNetworkingWindows ? [hit(ctx.name(at('acceleratedNetworkingWindows')), true, 'false', 'Azure Stack Hub has no accelerated networking.')] : []),
      ]),
  },
  {
    id: 'HUB507',
    checkEngine: (m, ctx) => {
      const v = m.kubernetesVersion;
      return [
        ...(m.useCloudControllerManager === false && atLeast(v, 1, 21) ? [hit(ctx.name('useCloudControllerManager'), false, 'true', '"useCloudControllerManager should be set to true for Kubernetes v1.21+ clusters on Azure Stack Hub"')] : []),
        ...(text(m.containerRuntime) && m.containerRuntime.toLowerCase() === 'docker' && atLeast(v, 1, 24)
          ? [hit(ctx.name('containerRuntime'), m.containerRuntime, "'containerd'", '"Docker runtime is no longer supported for v1.24+ clusters, use containerd containerRuntime value instead"')]
          : []),
      ];
    },
  },
  {
    id: 'HUB508',
    checkEngine: (m, ctx) => {
      const { plugin, policy = '', mode } = m.network;
      if (!isConcrete(plugin) || !isConcrete(policy)) return [];
      const found: RuleHit[] = [];
      // An empty plugin is read as azure, or as kubenet with policy none (pkg/api/convertertoapi.go).
      const effective = plugin === '' ? (policy === 'none' ? 'kubenet' : 'azure') : plugin;
      const effectivePolicy = policy === 'none' ? '' : policy;
      if (!['azure', 'kubenet'].includes(effective)) {
        found.push(hit(ctx.name('network.plugin'), plugin, "'azure' or 'kubenet'", `"kubernetesConfig.networkPlugin '${plugin}' is not supported on Azure Stack clouds"`));
      } else if (!AKS_ENGINE.networkPairs.some(([a, b]) => a === effective && b === effectivePolicy)) {
        const ok = AKS_ENGINE.networkPairs.filter(([a]) => a === effective).map(([, b]) => (b === '' ? 'none' : `'${b}'`));
        found.push(hit(ctx.name('network.policy'), policy, `${ok.join(', ')} with ${effective}`, `"networkPolicy '${policy}' is not supported with networkPlugin '${effective}'"`));
      }
      if (hasWindows(m) && AKS_ENGINE.windowsForbiddenPolicies.includes(effectivePolicy)) {
        found.push(hit(ctx.name('network.policy'), policy, "'azure' or none with Windows pools", `"networkPolicy '${policy}' is not supporting windows agents"`));
      }
      if (text(mode) && mode !== '' && effective !== 'azure') found.push(hit(ctx.name('network.mode'), mode, 'not set with kubenet', '"networkMode requires network plugin to be \'azure\'"'));
      return found;
    },
  },
  {
    id: 'HUB509',
    checkEngine: (m, ctx) => {
      if (!customVnet(m)) return [];
      const found: RuleHit[] = [];
      const ids: [string, string | undefined][] = [['controlPlane.subnetId', m.controlPlane.subnetId], ...pools(m).map(({ p, at }): [string, string | undefined] => [at('subnetId'), p.subnetId])];
      const missing = ids.filter(([, id]) => id === undefined || id === '');
      for (const [f] of missing) found.push(hit(ctx.name(f), undefined, 'a subnet id, as the other profiles have', '"The master profile and each agent pool profile must all specify a custom VNET Subnet, or none at all"'));
      const vnets = new Set<string>();
      for (const [f, id] of ids) {
        if (!text(id) || id === '') continue;
        const parsed = SUBNET_ID.exec(id);
        if (!parsed) found.push(hit(ctx.name(f), id, '/subscriptions/SUB_ID/resourceGroups/RG_NAME/providers/Microsoft.Network/virtualNetworks/VNET_NAME/subnets/SUBNET_NAME', '"Unable to parse vnetSubnetID."'));
        else vnets.add(parsed.slice(1, 4).join('/').toLowerCase());
      }
      if (vnets.size > 1) found.push(hit(ctx.name('controlPlane.subnetId'), [...vnets].join(', '), 'subnets of one VNET', '"The master profile and each agent pool must reference the same VNET (but it is ok to reference different subnets on that VNET)"'));
      const ip = m.controlPlane.firstConsecutiveStaticIp;
      if (ip === undefined || ip === '') {
        found.push(hit(ctx.name('controlPlane.firstConsecutiveStaticIp'), undefined, 'an IP address in the control plane\'s subnet', 'With a custom VNET the control plane takes consecutive static IPs from this address.'));
      } else if (text(ip)) {
        const n = parseIp(ip);
        // A token never parses.
        const range = parseCidr(subnetPrefixOf(m.network.subnet) ?? '');
        if (n === undefined) found.push(hit(ctx.name('controlPlane.firstConsecutiveStaticIp'), ip, 'an IPv4 address', `"MasterProfile.FirstConsecutiveStaticIP (with VNET Subnet specification) '${ip}' is an invalid IP address"`));
        // Azure keeps the first four addresses of a subnet and its last one.
        else if (range && (n < range.first + 4n || n + BigInt(m.controlPlane.count) > range.last)) {
          found.push(hit(ctx.name('controlPlane.firstConsecutiveStaticIp'), ip, `${m.controlPlane.count} usable addresses in ${range.text} from here`, 'The control plane\'s static IPs do not fit in the subnet.'));
        }
      }
      const cidr = m.controlPlane.vnetCidr;
      if (text(cidr) && cidr !== '' && !parseCidr(cidr)) found.push(hit(ctx.name('controlPlane.vnetCidr'), cidr, 'a CIDR', `"MasterProfile.VnetCidr '${cidr}' contains invalid cidr notation"`));
      return found;
    },
  },
  {
    id: 'HUB510',
    checkEngine: (m, ctx) => {
      const found: RuleHit[] = [];
      const prefix = m.dnsPrefix;
      if (text(prefix) && prefix !== '' && !AKS_ENGINE.dnsPrefix.test(prefix)) {
        found.push(hit(ctx.name('dnsPrefix'), prefix, '3-45 letters, digits and hyphens, starting with a letter and ending with a letter or digit', `"DNSPrefix '${prefix}' is invalid." (length was ${prefix.length})`));
      }
      const seen = new Set<string>();
      for (const { p, at } of pools(m)) {
        if (!text(p.name)) continue;
        if (!AKS_ENGINE.poolName.test(p.name)) found.push(hit(ctx.name(at('name')), p.name, 'a lower-case letter, then up to 11 lower-case letters and digits', `"pool name '${p.name}' is invalid."`));
        if (seen.has(p.name)) found.push(hit(ctx.name(at('name')), p.name, 'a name no other pool has', `"profile name '${p.name}' already exists, profile names must be unique across pools"`));
        seen.add(p.name);
      }
      return found;
    },
  },
  {
    id: 'HUB511',
    checkEngine: (m, ctx) => {
      const found: RuleHit[] = [];
      if (m.agentPools.length === 0) found.push(hit(ctx.name('agentPools'), [], 'at least one agent pool', 'The cluster has no agent pool.'));
      const { min, max } = AKS_ENGINE.poolCount;
      for (const { p, at } of pools(m)) {
        found.push(...field(ctx, at('count'), p.count, (c) => Number.isInteger(c) && (c as number) >= min && (c as number) <= max, `${min} to ${max}`, `"AgentPoolProfile count needs to be in the range [${min},${max}]"`));
        found.push(...field(ctx, at('osDiskSizeGb'), p.osDiskSizeGb, (g) => (g as number) >= AKS_ENGINE.osDiskSizeGb.min && (g as number) <= AKS_ENGINE.osDiskSizeGb.max, `${AKS_ENGINE.osDiskSizeGb.min} to ${AKS_ENGINE.osDiskSizeGb.max}`, 'The OS disk size is out of range.'));
      }
      found.push(...field(ctx, 'controlPlane.osDiskSizeGb', m.controlPlane.osDiskSizeGb, (g) => (g as number) >= AKS_ENGINE.osDiskSizeGb.min && (g as number) <= AKS_ENGINE.osDiskSizeGb.max, `${AKS_ENGINE.osDiskSizeGb.min} to ${AKS_ENGINE.osDiskSizeGb.max}`, 'The OS disk size is out of range.'));
      const etcd = m.etcdDiskSizeGb;
      if (text(etcd)) {
        const n = /^\d+$/.test(etcd) ? Number(etcd) : Number.NaN;
        if (Number.isNaN(n)) found.push(hit(ctx.name('etcdDiskSizeGb'), etcd, 'a whole number of GB, as a string', '"could not convert EtcdDiskSizeGB to int"'));
        else if (n > AKS_ENGINE.maxEtcdDiskSizeGb) found.push(hit(ctx.name('etcdDiskSizeGb'), etcd, `at most ${AKS_ENGINE.maxEtcdDiskSizeGb}`, `"EtcdDiskSizeGB max size supported on Azure Stack is ${AKS_ENGINE.maxEtcdDiskSizeGb}"`));
      }
      return found;
    },
  },
  {
    id: 'HUB512',
    checkEngine: (m, ctx) => {
      const w = m.windowsProfile;
      // aks-engine reads the password only from the model (windowsProfile has no Key Vault reference).
      const kv = w?.keyVaultSecret
        ? [{ ...hit(ctx.name('windowsProfile.keyVaultSecret'), w.keyVaultSecret, 'not set: aks-hub engine apply takes the password from AKS_ENGINE_WINDOWS_PASSWORD', 'aks-engine-azurestack reads the Windows password only from the API model; a Key Vault reference would be dropped.'), fix: 'Remove windowsProfile.keyVaultSecret and set AKS_ENGINE_WINDOWS_PASSWORD where aks-hub engine apply runs.' }]
        : [];
      if (!hasWindows(m)) return kv;
      const found: RuleHit[] = [...kv];
      if (!w || !w.adminUsername) found.push(hit(ctx.name('windowsProfile'), undefined, '{ adminUsername, adminPassword }', '"WindowsProfile is required when the cluster definition contains Windows agent pools"'));
      const runtime = m.containerRuntime ?? 'containerd';
      if (m.network.plugin === 'kubenet' && runtime === 'containerd' && !m.windowsSdnPluginUrl) {
        found.push(hit(ctx.name('network.plugin'), 'kubenet', "'azure', or a windowsSdnPluginURL", '"WindowsSdnPluginURL must be provided when using Windows with ContainerRuntime=containerd and networkPlugin=kubenet"'));
      }
      return found;
    },
  },
  {
    id: 'HUB513',
    checkEngine: (m, ctx) => {
      if (ctx.vocabulary !== 'aks-engine') return [];
      const found: RuleHit[] = m.unknownTags.map((p) => hit(p, p.split('.').at(-1), 'a JSON tag of the vlabs API model', `"Unknown JSON tag ${p.split('.').at(-1)}"`));
      if (m.apiVersion !== 'vlabs') found.push(hit(ctx.name('apiVersion'), m.apiVersion, "'vlabs'", `"unrecognized APIVersion '${m.apiVersion}'"`));
      if (text(m.orchestratorType) && m.orchestratorType !== '' && m.orchestratorType.toLowerCase() !== 'kubernetes') {
        found.push(hit(ctx.name('orchestratorType'), m.orchestratorType, "'Kubernetes'", `"OrchestratorType has unknown orchestrator: ${m.orchestratorType}"`));
      }
      // An empty location or DNS prefix is fine: deploy takes them from --location and --dns-prefix.
      if (m.controlPlane.vmSize === '') found.push(hit(ctx.name('controlPlane.vmSize'), undefined, 'a VM size', '"missing Properties.MasterProfile.VMSize"'));
      // An empty keyData is fine: deploy generates a key (cmd/deploy.go).
      if (!m.linuxProfile) found.push(hit('properties.linuxProfile', undefined, '{ adminUsername, ssh: { publicKeys: [{ keyData }] } }', '"missing Properties.LinuxProfile"'));
      return found;
    },
  },
  {
    id: 'HUB514',
    checkEngine: (m, ctx) => {
      const c = m.customCloud;
      if (!c) {
        const fix = "Add properties.customCloudProfile: { portalURL: 'https://portal.<region>.<domain>/', identitySystem: 'azure_ad' or 'adfs' }.";
        return [{ ...hit('properties.customCloudProfile', undefined, '{ portalURL, identitySystem }', 'Without customCloudProfile aks-engine deploys to public Azure, not to the stamp.'), fix }];
      }
      const found: RuleHit[] = [];
      // A location known only at deploy time stays unjudged: lower-casing its token would break it.
      const location = text(m.location) ? m.location.toLowerCase() : '';
      const portal = `https://portal.${location || '<region>'}.<domain>/`;
      if (c.portalUrl === undefined || c.portalUrl === '') found.push(hit(ctx.name('customCloud.portalUrl'), c.portalUrl, portal, '"portalURL needs to be specified when AzureStackCloud CustomCloudProfile is provided"'));
      else if (text(c.portalUrl) && location !== '') {
        // aks-engine derives the Resource Manager endpoint from this URL and signs in there with the
        // client secret: only the stamp's own portal, as a plain https URL.
        const problem = portalProblem(c.portalUrl, location, c.stampDomain);
        if (problem) found.push(hit(ctx.name('customCloud.portalUrl'), c.portalUrl, c.stampDomain ? `https://portal.${location}.${c.stampDomain}/` : portal, problem));
      }
      const enums: [string, string | undefined, readonly string[]][] = [
        ['customCloud.identitySystem', c.identitySystem, AKS_ENGINE.identitySystems],
        ['customCloud.authenticationMethod', c.authenticationMethod, AKS_ENGINE.authenticationMethods],
        ['customCloud.dependenciesLocation', c.dependenciesLocation, AKS_ENGINE.dependenciesLocations],
      ];
      for (const [f, v, allowed] of enums) {
        if (text(v) && v !== '' && !allowed.includes(v)) found.push(hit(ctx.name(f), v, allowed.map((a) => `'${a}'`).join(', '), 'aks-engine does not know this value.'));
      }
      if (text(c.environmentName) && c.environmentName !== '' && c.environmentName.toLowerCase() !== 'azurestackcloud') {
        found.push(hit(ctx.name('customCloud.environmentName'), c.environmentName, "'AzureStackCloud', or not set", 'aks-engine treats this model as a cloud other than Azure Stack.'));
      }
      return found;
    },
  },
  {
    id: 'HUB515',
    checkEngine: (m, ctx) =>
      m.addons.flatMap((a, i) => {
        const path = `${ctx.name('addons')}.${i}`;
        const why = Object.prototype.hasOwnProperty.call(AKS_ENGINE.hubUnsupportedAddons, a.name) ? AKS_ENGINE.hubUnsupportedAddons[a.name] : undefined;
        if (a.enabled && why) return [hit(`${path}.enabled`, true, 'false', `The ${a.name} add-on does not run on Azure Stack Hub: ${why}.`)];
        if (!a.enabled && a.name === 'azure-cloud-provider') return [hit(`${path}.enabled`, false, 'true, or leave the add-on out', '"azure-cloud-provider add-on is required, it cannot be disabled"')];
        return [];
      }),
  },
  {
    id: 'HUB516',
    checkEngine: (m, ctx) =>
      customVnet(m) && m.network.plugin === 'kubenet'
        ? [hit(ctx.name('network.plugin'), 'kubenet', "'azure', or a route table attached after deploy", 'With kubenet in a custom VNET, pods on different nodes reach each other only once the route table aks-engine creates is attached to the subnet.')]
        : [],
  },
];

/** The rules an AKS engine cluster shares with an AKS cluster: they run on its shared settings. */
export const SHARED_ENGINE_RULE_IDS: readonly string[] = Object.freeze([
  'HUB001', 'HUB003', 'HUB007', 'HUB020', 'HUB102', 'HUB200', 'HUB201', 'HUB202', 'HUB203', 'HUB205', 'HUB206', 'HUB303', 'HUB304', 'HUB305', 'HUB306', 'HUB309',
]);

/** Props checks the two clusters share: template sequences, tag names, a subnet id with new-VNET settings. */
export const SHARED_ENGINE_PROPS_RULE_IDS: readonly string[] = Object.freeze(['HUB106', 'HUB306', 'HUB308']);

