import { Token } from 'cdktf';
import type { NewSubnetModel } from '../model/cluster-model';
import type { EngineClusterModel } from '../model/engine-model';
import { AKS_ENGINE } from '../profile/aks-engine';
import { type ArmTemplate, DEPLOYMENT_TEMPLATE_SCHEMA } from './arm-types';
import { vnetResource } from './arm-template';

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
 * or named in Key Vault; the Windows password is passed with `--set`. Pure and deterministic.
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

/** Where `deploy` reads and writes, and the environment variables that carry the secrets. */
export interface EngineDeployPaths {
  /** The API model, relative to where the command runs. */
  readonly apiModel: string;
  /** `deploy`'s output folder: the generated templates, kubeconfig and PKI. */
  readonly outputDirectory: string;
  /** The stack's subscription, or `undefined` to take ARM_SUBSCRIPTION_ID. */
  readonly subscriptionId?: string;
}

/**
 * The environment variables the deploy command reads: the secrets, which no file holds, and an
 * SSH key known only at deploy time.
 */
export const ENGINE_DEPLOY_ENV = Object.freeze({ clientSecret: 'AKS_ENGINE_CLIENT_SECRET', windowsPassword: 'AKS_ENGINE_WINDOWS_PASSWORD', sshPublicKey: 'AKS_ENGINE_SSH_PUBLIC_KEY' });

/** Whether the SSH key is a token (a Terraform variable): the model then leaves keyData empty and deploy sets it. */
export const sshKeyAtDeploy = (m: EngineClusterModel): boolean => m.linuxProfile !== undefined && Token.isUnresolved(m.linuxProfile.sshPublicKey);

/** A word for a POSIX shell command line: quoted unless it is plainly safe. */
const shellWord = (w: string): string => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

/**
 * The `aks-engine-azurestack deploy` command for this cluster, as POSIX shell words; secrets come
 * from environment variables (`ENGINE_DEPLOY_ENV`), never from the text.
 */
export function engineDeployCommand(m: EngineClusterModel, paths: EngineDeployPaths): string {
  const sp = m.servicePrincipal;
  const words = [
    'aks-engine-azurestack', 'deploy',
    '--api-model', shellWord(paths.apiModel),
    '--location', shellWord(m.location),
    '--resource-group', shellWord(m.resourceGroup.name),
    '--azure-env', 'AzureStackCloud',
    '--identity-system', shellWord(m.customCloud?.identitySystem ?? 'azure_ad'),
    '--auth-method', 'client_secret',
    '--client-id', shellWord(sp?.clientId ?? ''),
    '--client-secret', `"$${ENGINE_DEPLOY_ENV.clientSecret}"`,
    '--subscription-id', paths.subscriptionId ? shellWord(paths.subscriptionId) : '"$ARM_SUBSCRIPTION_ID"',
    '--output-directory', shellWord(paths.outputDirectory),
    // --set values are quoted for aks-engine, which splits them at commas (cmd/generate_test.go).
    ...(sshKeyAtDeploy(m) ? ['--set', `"linuxProfile.ssh.publicKeys[0].keyData=\\"$${ENGINE_DEPLOY_ENV.sshPublicKey}\\""`] : []),
    ...(m.windowsProfile ? ['--set', `"windowsProfile.adminPassword=\\"$${ENGINE_DEPLOY_ENV.windowsPassword}\\""`] : []),
  ];
  return words.join(' ');
}

/** The README.md written beside apimodel.json: how to deploy, and what Terraform does not see. */
export function renderEngineReadme(m: EngineClusterModel, paths: EngineDeployPaths, byTerraform: boolean): string {
  const lines = [
    `# AKS engine cluster ${m.name}`,
    '',
    `\`apimodel.json\` is an aks-engine-azurestack ${AKS_ENGINE.release} API model for Kubernetes ${m.kubernetesVersion} on the stamp at`,
    `${m.customCloud?.portalUrl ?? 'the stamp'} (${m.location}, ${m.customCloud?.identitySystem === 'adfs' ? 'AD FS' : 'Azure AD'}). It holds no secret.`,
    '',
    byTerraform
      ? '`cdktf deploy` runs the command below once, after the resource group exists (`deployWithTerraform`). To run it yourself, from this stack\'s folder of cdktf.out:'
      : 'After `cdktf deploy` has made the resource group, run from this stack\'s folder of cdktf.out:',
    '',
    '```sh',
    `export ${ENGINE_DEPLOY_ENV.clientSecret}=...   # the service principal's secret`,
    ...(sshKeyAtDeploy(m) ? [`export ${ENGINE_DEPLOY_ENV.sshPublicKey}="$(cat ~/.ssh/id_rsa.pub)"`] : []),
    ...(m.windowsProfile ? [`export ${ENGINE_DEPLOY_ENV.windowsPassword}=...   # the Windows admin password`] : []),
    engineDeployCommand(m, paths),
    '```',
    '',
    `The cluster goes into the resource group ${m.resourceGroup.name}, which the stack owns: \`cdktf destroy\` deletes it with`,
    'everything deploy made. aks-engine has no delete command of its own.',
    '',
    `\`${paths.outputDirectory}\` then holds the generated ARM templates, the kubeconfig and the cluster's private`,
    'keys and certificates, unencrypted. Keep it: `scale` and `upgrade` need its apimodel.json. Terraform does not',
    'see it, nor what `aks-engine-azurestack scale` and `upgrade` change; run those against that file, not this one.',
    '',
  ];
  return lines.join('\n');
}
