// Constructs and their props.
export { HubStack, type HubStackProps } from './constructs/hub-stack';
export type { HubSettings, IdentitySystem } from './model/hub-settings';
export type { CatalogOverride } from './profile/stamp';
export type { ApiProfile } from './profile/api-versions';
export { HubAksCluster, type HubKubeconfig } from './constructs/hub-aks-cluster';
export type { KubeconfigCredential } from './render/arm-template';
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
  RuleSuppression,
} from './model/props';
export { HubAksEngineCluster } from './constructs/hub-aks-engine-cluster';
export type { HubAksEngineClusterProps, EngineControlPlaneProps, EngineAgentPoolProps, EngineNetworkProps } from './model/engine-props';
export type { EngineClusterModel, EnginePoolModel } from './model/engine-model';
export { sshPublicKeyVariable } from './constructs/ssh-key-variable';
export { DuplicateFrameworkError } from './constructs/one-framework';

// Findings and the rule catalog.
export { HubValidationError, type Finding, type Severity } from './rules/finding';
export type { FindingLocation } from './import/cluster-input';
export { RULES, findRule } from './rules/registry';
export type { RuleInfo } from './rules/rule';
export { suppressHubRule } from './rules/suppressions';

// The pure validator and renderer.
export { validateCluster, type ClusterValidation, type StampSettings } from './rules/validate-cluster';
export { renderClusterTemplate } from './render/cluster-template';
export { checkPlan } from './rules/check-documents';
export type { ClusterModel, NewSubnetModel, ExistingSubnetModel, DefaultVnetModel, AzureOnlySetting, AzureOnlyFeature } from './model/cluster-model';
export type { ArmTemplate, ArmParametersFile, ArmParameter, ArmResource, ArmKeyVaultReference } from './render/arm-types';
