import { Token } from 'cdktf';
// zod/mini: functional, so a bundle keeps only what the schemas use.
import * as z from 'zod/mini';
import type { HubAksEngineClusterProps } from './engine-props';
import type { HubAksClusterProps } from './props';

/**
 * The shape of `HubAksClusterProps`, checked at run time for JavaScript callers and JSON configs.
 * It checks types only. Hub rules (allowed values, catalogs, network math) live in `lib/rules/`,
 * and Azure-only knobs are accepted here as `unknown` so that their own rule reports them with
 * its id and fix instead of a generic type error.
 */

const str = z.string();
const int = z.int();
const knob = z.optional(z.unknown());

const keyVaultSecret = z.strictObject({
  vaultId: str,
  secretName: str,
  secretVersion: z.optional(str),
});

/** A GUID, or a token for one that is known at deploy time. */
const guidOrToken = z.string().check(
  z.refine((v) => Token.isUnresolved(v) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v), {
    message: 'An application (client) id is a GUID.',
    params: { allowed: 'a GUID such as 00000000-0000-0000-0000-000000000000, or a token' },
  }),
);

const servicePrincipal = z.strictObject({
  clientId: guidOrToken,
  clientSecret: z.optional(str),
  objectId: z.optional(str),
  keyVaultSecret: z.optional(keyVaultSecret),
});

const nodePool = z.strictObject({
  name: z.optional(str),
  count: z.optional(int),
  vmSize: z.optional(str),
  osDiskSizeGb: z.optional(int),
  maxPods: z.optional(int),
  osType: z.optional(z.enum(['Linux', 'Windows'])),
  type: knob,
  enableAutoScaling: knob,
  minCount: knob,
  maxCount: knob,
  availabilityZones: knob,
  zones: knob,
});

const vnet = z.strictObject({
  name: z.optional(str),
  addressSpace: z.optional(z.array(str).check(z.minLength(1))),
  subnetName: z.optional(str),
  subnetPrefix: z.optional(str),
  subnetId: z.optional(str),
});

const network = z.strictObject({
  plugin: z.optional(z.enum(['azure', 'kubenet'])),
  policy: knob,
  vnet: z.optional(z.union([z.literal('default'), vnet])),
  serviceCidr: z.optional(str),
  dnsServiceIp: z.optional(str),
  dockerBridgeCidr: z.optional(str),
  podCidr: z.optional(str),
  loadBalancerSku: knob,
  loadBalancerProfile: knob,
  outboundType: knob,
});

const linuxProfile = z.strictObject({ adminUsername: z.optional(str), sshPublicKey: str });
const windowsProfile = z.strictObject({ adminUsername: z.optional(str), adminPassword: z.optional(str), keyVaultSecret: z.optional(keyVaultSecret) });
const suppressions = z.optional(z.array(z.strictObject({ ruleId: str, reason: str })));

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
  kubernetesVersion: z.optional(str),
  dnsPrefix: z.optional(str),
  resourceGroupName: z.optional(str),
  existingResourceGroup: z.optional(z.boolean()),
  nodePool: z.optional(nodePool),
  linuxProfile: z.optional(linuxProfile),
  windowsProfile: z.optional(windowsProfile),
  network: z.optional(network),
  enableRbac: z.optional(z.boolean()),
  tags: z.optional(z.record(str, str)),
  suppressions,
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


/**
 * Run-time schema of `HubAksEngineClusterProps`: the shared parts are the schemas above. Values
 * aks-engine or Hub refuse are typed as knobs here and reported by their rules (HUB5xx). Built
 * on first use: apps without an AKS engine cluster do not pay for it at start-up.
 */
const buildEngineSchema = () =>
  z.strictObject({
    name: str,
    servicePrincipal,
    kubernetesVersion: z.optional(str),
    dnsPrefix: z.optional(str),
    resourceGroupName: z.optional(str),
    controlPlane: z.optional(
      z.strictObject({
        count: z.optional(int),
        vmSize: z.optional(str),
        distro: z.optional(str),
        osDiskSizeGb: z.optional(int),
        firstConsecutiveStaticIp: z.optional(str),
        availabilityProfile: z.optional(str),
      }),
    ),
    agentPools: z.optional(
      z.array(
        z.strictObject({
          name: str,
          count: z.optional(int),
          vmSize: z.optional(str),
          osType: z.optional(z.enum(['Linux', 'Windows'])),
          distro: z.optional(str),
          osDiskSizeGb: z.optional(int),
          availabilityProfile: z.optional(str),
          acceleratedNetworkingEnabled: z.optional(z.boolean()),
          availabilityZones: knob,
        }),
      ),
    ),
    linuxProfile,
    windowsProfile: z.optional(windowsProfile),
    network: z.optional(
      z.strictObject({
        plugin: z.optional(str),
        policy: z.optional(str),
        vnet: z.optional(z.union([z.literal('default'), vnet])),
        serviceCidr: z.optional(str),
        dnsServiceIp: z.optional(str),
        dockerBridgeCidr: z.optional(str),
        podCidr: z.optional(str),
      }),
    ),
    tags: z.optional(z.record(str, str)),
    deployWithTerraform: z.optional(z.boolean()),
    // A path of the user's machine: any text but a NUL or a line break, which no file system takes.
    stateDirectory: z.optional(z.string().check(z.regex(/^[^\0\r\n]{1,4096}$/, 'a folder path'))),
    authMethod: z.optional(z.enum(['client_secret', 'client_certificate'])),
    portalUrl: z.optional(str),
    suppressions,
    useInstanceMetadata: z.optional(z.boolean()),
    useManagedIdentity: z.optional(z.boolean()),
    loadBalancerSku: z.optional(str),
  });
let engineSchema: ReturnType<typeof buildEngineSchema> | undefined;
export const engineClusterPropsSchema = (): ReturnType<typeof buildEngineSchema> => (engineSchema ??= buildEngineSchema());

/** A schema's definition, as far as finding object shapes goes. */
type Def = { readonly def: { readonly innerType?: z.ZodMiniType; readonly shape?: Record<string, z.ZodMiniType>; readonly options?: readonly z.ZodMiniType[] } };

/** The object schema inside optional wrappers, or the object option of a union, if any. */
function objectShape(schema: z.ZodMiniType): Record<string, z.ZodMiniType> | undefined {
  let inner = (schema as unknown as Def).def;
  while (inner.innerType && !inner.shape) inner = (inner.innerType as unknown as Def).def;
  if (inner.options) return inner.options.map(objectShape).find((shape) => shape !== undefined);
  return inner.shape;
}

/**
 * The property names the props schema accepts at `path` (`[]` for the top level, `['nodePool']`
 * below it); `undefined` when `path` names no object of the schema.
 */
export function schemaKeysAt(path: readonly PropertyKey[], root: z.ZodMiniType = clusterPropsSchema): string[] | undefined {
  let schema: z.ZodMiniType = root;
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

/** What is wrong, in words of the library's own (zod/mini carries no messages). */
function problemOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `Invalid value: expected ${issue.expected}, received ${issue.input === null ? 'null' : Array.isArray(issue.input) ? 'array' : typeof issue.input}.`;
  if (issue.code === 'invalid_value') return 'Invalid value: not one of the allowed values.';
  if (issue.code === 'too_small') return 'Invalid value: too short.';
  if (issue.code === 'invalid_union') return 'Invalid value: none of the allowed forms.';
  return 'Invalid value.';
}

/** Every place where `props` breaks the schema, unknown properties with the nearest known name. */
export function shapeIssues(schema: z.ZodMiniType, props: unknown, keysAt: (path: readonly PropertyKey[]) => string[] | undefined): ShapeIssue[] {
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
        allowed: custom?.allowed ?? options ?? (expected ? `a value of type ${expected}` : 'a value of the type its TSDoc names'),
        // A schema's own message (a refinement's, an enum's) says it best; zod/mini's default says nothing.
        message: issue.message && issue.message !== 'Invalid input' ? issue.message : problemOf(issue),
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

/** Compile-time proof that the engine schema and `HubAksEngineClusterProps` have the same keys. */
export const ENGINE_PROPS_SCHEMA_MATCHES_INTERFACES: [KeyMismatch<HubAksEngineClusterProps, z.input<ReturnType<typeof buildEngineSchema>>>] extends [never]
  ? true
  : KeyMismatch<HubAksEngineClusterProps, z.input<ReturnType<typeof buildEngineSchema>>> = true;
