import { Token } from 'cdktf';
import type { Vocabulary } from '../../import/cluster-input';
import { isConcrete } from '../checks';
import type { HubRule, RuleHit } from '../rule';

/** How to pass a secret without writing it down, in each input's terms. */
const SECRET_FIX: Readonly<Record<Vocabulary, string>> = {
  props: "Leave the secret unset (the construct creates a sensitive variable), or pass a token such as new TerraformVariable(this, 'secret', { sensitive: true }).stringValue.",
  terraform: 'Reference a sensitive variable without a default, such as client_secret = var.sp_secret, and set it with TF_VAR_sp_secret at deploy time.',
  arm: 'Use a securestring parameter without a defaultValue, and pass its value at deploy time or as a Key Vault reference in the parameters file.',
};

/**
 * Props that may be Terraform tokens (known only at deploy time). Each is an ARM template
 * parameter, so the parameters file simply leaves it out. Checks that need the value skip it:
 * kubernetesVersion (HUB103), dnsPrefix (HUB301), nodePool.count (HUB020, HUB107, HUB204),
 * linuxProfile.sshPublicKey (HUB305); the ids and secrets have no value checks.
 */
export const TOKEN_PATHS: readonly string[] = Object.freeze([
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

/** Leaves of untyped input that are unresolved tokens, with their paths (depth-limited). */
function tokenLeaves(value: unknown, path: string, depth = 0): [string, unknown][] {
  if (Token.isUnresolved(value)) return [[path, value]];
  if (depth > 6 || value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => tokenLeaves(v, path ? `${path}.${k}` : k, depth + 1));
}

export const CLUSTER_SHAPE_RULES: readonly HubRule[] = [
  {
    id: 'HUB117',
    title: 'Value known only at deploy time where the template needs it at synth time',
    severity: 'error',
    source: 'Library: these values are written as literals into azuredeploy.json',
    why: 'The ARM template and the checks need this value when cdktf synthesizes; a token would leave a placeholder in azuredeploy.json.',
    fix: `Give a literal value; tokens are accepted only for ${TOKEN_PATHS.join(', ')}.`,
    suppressible: false,
    checkProps: (props) =>
      tokenLeaves(props, '')
        .filter(([path]) => !TOKEN_PATHS.includes(path))
        .map(([path, value]) => ({ path, value, allowed: 'a value known at synth time', message: 'This value must be known when cdktf synthesizes.' })),
    examples: {
      fail: [{ props: { nodePool: { vmSize: '${TfToken[TOKEN.999]}' } } }],
      pass: [{ props: { kubernetesVersion: '${TfToken[TOKEN.998]}' } }],
    },
  },
  {
    id: 'HUB102',
    title: 'Secret given as a literal string',
    severity: 'error',
    source: 'Security: a literal would be written in plain text to cdk.tf.json',
    why: 'Anything in props is written to cdk.tf.json and the state; a secret must come from a sensitive variable.',
    fix: SECRET_FIX.props,
    suppressible: false,
    check: (m, ctx) =>
      (
        [
          ['servicePrincipal.clientSecret', m.servicePrincipal?.clientSecret],
          ['windowsProfile.adminPassword', m.windowsProfile?.adminPassword],
        ] as const
      ).flatMap(([field, value]): RuleHit[] =>
        typeof value === 'string' && isConcrete(value)
          ? [{ path: ctx.name(field), value, secret: true, allowed: 'a reference to a sensitive value, or not set', message: 'A secret must not be a literal string.', fix: SECRET_FIX[ctx.vocabulary] }]
          : [],
      ),
    examples: {
      fail: [
        { props: { servicePrincipal: { clientId: 'app', clientSecret: 'hunter2-literal' } } },
        { props: { nodePool: { osType: 'Windows', name: 'win' }, windowsProfile: { adminPassword: 'P@ssw0rd!2024' }, linuxProfile: undefined } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { service_principal: { client_id: 'app', client_secret: 'hunter2-literal' }, network_profile: { load_balancer_sku: 'basic' } } } },
      ],
      pass: [
        { props: { servicePrincipal: { clientId: 'app' } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { service_principal: { client_id: 'app', client_secret: '${var.sp_secret}' }, network_profile: { load_balancer_sku: 'basic' } } } },
      ],
    },
  },
  {
    id: 'HUB118',
    title: 'Cluster in an existing resource group',
    severity: 'warning',
    source: 'azurestack_template_deployment docs: destroying a template deployment leaves the resources it created',
    why: "'cdktf destroy' deletes the template deployment but not the cluster it created, unless the resource group the library owns is destroyed with it.",
    fix: "Leave existingResourceGroup unset so the stack owns the group, or delete the cluster with 'az aks delete' after 'cdktf destroy'.",
    suppressible: true,
    check: (spec, ctx) =>
      spec.resourceGroup.owned
        ? []
        : [{ path: ctx.name('resourceGroup.owned'), value: true, allowed: 'false or not set, for a group the stack owns', message: `The cluster goes into the existing resource group '${spec.resourceGroup.name}', which 'cdktf destroy' will not empty.` }],
    examples: {
      fail: [{ props: { resourceGroupName: 'shared-rg', existingResourceGroup: true } }],
      pass: [{ props: { resourceGroupName: 'shared-rg' } }],
    },
  },
  {
    id: 'HUB119',
    title: 'Windows System node pool',
    severity: 'warning',
    source:
      'aks-known-issues.md: "Windows clusters are limited to a single node pool, no Linux pool can be added"; az aks create (the docs\' Windows example, az-cli-capture/windows.json): one Linux System pool plus windowsProfile',
    why: "The two sources conflict: the Hub known issues describe Windows-only clusters, while the docs' own Windows command sends a Linux System pool with windowsProfile, and the AKS resource provider on Azure refuses a Windows System pool. No documented command produces a Windows System pool, so it may fail at deployment.",
    fix: "Leave nodePool.osType unset (Linux) and keep windowsProfile, as the docs' Windows example does; suppress with a reason if your stamp deploys Windows System pools.",
    suppressible: true,
    check: (spec, ctx) =>
      spec.nodePool.osType === 'Windows'
        ? [{ path: ctx.name('nodePool.osType'), value: 'Windows', allowed: "'Linux' (with windowsProfile, as the docs' Windows example)", message: 'The only pool is the System pool, and no documented command makes it Windows.' }]
        : [],
    examples: {
      fail: [{ props: { nodePool: { osType: 'Windows', name: 'win' }, windowsProfile: {} } }],
      pass: [{ props: { windowsProfile: { adminUsername: 'azureuser' } } }],
    },
  },
  {
    id: 'HUB120',
    title: 'Subnet role grant needs rights the docs do not give',
    severity: 'warning',
    source:
      "aks-how-to-use-cli.md: the deploying principal is a Contributor, and the custom-VNET example passes --skip-subnet-role-assignment; Azure RBAC: Contributor cannot write Microsoft.Authorization/roleAssignments",
    why: "With servicePrincipal.objectId the template grants Network Contributor on the subnet before it creates the cluster. That needs Microsoft.Authorization/roleAssignments/write on the subnet, which the docs' Contributor lacks, and the built-in Network Contributor role, which the Hub docs never list and which may not exist on a stamp. Either gap fails the whole deployment, where az aks create only warns.",
    fix: "Remove servicePrincipal.objectId and have the subnet's owner grant the role once: az role assignment create --assignee <appId> --role 'Network Contributor' --scope <subnetId>. Or suppress this warning with a reason once the deploying identity is Owner or User Access Administrator on the subnet and 'az role definition list --name \"Network Contributor\"' finds the role on the stamp.",
    suppressible: true,
    check: (spec, ctx) =>
      spec.network.subnet.kind === 'existing' && spec.servicePrincipal?.objectId !== undefined
        ? [{ path: ctx.name('servicePrincipal.objectId'), value: spec.servicePrincipal?.objectId, allowed: 'not set, with the role granted by hand', message: 'The template will grant Network Contributor on the subnet, which needs rights and a role the Hub docs do not provide.' }]
        : [],
    examples: {
      fail: [{ props: { servicePrincipal: { clientId: '11111111-2222-3333-4444-555555555555', objectId: '99999999-0000-0000-0000-000000000000' }, network: { vnet: { subnetId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/a' } } } }],
      pass: [{ props: { network: { vnet: { subnetId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/a' } } } }],
    },
  },
  {
    id: 'HUB103',
    title: 'Kubernetes version the stamp does not offer',
    severity: 'error',
    source: 'aks-support.md: "the highest Kubernetes version supported is 1.20.7"',
    why: 'The Hub AKS resource provider only deploys the versions its operator has installed.',
    fix: "Use a version from `az aks get-versions` on the stamp; if it offers more than the library knows, add them with HubStack's hub.kubernetesVersions: { add: ['1.x.y'] } (aks-hub check --kubernetes-version 1.x.y).",
    suppressible: true,
    check: (spec, ctx) =>
      isConcrete(spec.kubernetesVersion) && !ctx.stamp.kubernetesVersions.includes(spec.kubernetesVersion)
        ? [{ path: ctx.name('kubernetesVersion'), value: spec.kubernetesVersion, allowed: ctx.stamp.kubernetesVersions.map((v) => `'${v}'`).join(', '), message: 'The stamp does not offer this Kubernetes version.' }]
        : [],
    examples: { fail: [{ props: { kubernetesVersion: '1.29.0' } }], pass: [{ props: { kubernetesVersion: '1.20.7' } }] },
  },
  {
    id: 'HUB104',
    title: 'Missing OS profile for the node OS',
    severity: 'error',
    source: "aks-how-to-use-cli.md: every example passes an SSH key, and the Windows example --windows-admin-*; Windows nodes cannot be created without admin credentials",
    why: "Windows nodes need a Windows admin profile. The 2020-11-01 API makes linuxProfile optional, but the Hub docs' az aks create always sends one, so HubAksCluster requires the key for Linux nodes.",
    fix: 'Give {linuxProfile.sshPublicKey} for Linux nodes, or {windowsProfile} for Windows nodes.',
    suppressible: false,
    check: (spec, ctx) =>
      spec.nodePool.osType === 'Windows' && !spec.windowsProfile
        ? [{ path: ctx.name('windowsProfile'), value: undefined, allowed: '{ adminUsername?, adminPassword? }', message: 'A Windows node pool needs windowsProfile.' }]
        : [],
    // What the library requires of its own props, where the API leaves the choice open.
    checkProps: (props) =>
      props.linuxProfile === undefined && (props.nodePool as { osType?: unknown } | undefined)?.osType !== 'Windows'
        ? [{ path: 'linuxProfile', value: undefined, allowed: '{ sshPublicKey: "ssh-rsa ..." }', message: 'A Linux node pool needs linuxProfile.' }]
        : [],
    examples: {
      fail: [{ props: { linuxProfile: undefined } }, { props: { nodePool: { osType: 'Windows', name: 'win' } } }],
      pass: [{ props: { nodePool: { osType: 'Windows', name: 'win' }, windowsProfile: {} } }],
    },
  },
  {
    id: 'HUB105',
    title: 'Windows nodes without Azure CNI',
    severity: 'error',
    source: 'aks-how-to-use-cli.md: the Windows example uses `--network-plugin azure`',
    why: 'Windows node pools need Azure CNI.',
    fix: "Set {network.plugin} to 'azure'.",
    suppressible: false,
    check: (spec, ctx) =>
      spec.nodePool.osType === 'Windows' && spec.network.plugin !== 'azure'
        ? [{ path: ctx.name('network.plugin'), value: spec.network.plugin, allowed: "'azure'", message: 'Windows nodes need Azure CNI.' }]
        : [],
    examples: {
      fail: [{ props: { nodePool: { osType: 'Windows', name: 'win' }, windowsProfile: {}, network: { plugin: 'kubenet' } } }],
      pass: [{ props: { nodePool: { osType: 'Windows', name: 'win' }, windowsProfile: {}, network: { plugin: 'azure' } } }],
    },
  },
];
