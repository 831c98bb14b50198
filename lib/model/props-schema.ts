import { Token } from 'cdktf';
import { z } from 'zod';
import type { HubAksClusterProps } from './props';

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

/** A GUID, or a token for one that is known at deploy time. */
const guidOrToken = str.refine((v) => Token.isUnresolved(v) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v), {
  message: 'An application (client) id is a GUID.',
  params: { allowed: 'a GUID such as 00000000-0000-0000-0000-000000000000, or a token' },
});

const servicePrincipal = z.strictObject({
  clientId: guidOrToken,
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

/**
 * Props that may be Terraform tokens (known only at deploy time). Each is an ARM template
 * parameter, so the parameters file simply leaves it out. Checks that need the value skip it:
 * kubernetesVersion (HUB103), dnsPrefix (HUB301), nodePool.count (HUB020, HUB107, HUB204),
 * linuxProfile.sshPublicKey (HUB305); the ids and secrets have no value checks.
 */
export const DEPLOY_TIME_PROPS: readonly string[] = Object.freeze([
  'servicePrincipal.clientId',
  'servicePrincipal.clientSecret',
  'servicePrincipal.objectId',
  'linuxProfile.sshPublicKey',
  'windowsProfile.adminPassword',
  'network.vnet.subnetId',
  'kubernetesVersion',
  'dnsPrefix',
  'nodePool.count',
]);

/** Run-time schema of `HubAksClusterProps`; `PropsSchemaMatchesInterfaces` below holds it to the interfaces. */
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
export function schemaKeysAt(path: readonly PropertyKey[], root: z.ZodType = clusterPropsSchema): string[] | undefined {
  let schema: z.ZodType = root;
  for (const key of path) {
    const shape = objectShape(schema);
    if (!shape || typeof key !== 'string' || !shape[key]) return undefined;
    schema = shape[key];
  }
  const shape = objectShape(schema);
  return shape ? Object.keys(shape) : [];
}

/** A place where props do not have the shape of `HubAksClusterProps`. */
export interface ShapeIssue {
  readonly kind: 'unknown-property' | 'invalid-value';
  /** Dotted prop path, `(props)` for the whole object. */
  readonly path: string;
  readonly allowed: string;
  readonly message: string;
  /** For an unknown property: the known one it is probably a typo of. */
  readonly suggestion?: string;
  /** The rule a refinement names, for values the schema checks beyond their type. */
  readonly ruleId?: string;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Every place where `props` breaks the schema, unknown properties with the nearest known name. */
export function shapeIssues(schema: z.ZodType, props: unknown, keysAt: (path: readonly PropertyKey[]) => string[] | undefined): ShapeIssue[] {
  const parsed = schema.safeParse(props);
  if (parsed.success) return [];
  return parsed.error.issues.flatMap((issue): ShapeIssue[] => {
    const at = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = keysAt(issue.path) ?? [];
      return issue.keys.map((key) => {
        const near = keys.find((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
        return {
          kind: 'unknown-property',
          path: at ? `${at}.${key}` : key,
          allowed: keys.length ? keys.join(', ') : 'no other properties',
          message: near ? `Unknown property '${key}'; did you mean '${near}'?` : `Unknown property '${key}'.`,
          ...(near && { suggestion: near }),
        };
      });
    }
    const expected = 'expected' in issue ? String(issue.expected) : undefined;
    const options = 'values' in issue && Array.isArray(issue.values) ? issue.values.map((v) => JSON.stringify(v)).join(', ') : undefined;
    const custom = issue.code === 'custom' ? (issue.params as { allowed?: string; ruleId?: string } | undefined) : undefined;
    return [
      {
        kind: 'invalid-value',
        path: at || '(props)',
        allowed: custom?.allowed ?? options ?? (expected ? `a value of type ${expected}` : issue.message),
        message: issue.message.replace(/^Invalid input: /, 'Invalid value: ') + (issue.message.endsWith('.') ? '' : '.'),
        ...(custom?.ruleId && { ruleId: custom.ruleId }),
      },
    ];
  });
}

/** Every key of every member of a union. */
type AllKeys<T> = T extends unknown ? keyof T : never;
/** The object members of a type: what has keys to compare (not strings, numbers or lists). */
type ObjectPart<T> = Exclude<NonNullable<T>, string | number | boolean | bigint | readonly unknown[]>;
/** `T[K]` over every member of a union that has `K`. */
type Prop<T, K> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/**
 * The prop paths where an interface and a schema disagree, as readable strings; `never` when they
 * have the same keys at every level. A schema value of `unknown` (an Azure-only knob its rule
 * reports) is not compared further.
 */
export type KeyMismatch<A, B, P extends string = ''> = unknown extends B
  ? never
  : [ObjectPart<A>] extends [never]
    ? never
    :
        | `${P}${Exclude<AllKeys<ObjectPart<A>>, AllKeys<ObjectPart<B>>> & string}: in the interface, not the schema`
        | `${P}${Exclude<AllKeys<ObjectPart<B>>, AllKeys<ObjectPart<A>>> & string}: in the schema, not the interface`
        | { [K in AllKeys<ObjectPart<A>> & AllKeys<ObjectPart<B>> & string]: KeyMismatch<Prop<ObjectPart<A>, K>, Prop<ObjectPart<B>, K>, `${P}${K}.`> }[AllKeys<ObjectPart<A>> &
            AllKeys<ObjectPart<B>> &
            string];

/** Fails to compile, naming the paths, when `HubAksClusterProps` and `clusterPropsSchema` drift apart. */
export const PROPS_SCHEMA_MATCHES_INTERFACES: [KeyMismatch<HubAksClusterProps, z.input<typeof clusterPropsSchema>>] extends [never] ? true : KeyMismatch<HubAksClusterProps, z.input<typeof clusterPropsSchema>> = true;
