/**
 * The Azure AKS vs Azure Stack Hub AKS comparison, as data: every row of the feature table in
 * azure-stack-docs `azure-stack/user/aks-overview.md` and every platform difference the Hub docs
 * list, each with what the library does about it. docs/feature-matrix.md is generated from this.
 */

/** What the library does about a feature. */
export type FeatureBehaviour =
  /** Supported, through this prop (a path in HubAksClusterProps or HubStackProps). */
  | { readonly kind: 'prop'; readonly prop: string; readonly note?: string }
  /** Supported by what the library always writes. */
  | { readonly kind: 'library'; readonly note: string }
  /** Not available on Hub: this rule stops it at synth time. */
  | { readonly kind: 'rule'; readonly ruleId: string; readonly note?: string }
  /** Nothing to express in infrastructure code (portal, operator, client tool or in-cluster). */
  | { readonly kind: 'not-iac'; readonly reason: string };

/** One row of the seed feature table. */
export interface FeatureRow {
  readonly area: string;
  readonly feature: string;
  readonly azure: 'Yes' | 'No';
  readonly hub: 'Yes' | 'No';
  readonly behaviour: FeatureBehaviour;
}

/** One platform difference the Hub docs list. */
export interface PlatformDifference {
  readonly difference: string;
  readonly source: string;
  readonly behaviour: FeatureBehaviour;
}

const rule = (ruleId: string, note?: string): FeatureBehaviour => ({ kind: 'rule', ruleId, ...(note && { note }) });
const prop = (p: string, note?: string): FeatureBehaviour => ({ kind: 'prop', prop: p, ...(note && { note }) });
const library = (note: string): FeatureBehaviour => ({ kind: 'library', note });
const notIac = (reason: string): FeatureBehaviour => ({ kind: 'not-iac', reason });

/** The feature table of `aks-overview.md` (identical in the 2021–2025 versions), row by row. */
export const FEATURE_TABLE: readonly FeatureRow[] = Object.freeze([
  { area: 'Access security', feature: 'Kubernetes RBAC', azure: 'Yes', hub: 'Yes', behaviour: prop('enableRbac', 'on by default') },
  { area: 'Access security', feature: 'Security Center integration', azure: 'Yes', hub: 'Yes', behaviour: notIac('Turned on for the stamp by its operator; nothing in the cluster template.') },
  { area: 'Access security', feature: 'Microsoft Entra (Azure AD) auth/RBAC', azure: 'Yes', hub: 'No', behaviour: rule('HUB010') },
  { area: 'Access security', feature: 'Calico network policy', azure: 'Yes', hub: 'No', behaviour: rule('HUB018', "network.policy 'azure' is allowed") },
  { area: 'Monitoring', feature: 'Integrated Azure monitoring (Insights, Logs, Metrics, Alerts)', azure: 'Yes', hub: 'No', behaviour: rule('HUB011') },
  { area: 'Monitoring', feature: 'Monitoring and remediation of master nodes', azure: 'Yes', hub: 'Yes', behaviour: notIac('Done by the AKS resource provider; there is nothing to configure.') },
  { area: 'Monitoring', feature: 'Cluster metrics', azure: 'Yes', hub: 'Yes', behaviour: notIac('Shown by the portal on the cluster blade; there is nothing to configure.') },
  { area: 'Monitoring', feature: 'Advisor recommendations', azure: 'Yes', hub: 'No', behaviour: notIac('A portal service with no template setting; nothing to block.') },
  { area: 'Monitoring', feature: 'Diagnostic settings', azure: 'Yes', hub: 'Yes', behaviour: notIac('Set on the cluster blade of the Hub portal after deployment (aks-troubleshoot.md); the library does not write them.') },
  { area: 'Monitoring', feature: 'Kubernetes control plane logs', azure: 'Yes', hub: 'Yes', behaviour: notIac('Collected through the diagnostic settings of the portal.') },
  { area: 'Monitoring', feature: 'Workbooks', azure: 'Yes', hub: 'No', behaviour: notIac('A portal feature with no template setting; nothing to block.') },
  { area: 'Clusters and nodes', feature: 'Automatic node scaling (Autoscaler)', azure: 'Yes', hub: 'No', behaviour: rule('HUB006') },
  { area: 'Clusters and nodes', feature: 'Directed node scaling', azure: 'Yes', hub: 'Yes', behaviour: prop('nodePool.count', 'or `az aks scale`') },
  { area: 'Clusters and nodes', feature: 'Automatic pod scaling', azure: 'Yes', hub: 'Yes', behaviour: notIac('Horizontal pod autoscalers are Kubernetes objects inside the cluster.') },
  { area: 'Clusters and nodes', feature: 'GPU enabled pods', azure: 'Yes', hub: 'No', behaviour: rule('HUB015') },
  { area: 'Clusters and nodes', feature: 'Storage volume support', azure: 'Yes', hub: 'Yes', behaviour: notIac('Azure Disk volumes are Kubernetes storage classes inside the cluster; Azure Files is stopped by HUB019.') },
  { area: 'Clusters and nodes', feature: 'Multiple node pool management', azure: 'Yes', hub: 'No', behaviour: rule('HUB005') },
  { area: 'Clusters and nodes', feature: 'ACI integration and virtual nodes', azure: 'Yes', hub: 'No', behaviour: rule('HUB012') },
  { area: 'Clusters and nodes', feature: 'Uptime SLA', azure: 'Yes', hub: 'No', behaviour: rule('HUB017') },
  { area: 'Clusters and nodes', feature: 'Hidden master nodes', azure: 'Yes', hub: 'No', behaviour: notIac('Platform behaviour: the masters are visible in the tenant subscription. Nothing to configure; do not delete them.') },
  { area: 'VNet/ingress', feature: 'Default VNET', azure: 'Yes', hub: 'Yes', behaviour: prop('network.vnet', "network.vnet: 'default' leaves the VNET to the resource provider, as az aks create without --vnet-subnet-id; the library's own default is a VNET in the cluster's template, with an explicit address plan") },
  { area: 'VNet/ingress', feature: 'Custom VNET', azure: 'Yes', hub: 'Yes', behaviour: prop('network.vnet.subnetId') },
  { area: 'VNet/ingress', feature: 'HTTP ingress', azure: 'Yes', hub: 'No', behaviour: rule('HUB013', 'install an ingress controller with Helm') },
  { area: 'Dev tooling', feature: 'Helm', azure: 'Yes', hub: 'Yes', behaviour: notIac('A client tool, used against the cluster after deployment.') },
  { area: 'Dev tooling', feature: 'Dev Studio / DevOps Starter', azure: 'Yes', hub: 'No', behaviour: notIac('Developer tooling outside the cluster; nothing to block.') },
  { area: 'Dev tooling', feature: 'Docker image support and private container registry', azure: 'Yes', hub: 'Yes', behaviour: notIac('Images are pulled with imagePullSecrets inside the cluster; Hub has no AcrPull role (aks-how-to-use.md).') },
  { area: 'Certifications', feature: 'CNCF-certified', azure: 'Yes', hub: 'Yes', behaviour: notIac('A property of the platform.') },
  { area: 'Lifecycle', feature: 'AKS UX (portal)', azure: 'Yes', hub: 'Yes', behaviour: notIac('The portal; nothing in code.') },
  { area: 'Lifecycle', feature: 'AKS CLI (Windows and Linux)', azure: 'Yes', hub: 'Yes', behaviour: notIac('A client tool; the README shows the Azure CLI 2.66 commands that deploy the ARM template.') },
  { area: 'Lifecycle', feature: 'AKS API', azure: 'Yes', hub: 'Yes', behaviour: library('Every cluster is written as Microsoft.ContainerService/managedClusters at api-version 2020-11-01.') },
  { area: 'Lifecycle', feature: 'AKS templates', azure: 'Yes', hub: 'Yes', behaviour: library('Every cluster is also written as azuredeploy.json with its parameters file.') },
  { area: 'Lifecycle', feature: 'AKS PowerShell', azure: 'Yes', hub: 'No', behaviour: notIac('A client tool; use the Azure CLI 2.66 LTS instead.') },
]);

/** The platform differences the Hub docs list, and the facts that shape the library. */
export const PLATFORM_DIFFERENCES: readonly PlatformDifference[] = Object.freeze([
  { difference: 'No Standard Load Balancer; only the basic load balancer', source: 'aks-overview.md', behaviour: rule('HUB001') },
  { difference: 'No parameter for API server authorized IP ranges', source: 'aks-overview.md', behaviour: rule('HUB009') },
  { difference: 'No parameter for load balancer managed IP count', source: 'aks-overview.md', behaviour: rule('HUB002') },
  { difference: 'No parameter for enabling private cluster', source: 'aks-overview.md', behaviour: rule('HUB008') },
  { difference: 'No cluster autoscaler', source: 'aks-overview.md', behaviour: rule('HUB006') },
  { difference: '`az aks update` is not available', source: 'aks-overview.md', behaviour: notIac('A CLI command. Changing props redeploys the template; the Hub accepts the changes `az aks scale` and `az aks upgrade` make (node count, Kubernetes version).') },
  { difference: 'No multiple node pools; the node pool commands are not available', source: 'aks-overview.md', behaviour: rule('HUB005') },
  { difference: 'No Azure regions or availability zones', source: 'aks-overview.md', behaviour: rule('HUB007', 'the location is the stamp region: hub.location') },
  { difference: 'No availability sets, only virtual machine scale sets', source: 'aks-overview.md', behaviour: rule('HUB004') },
  { difference: 'No file service (Azure Files volumes)', source: 'aks-overview.md', behaviour: rule('HUB019') },
  { difference: 'No Azure Log Analytics or Container Monitor', source: 'aks-overview.md', behaviour: rule('HUB011') },
  { difference: 'No Azure DevOps', source: 'aks-overview.md', behaviour: notIac('A service outside the cluster; nothing to block.') },
  { difference: 'No managed identity: service principal credentials are always needed', source: 'aks-overview.md', behaviour: rule('HUB003', 'servicePrincipal is required') },
  { difference: '`--location` is the customer\'s own region name', source: 'aks-overview.md', behaviour: prop('hub.location') },
  { difference: 'Service principals come from Microsoft Entra ID or AD FS', source: 'aks-overview.md', behaviour: prop('hub.identitySystem') },
  { difference: 'The service principal is not created automatically, and its credential is not rotated', source: 'aks-known-issues.md', behaviour: prop('servicePrincipal', 'the secret comes from a sensitive variable') },
  { difference: 'Limited to 50 nodes per subscription', source: 'aks-known-issues.md', behaviour: rule('HUB020') },
  { difference: 'Windows clusters: one Windows-only pool, created with the CLI, Azure CNI', source: 'aks-known-issues.md, aks-how-to-use-cli.md', behaviour: prop('nodePool.osType', 'Windows needs Azure CNI: HUB105') },
  { difference: 'Node VMs must be sizes the Hub offers', source: 'azure-stack-vm-sizes.md', behaviour: rule('HUB016', 'extend per stamp with hub.vmSizes') },
  { difference: 'Kubernetes versions are those the operator installed (1.20.7 the highest the docs name)', source: 'aks-support.md', behaviour: rule('HUB103', 'extend per stamp with hub.kubernetesVersions') },
  { difference: 'The AKS resource provider serves only api-version 2020-11-01', source: 'aks-support.md', behaviour: rule('HUB027') },
  { difference: 'The azurerm Terraform provider refuses Azure Stack', source: 'terraform-provider-azurerm builder.go', behaviour: rule('HUB021', 'the library deploys through azurestack') },
  { difference: 'Backup and disaster recovery of the cluster are not offered', source: 'aks-support.md (private preview)', behaviour: notIac('An operational service; nothing in the cluster template.') },
  { difference: 'No automatic remediation', source: 'aks-support.md (private preview)', behaviour: notIac('Platform behaviour; recover a lost node with an update operation (aks-how-to-use.md).') },
  { difference: 'No attaching a container registry at create time', source: 'aks-support.md (private preview)', behaviour: notIac('A CLI flag with no template property; use imagePullSecrets.') },
  { difference: 'Not available on the ASDK (multi-node stamps only)', source: 'aks-known-issues.md', behaviour: notIac('A property of the stamp the operator runs.') },
  { difference: 'No Azure Arc', source: 'aks-support.md (private preview)', behaviour: notIac('A service outside the cluster; nothing to block.') },
  { difference: 'AKS on Azure Stack Hub is discontinued; subscription registration hangs from release 2311', source: 'aks-overview.md, operator/known-issues.md', behaviour: notIac('A property of the stamp: check that Microsoft.ContainerService registers; AKS engine is the alternative.') },
]);
