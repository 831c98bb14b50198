import { Token } from 'cdktf';
import type { NewSubnetModel } from '../model/cluster-model';
import type { EngineClusterModel } from '../model/engine-model';
import { AKS_ENGINE } from '../profile/aks-engine';
import { type ArmTemplate, DEPLOYMENT_TEMPLATE_SCHEMA } from './arm-types';
import { vnetResource } from './arm-template';
import { shellWord } from './terminal-text';

const defined = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** `1.33.10` → `1.33`. */
const releaseOf = (version: string): string => version.split('.').slice(0, 2).join('.');

/** `--pod-eviction-timeout` is gone from Kubernetes 1.27 (aks-engine drops it there too). */
function controllerManagerConfig(version: string): Record<string, string> {
  const [major, minor] = version.split('.').map(Number);
  const old = major === 1 && minor! < 27;
  return { ...AKS_ENGINE.kubernetesConfig.controllerManagerConfig, ...(old && { '--pod-eviction-timeout': '5m' }) };
}

/**
 * Renders the engine model as an aks-engine-azurestack API model (`apimodel.json`), with the exact
 * vlabs JSON tags and the Hub sample's settings (`examples/azure-stack/kubernetes-azurestack.json`).
 * It holds no secret: the service principal's secret is passed to `deploy` on its command line,
 * or named in Key Vault; the Windows password and a deploy-time SSH key are added to the state folder's copy. Pure and deterministic.
 */
export function renderApiModel(m: EngineClusterModel): Record<string, unknown> {
  const sp = m.servicePrincipal;
  const kv = sp?.keyVaultSecret;
  const tuning = AKS_ENGINE.kubernetesConfig;
  return {
    apiVersion: 'vlabs',
    location: m.location,
    properties: defined({
      orchestratorProfile: {
        orchestratorType: 'Kubernetes',
        orchestratorRelease: releaseOf(m.kubernetesVersion),
        orchestratorVersion: m.kubernetesVersion,
        kubernetesConfig: defined({
          cloudProviderBackoff: tuning.cloudProviderBackoff,
          cloudProviderBackoffRetries: tuning.cloudProviderBackoffRetries,
          cloudProviderBackoffDuration: tuning.cloudProviderBackoffDuration,
          cloudProviderRateLimit: tuning.cloudProviderRateLimit,
          cloudProviderRateLimitQPS: tuning.cloudProviderRateLimitQPS,
          cloudProviderRateLimitBucket: tuning.cloudProviderRateLimitBucket,
          cloudProviderRateLimitQPSWrite: tuning.cloudProviderRateLimitQPSWrite,
          cloudProviderRateLimitBucketWrite: tuning.cloudProviderRateLimitBucketWrite,
          useCloudControllerManager: m.useCloudControllerManager ?? true,
          useInstanceMetadata: m.useInstanceMetadata,
          // Written always: aks-engine reads an empty plugin as azure, not kubenet.
          networkPlugin: m.network.plugin,
          networkPolicy: m.network.policy,
          loadBalancerSku: 'Basic',
          containerRuntime: m.containerRuntime ?? 'containerd',
          serviceCidr: m.network.serviceCidr,
          dnsServiceIP: m.network.dnsServiceIp,
          dockerBridgeSubnet: m.network.dockerBridgeCidr,
          clusterSubnet: m.network.podCidr,
          kubeletConfig: { ...tuning.kubeletConfig },
          controllerManagerConfig: controllerManagerConfig(m.kubernetesVersion),
        }),
      },
      customCloudProfile: defined({
        portalURL: m.customCloud?.portalUrl,
        identitySystem: m.customCloud?.identitySystem,
      }),
      // No telemetry deployment: disconnected stamps cannot send it.
      featureFlags: { enableTelemetry: false },
      masterProfile: defined({
        count: m.controlPlane.count,
        dnsPrefix: m.dnsPrefix,
        vmSize: m.controlPlane.vmSize,
        osDiskSizeGB: m.controlPlane.osDiskSizeGb,
        distro: m.controlPlane.distro,
        availabilityProfile: m.controlPlane.availabilityProfile,
        vnetSubnetID: m.controlPlane.subnetId,
        firstConsecutiveStaticIP: m.controlPlane.subnetId === undefined ? undefined : m.controlPlane.firstConsecutiveStaticIp,
      }),
      agentPoolProfiles: m.agentPools.map((p) =>
        defined({
          name: p.name,
          count: p.count,
          vmSize: p.vmSize,
          osDiskSizeGB: p.osDiskSizeGb,
          osType: p.osType,
          distro: p.distro,
          availabilityProfile: p.availabilityProfile,
          vnetSubnetID: p.subnetId,
          acceleratedNetworkingEnabled: p.acceleratedNetworking,
        }),
      ),
      linuxProfile: {
        adminUsername: m.linuxProfile?.adminUsername,
        ssh: { publicKeys: [{ keyData: sshKeyAtDeploy(m) ? '' : m.linuxProfile?.sshPublicKey }] },
        enableUnattendedUpgrades: true,
        // Air-gapped stamps cannot reach package mirrors while the nodes boot.
        runUnattendedUpgradesOnBootstrap: false,
      },
      windowsProfile: m.windowsProfile && { adminUsername: m.windowsProfile.adminUsername, sshEnabled: true },
      // Without a Key Vault secret the whole profile comes from deploy's --client-id and --client-secret.
      servicePrincipalProfile: kv && sp ? { clientId: sp.clientId, keyvaultSecretRef: defined({ vaultID: kv.vaultId, secretName: kv.secretName, version: kv.secretVersion }) } : undefined,
    }),
  };
}

/** The template that makes a custom VNET for an AKS engine cluster in its resource group. */
export function renderEngineVnetTemplate(subnet: NewSubnetModel, tags: Readonly<Record<string, string>>, apiVersion: string): ArmTemplate {
  return {
    $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: {},
    resources: [vnetResource(subnet, tags, apiVersion, '[resourceGroup().location]')],
    outputs: {},
  };
}

/** Whether the SSH key is a token (a Terraform variable): the model then leaves keyData empty and `aks-hub engine apply` fills it in the state folder's copy. */
export const sshKeyAtDeploy = (m: EngineClusterModel): boolean => m.linuxProfile !== undefined && Token.isUnresolved(m.linuxProfile.sshPublicKey);

/**
 * Text inside a Markdown paragraph line: the characters that could start markup there (emphasis,
 * code, links, HTML, tables) escaped, line breaks folded, so a value can neither add a block nor hide one.
 */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]<>!|~&]/g, (c) => `\\${c}`).replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** Where the lifecycle commands read, for the README beside the model. */
export interface EngineReadmePaths {
  /** engine.json, relative to the project folder. */
  readonly spec: string;
  /** The state folder. */
  readonly state: string;
}

/** The README.md written beside apimodel.json: how the cluster is deployed and changed, and where its state is. */
export function renderEngineReadme(m: EngineClusterModel, paths: EngineReadmePaths, byTerraform: boolean, authMethod: string): string {
  const secretLines =
    authMethod === 'client_certificate'
      ? ['export AKS_ENGINE_CERTIFICATE_PATH=...   # the service principal\'s certificate', 'export AKS_ENGINE_PRIVATE_KEY_PATH=...   # and its private key']
      : ["export AKS_ENGINE_CLIENT_SECRET=...   # the service principal's secret"];
  const lines = [
    `# AKS engine cluster ${markdownText(m.name)}`,
    '',
    `\`apimodel.json\` is an aks-engine-azurestack ${AKS_ENGINE.release} API model for Kubernetes ${markdownText(m.kubernetesVersion)} on the stamp at`,
    `${markdownText(m.customCloud?.portalUrl ?? 'the stamp')} (${markdownText(m.location)}, ${m.customCloud?.identitySystem === 'adfs' ? 'AD FS' : 'Azure AD'}). It holds no secret.`,
    '',
    byTerraform
      ? '`cdktf deploy` runs `aks-hub engine apply` on `engine.json` (`deployWithTerraform`): it deploys the cluster once, then scales, upgrades and adds pools as the code changes. To see or run the same from the project folder:'
      : 'After `cdktf deploy` has made the resource group, from the project folder:',
    '',
    '```sh',
    ...secretLines,
    ...(sshKeyAtDeploy(m) ? ['export AKS_ENGINE_SSH_PUBLIC_KEY="$(cat ~/.ssh/id_rsa.pub)"'] : []),
    ...(m.windowsProfile ? ["export AKS_ENGINE_WINDOWS_PASSWORD=...   # the Windows admin password"] : []),
    `npx aks-hub engine plan ${shellWord(paths.spec)}`,
    `npx aks-hub engine apply ${shellWord(paths.spec)}`,
    '```',
    '',
    `The cluster's state is in ${markdownText(paths.state)}: the model aks-engine-azurestack wrote at deploy, with the`,
    "cluster's private keys and certificates, unencrypted, and the kubeconfig. Every later scale, upgrade and addpool",
    'reads and rewrites it. Back it up; without it the cluster cannot be changed.',
    '',
    `The cluster goes into the resource group ${markdownText(m.resourceGroup.name)}, which the stack owns: \`cdktf destroy\` deletes it`,
    'with everything deploy made. aks-engine has no delete command of its own.',
    '',
  ];
  return lines.join('\n');
}
