import { API_DEFAULTS } from '../profile/api-defaults';
import { apiVersionOf } from '../profile/api-versions';
import type { StampProfile } from '../profile/stamp';
import { type ClusterModel, deepFreeze, optional } from '../model/cluster-model';
import { UNKNOWN } from './arm-expressions';
import { type AzureOnlyPath, type ClusterInput, type FindingLocation, azureOnlySettings } from './cluster-input';
import { FieldReader, type Resolver } from './field-reader';

/**
 * Where `azurerm_kubernetes_cluster` (3.x and 4.x names) turns on what Hub lacks. A block is on
 * when present: Terraform writes an unset block as `[]` in plans and state, which is off.
 */
const AZURE_ONLY_AZURERM: readonly AzureOnlyPath[] = [
  { path: 'identity', feature: 'managedIdentity', on: 'list' },
  { path: 'kubelet_identity', feature: 'kubeletIdentity', on: 'list' },
  { path: 'default_node_pool.auto_scaling_enabled', feature: 'autoscaler', on: 'true' },
  { path: 'default_node_pool.enable_auto_scaling', feature: 'autoscaler', on: 'true' },
  { path: 'default_node_pool.min_count', feature: 'autoscaler', on: 'set' },
  { path: 'default_node_pool.max_count', feature: 'autoscaler', on: 'set' },
  { path: 'auto_scaler_profile', feature: 'autoscaler', on: 'list' },
  { path: 'default_node_pool.zones', feature: 'zones', on: 'list' },
  { path: 'default_node_pool.availability_zones', feature: 'zones', on: 'list' },
  { path: 'default_node_pool.gpu_instance', feature: 'gpuInstance', on: 'set' },
  { path: 'default_node_pool.gpu_driver', feature: 'gpuInstance', on: 'set' },
  { path: 'private_cluster_enabled', feature: 'privateCluster', on: 'true' },
  { path: 'private_dns_zone_id', feature: 'privateCluster', on: 'set' },
  { path: 'api_server_authorized_ip_ranges', feature: 'authorizedIpRanges', on: 'list' },
  { path: 'api_server_access_profile.authorized_ip_ranges', feature: 'authorizedIpRanges', on: 'list' },
  { path: 'azure_active_directory_role_based_access_control', feature: 'aad', on: 'list' },
  { path: 'local_account_disabled', feature: 'localAccountsDisabled', on: 'true' },
  { path: 'network_profile.load_balancer_profile', feature: 'loadBalancerProfile', on: 'list' },
  { path: 'network_profile.nat_gateway_profile', feature: 'natGateway', on: 'list' },
  // azurerm 5.x turns the OIDC issuer on by default (5.0 upgrade guide): a plan shows it true.
  { path: 'oidc_issuer_enabled', feature: 'oidcIssuer', on: 'true' },
  { path: 'workload_identity_enabled', feature: 'workloadIdentity', on: 'true' },
  { path: 'network_profile.network_plugin_mode', feature: 'cniOverlay', on: 'set' },
  { path: 'network_profile.network_data_plane', feature: 'cniOverlay', on: (v) => v !== 'azure' },
  { path: 'network_profile.ebpf_data_plane', feature: 'cniOverlay', on: 'set' },
  // Add-ons, by the ARM addonProfiles name each block or flag sets.
  { path: 'oms_agent', feature: 'addon', addon: 'omsagent', on: 'list' },
  { path: 'monitor_metrics', feature: 'addon', addon: 'azureMonitorMetrics', on: 'list' },
  { path: 'microsoft_defender', feature: 'addon', addon: 'azureDefender', on: 'list' },
  { path: 'aci_connector_linux', feature: 'addon', addon: 'aciConnectorLinux', on: 'list' },
  { path: 'http_application_routing_enabled', feature: 'addon', addon: 'httpApplicationRouting', on: 'true' },
  { path: 'web_app_routing', feature: 'addon', addon: 'webAppRouting', on: 'list' },
  { path: 'ingress_application_gateway', feature: 'addon', addon: 'ingressApplicationGateway', on: 'list' },
  { path: 'azure_policy_enabled', feature: 'addon', addon: 'azurepolicy', on: 'true' },
  { path: 'key_vault_secrets_provider', feature: 'addon', addon: 'azureKeyvaultSecretsProvider', on: 'list' },
  { path: 'open_service_mesh_enabled', feature: 'addon', addon: 'openServiceMesh', on: 'true' },
  { path: 'confidential_computing', feature: 'addon', addon: 'ACCSGXDevicePlugin', on: 'list' },
];

/**
 * A Terraform value: a string with an interpolation (`${var.x}`) is only known at deploy time,
 * and so is anything a plan marks unknown or sensitive (`hidden` names those paths): a
 * sensitive value came from a sensitive input, and is never read as a literal.
 */
export function terraformResolver(hidden: (path: string) => boolean = () => false): Resolver {
  return (value, path) => ({ value: hidden(path) || (typeof value === 'string' && value.includes('${')) ? UNKNOWN : value, path });
}

/** Reads an `azurerm_kubernetes_cluster` (attributes as in Terraform JSON or plan values) into the model. */
export function importAzurermCluster(attributes: unknown, stamp: StampProfile, location: FindingLocation, resolver = terraformResolver()): ClusterInput {
  // Terraform names an attribute of a single block without its list index: network_profile.load_balancer_sku.
  const r = new FieldReader(attributes, '', resolver, false);
  const d = API_DEFAULTS;
  const plugin = r.str('network.plugin', 'network_profile.network_plugin', d.networkPlugin) === 'azure' ? 'azure' : 'kubenet';
  const subnetId = r.str('network.subnetId', 'default_node_pool.vnet_subnet_id', undefined);
  const sp = r.has('service_principal');
  const rbac = r.read('enableRbac', 'role_based_access_control_enabled') ?? r.read('enableRbac', 'role_based_access_control.enabled');
  const tags = r.read('tags', 'tags');
  const model: ClusterModel = {
    name: r.required('name', 'name'),
    location: r.str('location', 'location', stamp.location),
    apiProfile: stamp.apiProfile,
    // azurerm calls AKS at its own api-version; HUB021 reports the provider itself.
    apiVersion: apiVersionOf(stamp.apiProfile, 'Microsoft.ContainerService/managedClusters'),
    resourceGroup: { name: r.required('resourceGroup.name', 'resource_group_name'), owned: true },
    dnsPrefix: r.required('dnsPrefix', 'dns_prefix'),
    kubernetesVersion: r.str('kubernetesVersion', 'kubernetes_version', undefined) ?? r.required('kubernetesVersion', 'default_node_pool.orchestrator_version'),
    enableRbac: rbac !== false,
    skuTier: r.str('skuTier', 'sku_tier', d.skuTier),
    ...(sp && {
      servicePrincipal: {
        clientId: r.required('servicePrincipal.clientId', 'service_principal.client_id'),
        ...optional('clientSecret', r.str('servicePrincipal.clientSecret', 'service_principal.client_secret', undefined)),
      },
    }),
    nodePool: {
      name: r.required('nodePool.name', 'default_node_pool.name'),
      count: r.num('nodePool.count', 'default_node_pool.node_count', d.nodeCount),
      vmSize: r.required('nodePool.vmSize', 'default_node_pool.vm_size'),
      osDiskSizeGb: r.num('nodePool.osDiskSizeGb', 'default_node_pool.os_disk_size_gb', d.osDiskSizeGb),
      maxPods: r.num('nodePool.maxPods', 'default_node_pool.max_pods', d.maxPods[plugin]),
      // azurerm's default node pool is always Linux; Windows nodes need a second pool.
      osType: 'Linux',
      mode: 'System',
      type: r.str('nodePool.type', 'default_node_pool.type', d.poolType),
    },
    ...(r.has('linux_profile') && {
      linuxProfile: {
        adminUsername: r.required('linuxProfile.adminUsername', 'linux_profile.admin_username'),
        sshPublicKey: r.required('linuxProfile.sshPublicKey', 'linux_profile.ssh_key.key_data'),
      },
    }),
    ...(r.has('windows_profile') && {
      windowsProfile: {
        adminUsername: r.required('windowsProfile.adminUsername', 'windows_profile.admin_username'),
        ...optional('adminPassword', r.str('windowsProfile.adminPassword', 'windows_profile.admin_password', undefined)),
      },
    }),
    network: {
      plugin,
      ...optional('policy', r.str('network.policy', 'network_profile.network_policy', undefined)),
      ...optional('loadBalancerSku', r.str('network.loadBalancerSku', 'network_profile.load_balancer_sku', undefined)),
      outboundType: r.str('network.outboundType', 'network_profile.outbound_type', d.outboundType),
      serviceCidr: r.str('network.serviceCidr', 'network_profile.service_cidr', d.serviceCidr),
      dnsServiceIp: r.str('network.dnsServiceIp', 'network_profile.dns_service_ip', d.dnsServiceIp),
      dockerBridgeCidr: r.str('network.dockerBridgeCidr', 'network_profile.docker_bridge_cidr', d.dockerBridgeCidr),
      ...(plugin === 'kubenet' && { podCidr: r.str('network.podCidr', 'network_profile.pod_cidr', d.podCidr) }),
      subnet: subnetId === undefined ? { kind: 'default' } : { kind: 'existing', subnetId },
    },
    tags: tags && typeof tags === 'object' && !Array.isArray(tags) ? { ...(tags as Record<string, string>) } : {},
    azureOnly: azureOnlySettings(r, AZURE_ONLY_AZURERM),
  };
  // Where the groups of fields are, for findings about a whole group (a missing service principal).
  const groups = { nodePool: 'default_node_pool', servicePrincipal: 'service_principal', linuxProfile: 'linux_profile', windowsProfile: 'windows_profile', network: 'network_profile' };
  for (const [field, path] of Object.entries(groups)) r.paths.set(field, path);
  return { model: deepFreeze(model), vocabulary: 'terraform', pathOf: (f) => r.pathOf(f), location, wrongTypes: r.wrongTypes };
}

