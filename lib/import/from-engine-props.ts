import { type Cidr, ipText, parseCidr } from '../model/cidr';
import { deepFreeze, isObject, optional } from '../model/cluster-model';
import { ENGINE_PROP_DEFAULTS } from '../model/defaults';
import type { EngineClusterModel, EnginePoolModel } from '../model/engine-model';
import { type ShapeIssue, engineClusterPropsSchema, shapeIssues } from '../model/props-schema';
import { AKS_ENGINE } from '../profile/aks-engine';
import type { StampProfile } from '../profile/stamp';
import { UNKNOWN } from './arm-expressions';
import type { AzureOnlyPath } from './cluster-input';
import { azureOnlySettings } from './cluster-input';
import type { EngineInput } from './engine-input';
import { FieldReader } from './field-reader';
import { plainCopy, readProfiles, readSubnet } from './from-props';

/** Where `HubAksEngineClusterProps` turn on what Hub lacks, as the shared rules know it. */
function azureOnlyPaths(pools: number): AzureOnlyPath[] {
  return [
    { path: 'useManagedIdentity', feature: 'managedIdentity', on: 'true' },
    ...Array.from({ length: pools }, (_, i): AzureOnlyPath => ({ path: `agentPools.${i}.availabilityZones`, feature: 'zones', on: 'list' })),
  ];
}

/** The first of the control plane's static IPs in a subnet: counted back from its last address. */
export function defaultFirstStaticIp(subnet: Cidr): string {
  return ipText(subnet.last - BigInt(AKS_ENGINE.controlPlaneIpFromEnd) + 1n);
}

/** `/subscriptions/…/subnets/<subnet>` for a subnet the stack creates. */
export function newSubnetId(subscriptionId: string, resourceGroup: string, vnet: string, subnet: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/${subnet}`;
}

/** What reading engine props gives: the props as checked, shape issues, and the cluster. */
export interface EnginePropsImport {
  readonly props: Readonly<Record<string, unknown>>;
  readonly shape: readonly ShapeIssue[];
  readonly input?: EngineInput;
}

/**
 * Reads `HubAksEngineClusterProps` into the engine model with the library's defaults. `portalUrl`
 * is the stamp's, decided by the stack; `subscriptionId` names a subnet the stack creates.
 */
export function importEngineProps(props: unknown, stamp: StampProfile, hub: { portalUrl?: string; identitySystem: string; subscriptionId?: string; stampDomain?: string }): EnginePropsImport {
  if (!isObject(props)) {
    return { props: {}, shape: [{ kind: 'invalid-value', path: '(props)', allowed: 'an object of HubAksEngineClusterProps', message: 'Props must be an object.' }] };
  }
  const throwing: string[] = [];
  const raw = plainCopy(props, '', throwing) as Record<string, unknown>;
  const shape: ShapeIssue[] = [
    ...throwing.map((path): ShapeIssue => ({ kind: 'invalid-value', path, allowed: 'a plain value', message: 'Reading this property threw an error.' })),
    ...shapeIssues(engineClusterPropsSchema(), raw, () => undefined),
  ];
  const broken = new Set(shape.filter((s) => s.kind === 'invalid-value').map((s) => s.path));
  const r = new FieldReader(raw, '', (value, path) => ({ value: broken.has(path) ? UNKNOWN : value, path }));
  const d = ENGINE_PROP_DEFAULTS;

  const name = r.str('name', 'name', 'aks');
  const rg = r.str('resourceGroup.name', 'resourceGroupName', `${name}-rg`);
  const plugin = r.str('network.plugin', 'network.plugin', d['network.plugin']);
  const subnet = readSubnet(r, name, d['network.vnet']);
  // The API model names subnets by resource id; one the stack creates needs the subscription
  // (HUB117 when it is missing).
  const subnetId =
    subnet.kind === 'existing' ? subnet.subnetId : subnet.kind === 'new' && hub.subscriptionId ? newSubnetId(hub.subscriptionId, rg, subnet.vnetName, subnet.subnetName) : undefined;
  const given = r.str('controlPlane.firstConsecutiveStaticIp', 'controlPlane.firstConsecutiveStaticIp', undefined);
  const cidr = subnet.kind === 'new' && given === undefined && typeof subnet.subnetPrefix === 'string' ? parseCidr(subnet.subnetPrefix) : undefined;
  const firstIp = cidr ? defaultFirstStaticIp(cidr) : given;

  const poolsRaw = r.read('agentPools', 'agentPools');
  const poolCount = Array.isArray(poolsRaw) ? poolsRaw.length : 1;
  const agentPools: EnginePoolModel[] = Array.from({ length: poolCount }, (_, i) => {
    const at = (k: string) => `agentPools.${i}.${k}`;
    // The default pool has no props of its own; paths name where the user would write them.
    const osType = r.str(at('osType'), at('osType'), d['agentPools.osType']);
    const zones = r.read(at('availabilityZones'), at('availabilityZones'));
    return {
      name: r.str(at('name'), at('name'), AKS_ENGINE.defaultPoolName),
      count: r.num(at('count'), at('count'), d['agentPools.count']),
      vmSize: r.str(at('vmSize'), at('vmSize'), d['agentPools.vmSize']),
      ...optional('osDiskSizeGb', r.num(at('osDiskSizeGb'), at('osDiskSizeGb'), undefined)),
      osType,
      ...optional('distro', r.str(at('distro'), at('distro'), osType === 'Windows' ? undefined : d['agentPools.distro'])),
      availabilityProfile: r.str(at('availabilityProfile'), at('availabilityProfile'), d['agentPools.availabilityProfile']),
      ...optional('subnetId', subnetId),
      acceleratedNetworking: r.read(at('acceleratedNetworking'), at('acceleratedNetworkingEnabled')) === true,
      acceleratedNetworkingWindows: false,
      availabilityZones: Array.isArray(zones) ? zones : [],
    };
  });

  const maybe = (field: string, path: string): string | undefined => r.str(field, path, undefined);
  const tags = r.read('tags', 'tags');
  const portal = r.str('customCloud.portalUrl', 'portalUrl', hub.portalUrl);
  const model: EngineClusterModel = {
    apiVersion: 'vlabs',
    orchestratorType: 'Kubernetes',
    name,
    location: stamp.location,
    resourceGroup: { name: rg, owned: true },
    dnsPrefix: r.str('dnsPrefix', 'dnsPrefix', name),
    kubernetesVersion: r.str('kubernetesVersion', 'kubernetesVersion', d.kubernetesVersion),
    controlPlane: {
      count: r.num('controlPlane.count', 'controlPlane.count', d['controlPlane.count']),
      vmSize: r.str('controlPlane.vmSize', 'controlPlane.vmSize', d['controlPlane.vmSize']),
      ...optional('osDiskSizeGb', r.num('controlPlane.osDiskSizeGb', 'controlPlane.osDiskSizeGb', undefined)),
      distro: r.str('controlPlane.distro', 'controlPlane.distro', d['controlPlane.distro']),
      availabilityProfile: r.str('controlPlane.availabilityProfile', 'controlPlane.availabilityProfile', d['controlPlane.availabilityProfile']),
      ...optional('subnetId', subnetId),
      ...optional('firstConsecutiveStaticIp', firstIp),
      availabilityZones: [],
    },
    agentPools,
    ...readProfiles(r),
    network: {
      plugin,
      ...optional('policy', maybe('network.policy', 'network.policy')),
      loadBalancerSku: r.str('network.loadBalancerSku', 'loadBalancerSku', d.loadBalancerSku),
      serviceCidr: r.str('network.serviceCidr', 'network.serviceCidr', d['network.serviceCidr']),
      dnsServiceIp: r.str('network.dnsServiceIp', 'network.dnsServiceIp', d['network.dnsServiceIp']),
      dockerBridgeCidr: r.str('network.dockerBridgeCidr', 'network.dockerBridgeCidr', d['network.dockerBridgeCidr']),
      ...(plugin === 'kubenet' && { podCidr: r.str('network.podCidr', 'network.podCidr', d['network.podCidr']) }),
      subnet,
    },
    useInstanceMetadata: r.read('useInstanceMetadata', 'useInstanceMetadata') === true,
    useCloudControllerManager: true,
    ...optional('useManagedIdentity', r.read('useManagedIdentity', 'useManagedIdentity') === true ? true : undefined),
    containerRuntime: 'containerd',
    addons: [],
    customCloud: { ...optional('portalUrl', portal), identitySystem: hub.identitySystem, ...optional('stampDomain', hub.stampDomain) },
    tags: { ...(isObject(tags) ? (tags as Record<string, string>) : d.tags) },
    unknownTags: [],
  };
  const input: EngineInput = {
    model: deepFreeze(model),
    vocabulary: 'props',
    pathOf: (f) => r.pathOf(f),
    azureOnly: azureOnlySettings(r, azureOnlyPaths(poolCount)),
  };
  return { props: raw, shape, input };
}
