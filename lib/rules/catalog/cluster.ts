import { Token } from 'cdktf';
import type { Vocabulary } from '../../import/cluster-input';
import { isConcrete } from '../checks';
import { DEPLOY_TIME_PROPS } from '../../model/props-schema';
import { existingSubnetIdOf } from '../../model/cluster-model';
import type { RuleChecks, RuleHit } from '../rule';

/**
 * How to pass each secret without writing it down, in Terraform's, ARM's and aks-engine's terms
 * (the rule's own fix is for props).
 */
const SECRET_FIX: Readonly<Record<Exclude<Vocabulary, 'props'>, Readonly<Record<'servicePrincipal.clientSecret' | 'windowsProfile.adminPassword', string>>>> = {
  terraform: {
    'servicePrincipal.clientSecret': 'Reference a sensitive variable without a default, such as client_secret = var.sp_secret, and set it with TF_VAR_sp_secret at deploy time.',
    'windowsProfile.adminPassword': 'Reference a sensitive variable without a default, such as admin_password = var.windows_admin_password, and set it with TF_VAR_windows_admin_password at deploy time.',
  },
  arm: {
    'servicePrincipal.clientSecret': 'Make the service principal secret a securestring parameter without a defaultValue, and pass its value at deploy time or as a Key Vault reference in the parameters file.',
    'windowsProfile.adminPassword': 'Make the Windows admin password a securestring parameter without a defaultValue, and pass its value at deploy time or as a Key Vault reference in the parameters file.',
  },
  'aks-engine': {
    'servicePrincipal.clientSecret': 'Leave the secret out of the API model: pass --client-secret to aks-engine-azurestack deploy, or name it in Key Vault with servicePrincipalProfile.keyvaultSecretRef.',
    // aks-engine-facts.md §7: windowsProfile.adminPassword may be a Key Vault reference (HUB512).
    'windowsProfile.adminPassword': 'Leave the password out of the API model: give windowsProfile.adminPassword as a Key Vault reference (keyVaultSecretRef), or fill it in only in the copy you deploy (HubAksEngineCluster reads it from AKS_ENGINE_WINDOWS_PASSWORD).',
  },
};

/** Leaves of untyped input that are unresolved tokens, with their paths (depth-limited). */
function tokenLeaves(value: unknown, path: string, depth = 0): [string, unknown][] {
  if (Token.isUnresolved(value)) return [[path, value]];
  if (depth > 6 || value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => tokenLeaves(v, path ? `${path}.${k}` : k, depth + 1));
}

export const CLUSTER_SHAPE_RULES: readonly RuleChecks[] = [
  {
    id: 'HUB117',
    checkProps: (props) =>
      tokenLeaves(props, '')
        .filter(([path]) => !DEPLOY_TIME_PROPS.includes(path))
        .map(([path, value]) => ({ path, value, allowed: 'a value known at synth time', message: 'This value must be known when cdktf synthesizes.' })),
    // The API model is a file written at synth; only the secrets, which it never holds, may wait.
    checkEngine: (m, ctx) => {
      const fields: [string, unknown][] = [
        ['name', m.name],
        ['dnsPrefix', m.dnsPrefix],
        ['kubernetesVersion', m.kubernetesVersion],
        ['servicePrincipal.clientId', m.servicePrincipal?.clientId],
        ['controlPlane.count', m.controlPlane.count],
        ['controlPlane.firstConsecutiveStaticIp', m.controlPlane.firstConsecutiveStaticIp],
        ['network.subnetId', existingSubnetIdOf(m.network.subnet)],
        ...m.agentPools.map((p, i): [string, unknown] => [`agentPools.${i}.count`, p.count]),
      ];
      const hits: RuleHit[] = fields
        .filter(([, value]) => value !== undefined && !isConcrete(value))
        .map(([field, value]) => ({ path: ctx.name(field), value, allowed: 'a value known at synth time', message: 'The API model is a file written at synth time: this value must be known then.' }));
      if (m.network.subnet.kind === 'new' && m.controlPlane.subnetId === undefined) {
        hits.push({ path: ctx.name('network.vnet'), value: m.network.subnet.vnetName, allowed: 'hub.subscriptionId set on the HubStack', message: "The API model names the new subnet by its resource id, which needs the stack's subscription id." });
      }
      return hits;
    },
  },
  {
    id: 'HUB102',
    check: (m, ctx) =>
      (
        [
          ['servicePrincipal.clientSecret', m.servicePrincipal?.clientSecret],
          ['windowsProfile.adminPassword', m.windowsProfile?.adminPassword],
        ] as const
      ).flatMap(([field, value]): RuleHit[] =>
        typeof value === 'string' && isConcrete(value)
          ? [{ path: ctx.name(field), value, secret: true, allowed: 'a reference to a sensitive value, or not set', message: 'A secret must not be a literal string.', ...(ctx.vocabulary !== 'props' && { fix: SECRET_FIX[ctx.vocabulary][field] }) }]
          : [],
      ),
  },
  {
    id: 'HUB118',
    check: (model, ctx) =>
      model.resourceGroup.owned
        ? []
        : [{ path: ctx.name('resourceGroup.owned'), value: true, allowed: 'false or not set, for a group the stack owns', message: `The cluster goes into the existing resource group '${model.resourceGroup.name}', which 'cdktf destroy' will not empty.` }],
  },
  {
    id: 'HUB119',
    check: (model, ctx) =>
      model.nodePool.osType === 'Windows'
        ? [{ path: ctx.name('nodePool.osType'), value: 'Windows', allowed: "'Linux' (with windowsProfile, as the docs' Windows example)", message: 'The only pool is the System pool, and no documented command makes it Windows.' }]
        : [],
  },
  {
    id: 'HUB120',
    check: (model, ctx) =>
      model.network.subnet.kind === 'existing' && model.servicePrincipal?.objectId !== undefined
        ? [{ path: ctx.name('servicePrincipal.objectId'), value: model.servicePrincipal?.objectId, allowed: 'not set, with the role granted by hand', message: 'The template will grant Network Contributor on the subnet, which needs rights and a role the Hub docs do not provide.' }]
        : [],
  },
  {
    id: 'HUB103',
    check: (model, ctx) =>
      isConcrete(model.kubernetesVersion) && !ctx.stamp.kubernetesVersions.includes(model.kubernetesVersion)
        ? [{ path: ctx.name('kubernetesVersion'), value: model.kubernetesVersion, allowed: ctx.stamp.kubernetesVersions.map((v) => `'${v}'`).join(', '), message: 'The stamp does not offer this Kubernetes version.' }]
        : [],
  },
  {
    id: 'HUB104',
    check: (model, ctx) =>
      model.nodePool.osType === 'Windows' && !model.windowsProfile
        ? [{ path: ctx.name('windowsProfile'), value: undefined, allowed: '{ adminUsername?, adminPassword? }', message: 'A Windows node pool needs windowsProfile.' }]
        : [],
    // What the library requires of its own props, where the API leaves the choice open.
    checkProps: (props) =>
      props.linuxProfile === undefined && (props.nodePool as { osType?: unknown } | undefined)?.osType !== 'Windows'
        ? [{ path: 'linuxProfile', value: undefined, allowed: '{ sshPublicKey: "ssh-rsa ..." }', message: 'A Linux node pool needs linuxProfile.' }]
        : [],
  },
  {
    id: 'HUB105',
    check: (model, ctx) =>
      model.nodePool.osType === 'Windows' && model.network.plugin !== 'azure'
        ? [{ path: ctx.name('network.plugin'), value: model.network.plugin, allowed: "'azure'", message: 'Windows nodes need Azure CNI.' }]
        : [],
  },
];
