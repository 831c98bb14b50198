import { API_DEFAULTS } from '../profile/api-defaults';
import type { StampProfile } from '../profile/stamp';
import { type AzureOnlySetting, type ClusterModel, deepFreeze, isObject, optional } from '../model/cluster-model';
import { type ArmScope, type Located, type ParameterSource, UNKNOWN, evaluate, evaluateAt } from './arm-expressions';
import { type AzureOnlyPath, type ClusterInput, type FindingLocation, azureOnlySettings, enabledAddons } from './cluster-input';
import { FieldReader } from './field-reader';

const MANAGED_CLUSTERS = 'microsoft.containerservice/managedclusters';
const AGENT_POOLS = `${MANAGED_CLUSTERS}/agentpools`;
/** Copy loops are expanded up to this many copies; more would be a template no stamp deploys. */
const MAX_COPIES = 200;
/** Allowed values of open parameters are tried up to this many times per template. */
const MAX_VARIANTS = 64;

/** Where a managedClusters resource turns on what Hub lacks (paths below the resource). */
const AZURE_ONLY_ARM: readonly AzureOnlyPath[] = [
  { path: 'identity.type', feature: 'managedIdentity', on: (v) => v !== 'None' },
  { path: 'properties.identityProfile', feature: 'kubeletIdentity', on: 'set' },
  { path: 'properties.autoScalerProfile', feature: 'autoscaler', on: 'set' },
  { path: 'properties.apiServerAccessProfile.enablePrivateCluster', feature: 'privateCluster', on: 'true' },
  { path: 'properties.apiServerAccessProfile.authorizedIPRanges', feature: 'authorizedIpRanges', on: 'list' },
  { path: 'properties.aadProfile', feature: 'aad', on: 'set' },
  { path: 'properties.disableLocalAccounts', feature: 'localAccountsDisabled', on: 'true' },
  { path: 'properties.networkProfile.loadBalancerProfile', feature: 'loadBalancerProfile', on: 'set' },
  { path: 'properties.networkProfile.natGatewayProfile', feature: 'natGateway', on: 'set' },
  // Properties of later api-versions that the 2020-11-01 schema lacks (HUB028, HUB029).
  { path: 'properties.oidcIssuerProfile.enabled', feature: 'oidcIssuer', on: 'true' },
  { path: 'properties.securityProfile.workloadIdentity.enabled', feature: 'workloadIdentity', on: 'true' },
  { path: 'properties.networkProfile.networkPluginMode', feature: 'cniOverlay', on: 'set' },
  { path: 'properties.networkProfile.networkDataplane', feature: 'cniOverlay', on: 'set' },
];

/** Azure-only settings of one agent pool profile (paths below the pool). */
const AZURE_ONLY_POOL: readonly AzureOnlyPath[] = [
  { path: 'enableAutoScaling', feature: 'autoscaler', on: 'true' },
  { path: 'minCount', feature: 'autoscaler', on: 'set' },
  { path: 'maxCount', feature: 'autoscaler', on: 'set' },
  { path: 'availabilityZones', feature: 'zones', on: 'list' },
];

/** A resource of a template other than a managed cluster, for the rules that look at resource types. */
export interface ArmResourceRef {
  readonly type: string;
  /** Path of the resource in the template, such as `resources.1`. */
  readonly path: string;
}

/** What one ARM template holds. */
export interface ArmImport {
  readonly clusters: ClusterInput[];
  readonly resources: ArmResourceRef[];
}

/** How the caller names the template's parameters and where they come from. */
export interface ArmImportOptions {
  /** Values from a parameters file (`parameters.<name>.value`), or from a deployment's parameters. */
  readonly parameterValues?: Readonly<Record<string, unknown>>;
  /** How to name a parameter value's source in findings, e.g. `azuredeploy.parameters.json: parameters.x.value`. */
  readonly parameterValuePath?: (name: string) => string;
  readonly location?: FindingLocation;
  /** Prefix of every path, for a template inside something else (`template_body.`). */
  readonly prefix?: string;
  /** Read the given values of secure parameters as unknown: they came from a sensitive input. */
  readonly hideSecureValues?: boolean;
}

const typeOf = (r: Record<string, unknown>): string => (typeof r.type === 'string' ? r.type.toLowerCase() : '');

/**
 * Placeholders azure-quickstart-templates' parameters files hold for its test pipeline to fill
 * (`GEN-UNIQUE`, `GEN-SSH-PUB-KEY`, `GEN-PASSWORD`): values known only when someone deploys.
 */
const QUICKSTART_PLACEHOLDER = /^GEN-[A-Z0-9-]*$/;

/** Parameters a template may declare (Resource Manager's template limits). */
const MAX_PARAMETERS = 256;

/** Parameter types whose values Resource Manager keeps out of logs and outputs. */
const SECURE_TYPES: readonly string[] = ['securestring', 'secureobject'];

/**
 * Parameters of a template: a given value, else the default (an expression, evaluated in the
 * template's own scope, as Resource Manager does), else known only at deploy time.
 */
function parameterScope(template: Record<string, unknown>, at: string, options: ArmImportOptions): Map<string, ParameterSource> {
  const declared = isObject(template.parameters) ? template.parameters : {};
  const out = new Map<string, ParameterSource>();
  const defaults = new Map<string, [unknown, boolean]>();
  for (const [name, decl] of Object.entries(declared)) {
    const d = isObject(decl) ? decl : {};
    const secure = SECURE_TYPES.includes(String(d.type).toLowerCase());
    const given = options.parameterValues && Object.prototype.hasOwnProperty.call(options.parameterValues, name) ? options.parameterValues[name] : undefined;
    if (given !== undefined) {
      const unknown = (secure && options.hideSecureValues) || (typeof given === 'string' && QUICKSTART_PLACEHOLDER.test(given));
      out.set(name, { value: unknown ? UNKNOWN : given, path: options.parameterValuePath?.(name) ?? `${at}parameters.${name}`, secure });
    } else if (d.defaultValue !== undefined) {
      out.set(name, { value: UNKNOWN, path: `${at}parameters.${name}.defaultValue`, secure });
      defaults.set(name, [d.defaultValue, secure]);
    } else if (Array.isArray(d.allowedValues) && d.allowedValues.length === 1) out.set(name, { value: d.allowedValues[0], path: `${at}parameters.${name}.allowedValues.0`, secure });
    else out.set(name, { value: UNKNOWN, path: `${at}parameters.${name}`, secure });
  }
  // A default may read other parameters ("[format('aks-{0}', parameters('prefix'))]"), declared
  // before or after it. Passes until one changes nothing: a chain of n defaults settles in at most
  // n passes (Resource Manager allows 256 parameters), and a cycle stays unknown.
  const own: ArmScope = { parameters: out, variables: {}, copyIndex: new Map() };
  let changed = true;
  for (let pass = 0; changed && pass < Math.min(defaults.size, MAX_PARAMETERS); pass++) {
    changed = false;
    for (const [name, [value, secure]] of defaults) {
      const next = evaluateAt(value, `${at}parameters.${name}.defaultValue`, own);
      // An object or array default is returned as it is, the same each pass; one an expression builds is new each pass and only costs passes.
      if (next.value !== out.get(name)!.value) changed = true;
      out.set(name, { ...next, secure });
    }
  }
  return out;
}

/** Reads every managed cluster of a template, through copy loops and nested deployments. */
export function importArmTemplate(template: unknown, stamp: StampProfile, options: ArmImportOptions = {}): ArmImport {
  const result: ArmImport = { clusters: [], resources: [] };
  if (!isObject(template)) return result;
  const at = options.prefix ?? '';
  const parameters = parameterScope(template, at, options);
  walk(template, at, { parameters, variables: isObject(template.variables) ? template.variables : {}, copyIndex: new Map() }, stamp, options, result);

  // A parameter left open with allowed values: each value is checked as a variant, up to
  // MAX_VARIANTS walks in all.
  const declared = isObject(template.parameters) ? template.parameters : {};
  let variants = 0;
  for (const [name, p] of parameters) {
    const decl = declared[name];
    // Unknown with one allowed value only when the value given is a placeholder: that value is the one to check.
    const allowed = isObject(decl) && Array.isArray(decl.allowedValues) ? decl.allowedValues : [];
    if (p.value !== UNKNOWN) continue;
    allowed.forEach((value, k) => {
      if (++variants > MAX_VARIANTS) return;
      const path = `${at}parameters.${name}.allowedValues.${k}`;
      const variant = new Map(parameters).set(name, { value, path, secure: p.secure });
      const found: ArmImport = { clusters: [], resources: [] };
      walk(template, at, { parameters: variant, variables: isObject(template.variables) ? template.variables : {}, copyIndex: new Map() }, stamp, options, found);
      result.clusters.push(...found.clusters.map((c) => ({ ...c, onlyUnder: path })));
    });
  }
  return result;
}

/** A template to walk: the template, the path to it, and the scope its expressions read. */
interface TemplateAt {
  readonly template: Record<string, unknown>;
  readonly at: string;
  readonly scope: ArmScope;
}

/**
 * Walks a template and the templates nested in it with a list of work, not recursion, so a
 * template nested thousands deep is read to the bottom.
 */
function walk(template: Record<string, unknown>, at: string, scope: ArmScope, stamp: StampProfile, options: ArmImportOptions, out: ArmImport): void {
  const work: TemplateAt[] = [{ template, at, scope }];
  for (let next = work.shift(); next; next = work.shift()) {
    for (const [key, resource] of resourcesOf(next.template)) {
      // An `existing` resource of a symbolic template is a reference: nothing is deployed.
      if (!isObject(resource) || resource.existing === true) continue;
      const path = `${next.at}resources.${key}`;
      for (const copyScope of copies(resource, next.scope)) work.push(...visit(resource, path, copyScope, stamp, options, out));
    }
  }
}

/**
 * A template's resources by their key: the index in a list, or the symbolic name in a template of
 * languageVersion 2.0 (Bicep's output for user-defined types and the like), where `resources` is
 * an object.
 */
export function resourcesOf(template: Record<string, unknown>): [string, unknown][] {
  if (Array.isArray(template.resources)) return template.resources.map((r, i) => [String(i), r]);
  return isObject(template.resources) ? Object.entries(template.resources) : [];
}

/** One scope per copy of a resource with a `copy` loop, or the scope itself. */
function copies(resource: Record<string, unknown>, scope: ArmScope): ArmScope[] {
  if (!isObject(resource.copy)) return [scope];
  const count = evaluate(resource.copy.count, scope);
  const name = typeof resource.copy.name === 'string' ? resource.copy.name : '';
  const n = typeof count === 'number' && count >= 0 ? Math.min(count, MAX_COPIES) : 1;
  return Array.from({ length: n }, (_, k) => ({ ...scope, copyIndex: new Map(scope.copyIndex).set(name, typeof count === 'number' ? k : Number.NaN).set('', k) }));
}

/** Reads one resource into `out`; returns the templates nested in it, to walk next. */
function visit(resource: Record<string, unknown>, path: string, scope: ArmScope, stamp: StampProfile, options: ArmImportOptions, out: ArmImport): TemplateAt[] {
  const type = typeOf(resource);
  const nestedWork: TemplateAt[] = [];
  if (type === MANAGED_CLUSTERS) {
    out.clusters.push(importCluster(resource, `${path}.`, scope, stamp, options.location));
  } else if (type === 'microsoft.resources/deployments' && isObject(resource.properties) && isObject(resource.properties.template)) {
    const nested = resource.properties.template;
    const inner = isObject(resource.properties.expressionEvaluationOptions) && resource.properties.expressionEvaluationOptions.scope === 'inner';
    const at = `${path}.properties.template.`;
    if (inner) {
      // Inner scope: the nested template's own parameters, given by the deployment in the outer scope.
      const given = isObject(resource.properties.parameters) ? resource.properties.parameters : {};
      const values = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, isObject(v) ? evaluate(v.value, scope) : UNKNOWN]));
      const params = parameterScope(nested, at, { parameterValues: values, parameterValuePath: (n) => `${path}.properties.parameters.${n}.value` });
      nestedWork.push({ template: nested, at, scope: { ...scope, parameters: params, variables: isObject(nested.variables) ? nested.variables : {} } });
    } else nestedWork.push({ template: nested, at, scope });
  } else if (type) {
    out.resources.push({ type: String(resource.type), path });
  }
  // Child resources declared inside a resource (`agentPools` under a cluster).
  if (Array.isArray(resource.resources)) {
    resource.resources.forEach((child, k) => {
      if (!isObject(child)) return;
      const childType = typeOf(child);
      const full = childType.includes('/') ? childType : `${type}/${childType}`;
      if (full === AGENT_POOLS) out.resources.push({ type: 'Microsoft.ContainerService/managedClusters/agentPools', path: `${path}.resources.${k}` });
      else if (childType) out.resources.push({ type: String(child.type), path: `${path}.resources.${k}` });
    });
  }
  return nestedWork;
}

function importCluster(resource: Record<string, unknown>, base: string, scope: ArmScope, stamp: StampProfile, location?: FindingLocation): ClusterInput {
  const resolve = (value: unknown, path: string): Located => evaluateAt(value, path, scope);
  const r = new FieldReader(resource, base, resolve);
  const d = API_DEFAULTS;

  // The pools: `agentPoolProfiles`, or a property copy loop that makes them.
  const copyLoop = (r.at('properties.copy').value as unknown[] | undefined)?.findIndex((c) => isObject(c) && c.name === 'agentPoolProfiles') ?? -1;
  const poolBase = copyLoop >= 0 ? `properties.copy.${copyLoop}.input` : 'properties.agentPoolProfiles.0';
  const poolScope: ArmScope = copyLoop >= 0 ? { ...scope, copyIndex: new Map(scope.copyIndex).set('agentPoolProfiles', 0) } : scope;
  // The first pool, read in the scope of its copy loop; its fields join the cluster's paths below.
  const pool = new FieldReader(resource, base, (value, path) => evaluateAt(value, path, poolScope));
  const extraPools: AzureOnlySetting[] = [];
  if (copyLoop >= 0) {
    const count = r.at(`properties.copy.${copyLoop}.count`);
    if (typeof count.value === 'number' && count.value > 1) extraPools.push({ feature: 'extraPool', path: count.path, value: count.value });
  } else {
    const list = r.at('properties.agentPoolProfiles');
    if (Array.isArray(list.value)) list.value.slice(1).forEach((p, k) => extraPools.push({ feature: 'extraPool', path: `${list.path}.${k + 1}`, value: p }));
  }
  const poolSettings = azureOnlySettings(pool, AZURE_ONLY_POOL.map((row) => ({ ...row, path: `${poolBase}.${row.path}` })));
  const plugin = r.str('network.plugin', 'properties.networkProfile.networkPlugin', d.networkPlugin) === 'azure' ? 'azure' : 'kubenet';
  const subnetId = pool.str('network.subnetId', `${poolBase}.vnetSubnetID`, undefined);
  const rbac = r.read('enableRbac', 'properties.enableRBAC');
  const tags = r.read('tags', 'tags');
  const sp = r.has('properties.servicePrincipalProfile');
  const osType = pool.str('nodePool.osType', `${poolBase}.osType`, d.osType);
  const model: ClusterModel = {
    name: r.required('name', 'name'),
    location: r.str('location', 'location', stamp.location),
    apiProfile: stamp.apiProfile,
    apiVersion: r.required('apiVersion', 'apiVersion'),
    // The template deploys into the group the deployment names.
    resourceGroup: { name: r.required('resourceGroup.name', 'resourceGroup'), owned: true },
    dnsPrefix: r.required('dnsPrefix', 'properties.dnsPrefix'),
    kubernetesVersion: r.required('kubernetesVersion', 'properties.kubernetesVersion'),
    enableRbac: rbac !== false,
    skuTier: r.str('skuTier', 'sku.tier', d.skuTier),
    ...(sp && {
      servicePrincipal: {
        clientId: r.required('servicePrincipal.clientId', 'properties.servicePrincipalProfile.clientId'),
        ...optional('clientSecret', r.str('servicePrincipal.clientSecret', 'properties.servicePrincipalProfile.secret', undefined)),
      },
    }),
    nodePool: {
      name: pool.required('nodePool.name', `${poolBase}.name`),
      count: pool.num('nodePool.count', `${poolBase}.count`, d.nodeCount),
      vmSize: pool.required('nodePool.vmSize', `${poolBase}.vmSize`),
      osDiskSizeGb: pool.num('nodePool.osDiskSizeGb', `${poolBase}.osDiskSizeGB`, d.osDiskSizeGb),
      maxPods: pool.num('nodePool.maxPods', `${poolBase}.maxPods`, d.maxPods[plugin]),
      osType: osType === 'Windows' ? 'Windows' : 'Linux',
      mode: 'System',
      type: pool.str('nodePool.type', `${poolBase}.type`, d.poolType),
    },
    ...(r.has('properties.linuxProfile') && {
      linuxProfile: {
        adminUsername: r.required('linuxProfile.adminUsername', 'properties.linuxProfile.adminUsername'),
        sshPublicKey: r.required('linuxProfile.sshPublicKey', 'properties.linuxProfile.ssh.publicKeys.0.keyData'),
      },
    }),
    ...(r.has('properties.windowsProfile') && {
      windowsProfile: {
        adminUsername: r.required('windowsProfile.adminUsername', 'properties.windowsProfile.adminUsername'),
        ...optional('adminPassword', r.str('windowsProfile.adminPassword', 'properties.windowsProfile.adminPassword', undefined)),
      },
    }),
    network: {
      plugin,
      ...optional('policy', r.str('network.policy', 'properties.networkProfile.networkPolicy', undefined)),
      ...optional('loadBalancerSku', r.str('network.loadBalancerSku', 'properties.networkProfile.loadBalancerSku', undefined)),
      outboundType: r.str('network.outboundType', 'properties.networkProfile.outboundType', d.outboundType),
      serviceCidr: r.str('network.serviceCidr', 'properties.networkProfile.serviceCidr', d.serviceCidr),
      dnsServiceIp: r.str('network.dnsServiceIp', 'properties.networkProfile.dnsServiceIP', d.dnsServiceIp),
      dockerBridgeCidr: r.str('network.dockerBridgeCidr', 'properties.networkProfile.dockerBridgeCidr', d.dockerBridgeCidr),
      ...(plugin === 'kubenet' && { podCidr: r.str('network.podCidr', 'properties.networkProfile.podCidr', d.podCidr) }),
      subnet: subnetId === undefined ? { kind: 'default' } : { kind: 'existing', subnetId },
    },
    tags: isObject(tags) ? { ...(tags as Record<string, string>) } : {},
    azureOnly: [...azureOnlySettings(r, AZURE_ONLY_ARM), ...poolSettings, ...extraPools, ...enabledAddons(r, 'properties.addonProfiles')],
  };
  for (const [field, path] of pool.paths) r.paths.set(field, path);
  // Where the groups of fields are, for findings about a whole group (a missing windowsProfile).
  const groups = { nodePool: poolBase, servicePrincipal: 'properties.servicePrincipalProfile', linuxProfile: 'properties.linuxProfile', windowsProfile: 'properties.windowsProfile', network: 'properties.networkProfile' };
  for (const [field, path] of Object.entries(groups)) r.paths.set(field, `${base}${path}`);
  return { model: deepFreeze(model), vocabulary: 'arm', pathOf: (f) => r.pathOf(f), ...(location && { location }), wrongTypes: [...r.wrongTypes, ...pool.wrongTypes] };
}
