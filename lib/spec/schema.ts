import { z } from 'zod';

/**
 * The shape of `HubAksClusterProps`, checked at run time for JavaScript callers and JSON configs.
 * It checks types only. Hub rules (allowed values, catalogs, network math) live in `lib/rules/`,
 * and Azure-only knobs are accepted here as `unknown` so that their own rule reports them with
 * its id and fix instead of a generic type error.
 */

const str = z.string();
const int = z.number().int();
const knob = z.unknown().optional();

const keyVaultSecret = z.strictObject({
  vaultId: str,
  secretName: str,
  secretVersion: str.optional(),
});

const servicePrincipal = z.strictObject({
  clientId: str,
  clientSecret: str.optional(),
  objectId: str.optional(),
  keyVaultSecret: keyVaultSecret.optional(),
});

const nodePool = z.strictObject({
  name: str.optional(),
  count: int.optional(),
  vmSize: str.optional(),
  osDiskSizeGb: int.optional(),
  maxPods: int.optional(),
  osType: z.enum(['Linux', 'Windows']).optional(),
  type: knob,
  enableAutoScaling: knob,
  minCount: knob,
  maxCount: knob,
  availabilityZones: knob,
  zones: knob,
});

const vnet = z.strictObject({
  name: str.optional(),
  addressSpace: z.array(str).min(1).optional(),
  subnetName: str.optional(),
  subnetPrefix: str.optional(),
  subnetId: str.optional(),
});

const network = z.strictObject({
  plugin: z.enum(['azure', 'kubenet']).optional(),
  policy: knob,
  vnet: z.union([z.literal('default'), vnet]).optional(),
  serviceCidr: str.optional(),
  dnsServiceIp: str.optional(),
  dockerBridgeCidr: str.optional(),
  podCidr: str.optional(),
  loadBalancerSku: knob,
  loadBalancerProfile: knob,
  outboundType: knob,
});

/** Run-time schema of `HubAksClusterProps`. */
export const clusterPropsSchema = z.strictObject({
  name: str,
  servicePrincipal,
  kubernetesVersion: str.optional(),
  dnsPrefix: str.optional(),
  resourceGroupName: str.optional(),
  existingResourceGroup: z.boolean().optional(),
  nodePool: nodePool.optional(),
  linuxProfile: z.strictObject({ adminUsername: str.optional(), sshPublicKey: str }).optional(),
  windowsProfile: z
    .strictObject({ adminUsername: str.optional(), adminPassword: str.optional(), keyVaultSecret: keyVaultSecret.optional() })
    .optional(),
  network: network.optional(),
  enableRbac: z.boolean().optional(),
  tags: z.record(str, str).optional(),
  suppressions: z.array(z.strictObject({ ruleId: str, reason: str })).optional(),
  // Azure-only knobs, each reported by its own rule.
  loadBalancerSku: knob,
  skuTier: knob,
  identity: knob,
  kubeletIdentity: knob,
  nodePools: knob,
  enablePrivateCluster: knob,
  apiServerAuthorizedIpRanges: knob,
  aadProfile: knob,
  addons: knob,
  autoScalerProfile: knob,
  availabilityZones: knob,
});

/** Props after the shape check, before defaults. */
export type ParsedClusterProps = z.infer<typeof clusterPropsSchema>;

type ObjectLike = { unwrap?: () => z.ZodType; shape?: Record<string, z.ZodType>; options?: readonly z.ZodType[] };

/** The object schema inside optional/nullable wrappers, or the object option of a union, if any. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let inner = schema as unknown as ObjectLike;
  while (inner.unwrap && !inner.shape) inner = inner.unwrap() as unknown as ObjectLike;
  if (inner.options) return inner.options.map(objectShape).find((shape) => shape !== undefined);
  return inner.shape;
}

/**
 * The property names the props schema accepts at `path` (`[]` for the top level, `['nodePool']`
 * below it); `undefined` when `path` names no object of the schema.
 */
export function schemaKeysAt(path: readonly PropertyKey[]): string[] | undefined {
  let schema: z.ZodType = clusterPropsSchema;
  for (const key of path) {
    const shape = objectShape(schema);
    if (!shape || typeof key !== 'string' || !shape[key]) return undefined;
    schema = shape[key];
  }
  const shape = objectShape(schema);
  return shape ? Object.keys(shape) : [];
}
