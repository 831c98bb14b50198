import { Token, Tokenization } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { importApiModel, isApiModel } from '../lib/import/from-apimodel';

const SUBNET = (s: string) => `/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/${s}`;

/** An API model that sets every field the reader takes, some keys spelt in another case, as aks-engine accepts. */
const full = () => ({
  apiVersion: 'vlabs',
  name: 'fleet',
  location: 'local',
  tags: { team: 'ops' },
  properties: {
    orchestratorProfile: {
      orchestratorType: 'Kubernetes',
      orchestratorRelease: '1.34',
      orchestratorVersion: '1.34.4',
      kubernetesConfig: {
        networkPlugin: 'azure',
        networkPolicy: 'azure',
        networkMode: 'transparent',
        loadBalancerSku: 'Standard',
        serviceCidr: '10.2.0.0/16',
        dnsServiceIP: '10.2.0.10',
        dockerBridgeSubnet: '172.18.0.1/16',
        clusterSubnet: '10.244.0.0/16',
        maxPods: 50,
        useInstanceMetadata: true,
        useCloudControllerManager: true,
        useManagedIdentity: true,
        containerRuntime: 'containerd',
        etcdDiskSizeGB: 256,
        windowsSdnPluginURL: 'https://x/sdn.zip',
        addons: [{ name: 'coredns', enabled: true }, { name: 'cluster-autoscaler' }, 'junk'],
      },
    },
    masterProfile: { count: 3, dnsPrefix: 'fleet', vmSize: 'Standard_DS2_v2', osDiskSizeGB: 128, distro: 'aks-ubuntu-22.04', availabilityProfile: 'AvailabilitySet', vnetSubnetID: SUBNET('cp'), firstConsecutiveStaticIP: '10.1.255.239', vnetCidr: '10.1.0.0/16', availabilityZones: ['1'] },
    agentPoolProfiles: [
      { name: 'linux', count: 2, vmSize: 'Standard_D2_v2', osDiskSizeGB: 64, osType: 'Linux', distro: 'ubuntu-22.04', availabilityProfile: 'AvailabilitySet', vnetSubnetID: SUBNET('a'), AcceleratedNetworkingEnabled: true, acceleratedNetworkingEnabledWindows: false, availabilityZones: ['2'] },
      { name: 'win', count: 1, vmSize: 'Standard_D4_v2', osType: 'Windows', acceleratedNetworkingEnabledWindows: true },
    ],
    linuxProfile: { adminUsername: 'azureuser', ssh: { publicKeys: [{ keyData: 'ssh-rsa AAAA' }] } },
    windowsProfile: { adminUsername: 'winadmin', adminPassword: 'pw' },
    servicePrincipalProfile: { clientId: 'app', secret: 'sec', keyvaultSecretRef: { vaultID: '/kv', secretName: 'sp' } },
    customCloudProfile: { portalURL: 'https://portal.local.azurestack.external/', identitySystem: 'adfs', authenticationMethod: 'client_certificate', dependenciesLocation: 'public', environment: { name: 'AzureStackCloud' } },
  },
});

describe('an aks-engine API model read into the engine model', () => {
  it('reads every field where the model sets it', () => {
    const input = importApiModel(full(), { file: 'apimodel.json' });
    expect(input.vocabulary).toBe('aks-engine');
    expect(input.location).toEqual({ file: 'apimodel.json' });
    const { resourceGroup, ...m } = input.model;
    expect(Token.isUnresolved(resourceGroup.name)).toBe(true);
    expect(m).toEqual({
      apiVersion: 'vlabs',
      orchestratorType: 'Kubernetes',
      name: 'fleet',
      location: 'local',
      dnsPrefix: 'fleet',
      orchestratorRelease: '1.34',
      kubernetesVersion: '1.34.4',
      controlPlane: { count: 3, vmSize: 'Standard_DS2_v2', osDiskSizeGb: 128, distro: 'aks-ubuntu-22.04', availabilityProfile: 'AvailabilitySet', subnetId: SUBNET('cp'), firstConsecutiveStaticIp: '10.1.255.239', vnetCidr: '10.1.0.0/16', availabilityZones: ['1'] },
      agentPools: [
        { name: 'linux', count: 2, vmSize: 'Standard_D2_v2', osDiskSizeGb: 64, osType: 'Linux', distro: 'ubuntu-22.04', availabilityProfile: 'AvailabilitySet', subnetId: SUBNET('a'), acceleratedNetworking: true, acceleratedNetworkingWindows: false, availabilityZones: ['2'] },
        { name: 'win', count: 1, vmSize: 'Standard_D4_v2', osType: 'Windows', acceleratedNetworking: false, acceleratedNetworkingWindows: true, availabilityZones: [] },
      ],
      linuxProfile: { adminUsername: 'azureuser', sshPublicKey: 'ssh-rsa AAAA' },
      windowsProfile: { adminUsername: 'winadmin', adminPassword: 'pw' },
      servicePrincipal: { clientId: 'app', clientSecret: 'sec', keyVaultSecret: { vaultId: '/kv', secretName: 'sp' } },
      network: { plugin: 'azure', policy: 'azure', mode: 'transparent', loadBalancerSku: 'Standard', serviceCidr: '10.2.0.0/16', dnsServiceIp: '10.2.0.10', dockerBridgeCidr: '172.18.0.1/16', podCidr: '10.244.0.0/16', maxPods: 50, subnet: { kind: 'existing', subnetId: SUBNET('cp') } },
      useInstanceMetadata: true,
      useCloudControllerManager: true,
      useManagedIdentity: true,
      containerRuntime: 'containerd',
      etcdDiskSizeGb: '256',
      windowsSdnPluginUrl: 'https://x/sdn.zip',
      addons: [
        { name: 'coredns', enabled: true },
        { name: 'cluster-autoscaler', enabled: false },
      ],
      customCloud: { portalUrl: 'https://portal.local.azurestack.external/', identitySystem: 'adfs', authenticationMethod: 'client_certificate', dependenciesLocation: 'public', environmentName: 'AzureStackCloud' },
      tags: { team: 'ops' },
      unknownTags: [],
    });
    expect(input.azureOnly!.map((s) => [s.feature, s.path])).toEqual([
      ['managedIdentity', 'properties.orchestratorProfile.kubernetesConfig.useManagedIdentity'],
      ['zones', 'properties.masterProfile.availabilityZones'],
      ['zones', 'properties.agentPoolProfiles.0.availabilityZones'],
    ]);
  });

  it('names every field by its path, in the spelling of the vlabs tags whatever the file wrote', () => {
    const input = importApiModel(full());
    const k = 'properties.orchestratorProfile.kubernetesConfig.';
    const paths: Record<string, string> = {
      apiVersion: 'apiVersion',
      name: 'name',
      location: 'location',
      dnsPrefix: 'properties.masterProfile.dnsPrefix',
      kubernetesVersion: 'properties.orchestratorProfile.orchestratorVersion',
      orchestratorRelease: 'properties.orchestratorProfile.orchestratorRelease',
      orchestratorType: 'properties.orchestratorProfile.orchestratorType',
      'controlPlane.count': 'properties.masterProfile.count',
      'controlPlane.vmSize': 'properties.masterProfile.vmSize',
      'controlPlane.osDiskSizeGb': 'properties.masterProfile.osDiskSizeGB',
      'controlPlane.subnetId': 'properties.masterProfile.vnetSubnetID',
      'controlPlane.firstConsecutiveStaticIp': 'properties.masterProfile.firstConsecutiveStaticIP',
      'agentPools.0.acceleratedNetworking': 'properties.agentPoolProfiles.0.acceleratedNetworkingEnabled',
      'agentPools.1.acceleratedNetworkingWindows': 'properties.agentPoolProfiles.1.acceleratedNetworkingEnabledWindows',
      'agentPools.1.osType': 'properties.agentPoolProfiles.1.osType',
      'linuxProfile.sshPublicKey': 'properties.linuxProfile.ssh.publicKeys.0.keyData',
      'windowsProfile.adminPassword': 'properties.windowsProfile.adminPassword',
      'servicePrincipal.clientSecret': 'properties.servicePrincipalProfile.secret',
      'servicePrincipal.keyVaultSecret': 'properties.servicePrincipalProfile.keyvaultSecretRef',
      'network.plugin': `${k}networkPlugin`,
      'network.dockerBridgeCidr': `${k}dockerBridgeSubnet`,
      'network.podCidr': `${k}clusterSubnet`,
      etcdDiskSizeGb: `${k}etcdDiskSizeGB`,
      useInstanceMetadata: `${k}useInstanceMetadata`,
      addons: `${k}addons`,
      'customCloud.portalUrl': 'properties.customCloudProfile.portalURL',
      'customCloud.environmentName': 'properties.customCloudProfile.environment.name',
      'customCloud.identitySystem': 'properties.customCloudProfile.identitySystem',
      'customCloud.authenticationMethod': 'properties.customCloudProfile.authenticationMethod',
      'customCloud.dependenciesLocation': 'properties.customCloudProfile.dependenciesLocation',
      'controlPlane.distro': 'properties.masterProfile.distro',
      'controlPlane.availabilityProfile': 'properties.masterProfile.availabilityProfile',
      'controlPlane.vnetCidr': 'properties.masterProfile.vnetCidr',
      'controlPlane.availabilityZones': 'properties.masterProfile.availabilityZones',
      'agentPools.0.name': 'properties.agentPoolProfiles.0.name',
      'agentPools.0.count': 'properties.agentPoolProfiles.0.count',
      'agentPools.0.vmSize': 'properties.agentPoolProfiles.0.vmSize',
      'agentPools.0.osDiskSizeGb': 'properties.agentPoolProfiles.0.osDiskSizeGB',
      'agentPools.0.distro': 'properties.agentPoolProfiles.0.distro',
      'agentPools.0.availabilityProfile': 'properties.agentPoolProfiles.0.availabilityProfile',
      'agentPools.0.subnetId': 'properties.agentPoolProfiles.0.vnetSubnetID',
      'agentPools.0.availabilityZones': 'properties.agentPoolProfiles.0.availabilityZones',
      agentPools: 'properties.agentPoolProfiles',
      'linuxProfile.adminUsername': 'properties.linuxProfile.adminUsername',
      'windowsProfile.adminUsername': 'properties.windowsProfile.adminUsername',
      'servicePrincipal.clientId': 'properties.servicePrincipalProfile.clientId',
      'network.policy': `${k}networkPolicy`,
      'network.mode': `${k}networkMode`,
      'network.loadBalancerSku': `${k}loadBalancerSku`,
      'network.serviceCidr': `${k}serviceCidr`,
      'network.dnsServiceIp': `${k}dnsServiceIP`,
      'network.maxPods': `${k}maxPods`,
      useCloudControllerManager: `${k}useCloudControllerManager`,
      useManagedIdentity: `${k}useManagedIdentity`,
      containerRuntime: `${k}containerRuntime`,
      windowsSdnPluginUrl: `${k}windowsSdnPluginURL`,
      tags: 'tags',
    };
    for (const [field, path] of Object.entries(paths)) expect(input.pathOf(field), field).toBe(path);
  });

  it('leaves out what the model leaves out, and takes the defaults aks-engine takes on Azure Stack', () => {
    const m = importApiModel({ apiVersion: 'vlabs', properties: { masterProfile: {}, agentPoolProfiles: [{}] } }).model;
    expect(m.controlPlane).toEqual({ count: 0, vmSize: '', availabilityZones: [] });
    expect(m.agentPools).toEqual([{ name: '', count: 0, vmSize: '', osType: 'Linux', acceleratedNetworking: false, acceleratedNetworkingWindows: false, availabilityZones: [] }]);
    expect(m.network).toEqual({ plugin: '', loadBalancerSku: 'Basic', serviceCidr: '10.0.0.0/16', dnsServiceIp: '10.0.0.10', dockerBridgeCidr: '172.17.0.1/16', subnet: { kind: 'default' } });
    for (const key of ['linuxProfile', 'windowsProfile', 'servicePrincipal', 'customCloud', 'orchestratorType', 'etcdDiskSizeGb', 'useCloudControllerManager']) expect(m, key).not.toHaveProperty(key);
    expect([m.useInstanceMetadata, m.addons, m.tags, m.unknownTags]).toEqual([false, [], {}, []]);
    // An empty secret or password is no secret; a Linux profile without a key takes deploy's.
    const empty = importApiModel({ apiVersion: 'vlabs', properties: { linuxProfile: { adminUsername: 'a' }, windowsProfile: { adminUsername: 'w', adminPassword: '' }, servicePrincipalProfile: { clientId: 'c', secret: '' } } }).model;
    expect([empty.linuxProfile, empty.windowsProfile, empty.servicePrincipal]).toEqual([{ adminUsername: 'a', sshPublicKey: '' }, { adminUsername: 'w' }, { clientId: 'c' }]);
  });

  it('reads what an API model leaves empty as empty, and a flag that is not true or false as unset', () => {
    const m = importApiModel({
      properties: {
        linuxProfile: {},
        windowsProfile: {},
        servicePrincipalProfile: { keyvaultSecretRef: {} },
        orchestratorProfile: { kubernetesConfig: { addons: [{ enabled: 'yes' }], useCloudControllerManager: 'yes', useManagedIdentity: 1, useInstanceMetadata: 'true' } },
      },
    }).model;
    expect([m.apiVersion, m.name, m.location, m.dnsPrefix, m.kubernetesVersion]).toEqual(['', '', '', '', '']);
    expect(m.linuxProfile).toEqual({ adminUsername: '', sshPublicKey: '' });
    expect(m.windowsProfile).toEqual({ adminUsername: '' });
    expect(m.servicePrincipal).toEqual({ clientId: '', keyVaultSecret: { vaultId: '', secretName: '' } });
    expect(m.addons).toEqual([{ name: '', enabled: false }]);
    expect(m.useInstanceMetadata).toBe(false);
    expect(m).not.toHaveProperty('useCloudControllerManager');
    expect(m).not.toHaveProperty('useManagedIdentity');
    // The group is aks-engine deploy's --resource-group: known when the command runs.
    expect(m.resourceGroup.owned).toBe(true);
    expect(Tokenization.reverseString(m.resourceGroup.name).tokens.map((t) => t.resolve({} as never))).toEqual(['--resource-group']);
  });

  it('takes the first custom subnet of any profile as the cluster\'s, and lists keys aks-engine refuses', () => {
    const json = { apiVersion: 'vlabs', properties: { masterProfile: { vnetSubnetID: '' }, agentPoolProfiles: [{ name: 'a' }, { name: 'b', vnetSubnetID: SUBNET('b'), poolBogus: true }], orchestratorProfile: { kubernetesConfig: { bogus: 1 } } }, extra: { x: 1 } };
    const input = importApiModel(json);
    expect(input.model.network.subnet).toEqual({ kind: 'existing', subnetId: SUBNET('b') });
    expect(input.model.agentPools[1]!.subnetId).toBe(SUBNET('b'));
    expect(input.model.unknownTags).toEqual(['properties.agentPoolProfiles.1.poolBogus', 'properties.orchestratorProfile.kubernetesConfig.bogus', 'extra']);
  });

  it('tells an API model from other JSON by its shape', () => {
    expect(isApiModel({ apiVersion: 'vlabs', properties: { orchestratorProfile: {} } })).toBe(true);
    expect(isApiModel({ apiVersion: 'vlabs', properties: { masterProfile: {} } })).toBe(true);
    expect(isApiModel({ apiVersion: 'vlabs', properties: { agentPoolProfiles: [] } })).toBe(true);
    expect(isApiModel({ apiVersion: 'vlabs', properties: { agentPoolProfiles: {} } })).toBe(false);
    expect(isApiModel({ apiVersion: 1, properties: { masterProfile: {} } })).toBe(false);
    expect(isApiModel({ apiVersion: 'vlabs', properties: [] })).toBe(false);
    expect(isApiModel({ apiVersion: 'vlabs' })).toBe(false);
  });
});
