import { apiVersionOf } from '../../profile/api-versions';
import { field, oneOf, unavailable } from '../checks';
import { type RuleChecks, type RawProps, type RuleHit, valueAt } from '../rule';

const NO_FILES = 'Azure Stack Hub has no file service, so Azure Files volumes are not available.';
const AZURE_FILE_PROVISIONERS = ['kubernetes.io/azure-file', 'file.csi.azure.com'];

const azureFileClass = (a: RawProps): RuleHit[] => {
  const p = valueAt(a, 'storage_provisioner');
  return typeof p === 'string' && AZURE_FILE_PROVISIONERS.includes(p)
    ? [{ path: 'storage_provisioner', value: p, allowed: "'disk.csi.azure.com' or 'kubernetes.io/azure-disk'", message: NO_FILES }]
    : [];
};
const azureFileVolume = (a: RawProps): RuleHit[] =>
  valueAt(a, 'model.persistent_volume_source.azure_file') !== undefined
    ? [{ path: 'model.persistent_volume_source.azure_file', value: valueAt(a, 'model.persistent_volume_source.azure_file'), allowed: 'an Azure Disk volume', message: NO_FILES }]
    : [];

const AZURERM =
  'The azurerm provider refuses Azure Stack ("it does not support Azure Stack due to differences in API and feature availability") and calls AKS at api-versions the Hub does not serve.';

export const PLATFORM_RULES: readonly RuleChecks[] = [
  {
    id: 'HUB017',
    check: (m, ctx) => field(ctx, 'skuTier', m.skuTier, oneOf('Free'), "'Free'", 'Azure Stack Hub has no uptime SLA tier.'),
  },
  {
    id: 'HUB019',
    resources: {
      azurerm_storage_share: unavailable('azurerm_storage_share', NO_FILES),
      azurerm_storage_share_directory: unavailable('azurerm_storage_share_directory', NO_FILES),
      azurerm_storage_share_file: unavailable('azurerm_storage_share_file', NO_FILES),
      kubernetes_storage_class: azureFileClass,
      kubernetes_storage_class_v1: azureFileClass,
      kubernetes_persistent_volume: azureFileVolume,
      kubernetes_persistent_volume_v1: azureFileVolume,
      kubernetes_manifest: (a) =>
        valueAt(a, 'manifest.kind') === 'StorageClass' && AZURE_FILE_PROVISIONERS.includes(valueAt(a, 'manifest.provisioner') as string)
          ? [{ path: 'manifest.provisioner', value: valueAt(a, 'manifest.provisioner'), allowed: "'disk.csi.azure.com' or 'kubernetes.io/azure-disk'", message: NO_FILES }]
          : [],
    },
  },
  {
    id: 'HUB021',
    resources: {
      'azurerm*': (a) => [{ path: '(resource)', value: valueAt(a, 'name') ?? '(azurerm)', allowed: 'the azurestack provider and its resources', message: AZURERM }],
    },
  },
  {
    id: 'HUB027',
    check: (m, ctx) => {
      const want = apiVersionOf(ctx.stamp.apiProfile, 'Microsoft.ContainerService/managedClusters');
      return field(ctx, 'apiVersion', m.apiVersion, (v) => v === want, `'${want}'`, `The Hub AKS resource provider serves only api-version ${want}.`);
    },
  },
];
