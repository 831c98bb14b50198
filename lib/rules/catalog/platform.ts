import { apiVersionOf } from '../../profile/api-versions';
import { field, oneOf, unavailable } from '../checks';
import { type HubRule, type RawProps, type RuleHit, valueAt } from '../rule';

const NO_FILES = 'Azure Stack Hub has no file service, so Azure Files volumes are not available.';
const AZURE_FILE_PROVISIONERS = ['kubernetes.io/azure-file', 'file.csi.azure.com'];

const azureFileClass = (a: RawProps): RuleHit[] => {
  const p = valueAt(a, 'storage_provisioner');
  return typeof p === 'string' && AZURE_FILE_PROVISIONERS.includes(p)
    ? [{ path: 'storage_provisioner', value: p, allowed: "'disk.csi.azure.com' or 'kubernetes.io/azure-disk'", message: NO_FILES }]
    : [];
};
const azureFileVolume = (a: RawProps): RuleHit[] =>
  valueAt(a, 'spec.persistent_volume_source.azure_file') !== undefined
    ? [{ path: 'spec.persistent_volume_source.azure_file', value: valueAt(a, 'spec.persistent_volume_source.azure_file'), allowed: 'an Azure Disk volume', message: NO_FILES }]
    : [];

const AZURERM =
  'The azurerm provider refuses Azure Stack ("it does not support Azure Stack due to differences in API and feature availability") and calls AKS at api-versions the Hub does not serve.';

export const PLATFORM_RULES: readonly HubRule[] = [
  {
    id: 'HUB017',
    title: 'Uptime SLA (paid or standard tier)',
    severity: 'error',
    source: 'Feature table: Uptime SLA: No',
    why: 'Hub AKS has no uptime SLA; only the free tier exists.',
    fix: "Remove {skuTier} or set it to 'Free'.",
    suppressible: false,
    check: (m, ctx) => field(ctx, 'skuTier', m.skuTier, oneOf('Free'), "'Free'", 'Azure Stack Hub has no uptime SLA tier.'),
    examples: {
      fail: [
        { props: { skuTier: 'Paid' } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { sku_tier: 'Standard', network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { sku: { name: 'Basic', tier: 'Paid' } } },
      ],
      pass: [{ props: { skuTier: 'Free' } }, { resource: { type: 'azurerm_kubernetes_cluster', attributes: { sku_tier: 'Free', network_profile: { load_balancer_sku: 'basic' } } } }],
    },
  },
  {
    id: 'HUB019',
    title: 'Azure Files volumes',
    severity: 'error',
    source: 'aks-overview.md: no file service (no Azure Files-backed volumes)',
    why: 'Azure Stack Hub storage has blobs, queues and tables but no file service.',
    fix: 'Use Azure Disk volumes (disk.csi.azure.com), or an NFS server of your own for shared volumes.',
    suppressible: false,
    resources: {
      azurerm_storage_share: unavailable('azurerm_storage_share', NO_FILES),
      azurerm_storage_share_directory: unavailable('azurerm_storage_share_directory', NO_FILES),
      azurerm_storage_share_file: unavailable('azurerm_storage_share_file', NO_FILES),
      kubernetes_storage_class: azureFileClass,
      kubernetes_storage_class_v1: azureFileClass,
      kubernetes_persistent_volume: azureFileVolume,
      kubernetes_persistent_volume_v1: azureFileVolume,
    },
    examples: {
      fail: [
        { resource: { type: 'azurerm_storage_share', attributes: { name: 'share', quota: 50 } } },
        { resource: { type: 'kubernetes_storage_class_v1', attributes: { metadata: { name: 'files' }, storage_provisioner: 'file.csi.azure.com' } } },
      ],
      pass: [{ resource: { type: 'kubernetes_storage_class_v1', attributes: { metadata: { name: 'disks' }, storage_provisioner: 'disk.csi.azure.com' } } }],
    },
  },
  {
    id: 'HUB021',
    title: 'azurerm in a Hub stack',
    severity: 'error',
    source: 'hashicorp/terraform-provider-azurerm internal/clients/builder.go: azureStackEnvironmentError (PR #6817)',
    why: AZURERM,
    fix: 'Use HubAksCluster for the cluster and azurestack_* resources (@cdktf/provider-azurestack) for the rest.',
    suppressible: false,
    resources: {
      'azurerm*': (a) => [{ path: '(resource)', value: valueAt(a, 'name') ?? '(azurerm)', allowed: 'the azurestack provider and its resources', message: AZURERM }],
    },
    examples: {
      fail: [{ provider: 'azurerm' }, { resource: { type: 'azurerm_resource_group', attributes: { name: 'rg', location: 'local' } } }],
      pass: [{ resource: { type: 'azurestack_resource_group', attributes: { name: 'rg', location: 'local' } } }],
    },
  },
  {
    id: 'HUB027',
    title: 'Managed cluster at an api-version the Hub does not serve',
    severity: 'error',
    source: 'aks-support.md: "the supported API is version 2020-11-01"',
    why: 'The Hub AKS resource provider answers NoRegisteredProviderFound for any other api-version.',
    fix: "Set {apiVersion} to '2020-11-01' (or let HubAksCluster write the template).",
    suppressible: false,
    check: (m, ctx) => {
      const want = apiVersionOf(ctx.stamp.apiProfile, 'Microsoft.ContainerService/managedClusters');
      return field(ctx, 'apiVersion', m.apiVersion, (v) => v === want, `'${want}'`, `The Hub AKS resource provider serves only api-version ${want}.`);
    },
    examples: {
      fail: [{ arm: { apiVersion: '2024-05-01' } }],
      pass: [{ arm: { apiVersion: '2020-11-01' } }],
    },
  },
];
