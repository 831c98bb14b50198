import { apiVersionOf } from '../profile/api-versions';
import type { StampProfile } from '../profile/stamp';
import { type ClusterModel, deepFreeze, isObject, optional } from '../model/cluster-model';
import { PROP_DEFAULTS } from '../model/defaults';
import type { KeyVaultSecretRef } from '../model/props';
import { type ShapeIssue, clusterPropsSchema, schemaKeysAt, shapeIssues } from '../model/props-schema';
import { UNKNOWN } from './arm-expressions';
import { type AzureOnlyPath, type ClusterInput, azureOnlySettings, enabledAddons } from './cluster-input';
import { FieldReader } from './field-reader';
import { Token } from 'cdktf';

/** Where `HubAksClusterProps` turn on what Hub lacks. */
const AZURE_ONLY_PROPS: readonly AzureOnlyPath[] = [
  { path: 'identity', feature: 'managedIdentity', on: (v) => !(v && typeof v === 'object' && (v as { type?: unknown }).type === 'None') },
  { path: 'kubeletIdentity', feature: 'kubeletIdentity', on: 'set' },
  { path: 'nodePools', feature: 'extraPool', on: 'list' },
  { path: 'nodePool.enableAutoScaling', feature: 'autoscaler', on: 'true' },
  { path: 'nodePool.minCount', feature: 'autoscaler', on: 'set' },
  { path: 'nodePool.maxCount', feature: 'autoscaler', on: 'set' },
  { path: 'autoScalerProfile', feature: 'autoscaler', on: 'set' },
  { path: 'nodePool.availabilityZones', feature: 'zones', on: 'list' },
  { path: 'nodePool.zones', feature: 'zones', on: 'list' },
  { path: 'availabilityZones', feature: 'zones', on: 'list' },
  { path: 'enablePrivateCluster', feature: 'privateCluster', on: 'true' },
  { path: 'apiServerAuthorizedIpRanges', feature: 'authorizedIpRanges', on: 'list' },
  { path: 'aadProfile', feature: 'aad', on: 'set' },
  { path: 'network.loadBalancerProfile', feature: 'loadBalancerProfile', on: 'set' },
];

/** The cluster name a default derives from, or a placeholder when it is not a string. */
const nameOf = (v: unknown): string => (typeof v === 'string' ? v : 'aks');

/**
 * The DNS prefix a name gives: lower-case letters, digits and hyphens, at most 54 characters,
 * starting and ending with a letter or digit (what the 2020-11-01 API accepts).
 */
export function dnsPrefixFor(name: string): string {
  if (Token.isUnresolved(name)) return name;
  const label = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 54).replace(/^-+|-+$/g, '');
  return label || 'aks';
}

/**
 * A copy of plain objects and arrays without the properties set to `undefined`, so that
 * `{ x: undefined }` means "not set". A getter that throws is left out, and its path noted.
 */
export function plainCopy(value: unknown, path: string, throwing: string[], depth = 0): unknown {
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v, i) => plainCopy(v, path ? `${path}.${i}` : String(i), throwing, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
    if (!d.enumerable) continue;
    const at = path ? `${path}.${k}` : k;
    let v: unknown;
    try {
      v = d.get ? d.get.call(value) : d.value;
    } catch {
      throwing.push(at);
      continue;
    }
    if (v !== undefined) Object.defineProperty(out, k, { value: plainCopy(v, at, throwing, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Model fields whose prop has another name; every other field is its own prop path. */
const PROP_NAMES: Readonly<Record<string, string>> = {
  'resourceGroup.name': 'resourceGroupName',
  'resourceGroup.owned': 'existingResourceGroup',
  'network.subnetId': 'network.vnet.subnetId',
  apiVersion: 'the api-version (written by the library)',
};

/** The prop a model field is set by: how rule texts read in the docs. */
export function propName(field: string): string {
  return PROP_NAMES[field] ?? field;
}

/** Props read into the model, and where they break the props shape. */
/**
 * The service principal and the Linux and Windows profiles, as props of both cluster constructs
 * write them, with the library's defaults: read the same way for both.
 */
export function readProfiles(r: FieldReader): Pick<ClusterModel, 'servicePrincipal' | 'linuxProfile' | 'windowsProfile'> {
  const d = PROP_DEFAULTS;
  const maybe = (path: string): string | undefined => r.str(path, path, undefined);
  const secretKv = r.read('servicePrincipal.keyVaultSecret', 'servicePrincipal.keyVaultSecret');
  const winKv = r.read('windowsProfile.keyVaultSecret', 'windowsProfile.keyVaultSecret');
  return {
    servicePrincipal: {
      clientId: r.str('servicePrincipal.clientId', 'servicePrincipal.clientId', ''),
      ...optional('clientSecret', maybe('servicePrincipal.clientSecret')),
      ...optional('objectId', maybe('servicePrincipal.objectId')),
      ...(isObject(secretKv) && { keyVaultSecret: { ...(secretKv as unknown as KeyVaultSecretRef) } }),
    },
    ...(r.has('linuxProfile') && {
      linuxProfile: {
        adminUsername: r.str('linuxProfile.adminUsername', 'linuxProfile.adminUsername', d['linuxProfile.adminUsername']),
        sshPublicKey: r.str('linuxProfile.sshPublicKey', 'linuxProfile.sshPublicKey', ''),
      },
    }),
    ...(r.has('windowsProfile') && {
      windowsProfile: {
        adminUsername: r.str('windowsProfile.adminUsername', 'windowsProfile.adminUsername', d['windowsProfile.adminUsername']),
        ...optional('adminPassword', maybe('windowsProfile.adminPassword')),
        ...(isObject(winKv) && { keyVaultSecret: { ...(winKv as unknown as KeyVaultSecretRef) } }),
      },
    }),
  };
}

/**
 * Where the nodes go, as the props of both cluster constructs write `network.vnet`: the
 * platform's VNET (`'default'`), an existing subnet, or a new VNET with the library's defaults.
 * `unset` is what leaving `network.vnet` out means.
 */
export function readSubnet(r: FieldReader, clusterName: string, unset: 'default' | 'new'): ClusterModel['network']['subnet'] {
  const d = PROP_DEFAULTS;
  const vnet = r.read('network.vnet', 'network.vnet') ?? unset;
  if (vnet === 'default') return { kind: 'default' };
  if (r.has('network.vnet.subnetId')) return { kind: 'existing', subnetId: r.str('network.subnetId', 'network.vnet.subnetId', '') };
  const space = r.read('network.vnet.addressSpace', 'network.vnet.addressSpace');
  return {
    kind: 'new',
    vnetName: r.str('network.vnet.name', 'network.vnet.name', `${clusterName}-vnet`),
    addressSpace: Array.isArray(space) ? space.map(String) : [...d['network.vnet.addressSpace']],
    subnetName: r.str('network.vnet.subnetName', 'network.vnet.subnetName', d['network.vnet.subnetName']),
    subnetPrefix: r.str('network.vnet.subnetPrefix', 'network.vnet.subnetPrefix', d['network.vnet.subnetPrefix']),
  };
}

export interface PropsImport {
  /** The props as checked: plain objects without `undefined` properties. */
  readonly props: Readonly<Record<string, unknown>>;
  readonly shape: readonly ShapeIssue[];
  /** The cluster, unless the props are not an object. */
  readonly input?: ClusterInput;
}

/**
 * Reads `HubAksClusterProps` into the cluster model with the library's defaults. A value of the
 * wrong shape is reported by the shape check and read as unknown, so every other rule still runs.
 */
export function importProps(props: unknown, stamp: StampProfile): PropsImport {
  if (props === null || typeof props !== 'object' || Array.isArray(props)) {
    return { props: {}, shape: [{ kind: 'invalid-value', path: '(props)', allowed: 'an object of HubAksClusterProps', message: 'Props must be an object.' }] };
  }
  const throwing: string[] = [];
  const raw = plainCopy(props, '', throwing) as Record<string, unknown>;
  const shape: ShapeIssue[] = [
    ...throwing.map((path): ShapeIssue => ({ kind: 'invalid-value', path, allowed: 'a plain value', message: 'Reading this property threw an error.' })),
    ...shapeIssues(clusterPropsSchema, raw, (p) => schemaKeysAt(p)),
  ];
  const broken = new Set(shape.filter((s) => s.kind === 'invalid-value').map((s) => s.path));
  const r = new FieldReader(raw, '', (value, path) => ({ value: broken.has(path) ? UNKNOWN : value, path }));
  const d = PROP_DEFAULTS;

  const name = r.str('name', 'name', 'aks');
  const rawPlugin = r.str('network.plugin', 'network.plugin', d['network.plugin']);
  const plugin = rawPlugin === 'kubenet' ? 'kubenet' : 'azure';
  const subnet = readSubnet(r, nameOf(name), 'new');
  const rg = r.str('resourceGroup.name', 'resourceGroupName', `${nameOf(name)}-rg`);
  const existingRg = r.read('resourceGroup.owned', 'existingResourceGroup') === true;
  const osType = r.str('nodePool.osType', 'nodePool.osType', d['nodePool.osType']);
  const maybe = (field: string, path: string): string | undefined => r.str(field, path, undefined);

  // Two spellings of the SKU: the one that is not basic is the one to report.
  const skus = ['loadBalancerSku', 'network.loadBalancerSku'].map((p) => r.at(p));
  const sku = skus.find((s) => s.value !== undefined && s.value !== 'basic') ?? skus.find((s) => s.value !== undefined);
  r.paths.set('network.loadBalancerSku', sku?.path ?? 'network.loadBalancerSku');

  const tags = r.read('tags', 'tags');
  const model: ClusterModel = {
    name,
    location: stamp.location,
    apiProfile: stamp.apiProfile,
    apiVersion: apiVersionOf(stamp.apiProfile, 'Microsoft.ContainerService/managedClusters'),
    resourceGroup: { name: rg, owned: !existingRg },
    dnsPrefix: r.str('dnsPrefix', 'dnsPrefix', dnsPrefixFor(name)),
    kubernetesVersion: r.str('kubernetesVersion', 'kubernetesVersion', d.kubernetesVersion),
    enableRbac: r.read('enableRbac', 'enableRbac') !== false,
    skuTier: r.str('skuTier', 'skuTier', d.skuTier),
    nodePool: {
      name: r.str('nodePool.name', 'nodePool.name', d['nodePool.name']),
      count: r.num('nodePool.count', 'nodePool.count', d['nodePool.count']),
      vmSize: r.str('nodePool.vmSize', 'nodePool.vmSize', d['nodePool.vmSize']),
      osDiskSizeGb: r.num('nodePool.osDiskSizeGb', 'nodePool.osDiskSizeGb', d['nodePool.osDiskSizeGb']),
      maxPods: r.num('nodePool.maxPods', 'nodePool.maxPods', d['nodePool.maxPods'][plugin]),
      osType: osType === 'Windows' ? 'Windows' : 'Linux',
      mode: 'System',
      type: r.str('nodePool.type', 'nodePool.type', d['nodePool.type']),
    },
    ...readProfiles(r),
    network: {
      plugin,
      ...optional('policy', maybe('network.policy', 'network.policy')),
      loadBalancerSku: sku === undefined ? d.loadBalancerSku : (sku.value as string),
      outboundType: r.str('network.outboundType', 'network.outboundType', d['network.outboundType']),
      serviceCidr: r.str('network.serviceCidr', 'network.serviceCidr', d['network.serviceCidr']),
      dnsServiceIp: r.str('network.dnsServiceIp', 'network.dnsServiceIp', d['network.dnsServiceIp']),
      dockerBridgeCidr: r.str('network.dockerBridgeCidr', 'network.dockerBridgeCidr', d['network.dockerBridgeCidr']),
      ...(plugin === 'kubenet' && { podCidr: r.str('network.podCidr', 'network.podCidr', d['network.podCidr']) }),
      subnet,
    },
    tags: { ...(isObject(tags) ? (tags as Record<string, string>) : d.tags) },
    azureOnly: [...azureOnlySettings(r, AZURE_ONLY_PROPS), ...enabledAddons(r, 'addons')],
  };
  return { props: raw, shape, input: { model: deepFreeze(model), vocabulary: 'props', pathOf: (f) => r.pathOf(f) } };
}

