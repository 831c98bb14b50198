/**
 * What the 2020-11-01 managedClusters API and the azurerm provider do with a value left unset.
 * Importers of ARM templates and azurerm resources fill the cluster model with these, because
 * that is what the resource provider would deploy.
 */
export const API_DEFAULTS = Object.freeze({
  // managedClusters 2020-11-01 networkProfile: networkPlugin "kubenet" by default; the ranges below
  // are the documented defaults of serviceCidr, dnsServiceIP, dockerBridgeCidr and podCidr.
  networkPlugin: 'kubenet' as const,
  serviceCidr: '10.0.0.0/16',
  dnsServiceIp: '10.0.0.10',
  dockerBridgeCidr: '172.17.0.1/16',
  podCidr: '10.244.0.0/16',
  // AKS max pods per node: 30 with Azure CNI, 110 with kubenet (Azure CNI IP planning docs).
  maxPods: Object.freeze({ azure: 30, kubenet: 110 }),
  // agentPoolProfiles.count: "The default value is 1"; osDiskSizeGB 0 lets the RP choose.
  nodeCount: 1,
  osDiskSizeGb: 0,
  osType: 'Linux' as const,
  poolType: 'VirtualMachineScaleSets',
  outboundType: 'loadBalancer',
  skuTier: 'Free',
  enableRbac: true,
});
