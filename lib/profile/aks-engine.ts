/**
 * aks-engine-azurestack as data: the release the library writes API models for, what it creates
 * on Azure Stack Hub, and its Hub defaults. Sources: `Azure/aks-engine-azurestack` tag
 * `release-v0.85.0` (`pkg/api/common/versions.go`, `pkg/api/vlabs/validate.go`,
 * `pkg/api/vlabs/types.go`, `pkg/api/defaults.go`, `examples/azure-stack/kubernetes-azurestack.json`),
 * as summarized in aks-engine-facts.md.
 */
export const AKS_ENGINE = Object.freeze({
  /** The release whose checks the rules mirror and whose deploy command the README gives. */
  release: 'v0.85.0',
  /** Versions v0.85.0 creates on Azure Stack (`AllKubernetesSupportedVersionsAzureStack`, `true` entries); Linux and Windows alike. */
  kubernetesVersions: Object.freeze(['1.33.10', '1.34.4', '1.35.0']),
  /**
   * What each recent release creates on Azure Stack, oldest first: the steps a cluster takes one
   * minor version at a time (aks-engine-lifecycle-facts §8.2, `docs/topics/azure-stack.md:143-173`).
   */
  releaseVersions: Object.freeze([
    ['v0.82.2', Object.freeze(['1.29.15', '1.30.10'])],
    ['v0.83.1', Object.freeze(['1.30.14', '1.31.11'])],
    ['v0.84.2', Object.freeze(['1.31.13', '1.32.9', '1.33.5'])],
    ['v0.85.0', Object.freeze(['1.33.10', '1.34.4', '1.35.0'])],
  ] as const),
  /** The program's name on the PATH (`aks-engine-azurestack.exe` on Windows, from the release zip). */
  binary: 'aks-engine-azurestack',
  /** The latest patch of `KubernetesDefaultReleaseAzureStack` (`1.33`). */
  defaultKubernetesVersion: '1.33.10',
  /** Distros the vlabs API knows (`pkg/api/vlabs/const.go`). */
  distros: Object.freeze(['ubuntu', 'ubuntu-18.04', 'ubuntu-18.04-gen2', 'ubuntu-20.04', 'ubuntu-22.04', 'flatcar', 'aks-ubuntu-16.04', 'aks-ubuntu-18.04', 'aks-ubuntu-20.04', 'aks-ubuntu-22.04', 'acc-16.04']),
  /** What v0.85.0 has an image for on Hub: the AKS base image, or plain Ubuntu 22.04 for small OS disks. */
  hubDistros: Object.freeze(['aks-ubuntu-22.04', 'ubuntu-22.04']),
  defaultDistro: 'aks-ubuntu-22.04',
  /** Control-plane sizes aks-engine accepts (1 only warns: no high availability). */
  controlPlaneCounts: Object.freeze([1, 3, 5]),
  /** Pool `count` range (`validate:"required,min=1,max=1000"`). */
  poolCount: Object.freeze({ min: 1, max: 1000 }),
  /** `osDiskSizeGB` tag range (`validate:"min=0,max=2048"`). */
  osDiskSizeGb: Object.freeze({ min: 0, max: 2048 }),
  /** `EtcdDiskSizeGB max size supported on Azure Stack is 1023`. */
  maxEtcdDiskSizeGb: 1023,
  poolName: /^[a-z][a-z0-9]{0,11}$/,
  dnsPrefix: /^[A-Za-z][A-Za-z0-9-]{1,43}[A-Za-z0-9]$/,
  /** Plugin and policy pairs aks-engine accepts and Hub allows (`networkPluginPlusPolicyAllowed` ∩ the Hub plugin check). */
  networkPairs: Object.freeze([
    ['kubenet', ''],
    ['kubenet', 'calico'],
    ['azure', ''],
    ['azure', 'azure'],
    ['azure', 'calico'],
    ['azure', 'antrea'],
  ] as const),
  /** `networkPolicy '%s' is not supporting windows agents`. */
  windowsForbiddenPolicies: Object.freeze(['calico', 'cilium', 'antrea']),
  /** Add-ons Azure Stack Hub does not run, by add-on name, with the reason users read. */
  hubUnsupportedAddons: Object.freeze({
    // docs/topics/azure-stack.md "Unsupported Addons" (aks-engine-facts.md §9).
    'aad-pod-identity': 'it is on the unsupported list of aks-engine-azurestack\'s Azure Stack guide',
    'cluster-autoscaler': 'it is on the unsupported list of aks-engine-azurestack\'s Azure Stack guide',
    'keyvault-flexvolume': 'it is on the unsupported list of aks-engine-azurestack\'s Azure Stack guide',
    'smb-flexvolume': 'it is on the unsupported list of aks-engine-azurestack\'s Azure Stack guide',
    'container-monitoring': 'Azure Monitor for containers is on the unsupported list of aks-engine-azurestack\'s Azure Stack guide',
    // hub-facts.md §5.2: the Hub docs' unsupported list adds Blobfuse; the Hub AKS engine support page adds NVIDIA and the ACI connector.
    'blobfuse-flexvolume': 'it is on the unsupported list of the Hub docs',
    'nvidia-device-plugin': 'the Hub docs\' AKS engine support page lists it as unsupported',
    'aci-connector': 'the Hub docs\' AKS engine support page lists it as unsupported: Hub has no Azure Container Instances',
    // Off by default on Azure Stack (pkg/api/addons.go), and the services behind them are not on Hub.
    'azure-policy': 'it needs Azure Policy, which Hub does not offer (off by default on Azure Stack, pkg/api/addons.go)',
    'azurefile-csi-driver': 'it needs Azure Files, and Hub has no file service (off by default on Azure Stack, pkg/api/addons.go)',
    // hub-facts.md §1.3 (HTTP ingress: No) and §2.1 (no application gateways among the Hub's Microsoft.Network types).
    'appgw-ingress': 'it needs Azure Application Gateway, which Hub does not offer',
  } as Readonly<Record<string, string>>),
  /** The Hub sample's cloud-provider tuning and component flags (`--pod-eviction-timeout` is dropped from 1.27). */
  kubernetesConfig: Object.freeze({
    cloudProviderBackoff: true,
    cloudProviderBackoffRetries: 1,
    cloudProviderBackoffDuration: 30,
    cloudProviderRateLimit: true,
    cloudProviderRateLimitQPS: 100,
    cloudProviderRateLimitBucket: 150,
    cloudProviderRateLimitQPSWrite: 25,
    cloudProviderRateLimitBucketWrite: 30,
    kubeletConfig: Object.freeze({ '--node-status-update-frequency': '1m' }),
    controllerManagerConfig: Object.freeze({ '--node-monitor-grace-period': '5m', '--route-reconciliation-period': '1m' }),
  }),
  /**
   * Where the control plane's static IPs start in a custom subnet, counted back from its last
   * address: clear of the dynamic addresses Azure hands out from the start (`docs/tutorials/custom-vnet.md`
   * uses 10.239.255.239 in 10.239.0.0/16).
   */
  controlPlaneIpFromEnd: 16,
  /** Control plane and pool sizes of the Hub sample. */
  controlPlaneVmSize: 'Standard_DS2_v2',
  /** The Hub sample's pool, the one a cluster gets when it names none. */
  defaultPoolName: 'linuxpool',
  agentVmSize: 'Standard_D2_v2',
  /** `authenticationMethod`, `identitySystem`, `dependenciesLocation` enums. */
  authenticationMethods: Object.freeze(['client_secret', 'client_certificate']),
  identitySystems: Object.freeze(['azure_ad', 'adfs']),
  dependenciesLocations: Object.freeze(['public', 'china', 'german', 'usgovernment']),
});

/**
 * Every JSON tag of the vlabs API model, by object path (`pkg/api/vlabs/types.go` at v0.85.0,
 * read field by field). aks-engine reads keys case-insensitively and refuses any other key inside
 * these objects (`Unknown JSON tag`, `pkg/api/strictjson.go`); maps (`kubeletConfig`, `tags`, …) take any key.
 */
export const API_MODEL_TAGS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  "": ['apiVersion', 'id', 'location', 'name', 'plan', 'tags', 'type', 'properties'],
  "properties": ['provisioningState', 'orchestratorProfile', 'masterProfile', 'agentPoolProfiles', 'linuxProfile', 'extensionProfiles', 'windowsProfile', 'servicePrincipalProfile', 'certificateProfile', 'aadProfile', 'featureFlags', 'customCloudProfile', 'telemetryProfile'],
  "properties.orchestratorProfile": ['orchestratorType', 'orchestratorRelease', 'orchestratorVersion', 'kubernetesConfig'],
  "properties.orchestratorProfile.kubernetesConfig": ['kubernetesImageBase', 'kubernetesImageBaseType', 'mcrKubernetesImageBase', 'clusterSubnet', 'dnsServiceIP', 'serviceCidr', 'networkPolicy', 'networkPlugin', 'networkMode', 'containerRuntime', 'maxPods', 'dockerBridgeSubnet', 'useManagedIdentity', 'userAssignedID', 'userAssignedClientID', 'customHyperkubeImage', 'customKubeAPIServerImage', 'customKubeControllerManagerImage', 'customKubeProxyImage', 'customKubeSchedulerImage', 'customKubeBinaryURL', 'dockerEngineVersion', 'mobyVersion', 'linuxMobyURL', 'linuxRuncURL', 'containerdVersion', 'linuxContainerdURL', 'customCcmImage', 'useCloudControllerManager', 'customWindowsPackageURL', 'windowsNodeBinariesURL', 'windowsContainerdURL', 'windowsSdnPluginURL', 'useInstanceMetadata', 'enableRbac', 'enableSecureKubelet', 'enableAggregatedAPIs', 'privateCluster', 'gchighthreshold', 'gclowthreshold', 'etcdVersion', 'etcdDiskSizeGB', 'etcdStorageLimitGB', 'etcdEncryptionKey', 'enableDataEncryptionAtRest', 'enableEncryptionWithExternalKms', 'enablePodSecurityPolicy', 'addons', 'components', 'containerRuntimeConfig', 'kubeletConfig', 'controllerManagerConfig', 'cloudControllerManagerConfig', 'apiServerConfig', 'schedulerConfig', 'podSecurityPolicyConfig', 'kubeReservedCgroup', 'cloudProviderBackoffMode', 'cloudProviderBackoff', 'cloudProviderBackoffRetries', 'cloudProviderBackoffJitter', 'cloudProviderBackoffDuration', 'cloudProviderBackoffExponent', 'cloudProviderRateLimit', 'cloudProviderRateLimitQPS', 'cloudProviderRateLimitQPSWrite', 'cloudProviderRateLimitBucket', 'cloudProviderRateLimitBucketWrite', 'cloudProviderDisableOutboundSNAT', 'loadBalancerSku', 'excludeMasterFromStandardLB', 'loadBalancerOutboundIPs', 'azureCNIVersion', 'azureCNIURLLinux', 'azureCNIURLWindows', 'keyVaultSku', 'maximumLoadBalancerRuleCount', 'kubeProxyMode', 'privateAzureRegistryServer', 'outboundRuleIdleTimeoutInMinutes', 'microsoftAptRepositoryURL', 'enableMultipleStandardLoadBalancers', 'tags'],
  "properties.orchestratorProfile.kubernetesConfig.addons[]": ['name', 'enabled', 'mode', 'containers', 'config', 'pools', 'data'],
  "properties.masterProfile": ['count', 'dnsPrefix', 'subjectAltNames', 'vmSize', 'osDiskSizeGB', 'vnetSubnetID', 'vnetCidr', 'agentVnetSubnetID', 'firstConsecutiveStaticIP', 'ipAddressCount', 'storageProfile', 'HTTPSourceAddressPrefix', 'oauthEnabled', 'preProvisionExtension', 'extensions', 'distro', 'kubernetesConfig', 'imageReference', 'customFiles', 'availabilityProfile', 'agentSubnet', 'availabilityZones', 'singlePlacementGroup', 'platformFaultDomainCount', 'platformUpdateDomainCount', 'auditDEnabled', 'customVMTags', 'sysctldConfig', 'ultraSSDEnabled', 'encryptionAtHost', 'fqdn', 'cosmosEtcd', 'proximityPlacementGroupID', 'osDiskCachingType'],
  "properties.agentPoolProfiles[]": ['name', 'count', 'vmSize', 'osDiskSizeGB', 'dnsPrefix', 'osType', 'ports', 'availabilityProfile', 'scaleSetPriority', 'scaleSetEvictionPolicy', 'spotMaxPrice', 'storageProfile', 'diskSizesGB', 'vnetSubnetID', 'ipAddressCount', 'distro', 'kubernetesConfig', 'imageReference', 'role', 'acceleratedNetworkingEnabled', 'acceleratedNetworkingEnabledWindows', 'vmssOverProvisioningEnabled', 'auditDEnabled', 'customVMTags', 'diskEncryptionSetID', 'ultraSSDEnabled', 'encryptionAtHost', 'fqdn', 'customNodeLabels', 'preProvisionExtension', 'extensions', 'singlePlacementGroup', 'platformFaultDomainCount', 'platformUpdateDomainCount', 'availabilityZones', 'enableVMSSNodePublicIP', 'loadBalancerBackendAddressPoolIDs', 'sysctldConfig', 'proximityPlacementGroupID', 'osDiskCachingType', 'dataDiskCachingType', 'vmssName'],
  "properties.linuxProfile": ['adminUsername', 'ssh', 'secrets', 'scriptroot', 'customSearchDomain', 'customNodesDNS', 'runUnattendedUpgradesOnBootstrap', 'enableUnattendedUpgrades', 'eth0MTU'],
  "properties.linuxProfile.ssh": ['publicKeys'],
  "properties.linuxProfile.ssh.publicKeys[]": ['keyData'],
  "properties.windowsProfile": ['adminUsername', 'adminPassword', 'csiProxyURL', 'enableCSIProxy', 'imageReference', 'imageVersion', 'provisioningScriptsPackageURL', 'WindowsImageSourceUrl', 'WindowsPublisher', 'WindowsOffer', 'WindowsSku', 'windowsDockerVersion', 'secrets', 'sshEnabled', 'enableAutomaticUpdates', 'isCredentialAutoGenerated', 'enableAHUB', 'windowsPauseImageURL', 'alwaysPullWindowsPauseImage', 'windowsRuntimes', 'windowsSecureTLSEnabled'],
  "properties.servicePrincipalProfile": ['clientId', 'secret', 'objectId', 'keyvaultSecretRef'],
  "properties.servicePrincipalProfile.keyvaultSecretRef": ['vaultID', 'secretName', 'version'],
  "properties.customCloudProfile": ['environment', 'azureEnvironmentSpecConfig', 'identitySystem', 'authenticationMethod', 'dependenciesLocation', 'portalURL', 'customCloudRootCertificates', 'customCloudSourcesList'],
  "properties.customCloudProfile.environment": ['name', 'managementPortalURL', 'publishSettingsURL', 'serviceManagementEndpoint', 'resourceManagerEndpoint', 'activeDirectoryEndpoint', 'galleryEndpoint', 'keyVaultEndpoint', 'graphEndpoint', 'serviceBusEndpoint', 'batchManagementEndpoint', 'storageEndpointSuffix', 'sqlDatabaseDNSSuffix', 'trafficManagerDNSSuffix', 'keyVaultDNSSuffix', 'serviceBusEndpointSuffix', 'serviceManagementVMDNSSuffix', 'resourceManagerVMDNSSuffix', 'containerRegistryDNSSuffix', 'cosmosDBDNSSuffix', 'tokenAudience', 'apiManagementHostNameSuffix', 'synapseEndpointSuffix', 'resourceIdentifiers'],
  "properties.featureFlags": ['enableCSERunInBackground', 'blockOutboundInternet', 'enableIPv6DualStack', 'enableTelemetry', 'enableIPv6Only', 'enableWinDSR', 'enforceUbuntu2004DisaStig', 'enforceUbuntu2204DisaStig', 'enforceKubernetesDisaStig'],
});
