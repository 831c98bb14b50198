import { Token } from 'cdktf';
import { apiVersionOf, type ArmResourceType } from '../profile/api-versions';
import { CLI_POOL_OFF_VALUES, OS_DISK_TYPE } from '../profile/cli-parity';
import { MAX_NODES_PER_SUBSCRIPTION, NETWORK_CONTRIBUTOR_ROLE_ID } from '../profile/hub-limits';
import { type ClusterModel, type NewSubnetModel, optional } from '../model/cluster-model';
import type { KeyVaultSecretRef } from '../model/props';
import {
  type ArmParameter,
  type ArmParametersFile,
  type ArmResource,
  type ArmTemplate,
  DEPLOYMENT_PARAMETERS_SCHEMA,
  DEPLOYMENT_TEMPLATE_SCHEMA,
} from './arm-types';

/** A secret template parameter and where its value comes from. */
export interface ArmSecretParameter {
  /** Which secret of the model it carries. */
  readonly secret: 'servicePrincipalClientSecret' | 'windowsAdminPassword';
  /** A Key Vault secret to reference from the parameters file, when the user named one. */
  readonly keyVault?: KeyVaultSecretRef;
}

/** The ARM rendering of a cluster. */
export interface ArmRendering {
  /** The deployment template. */
  readonly template: ArmTemplate;
  /** Values of the non-secret parameters, in declaration order. Some may be unresolved tokens. */
  readonly values: Readonly<Record<string, string | number>>;
  /** The secret (`securestring`) parameters. Their values are never part of a rendering. */
  readonly secrets: Readonly<Record<string, ArmSecretParameter>>;
}

const p = (name: string): string => `[parameters('${name}')]`;

/** A user's text as an ARM string literal: `[ … ]` would be an expression, `[[ … ]` is the text itself. */
const literal = (text: string): string => (text.startsWith('[') && text.endsWith(']') ? `[${text}` : text);

/** A user's text inside a single-quoted string of an ARM expression. */
const quoted = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** Tags as ARM literals, or nothing when there are none. */
const tagsOf = (tags: Readonly<Record<string, string>>) =>
  Object.keys(tags).length > 0 ? { tags: Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, literal(v)])) } : {};

/** A new VNET with its one subnet, as an ARM resource. */
export function vnetResource(subnet: NewSubnetModel, tags: Readonly<Record<string, string>>, apiVersion: string, location: string): ArmResource {
  return {
    type: 'Microsoft.Network/virtualNetworks',
    apiVersion,
    name: literal(subnet.vnetName),
    location,
    ...tagsOf(tags),
    properties: {
      addressSpace: { addressPrefixes: subnet.addressSpace.map(literal) },
      // Subnets inline, so redeploying the template never drops a subnet the cluster uses.
      subnets: [{ name: literal(subnet.subnetName), properties: { addressPrefix: literal(subnet.subnetPrefix) } }],
    },
  };
}

/** Which kubeconfig a rendering returns as a deployment output; none unless asked. */
export type KubeconfigCredential = 'user' | 'admin';

/** The deployment output that carries a kubeconfig, by credential. */
export const KUBECONFIG_OUTPUTS: Readonly<Record<KubeconfigCredential, string>> = { user: 'userKubeconfig', admin: 'adminKubeconfig' };

/**
 * Renders a cluster model as an ARM template: everything the cluster uses that the library makes
 * (VNET and subnet when new, the cluster, the subnet grant when asked). Terraform deploys this same
 * template, so destroying the resource group removes all of it. Pure: the same model gives the
 * same template. Every resource takes its api-version from the model's API profile; `apiProfile`
 * is never set, because the template schema stops at 2019-03-01-hybrid. A kubeconfig output is
 * added only for the credentials `options.kubeconfig` names.
 */
export function renderArmTemplate(model: ClusterModel, options: { readonly kubeconfig?: readonly KubeconfigCredential[] } = {}): ArmRendering {
  const version = (type: ArmResourceType): string => apiVersionOf(model.apiProfile, type);
  const sp = model.servicePrincipal;
  // Models that reach the renderer passed HUB003, which requires the service principal.
  if (!sp) throw new Error(`Cluster '${model.name}' has no service principal (HUB003); check it before rendering.`);
  const subnet = model.network.subnet;
  const roleAssignment = subnet.kind === 'existing' && sp.objectId !== undefined;

  const parameters: Record<string, ArmParameter> = {};
  const values: Record<string, string | number> = {};
  const secrets: Record<string, ArmSecretParameter> = {};
  const param = (name: string, decl: ArmParameter, value: string | number): void => {
    parameters[name] = decl;
    values[name] = value;
  };
  const describe = (description: string) => ({ metadata: { description } });

  param('clusterName', { type: 'string', ...describe('Name of the managed cluster.') }, model.name);
  param('location', { type: 'string', ...describe("The Azure Stack Hub region, for example 'local'.") }, model.location);
  param('dnsPrefix', { type: 'string', ...describe('DNS prefix of the API server FQDN.') }, model.dnsPrefix);
  param('kubernetesVersion', { type: 'string', ...describe('Kubernetes version; one the stamp offers (az aks get-versions).') }, model.kubernetesVersion);
  param(
    'nodeCount',
    { type: 'int', minValue: 1, maxValue: MAX_NODES_PER_SUBSCRIPTION, ...describe(`Nodes in the single pool; Hub allows ${MAX_NODES_PER_SUBSCRIPTION} per subscription.`) },
    model.nodePool.count,
  );
  param('servicePrincipalClientId', { type: 'string', ...describe('Application (client) id of the service principal.') }, sp.clientId);
  parameters.servicePrincipalClientSecret = { type: 'securestring', ...describe('Client secret of the service principal.') };
  secrets.servicePrincipalClientSecret = {
    secret: 'servicePrincipalClientSecret',
    ...(sp.keyVaultSecret && { keyVault: sp.keyVaultSecret }),
  };
  if (model.linuxProfile) {
    param('sshPublicKey', { type: 'string', ...describe('SSH public key of the Linux admin user.') }, model.linuxProfile.sshPublicKey);
  }
  if (model.windowsProfile) {
    parameters.windowsAdminPassword = { type: 'securestring', ...describe('Password of the Windows admin user.') };
    secrets.windowsAdminPassword = {
      secret: 'windowsAdminPassword',
      ...(model.windowsProfile.keyVaultSecret && { keyVault: model.windowsProfile.keyVaultSecret }),
    };
  }
  if (subnet.kind === 'existing') {
    param('subnetId', { type: 'string', ...describe('Resource id of the node subnet.') }, subnet.subnetId);
  }
  if (roleAssignment) {
    param(
      'servicePrincipalObjectId',
      { type: 'string', ...describe('Object id of the service principal; it is granted Network Contributor on the subnet.') },
      sp.objectId as string,
    );
  }

  const resources: ArmResource[] = [];
  const clusterDependsOn: string[] = [];
  // No subnet with the default VNET: the resource provider makes one in the node resource group.
  let subnetIdExpr: string | undefined = subnet.kind === 'existing' ? p('subnetId') : undefined;

  if (subnet.kind === 'new') {
    const vnetType = 'Microsoft.Network/virtualNetworks';
    resources.push(vnetResource(subnet, model.tags, version(vnetType), p('location')));
    clusterDependsOn.push(`[resourceId('${vnetType}', ${quoted(subnet.vnetName)})]`);
    subnetIdExpr = `[resourceId('Microsoft.Network/virtualNetworks/subnets', ${quoted(subnet.vnetName)}, ${quoted(subnet.subnetName)})]`;
  }

  if (roleAssignment) {
    // The subnet may live in another resource group or subscription, so the grant is a nested
    // deployment there; the cluster waits for it, as it needs the subnet rights at creation.
    const deploymentsType = 'Microsoft.Resources/deployments';
    const roleType = 'Microsoft.Authorization/roleAssignments';
    const name = "[concat(parameters('clusterName'), '-subnet-access')]";
    resources.push({
      type: deploymentsType,
      apiVersion: version(deploymentsType),
      name,
      subscriptionId: "[split(parameters('subnetId'), '/')[2]]",
      resourceGroup: "[split(parameters('subnetId'), '/')[4]]",
      properties: {
        mode: 'Incremental',
        template: {
          $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
          contentVersion: '1.0.0.0',
          resources: [
            {
              type: roleType,
              apiVersion: version(roleType),
              name: `[guid(parameters('subnetId'), parameters('servicePrincipalObjectId'), '${NETWORK_CONTRIBUTOR_ROLE_ID}')]`,
              scope: p('subnetId'),
              properties: {
                roleDefinitionId: `[concat('/subscriptions/', split(parameters('subnetId'), '/')[2], '/providers/Microsoft.Authorization/roleDefinitions/${NETWORK_CONTRIBUTOR_ROLE_ID}')]`,
                principalId: p('servicePrincipalObjectId'),
              },
            },
          ],
        },
      },
    });
    // By name: the nested deployment lives in the subnet's resource group, not this one.
    clusterDependsOn.push(name);
  }

  const clusterType = 'Microsoft.ContainerService/managedClusters';
  const net = model.network;
  resources.push({
    type: clusterType,
    apiVersion: version(clusterType),
    name: p('clusterName'),
    location: p('location'),
    ...tagsOf(model.tags),
    ...(clusterDependsOn.length > 0 && { dependsOn: clusterDependsOn }),
    sku: { name: 'Basic', tier: model.skuTier },
    properties: {
      kubernetesVersion: p('kubernetesVersion'),
      dnsPrefix: p('dnsPrefix'),
      enableRBAC: model.enableRbac,
      agentPoolProfiles: [
        {
          name: literal(model.nodePool.name),
          count: p('nodeCount'),
          vmSize: literal(model.nodePool.vmSize),
          osDiskSizeGB: model.nodePool.osDiskSizeGb,
          osDiskType: OS_DISK_TYPE,
          ...(subnetIdExpr !== undefined && { vnetSubnetID: subnetIdExpr }),
          maxPods: model.nodePool.maxPods,
          osType: model.nodePool.osType,
          type: model.nodePool.type,
          mode: model.nodePool.mode,
          // The CLI sends the pool's version with the cluster's; an upgrade moves both.
          orchestratorVersion: p('kubernetesVersion'),
          ...CLI_POOL_OFF_VALUES,
        },
      ],
      ...(model.linuxProfile && {
        linuxProfile: {
          adminUsername: literal(model.linuxProfile.adminUsername),
          ssh: { publicKeys: [{ keyData: p('sshPublicKey') }] },
        },
      }),
      ...(model.windowsProfile && {
        windowsProfile: { adminUsername: literal(model.windowsProfile.adminUsername), adminPassword: p('windowsAdminPassword') },
      }),
      servicePrincipalProfile: { clientId: p('servicePrincipalClientId'), secret: p('servicePrincipalClientSecret') },
      // As the CLI sends it: no add-on (Hub has none).
      addonProfiles: {},
      networkProfile: {
        networkPlugin: net.plugin,
        ...(net.policy && { networkPolicy: literal(net.policy) }),
        loadBalancerSku: net.loadBalancerSku,
        outboundType: net.outboundType,
        serviceCidr: literal(net.serviceCidr),
        dnsServiceIP: literal(net.dnsServiceIp),
        dockerBridgeCidr: literal(net.dockerBridgeCidr),
        ...(net.podCidr !== undefined && { podCidr: literal(net.podCidr) }),
      },
    },
  });

  const clusterId = `resourceId('${clusterType}', parameters('clusterName'))`;
  const template: ArmTemplate = {
    $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    parameters,
    resources,
    outputs: {
      controlPlaneFqdn: { type: 'string', value: `[reference(${clusterId}, '${version(clusterType)}').fqdn]` },
      clusterResourceId: { type: 'string', value: `[${clusterId}]` },
      nodeResourceGroup: { type: 'string', value: `[reference(${clusterId}, '${version(clusterType)}').nodeResourceGroup]` },
      // Only when asked: the value lands in Terraform state and the deployment history (README, "Kubeconfig").
      // listClusterUserCredential / listClusterAdminCredential at 2020-11-01 return base64 kubeconfigs (lifecycle-facts §6).
      ...Object.fromEntries(
        [...new Set(options.kubeconfig ?? [])].sort().map((c) => [
          KUBECONFIG_OUTPUTS[c],
          { type: 'string', value: `[list${c === 'admin' ? 'ClusterAdmin' : 'ClusterUser'}Credential(${clusterId}, '${version(clusterType)}').kubeconfigs[0].value]` },
        ]),
      ),
      ...(subnetIdExpr !== undefined && { subnetId: { type: 'string', value: subnetIdExpr } }),
    },
  };
  return { template, values, secrets };
}

/**
 * The parameters file for a rendering: every non-secret value that is known at synth time, and
 * each secret as a Key Vault reference when one was named. A secret without one, and a value that
 * is only known at deploy time (a Terraform token), are left out, to be passed on the command line.
 */
export function renderArmParameters(rendering: ArmRendering): ArmParametersFile {
  const out: Record<string, ArmParametersFile['parameters'][string]> = {};
  for (const name of Object.keys(rendering.template.parameters)) {
    const secret = rendering.secrets[name];
    if (secret) {
      if (secret.keyVault) {
        out[name] = {
          reference: {
            keyVault: { id: secret.keyVault.vaultId },
            secretName: secret.keyVault.secretName,
            ...optional('secretVersion', secret.keyVault.secretVersion),
          },
        };
      }
      continue;
    }
    // A rendering given only its template (values: {}) has none to write.
    const value = rendering.values[name];
    if (value !== undefined && !Token.isUnresolved(value)) out[name] = { value };
  }
  return { $schema: DEPLOYMENT_PARAMETERS_SCHEMA, contentVersion: '1.0.0.0', parameters: out };
}

/** The parameters a rendering needs on the command line: secrets without a vault reference, and deploy-time values. */
export function armParametersLeftOut(rendering: ArmRendering): string[] {
  const filled = renderArmParameters(rendering).parameters;
  return Object.keys(rendering.template.parameters).filter((name) => !(name in filled));
}
