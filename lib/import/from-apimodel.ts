import { deepFreeze, deployTimeString, isObject, optional } from '../model/cluster-model';
import type { ClusterModel } from '../model/cluster-model';
import type { EngineClusterModel, EnginePoolModel } from '../model/engine-model';
import { API_MODEL_TAGS } from '../profile/aks-engine';
import type { AzureOnlyPath, FindingLocation } from './cluster-input';
import { azureOnlySettings } from './cluster-input';
import type { EngineInput } from './engine-input';
import { FieldReader } from './field-reader';

/** Whether a JSON document is an aks-engine API model (`apimodel.json`, `kubernetes.json`). */
export function isApiModel(json: Record<string, unknown>): boolean {
  const p = json.properties;
  return typeof json.apiVersion === 'string' && isObject(p) && (isObject(p.orchestratorProfile) || isObject(p.masterProfile) || Array.isArray(p.agentPoolProfiles));
}

/**
 * The model with the keys of its objects spelt as the vlabs tags, as aks-engine reads them
 * (case-insensitively), and the paths of the keys it refuses as `Unknown JSON tag` put in
 * `unknown`. Only the objects of the vlabs types are walked, so the depth is theirs; maps,
 * unknown keys and everything below them are kept as they are.
 */
function canonical(value: unknown, at: string, schemaPath: string, unknown: string[]): unknown {
  const tags = API_MODEL_TAGS[schemaPath];
  if (!tags) return value;
  const object = (o: unknown, where: string): unknown =>
    isObject(o)
      ? Object.fromEntries(
          Object.entries(o).map(([k, v]) => {
            const path = where ? `${where}.${k}` : k;
            const tag = tags.find((t) => t.toLowerCase() === k.toLowerCase());
            if (!tag) {
              unknown.push(path);
              return [k, v];
            }
            const next = schemaPath ? `${schemaPath}.${tag}` : tag;
            return [tag, canonical(v, path, Array.isArray(v) ? `${next}[]` : next, unknown)];
          }),
        )
      : o;
  return Array.isArray(value) ? value.map((v, i) => object(v, `${at}${at ? '.' : ''}${i}`)) : object(value, at);
}

/**
 * Reads an aks-engine API model into the engine model. Keys match case-insensitively, as in
 * aks-engine, and paths in findings use the tags' own spelling. Values it leaves out stay unset,
 * so the rules see what aks-engine would see before its defaults.
 */
export function importApiModel(json: Record<string, unknown>, location?: FindingLocation): EngineInput {
  const tagsOut: string[] = [];
  const r = new FieldReader(canonical(json, '', '', tagsOut), '');
  const p = 'properties.';
  const k = `${p}orchestratorProfile.kubernetesConfig.`;
  const m = `${p}masterProfile.`;
  const pools = r.read('agentPools', `${p}agentPoolProfiles`);
  const poolCount = Array.isArray(pools) ? pools.length : 0;
  const bool = (field: string, path: string): boolean | undefined => {
    const v = r.read(field, path);
    return typeof v === 'boolean' ? v : undefined;
  };
  const str = (field: string, path: string): string | undefined => r.str(field, path, undefined);
  const vnetIds = [str('controlPlane.subnetId', `${m}vnetSubnetID`), ...Array.from({ length: poolCount }, (_, i) => str(`agentPools.${i}.subnetId`, `${p}agentPoolProfiles.${i}.vnetSubnetID`))];
  const someId = vnetIds.find((id) => id !== undefined && id !== '');
  const subnet: ClusterModel['network']['subnet'] = someId ? { kind: 'existing', subnetId: someId } : { kind: 'default' };
  const agentPools: EnginePoolModel[] = Array.from({ length: poolCount }, (_, i) => {
    const at = `${p}agentPoolProfiles.${i}.`;
    const f = `agentPools.${i}.`;
    const zones = r.read(`${f}availabilityZones`, `${at}availabilityZones`);
    return {
      name: r.str(`${f}name`, `${at}name`, ''),
      count: r.num(`${f}count`, `${at}count`, 0),
      vmSize: r.str(`${f}vmSize`, `${at}vmSize`, ''),
      ...optional('osDiskSizeGb', r.num(`${f}osDiskSizeGb`, `${at}osDiskSizeGB`, undefined)),
      osType: r.str(`${f}osType`, `${at}osType`, 'Linux'),
      ...optional('distro', str(`${f}distro`, `${at}distro`)),
      ...optional('availabilityProfile', str(`${f}availabilityProfile`, `${at}availabilityProfile`)),
      ...optional('subnetId', vnetIds[i + 1]),
      acceleratedNetworking: bool(`${f}acceleratedNetworking`, `${at}acceleratedNetworkingEnabled`) === true,
      acceleratedNetworkingWindows: bool(`${f}acceleratedNetworkingWindows`, `${at}acceleratedNetworkingEnabledWindows`) === true,
      availabilityZones: Array.isArray(zones) ? zones : [],
    };
  });
  const keyData = r.read('linuxProfile.sshPublicKey', `${p}linuxProfile.ssh.publicKeys.0.keyData`);
  const kv = r.read('servicePrincipal.keyVaultSecret', `${p}servicePrincipalProfile.keyvaultSecretRef`);
  const plugin = r.str('network.plugin', `${k}networkPlugin`, '');
  const policy = str('network.policy', `${k}networkPolicy`);
  const addons = r.read('addons', `${k}addons`);
  const tags = r.read('tags', 'tags');
  const model: EngineClusterModel = {
    apiVersion: r.str('apiVersion', 'apiVersion', ''),
    ...optional('orchestratorType', str('orchestratorType', `${p}orchestratorProfile.orchestratorType`)),
    name: r.str('name', 'name', ''),
    location: r.str('location', 'location', ''),
    // The group is deploy's --resource-group, not part of the model.
    resourceGroup: { name: deployTimeString('--resource-group'), owned: true },
    dnsPrefix: r.str('dnsPrefix', `${m}dnsPrefix`, ''),
    ...optional('orchestratorRelease', str('orchestratorRelease', `${p}orchestratorProfile.orchestratorRelease`)),
    kubernetesVersion: r.str('kubernetesVersion', `${p}orchestratorProfile.orchestratorVersion`, ''),
    controlPlane: {
      count: r.num('controlPlane.count', `${m}count`, 0),
      vmSize: r.str('controlPlane.vmSize', `${m}vmSize`, ''),
      ...optional('osDiskSizeGb', r.num('controlPlane.osDiskSizeGb', `${m}osDiskSizeGB`, undefined)),
      ...optional('distro', str('controlPlane.distro', `${m}distro`)),
      ...optional('availabilityProfile', str('controlPlane.availabilityProfile', `${m}availabilityProfile`)),
      ...optional('subnetId', vnetIds[0]),
      ...optional('firstConsecutiveStaticIp', str('controlPlane.firstConsecutiveStaticIp', `${m}firstConsecutiveStaticIP`)),
      ...optional('vnetCidr', str('controlPlane.vnetCidr', `${m}vnetCidr`)),
      availabilityZones: (() => {
        const z = r.read('controlPlane.availabilityZones', `${m}availabilityZones`);
        return Array.isArray(z) ? z : [];
      })(),
    },
    agentPools,
    ...(r.has(`${p}linuxProfile`) && {
      linuxProfile: { adminUsername: r.str('linuxProfile.adminUsername', `${p}linuxProfile.adminUsername`, ''), sshPublicKey: typeof keyData === 'string' ? keyData : '' },
    }),
    ...(r.has(`${p}windowsProfile`) && {
      windowsProfile: {
        adminUsername: r.str('windowsProfile.adminUsername', `${p}windowsProfile.adminUsername`, ''),
        ...optional('adminPassword', str('windowsProfile.adminPassword', `${p}windowsProfile.adminPassword`) || undefined),
      },
    }),
    ...(r.has(`${p}servicePrincipalProfile`) && {
      servicePrincipal: {
        clientId: r.str('servicePrincipal.clientId', `${p}servicePrincipalProfile.clientId`, ''),
        ...optional('clientSecret', str('servicePrincipal.clientSecret', `${p}servicePrincipalProfile.secret`) || undefined),
        ...(isObject(kv) && { keyVaultSecret: { vaultId: String(kv.vaultID ?? ''), secretName: String(kv.secretName ?? '') } }),
      },
    }),
    network: {
      plugin,
      ...optional('policy', policy),
      ...optional('mode', str('network.mode', `${k}networkMode`)),
      // Left out, aks-engine sets Basic on Azure Stack.
      loadBalancerSku: r.str('network.loadBalancerSku', `${k}loadBalancerSku`, 'Basic'),
      serviceCidr: r.str('network.serviceCidr', `${k}serviceCidr`, '10.0.0.0/16'),
      dnsServiceIp: r.str('network.dnsServiceIp', `${k}dnsServiceIP`, '10.0.0.10'),
      dockerBridgeCidr: r.str('network.dockerBridgeCidr', `${k}dockerBridgeSubnet`, '172.17.0.1/16'),
      ...optional('podCidr', str('network.podCidr', `${k}clusterSubnet`)),
      ...optional('maxPods', r.num('network.maxPods', `${k}maxPods`, undefined)),
      subnet,
    },
    useInstanceMetadata: bool('useInstanceMetadata', `${k}useInstanceMetadata`) === true,
    ...optional('useCloudControllerManager', bool('useCloudControllerManager', `${k}useCloudControllerManager`)),
    ...optional('useManagedIdentity', bool('useManagedIdentity', `${k}useManagedIdentity`)),
    ...optional('containerRuntime', str('containerRuntime', `${k}containerRuntime`)),
    ...optional('etcdDiskSizeGb', (() => {
      const v = r.read('etcdDiskSizeGb', `${k}etcdDiskSizeGB`);
      return v === undefined ? undefined : String(v);
    })()),
    ...optional('windowsSdnPluginUrl', str('windowsSdnPluginUrl', `${k}windowsSdnPluginURL`)),
    addons: Array.isArray(addons) ? addons.filter(isObject).map((a) => ({ name: String(a.name ?? ''), enabled: a.enabled === true })) : [],
    // Read even when the profile is missing, so that findings name where it goes.
    ...(((cloud) => r.has(`${p}customCloudProfile`) && { customCloud: cloud })({
      ...optional('portalUrl', str('customCloud.portalUrl', `${p}customCloudProfile.portalURL`)),
      ...optional('identitySystem', str('customCloud.identitySystem', `${p}customCloudProfile.identitySystem`)),
      ...optional('authenticationMethod', str('customCloud.authenticationMethod', `${p}customCloudProfile.authenticationMethod`)),
      ...optional('dependenciesLocation', str('customCloud.dependenciesLocation', `${p}customCloudProfile.dependenciesLocation`)),
      ...optional('environmentName', str('customCloud.environmentName', `${p}customCloudProfile.environment.name`)),
    })),
    tags: isObject(tags) ? (tags as Record<string, string>) : {},
    unknownTags: tagsOut,
  };
  const azureOnly: AzureOnlyPath[] = [
    { path: `${k}useManagedIdentity`, feature: 'managedIdentity', on: 'true' },
    { path: `${m}availabilityZones`, feature: 'zones', on: 'list' },
    ...Array.from({ length: poolCount }, (_, i): AzureOnlyPath => ({ path: `${p}agentPoolProfiles.${i}.availabilityZones`, feature: 'zones', on: 'list' })),
  ];
  return { model: deepFreeze(model), vocabulary: 'aks-engine', pathOf: (f) => r.pathOf(f), ...(location && { location }), azureOnly: azureOnlySettings(r, azureOnly), wrongTypes: r.wrongTypes };
}
