import { describe, expect, it } from 'vitest';
import { deployTimeString } from '../lib/model/cluster-model';
import type { EngineClusterModel, EnginePoolModel } from '../lib/model/engine-model';
import { SHARED_ENGINE_PROPS_RULE_IDS, SHARED_ENGINE_RULE_IDS } from '../lib/rules/catalog';
import type { CheckContext } from '../lib/rules/rule';
import { ruleDefinition } from '../lib/rules/registry';
import { checkEngineProps } from '../lib/rules/run';
import { STAMP, minimalEngineProps } from './helpers';
import { RULE_EXAMPLES } from './support/internals';
import { exampleFindings } from './support/rule-harness';

// The rules on one AKS engine model (HUB500-HUB516), each called on its own, at its edges, with
// the texts users read (aks-engine-azurestack v0.85.0's messages where it has one).

const ctx = (vocabulary: CheckContext['vocabulary'] = 'props'): CheckContext => ({ stamp: STAMP, name: (f) => `<${f}>`, vocabulary });
const HUB = { identitySystem: 'azure_ad', portalUrl: 'https://portal.local.azurestack.external/', subscriptionId: '99999999-8888-7777-6666-555555555555' };
// Made inside each test, never when the file loads: a mutation test must see every call.
const base = (): EngineClusterModel => checkEngineProps(minimalEngineProps(), STAMP, HUB).input!.model;
type Patch = Omit<Partial<EngineClusterModel>, 'controlPlane' | 'network' | 'customCloud'> & {
  controlPlane?: Partial<EngineClusterModel['controlPlane']>;
  network?: Partial<EngineClusterModel['network']>;
  customCloud?: Partial<NonNullable<EngineClusterModel['customCloud']>> | undefined;
};
const model = (p: Patch = {}): EngineClusterModel => {
  const b = base();
  return {
    ...b,
    ...p,
    controlPlane: { ...b.controlPlane, ...p.controlPlane },
    network: { ...b.network, ...p.network },
    customCloud: 'customCloud' in p ? (p.customCloud === undefined ? undefined : { ...b.customCloud, ...p.customCloud }) : b.customCloud,
  };
};
const pool = (p: Partial<EnginePoolModel> = {}): EnginePoolModel => ({ ...base().agentPools[0]!, ...p });
const run = (id: string, m: EngineClusterModel, vocabulary?: CheckContext['vocabulary']) => ruleDefinition(id)!.checkEngine!(m, ctx(vocabulary));
const SUBNET = (vnet: string, subnet: string) => `/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/${subnet}`;

describe('the minimal engine cluster', () => {
  it('breaks no engine rule', () => {
    for (let n = 500; n <= 516; n++) expect(run(`HUB${n}`, base()), `HUB${n}`).toEqual([]);
  });
});

describe('HUB500: Kubernetes version', () => {
  it('takes the versions v0.85.0 creates, with or without a v, and a release that agrees', () => {
    for (const v of ['1.33.10', '1.34.4', '1.35.0', 'v1.35.0']) expect(run('HUB500', model({ kubernetesVersion: v })), v).toEqual([]);
    expect(run('HUB500', model({ kubernetesVersion: '1.34.4', orchestratorRelease: '1.34' }))).toEqual([]);
    expect(run('HUB500', model({ kubernetesVersion: '', orchestratorRelease: '1.35' }))).toEqual([]);
    expect(run('HUB500', model({ kubernetesVersion: '', orchestratorRelease: '' }))).toEqual([]);
  });

  it('refuses another version, a release that disagrees, and a release with no version it creates', () => {
    expect(run('HUB500', model({ kubernetesVersion: '1.32.9' }))).toEqual([
      { path: '<kubernetesVersion>', value: '1.32.9', allowed: '1.33.10, 1.34.4, 1.35.0', message: 'aks-engine-azurestack v0.85.0 does not create this version on Azure Stack.' },
    ]);
    expect(run('HUB500', model({ kubernetesVersion: '1.32.9', agentPools: [pool(), pool({ name: 'win', osType: 'Windows' })] }))[0]!.message).toBe('aks-engine-azurestack v0.85.0 does not create this version on Azure Stack with Windows pools.');
    expect(run('HUB500', model({ kubernetesVersion: '1.34.4', orchestratorRelease: '1.33' }))).toEqual([
      { path: '<orchestratorRelease>', value: '1.33', allowed: 'the release of 1.34.4, or not set', message: 'The release and the version disagree.' },
    ]);
    expect(run('HUB500', model({ kubernetesVersion: '', orchestratorRelease: '1.29' }))).toEqual([
      { path: '<orchestratorRelease>', value: '1.29', allowed: 'a release of 1.33.10, 1.34.4, 1.35.0', message: 'aks-engine-azurestack v0.85.0 creates no version of this release on Azure Stack.' },
    ]);
  });
});

describe('HUB501, HUB502: control plane count', () => {
  it('takes 1, 3 or 5, and warns about 1', () => {
    for (const count of [1, 3, 5]) expect(run('HUB501', model({ controlPlane: { count } })), String(count)).toEqual([]);
    for (const count of [0, 2, 4, 7]) expect(run('HUB501', model({ controlPlane: { count } }))).toEqual([{ path: '<controlPlane.count>', value: count, allowed: '1, 3 or 5', message: '"MasterProfile count needs to be 1, 3, or 5"' }]);
    expect(run('HUB502', model({ controlPlane: { count: 1 } }))).toEqual([{ path: '<controlPlane.count>', value: 1, allowed: '3 or 5 for production', message: 'One control-plane VM has no high availability.' }]);
    expect(run('HUB502', model({ controlPlane: { count: 3 } }))).toEqual([]);
  });
});

describe('HUB503: OS image', () => {
  it('takes the Hub distros, tells a distro aks-engine knows from one it does not', () => {
    expect(run('HUB503', model({ controlPlane: { distro: 'ubuntu-22.04' }, agentPools: [pool({ distro: 'aks-ubuntu-22.04' })] }))).toEqual([]);
    expect(run('HUB503', model({ controlPlane: { distro: 'flatcar' }, agentPools: [pool({ name: 'p1', distro: 'centos' })] }))).toEqual([
      { path: '<controlPlane.distro>', value: 'flatcar', allowed: "'aks-ubuntu-22.04' or 'ubuntu-22.04'", message: 'aks-engine-azurestack v0.85.0 has no flatcar image for the control plane on Azure Stack.' },
      { path: '<agentPools.0.distro>', value: 'centos', allowed: "'aks-ubuntu-22.04' or 'ubuntu-22.04'", message: '"The centos distro is not supported"' },
    ]);
  });
});

describe('HUB504: availability sets', () => {
  it('refuses scale sets for the control plane in any case, and a pool without AvailabilitySet set', () => {
    expect(run('HUB504', model({ controlPlane: { availabilityProfile: 'AvailabilitySet' }, agentPools: [pool({ availabilityProfile: 'AvailabilitySet' })] }))).toEqual([]);
    expect(run('HUB504', model({ controlPlane: { availabilityProfile: 'virtualMachineScaleSets' }, agentPools: [pool({ name: 'a', availabilityProfile: 'VirtualMachineScaleSets' }), pool({ name: 'b', availabilityProfile: undefined })] }))).toEqual([
      { path: '<controlPlane.availabilityProfile>', value: 'virtualMachineScaleSets', allowed: "'AvailabilitySet'", message: "\"masterProfile.availabilityProfile should be set to 'AvailabilitySet' on Azure Stack clouds\"" },
      { path: '<agentPools.0.availabilityProfile>', value: 'VirtualMachineScaleSets', allowed: "'AvailabilitySet', set explicitly", message: "\"agentPoolProfiles[a].availabilityProfile should be set to 'AvailabilitySet' on Azure Stack clouds\"" },
      { path: '<agentPools.1.availabilityProfile>', value: undefined, allowed: "'AvailabilitySet', set explicitly", message: "\"agentPoolProfiles[b].availabilityProfile should be set to 'AvailabilitySet' on Azure Stack clouds\"" },
    ]);
  });
});

describe('HUB505, HUB506: instance metadata and accelerated networking', () => {
  it('refuses each where it is on', () => {
    expect(run('HUB505', model({ useInstanceMetadata: true }))).toEqual([{ path: '<useInstanceMetadata>', value: true, allowed: 'false', message: "\"useInstanceMetadata shouldn't be set to true as feature not yet supported on Azure Stack\"" }]);
    expect(run('HUB506', model({ agentPools: [pool({ acceleratedNetworking: true }), pool({ acceleratedNetworkingWindows: true })] }))).toEqual([
      { path: '<agentPools.0.acceleratedNetworking>', value: true, allowed: 'false', message: 'Azure Stack Hub has no accelerated networking.' },
      { path: '<agentPools.1.acceleratedNetworkingWindows>', value: true, allowed: 'false', message: 'Azure Stack Hub has no accelerated networking.' },
    ]);
  });
});

describe('HUB507: cloud controller manager and Docker', () => {
  it('needs the cloud controller manager from 1.21 and containerd from 1.24', () => {
    expect(run('HUB507', model({ kubernetesVersion: '1.20.9', useCloudControllerManager: false, containerRuntime: 'docker' }))).toEqual([]);
    expect(run('HUB507', model({ kubernetesVersion: '1.21.0', useCloudControllerManager: false, containerRuntime: 'docker' }))).toEqual([
      { path: '<useCloudControllerManager>', value: false, allowed: 'true', message: '"useCloudControllerManager should be set to true for Kubernetes v1.21+ clusters on Azure Stack Hub"' },
    ]);
    expect(run('HUB507', model({ kubernetesVersion: '1.24.0', containerRuntime: 'Docker' }))).toEqual([
      { path: '<containerRuntime>', value: 'Docker', allowed: "'containerd'", message: '"Docker runtime is no longer supported for v1.24+ clusters, use containerd containerRuntime value instead"' },
    ]);
    expect(run('HUB507', model({ kubernetesVersion: '2.0.0', useCloudControllerManager: false }))).toHaveLength(1);
    expect(run('HUB507', model({ kubernetesVersion: '1.23.9', containerRuntime: 'docker' }))).toEqual([]);
    expect(run('HUB507', model({ kubernetesVersion: 'latest', useCloudControllerManager: false, containerRuntime: 'docker' }))).toEqual([]);
    // Only a whole a.b.c version is compared; major and patch may have several digits.
    expect(run('HUB507', model({ kubernetesVersion: '1.24.0-beta', containerRuntime: 'docker' }))).toEqual([]);
    expect(run('HUB507', model({ kubernetesVersion: 'x1.24.0', containerRuntime: 'docker' }))).toEqual([]);
    expect(run('HUB507', model({ kubernetesVersion: '1.24.10', containerRuntime: 'docker' }))).toHaveLength(1);
    expect(run('HUB507', model({ kubernetesVersion: 'v1.24.1', containerRuntime: 'docker' }))).toHaveLength(1);
    expect(run('HUB507', model({ kubernetesVersion: '10.0.0', useCloudControllerManager: false }))).toHaveLength(1);
    expect(run('HUB507', model({ kubernetesVersion: '0.25.0', useCloudControllerManager: false, containerRuntime: 'docker' }))).toEqual([]);
  });
});

describe('HUB508: network plugin and policy', () => {
  it('takes the pairs aks-engine allows, an empty plugin read as azure or kubenet', () => {
    for (const [plugin, policy] of [['azure', 'azure'], ['azure', 'calico'], ['azure', 'none'], ['kubenet', ''], ['kubenet', 'calico'], ['', 'none'], ['', ''], ['', 'calico']] as const) {
      expect(run('HUB508', model({ network: { plugin, policy } })), `${plugin}/${policy}`).toEqual([]);
    }
  });

  it('refuses another plugin, a pair it does not allow, Calico with Windows, and a network mode without azure', () => {
    expect(run('HUB508', model({ network: { plugin: 'cilium', policy: '' } }))).toEqual([{ path: '<network.plugin>', value: 'cilium', allowed: "'azure' or 'kubenet'", message: "\"kubernetesConfig.networkPlugin 'cilium' is not supported on Azure Stack clouds\"" }]);
    expect(run('HUB508', model({ network: { plugin: 'kubenet', policy: 'azure' } }))).toEqual([{ path: '<network.policy>', value: 'azure', allowed: "none, 'calico' with kubenet", message: "\"networkPolicy 'azure' is not supported with networkPlugin 'kubenet'\"" }]);
    expect(run('HUB508', model({ network: { plugin: 'azure', policy: 'calico' }, agentPools: [pool({ osType: 'Windows' })] }))).toEqual([{ path: '<network.policy>', value: 'calico', allowed: "'azure' or none with Windows pools", message: "\"networkPolicy 'calico' is not supporting windows agents\"" }]);
    expect(run('HUB508', model({ network: { plugin: 'kubenet', policy: '', mode: 'transparent' } }))).toEqual([{ path: '<network.mode>', value: 'transparent', allowed: 'not set with kubenet', message: '"networkMode requires network plugin to be \'azure\'"' }]);
    expect(run('HUB508', model({ network: { plugin: 'azure', policy: '', mode: 'transparent' } }))).toEqual([]);
  });
});

describe('HUB509: custom VNET', () => {
  const vnet = (p: Patch = {}) => model({ ...p, controlPlane: { subnetId: SUBNET('v', 'cp'), firstConsecutiveStaticIp: '10.1.255.239', ...p.controlPlane }, agentPools: p.agentPools ?? [pool({ subnetId: SUBNET('v', 'nodes') })] });

  it('takes subnets of one VNET with a first static IP, and nothing without a custom VNET', () => {
    expect(run('HUB509', vnet())).toEqual([]);
    expect(run('HUB509', model({ controlPlane: { firstConsecutiveStaticIp: 'junk' } }))).toEqual([]);
  });

  it('names each profile without a subnet, an id it cannot read, two VNETs, a missing or bad static IP, and a bad VNET CIDR', () => {
    expect(run('HUB509', vnet({ agentPools: [pool({ subnetId: undefined })] }))).toEqual([
      { path: '<agentPools.0.subnetId>', value: undefined, allowed: 'a subnet id, as the other profiles have', message: '"The master profile and each agent pool profile must all specify a custom VNET Subnet, or none at all"' },
    ]);
    expect(run('HUB509', vnet({ agentPools: [pool({ subnetId: 'not-an-id' })] }))).toEqual([
      { path: '<agentPools.0.subnetId>', value: 'not-an-id', allowed: '/subscriptions/SUB_ID/resourceGroups/RG_NAME/providers/Microsoft.Network/virtualNetworks/VNET_NAME/subnets/SUBNET_NAME', message: '"Unable to parse vnetSubnetID."' },
    ]);
    expect(run('HUB509', vnet({ agentPools: [pool({ subnetId: SUBNET('other', 'nodes') })] }))).toEqual([
      { path: '<controlPlane.subnetId>', value: '11111111-2222-3333-4444-555555555555/net-rg/v, 11111111-2222-3333-4444-555555555555/net-rg/other', allowed: 'subnets of one VNET', message: '"The master profile and each agent pool must reference the same VNET (but it is ok to reference different subnets on that VNET)"' },
    ]);
    // One VNET whatever the case of its name.
    expect(run('HUB509', vnet({ agentPools: [pool({ subnetId: SUBNET('V', 'nodes') })] }))).toEqual([]);
    expect(run('HUB509', vnet({ controlPlane: { firstConsecutiveStaticIp: '' } }))).toEqual([
      { path: '<controlPlane.firstConsecutiveStaticIp>', value: undefined, allowed: "an IP address in the control plane's subnet", message: 'With a custom VNET the control plane takes consecutive static IPs from this address.' },
    ]);
    expect(run('HUB509', vnet({ controlPlane: { firstConsecutiveStaticIp: '10.1.300.1' } }))[0]!.message).toBe('"MasterProfile.FirstConsecutiveStaticIP (with VNET Subnet specification) \'10.1.300.1\' is an invalid IP address"');
    expect(run('HUB509', vnet({ controlPlane: { vnetCidr: '10.0.0.0/33' } }))).toEqual([{ path: '<controlPlane.vnetCidr>', value: '10.0.0.0/33', allowed: 'a CIDR', message: "\"MasterProfile.VnetCidr '10.0.0.0/33' contains invalid cidr notation\"" }]);
  });

  it('fits the control plane in a new subnet: past the four first addresses, before the last', () => {
    const inNew = (ip: string, count = 3) => run('HUB509', vnet({ controlPlane: { firstConsecutiveStaticIp: ip, count }, network: { subnet: { kind: 'new', vnetName: 'v', addressSpace: ['10.1.0.0/16'], subnetName: 's', subnetPrefix: '10.1.0.0/24' } } }));
    expect(inNew('10.1.0.4')).toEqual([]);
    expect(inNew('10.1.0.251')).toEqual([]);
    expect(inNew('10.1.0.3')).toEqual([{ path: '<controlPlane.firstConsecutiveStaticIp>', value: '10.1.0.3', allowed: '3 usable addresses in 10.1.0.0/24 from here', message: "The control plane's static IPs do not fit in the subnet." }]);
    expect(inNew('10.1.0.253')).toHaveLength(1);
    expect(inNew('10.1.0.252')).toEqual([]);
    expect(inNew('10.1.0.250', 5)).toEqual([]);
    expect(inNew('10.1.0.251', 5)).toHaveLength(1);
  });
});

describe('HUB510: DNS prefix and pool names', () => {
  it('takes 3-45 characters from a letter, and unique pool names of a lower-case letter and 11 more', () => {
    for (const prefix of ['abc', 'A1-b', `a${'b'.repeat(43)}c`, '']) expect(run('HUB510', model({ dnsPrefix: prefix })), prefix).toEqual([]);
    expect(run('HUB510', model({ dnsPrefix: 'ab' }))).toEqual([{ path: '<dnsPrefix>', value: 'ab', allowed: '3-45 letters, digits and hyphens, starting with a letter and ending with a letter or digit', message: '"DNSPrefix \'ab\' is invalid." (length was 2)' }]);
    expect(run('HUB510', model({ dnsPrefix: `a${'b'.repeat(44)}c` }))).toHaveLength(1);
    expect(run('HUB510', model({ dnsPrefix: '1abc' }))).toHaveLength(1);
    expect(run('HUB510', model({ agentPools: [pool({ name: 'abcdefghijkl' }), pool({ name: 'Pool' }), pool({ name: 'abcdefghijkl' })] }))).toEqual([
      { path: '<agentPools.1.name>', value: 'Pool', allowed: 'a lower-case letter, then up to 11 lower-case letters and digits', message: "\"pool name 'Pool' is invalid.\"" },
      { path: '<agentPools.2.name>', value: 'abcdefghijkl', allowed: 'a name no other pool has', message: "\"profile name 'abcdefghijkl' already exists, profile names must be unique across pools\"" },
    ]);
    expect(run('HUB510', model({ agentPools: [pool({ name: 'abcdefghijklm' })] }))).toHaveLength(1);
  });
});

describe('HUB511: counts and disks', () => {
  it('takes 1 to 1000 VMs, disks up to 2048 GB, and etcd up to 1023 GB as a string of digits', () => {
    expect(run('HUB511', model({ agentPools: [pool({ count: 1, osDiskSizeGb: 0 }), pool({ count: 1000, osDiskSizeGb: 2048 })], controlPlane: { osDiskSizeGb: 2048 }, etcdDiskSizeGb: '1023' }))).toEqual([]);
  });

  it('refuses no pools, counts and disks out of range, and etcd sizes it cannot read or Hub cannot give', () => {
    expect(run('HUB511', model({ agentPools: [] }))).toEqual([{ path: '<agentPools>', value: [], allowed: 'at least one agent pool', message: 'The cluster has no agent pool.' }]);
    expect(run('HUB511', model({ agentPools: [pool({ count: 0 }), pool({ count: 1001 }), pool({ count: 1.5 })] })).map((h) => [h.path, h.value, h.allowed, h.message])).toEqual([
      ['<agentPools.0.count>', 0, '1 to 1000', '"AgentPoolProfile count needs to be in the range [1,1000]"'],
      ['<agentPools.1.count>', 1001, '1 to 1000', '"AgentPoolProfile count needs to be in the range [1,1000]"'],
      ['<agentPools.2.count>', 1.5, '1 to 1000', '"AgentPoolProfile count needs to be in the range [1,1000]"'],
    ]);
    expect(run('HUB511', model({ agentPools: [pool({ osDiskSizeGb: 2049 }), pool({ osDiskSizeGb: -1 })], controlPlane: { osDiskSizeGb: 4096 } })).map((h) => [h.path, h.allowed, h.message])).toEqual([
      ['<agentPools.0.osDiskSizeGb>', '0 to 2048', 'The OS disk size is out of range.'],
      ['<agentPools.1.osDiskSizeGb>', '0 to 2048', 'The OS disk size is out of range.'],
      ['<controlPlane.osDiskSizeGb>', '0 to 2048', 'The OS disk size is out of range.'],
    ]);
    expect(run('HUB511', model({ etcdDiskSizeGb: '1024' }))).toEqual([{ path: '<etcdDiskSizeGb>', value: '1024', allowed: 'at most 1023', message: '"EtcdDiskSizeGB max size supported on Azure Stack is 1023"' }]);
    expect(run('HUB511', model({ etcdDiskSizeGb: '256GB' }))).toEqual([{ path: '<etcdDiskSizeGb>', value: '256GB', allowed: 'a whole number of GB, as a string', message: '"could not convert EtcdDiskSizeGB to int"' }]);
    expect(run('HUB511', model({ etcdDiskSizeGb: 'GB256' }))).toHaveLength(1);
  });
});

describe('HUB512: Windows pools', () => {
  const windows = (p: Patch = {}) => model({ agentPools: [pool({ osType: 'windows' })], network: { plugin: 'azure' }, windowsProfile: { adminUsername: 'azureuser' }, ...p });

  it('takes a Windows pool with a profile and Azure CNI, or kubenet with a Windows SDN plugin or Docker', () => {
    expect(run('HUB512', windows())).toEqual([]);
    expect(run('HUB512', windows({ network: { plugin: 'kubenet' }, windowsSdnPluginUrl: 'https://x/sdn.zip' }))).toEqual([]);
    expect(run('HUB512', windows({ network: { plugin: 'kubenet' }, containerRuntime: 'docker' }))).toEqual([]);
  });

  it('refuses a missing profile, kubenet with containerd and no SDN plugin, and a Key Vault password anywhere', () => {
    expect(run('HUB512', windows({ windowsProfile: undefined }))).toEqual([{ path: '<windowsProfile>', value: undefined, allowed: '{ adminUsername, adminPassword }', message: '"WindowsProfile is required when the cluster definition contains Windows agent pools"' }]);
    expect(run('HUB512', windows({ windowsProfile: { adminUsername: '' } }))).toHaveLength(1);
    expect(run('HUB512', windows({ network: { plugin: 'kubenet' } }))).toEqual([{ path: '<network.plugin>', value: 'kubenet', allowed: "'azure', or a windowsSdnPluginURL", message: '"WindowsSdnPluginURL must be provided when using Windows with ContainerRuntime=containerd and networkPlugin=kubenet"' }]);
    const kv = { vaultId: '/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/v', secretName: 'pw' };
    const hits = run('HUB512', model({ windowsProfile: { adminUsername: 'azureuser', keyVaultSecret: kv } as never }));
    expect(hits).toEqual([
      {
        path: '<windowsProfile.keyVaultSecret>',
        value: kv,
        allowed: 'not set: aks-hub engine apply takes the password from AKS_ENGINE_WINDOWS_PASSWORD',
        message: 'aks-engine-azurestack reads the Windows password only from the API model; a Key Vault reference would be dropped.',
        fix: 'Remove windowsProfile.keyVaultSecret and set AKS_ENGINE_WINDOWS_PASSWORD where aks-hub engine apply runs.',
      },
    ]);
  });
});

describe('HUB513: the API model itself', () => {
  it('checks only an API model file, not props', () => {
    expect(run('HUB513', model({ apiVersion: 'v1', linuxProfile: undefined }))).toEqual([]);
    expect(run('HUB513', model(), 'aks-engine')).toEqual([]);
  });

  it('refuses unknown tags, another apiVersion or orchestrator, a missing VM size and a missing Linux profile', () => {
    expect(run('HUB513', model({ unknownTags: ['properties.masterProfile.vmsize2'], apiVersion: '2016-03-30', orchestratorType: 'DCOS', controlPlane: { vmSize: '' }, linuxProfile: undefined }), 'aks-engine')).toEqual([
      { path: 'properties.masterProfile.vmsize2', value: 'vmsize2', allowed: 'a JSON tag of the vlabs API model', message: '"Unknown JSON tag vmsize2"' },
      { path: '<apiVersion>', value: '2016-03-30', allowed: "'vlabs'", message: "\"unrecognized APIVersion '2016-03-30'\"" },
      { path: '<orchestratorType>', value: 'DCOS', allowed: "'Kubernetes'", message: '"OrchestratorType has unknown orchestrator: DCOS"' },
      { path: '<controlPlane.vmSize>', value: undefined, allowed: 'a VM size', message: '"missing Properties.MasterProfile.VMSize"' },
      { path: 'properties.linuxProfile', value: undefined, allowed: '{ adminUsername, ssh: { publicKeys: [{ keyData }] } }', message: '"missing Properties.LinuxProfile"' },
    ]);
    for (const t of ['Kubernetes', 'kubernetes', '']) expect(run('HUB513', model({ orchestratorType: t }), 'aks-engine'), t).toEqual([]);
    for (const e of ['', 'azurestackcloud']) expect(run('HUB514', model({ customCloud: { environmentName: e } })), e).toEqual([]);
  });
});

describe('HUB514: custom cloud profile', () => {
  it('takes the stamp portal and known values', () => {
    expect(run('HUB514', model({ location: 'Local', customCloud: { portalUrl: 'https://portal.local.azurestack.external/', stampDomain: 'azurestack.external', identitySystem: 'adfs', authenticationMethod: 'client_certificate', dependenciesLocation: 'public', environmentName: 'AzureStackCloud' } }))).toEqual([]);
    // Without a location the portal cannot be judged; deploy takes --location.
    expect(run('HUB514', model({ location: '', customCloud: { portalUrl: 'https://elsewhere/' } }))).toEqual([]);
  });

  it('refuses no profile, no portal, another region, domain or URL parts, and unknown values', () => {
    expect(run('HUB514', model({ customCloud: undefined }))).toEqual([
      { path: 'properties.customCloudProfile', value: undefined, allowed: '{ portalURL, identitySystem }', message: 'Without customCloudProfile aks-engine deploys to public Azure, not to the stamp.', fix: "Add properties.customCloudProfile: { portalURL: 'https://portal.<region>.<domain>/', identitySystem: 'azure_ad' or 'adfs' }." },
    ]);
    expect(run('HUB514', model({ customCloud: { portalUrl: '' } }))).toEqual([{ path: '<customCloud.portalUrl>', value: '', allowed: 'https://portal.local.<domain>/', message: '"portalURL needs to be specified when AzureStackCloud CustomCloudProfile is provided"' }]);
    expect(run('HUB514', model({ location: '', customCloud: { portalUrl: undefined } }))[0]!.allowed).toBe('https://portal.<region>.<domain>/');
    const portal = (portalUrl: string, stampDomain?: string) => run('HUB514', model({ customCloud: { portalUrl, stampDomain } })).map((h) => [h.allowed, h.message]);
    expect(portal('https://portal.east.azurestack.external/')).toEqual([['https://portal.local.<domain>/', '"portalURL needs to start with https://portal.local."']]);
    expect(portal('https://portal.local.evil.example/', 'azurestack.external')).toEqual([["https://portal.local.azurestack.external/", "The portal URL names another domain than the stamp's (azurestack.external); aks-engine would sign in there with the client secret."]]);
    for (const bad of ['https://portal.local.x:8443/', 'https://portal.local.x/?a=1', 'https://portal.local.x/#f', 'https://portal.local.x/ a']) {
      expect(portal(bad)[0]![1], bad).toMatch(/^The portal URL must be a plain https URL of the stamp/);
    }
    expect(portal('https://portal.local.[/')).toEqual([['https://portal.local.<domain>/', 'The portal URL is not a URL.']]);
    expect(run('HUB514', model({ customCloud: { identitySystem: 'ldap', authenticationMethod: 'password', dependenciesLocation: 'mars', environmentName: 'AzurePublicCloud' } })).map((h) => [h.path, h.allowed, h.message])).toEqual([
      ['<customCloud.identitySystem>', "'azure_ad', 'adfs'", 'aks-engine does not know this value.'],
      ['<customCloud.authenticationMethod>', "'client_secret', 'client_certificate'", 'aks-engine does not know this value.'],
      ['<customCloud.dependenciesLocation>', "'public', 'china', 'german', 'usgovernment'", 'aks-engine does not know this value.'],
      ['<customCloud.environmentName>', "'AzureStackCloud', or not set", 'aks-engine treats this model as a cloud other than Azure Stack.'],
    ]);
  });
});

describe('HUB515, HUB516: add-ons, and kubenet in a custom VNET', () => {
  it('refuses an enabled add-on Hub lacks and a disabled cloud provider add-on', () => {
    expect(run('HUB515', model({ addons: [{ name: 'cluster-autoscaler', enabled: false }, { name: 'azure-cloud-provider', enabled: true }, { name: 'coredns', enabled: true }, { name: 'toString', enabled: true }] }))).toEqual([]);
    expect(run('HUB515', model({ addons: [{ name: 'coredns', enabled: true }, { name: 'appgw-ingress', enabled: true }, { name: 'azure-cloud-provider', enabled: false }] }))).toEqual([
      { path: '<addons>.1.enabled', value: true, allowed: 'false', message: 'The appgw-ingress add-on does not run on Azure Stack Hub: it needs Azure Application Gateway, which Hub does not offer.' },
      { path: '<addons>.2.enabled', value: false, allowed: 'true, or leave the add-on out', message: '"azure-cloud-provider add-on is required, it cannot be disabled"' },
    ]);
  });

  it('warns about kubenet only in a custom VNET', () => {
    expect(run('HUB516', model({ network: { plugin: 'kubenet' } }))).toEqual([]);
    expect(run('HUB516', model({ network: { plugin: 'azure' }, controlPlane: { subnetId: SUBNET('v', 'cp') } }))).toEqual([]);
    expect(run('HUB516', model({ network: { plugin: 'kubenet' }, agentPools: [pool({ subnetId: SUBNET('v', 'n') })] }))).toEqual([
      { path: '<network.plugin>', value: 'kubenet', allowed: "'azure', or a route table attached after deploy", message: 'With kubenet in a custom VNET, pods on different nodes reach each other only once the route table aks-engine creates is attached to the subnet.' },
    ]);
    expect(run('HUB516', model({ network: { plugin: 'kubenet' }, controlPlane: { subnetId: '' } }))).toEqual([]);
  });
});

describe('edges: values known only at deploy time, empty strings, and what a pattern must match whole', () => {
  const token = deployTimeString('parameters.x');

  it('HUB500: a version or a release known only at deploy time, an empty or missing release, a v only in front', () => {
    expect(run('HUB500', model({ kubernetesVersion: token }))).toEqual([]);
    expect(run('HUB500', model({ kubernetesVersion: '1.34.4', orchestratorRelease: undefined }))).toEqual([]);
    expect(run('HUB500', model({ kubernetesVersion: '1.34.4', orchestratorRelease: '' }))).toEqual([]);
    expect(run('HUB500', model({ kubernetesVersion: '1.v34.4' })).map((h) => h.path)).toEqual(['<kubernetesVersion>']);
  });

  it('HUB503 names the pool in its message', () => {
    expect(run('HUB503', model({ agentPools: [pool({ name: 'pool2', distro: 'ubuntu' })] })).map((h) => h.message)).toEqual(['aks-engine-azurestack v0.85.0 has no ubuntu image for the pool pool2 on Azure Stack.']);
  });

  it('HUB504: a control plane with no profile, a pool with none, and one known only at deploy time', () => {
    expect(run('HUB504', model({ controlPlane: { availabilityProfile: undefined } }))).toEqual([]);
    expect(run('HUB504', model({ agentPools: [pool({ availabilityProfile: undefined })] })).map((h) => [h.path, h.value])).toEqual([['<agentPools.0.availabilityProfile>', undefined]]);
    expect(run('HUB504', model({ agentPools: [pool({ availabilityProfile: 'VirtualMachineScaleSets' })] })).map((h) => h.value)).toEqual(['VirtualMachineScaleSets']);
    expect(run('HUB504', model({ agentPools: [pool({ availabilityProfile: token })] }))).toEqual([]);
  });

  it('HUB507: a version that is not one, or known only at deploy time, asks for nothing', () => {
    for (const v of ['', token, 'latest']) expect(run('HUB507', model({ kubernetesVersion: v, useCloudControllerManager: false, containerRuntime: 'docker' })), v).toEqual([]);
  });

  it('HUB508: a plugin or policy known only at deploy time; an empty plugin read as kubenet with policy none and as azure otherwise', () => {
    expect(run('HUB508', model({ network: { plugin: token, policy: 'antrea' } }))).toEqual([]);
    expect(run('HUB508', model({ network: { plugin: 'cilium', policy: token } }))).toEqual([]);
    expect(run('HUB508', model({ network: { plugin: '', policy: 'none', mode: 'transparent' } })).map((h) => h.path)).toEqual(['<network.mode>']);
    // Read as azure, antrea is allowed; read as kubenet it would not be.
    expect(run('HUB508', model({ network: { plugin: '', policy: 'antrea' } }))).toEqual([]);
    expect(run('HUB508', model({ network: { plugin: 'kubenet', policy: 'none' } }))).toEqual([]);
    for (const mode of ['', undefined]) expect(run('HUB508', model({ network: { plugin: 'kubenet', policy: '', mode } }))).toEqual([]);
  });

  it('HUB509: an empty subnet id is none, a token is not read, an id must match whole, and the control plane is named', () => {
    const vnet = (p: Patch) => model({ ...p, controlPlane: { subnetId: SUBNET('v', 'cp'), firstConsecutiveStaticIp: '10.1.255.239', ...p.controlPlane }, agentPools: p.agentPools ?? [pool({ subnetId: SUBNET('v', 'nodes') })] });
    expect(run('HUB509', vnet({ agentPools: [pool({ subnetId: '' })] })).map((h) => h.path)).toEqual(['<agentPools.0.subnetId>']);
    expect(run('HUB509', vnet({ controlPlane: { subnetId: undefined } })).map((h) => h.path)).toEqual(['<controlPlane.subnetId>']);
    expect(run('HUB509', vnet({ agentPools: [pool({ subnetId: token })] }))).toEqual([]);
    for (const id of [`x${SUBNET('v', 'nodes')}`, `${SUBNET('v', 'nodes')}/more`]) expect(run('HUB509', vnet({ agentPools: [pool({ subnetId: id })] })).map((h) => h.message), id).toEqual(['"Unable to parse vnetSubnetID."']);
    expect(run('HUB509', vnet({ controlPlane: { firstConsecutiveStaticIp: undefined } })).map((h) => h.path)).toEqual(['<controlPlane.firstConsecutiveStaticIp>']);
    expect(run('HUB509', vnet({ controlPlane: { firstConsecutiveStaticIp: token } }))).toEqual([]);
    expect(run('HUB509', vnet({ controlPlane: { firstConsecutiveStaticIp: '10.1.300.1' } }))).toEqual([
      { path: '<controlPlane.firstConsecutiveStaticIp>', value: '10.1.300.1', allowed: 'an IPv4 address', message: '"MasterProfile.FirstConsecutiveStaticIP (with VNET Subnet specification) \'10.1.300.1\' is an invalid IP address"' },
    ]);
    for (const vnetCidr of ['', token, '10.0.0.0/8']) expect(run('HUB509', vnet({ controlPlane: { vnetCidr } })), String(vnetCidr)).toEqual([]);
  });

  it('HUB510: a pool name known only at deploy time is not judged', () => {
    expect(run('HUB510', model({ agentPools: [pool({ name: token })] }))).toEqual([]);
  });

  it('HUB511: the control plane disk at both ends, and etcd digits only, whole', () => {
    for (const g of [0, 2048]) expect(run('HUB511', model({ controlPlane: { osDiskSizeGb: g } })), String(g)).toEqual([]);
    expect(run('HUB511', model({ controlPlane: { osDiskSizeGb: -1 } })).map((h) => h.path)).toEqual(['<controlPlane.osDiskSizeGb>']);
    // Digits only, as strconv.Atoi reads them: no space, exponent or hex that Number() would take.
    for (const etcd of ['12a', 'a12', '1 2', ' 12', '12 ', '1e3', '0x10']) expect(run('HUB511', model({ etcdDiskSizeGb: etcd })).map((h) => h.message), etcd).toEqual(['"could not convert EtcdDiskSizeGB to int"']);
  });

  it('HUB512: a pool without an OS type is Linux; a Key Vault password is reported beside the other Windows findings; no runtime is containerd', () => {
    expect(run('HUB512', model({ agentPools: [pool({ osType: undefined })], windowsProfile: undefined }))).toEqual([]);
    const kv = { vaultId: '/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/v', secretName: 'pw' };
    const windows = model({ agentPools: [pool({ osType: 'Windows' })], network: { plugin: 'kubenet' }, containerRuntime: undefined, windowsProfile: { adminUsername: 'azureuser', keyVaultSecret: kv } as never });
    expect(run('HUB512', windows).map((h) => h.path)).toEqual(['<windowsProfile.keyVaultSecret>', '<network.plugin>']);
  });

  it('HUB514: a portal or a location known only at deploy time is not judged; an empty value is none; the stamp portal is what is allowed', () => {
    expect(run('HUB514', model({ customCloud: { portalUrl: token } }))).toEqual([]);
    expect(run('HUB514', model({ location: token, customCloud: { portalUrl: 'https://elsewhere/' } }))).toEqual([]);
    for (const v of ['', token]) expect(run('HUB514', model({ customCloud: { identitySystem: v, authenticationMethod: v, dependenciesLocation: v } })), String(v)).toEqual([]);
    expect(run('HUB514', model({ customCloud: { portalUrl: 'https://portal.local.x/?a=1', stampDomain: 'azurestack.external' } })).map((h) => [h.path, h.allowed])).toEqual([['<customCloud.portalUrl>', 'https://portal.local.azurestack.external/']]);
  });
});

describe('the rules an engine cluster shares with an AKS cluster', () => {
  it('run on engine props and API models: each has examples there, and every engine example fails its rule', () => {
    const engineExamples = [...RULE_EXAMPLES].map(([id, ex]) => [id, ex.fail.filter((e) => 'engine' in e || 'apimodel' in e)] as const).filter(([, fail]) => fail.length > 0);
    // A new VNET needs the stack's subscription id, which the examples' stack lacks: below.
    const shared = [...SHARED_ENGINE_RULE_IDS, ...SHARED_ENGINE_PROPS_RULE_IDS].filter((id) => !['HUB201', 'HUB205', 'HUB309'].includes(id));
    expect(shared.filter((id) => !engineExamples.some(([e]) => e === id))).toEqual([]);
    for (const [id, fail] of engineExamples) {
      for (const e of fail) expect(exampleFindings(e).map((f) => f.ruleId), `${id} ${JSON.stringify(e)}`).toContain(id);
    }
  });

  it('run on a new VNET the stack makes for an engine cluster', () => {
    const ids = (vnet: Record<string, unknown>) => checkEngineProps(minimalEngineProps({ network: { vnet: { name: 'v', subnetName: 's', ...vnet } } as never }), STAMP, HUB).findings.map((f) => f.ruleId);
    expect(ids({ addressSpace: ['10.10.0.0/16'], subnetPrefix: '10.20.0.0/24' })).toContain('HUB201');
    expect(ids({ addressSpace: ['10.0.0.0/8'], subnetPrefix: '10.240.0.0/16' })).toContain('HUB205');
    expect(ids({ name: 'bad vnet!', addressSpace: ['10.240.0.0/16'], subnetPrefix: '10.240.0.0/20' })).toContain('HUB309');
  });
});
