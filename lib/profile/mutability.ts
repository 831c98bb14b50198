/**
 * What the AKS resource provider (managedClusters 2020-11-01) lets a redeploy change in place.
 * A template redeploy is a full PUT of the cluster (lifecycle-facts §1); the resource provider
 * answers `PropertyChangeNotAllowed` ("Changing property '<path>' is not allowed.") for these.
 */

/** A cluster model field the resource provider refuses to change, and where that is stated. */
export interface FixedProperty {
  /** The cluster model field. */
  readonly field: string;
  readonly source: string;
}

/** Fields that cannot change after creation (lifecycle-facts §1b). */
export const FIXED_PROPERTIES: readonly FixedProperty[] = Object.freeze([
  { field: 'location', source: 'spec Resource.location x-ms-mutability [read, create]; ARM deployment-modes docs' },
  { field: 'dnsPrefix', source: "\"Changing property 'dnsPrefix' is not allowed.\" (rancher/rancher#34758)" },
  { field: 'enableRbac', source: 'azurerm role_based_access_control_enabled ForceNew (v2.40.0, v4.40.0)' },
  { field: 'nodePool.name', source: 'azurerm kubernetes_nodepool.go ForceNew' },
  { field: 'nodePool.vmSize', source: "\"Changing property \\\"agentPoolProfile.vmSize\\\" is not allowed in an api-version before 2026-01-02-preview\" (Azure/bicep-registry-modules#7130)" },
  { field: 'nodePool.osDiskSizeGb', source: 'azurerm kubernetes_nodepool.go ForceNew' },
  { field: 'nodePool.maxPods', source: 'azurerm kubernetes_nodepool.go ForceNew' },
  { field: 'nodePool.osType', source: 'azurerm kubernetes_nodepool.go ForceNew' },
  { field: 'nodePool.type', source: 'azurerm kubernetes_nodepool.go ForceNew' },
  { field: 'network.subnetId', source: 'azurerm kubernetes_nodepool.go vnet_subnet_id ForceNew' },
  { field: 'network.plugin', source: "\"Changing property 'networkProfile.networkPlugin' is not allowed.\" (Azure/AKS#409)" },
  { field: 'network.policy', source: 'azurerm network_profile ForceNew on every field' },
  { field: 'network.loadBalancerSku', source: 'azurerm network_profile ForceNew on every field' },
  { field: 'network.outboundType', source: 'azurerm network_profile ForceNew on every field' },
  { field: 'network.serviceCidr', source: 'azurerm network_profile ForceNew on every field' },
  { field: 'network.dnsServiceIp', source: 'azurerm network_profile ForceNew on every field' },
  { field: 'network.dockerBridgeCidr', source: 'azurerm network_profile ForceNew on every field' },
  { field: 'network.podCidr', source: 'azurerm network_profile ForceNew on every field' },
  { field: 'linuxProfile.adminUsername', source: 'azurerm linux_profile ForceNew' },
  { field: 'linuxProfile.sshPublicKey', source: "\"Changing property 'linuxProfile.ssh.publicKeys.keyData' is not allowed.\" (Azure/AKS#61)" },
  { field: 'windowsProfile.adminUsername', source: 'azurerm windows_profile.admin_username ForceNew' },
  { field: 'servicePrincipal.clientId', source: "\"Changing property 'servicePrincipalProfile.clientId' is not allowed.\" (Azure/azure-cli#24764); Hub cannot rotate it (aks-known-issues.md)" },
]);
