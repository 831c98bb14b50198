/**
 * What the cluster's own cloud provider can do on Azure Stack Hub, for resources written with the
 * Kubernetes and Helm providers (lifecycle-facts §7).
 */

/**
 * Disk SKUs a StorageClass may name: "Only Standard_LRS/Premium_LRS valid for skuName (no
 * ZRS/UltraSSD)" (hubdocs kubernetes-aks-engine-container-storage-interface.md).
 */
export const HUB_DISK_SKUS: readonly string[] = Object.freeze(['Standard_LRS', 'Premium_LRS']);

/** The StorageClass parameters that name a disk SKU: the CSI driver's and the in-tree provisioner's. */
export const DISK_SKU_PARAMETERS: readonly string[] = Object.freeze(['skuname', 'skuName', 'storageaccounttype', 'storageAccountType']);

/**
 * Service annotations of the Azure cloud provider that need the Standard load balancer, which Hub
 * AKS does not have (kubernetes-sigs/cloud-provider-azure, site/content/en/topics/loadbalancer.md).
 */
export const STANDARD_LB_ANNOTATIONS: readonly string[] = Object.freeze([
  'service.beta.kubernetes.io/azure-load-balancer-disable-tcp-reset',
  'service.beta.kubernetes.io/azure-load-balancer-enable-high-availability-ports',
  'service.beta.kubernetes.io/azure-pip-prefix-id',
  'service.beta.kubernetes.io/azure-additional-public-ips',
  'service.beta.kubernetes.io/azure-pls-create',
]);
