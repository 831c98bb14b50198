export { HubStack, type HubStackProps, type HubSettings, type IdentitySystem, type StackArtifact } from './constructs/hub-stack';
export { HubAksCluster } from './constructs/hub-aks-cluster';
export { sshPublicKeyVariable } from './constructs/ssh-key-variable';
export { DuplicateFrameworkError } from './constructs/one-framework';
export type {
  HubAksClusterProps,
  ServicePrincipalProps,
  KeyVaultSecretRef,
  NodePoolProps,
  LinuxProfileProps,
  WindowsProfileProps,
  NetworkProps,
  NewVnetProps,
  ExistingSubnetProps,
} from './spec/props';
export { type ClusterSpec, type NewSubnetSpec, type ExistingSubnetSpec, CLUSTER_DEFAULTS, toClusterSpec } from './spec/cluster-spec';
export { HubValidationError, type Violation, type Severity, formatViolation } from './rules/violation';
export { RULES, findRule } from './rules/registry';
export type { RuleInfo, RuleExample, HubRule, Finding } from './rules/rule';
export { suppressHubRule, type RuleSuppression, type RecordedSuppression } from './rules/suppressions';
export { checkTerraformResource, checkArmTemplate, type RuleFinding } from './rules/raw-checks';
export { HubComplianceAspect } from './constructs/compliance-aspect';
export { checkCluster, resolveClusterSpec, type ClusterCheck } from './rules/validate-cluster';
export {
  renderArmTemplate,
  renderArmParameters,
  armParametersLeftOut,
  type ArmRendering,
  type ArmSecretParameter,
  type ArmTemplate,
  type ArmParametersFile,
  type ArmResource,
  type ArmParameter,
} from './arm';
export {
  API_PROFILES,
  API_VERSIONS,
  DEFAULT_API_PROFILE,
  apiVersionOf,
  type ApiProfile,
  type ArmResourceType,
  HUB_VM_SIZES,
  AKS_NODE_VM_SIZES,
  NON_AKS_VM_SIZES,
  DEFAULT_NODE_VM_SIZE,
  isGpuVmSize,
  HUB_KUBERNETES_VERSIONS,
  DEFAULT_KUBERNETES_VERSION,
  MAX_NODES_PER_SUBSCRIPTION,
  stampProfile,
  type StampProfile,
  type CatalogOverride,
  FEATURE_TABLE,
  PLATFORM_DIFFERENCES,
  type FeatureRow,
  type FeatureBehaviour,
  type PlatformDifference,
} from './profile';
