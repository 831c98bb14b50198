/**
 * What `az aks create` sends for the single pool at api-version 2020-11-01 with the Hub docs'
 * flags, beyond what the flags set: the "off" values of features Hub does not have. The library
 * sends the same, so the resource provider sees the body it sees from the documented commands.
 * Source: the PUT bodies captured from azure-cli 2.45 on the 2020-09-01-hybrid profile
 * (`az-cli-capture/{linux,windows,custom-vnet}.json`; the README's field table).
 */
export const CLI_POOL_OFF_VALUES = Object.freeze({
  enableAutoScaling: false,
  upgradeSettings: {},
  enableNodePublicIP: false,
  scaleSetPriority: 'Regular',
  scaleSetEvictionPolicy: 'Delete',
  spotMaxPrice: -1,
  nodeTaints: [] as readonly string[],
});

/**
 * The OS disk type, pinned. At 2020-11-01 the resource provider picks Ephemeral when the VM size
 * has a cache larger than `osDiskSizeGB` (managedClusters.json 2020-11-01, `osDiskType`), no Hub
 * document says Hub AKS supports ephemeral OS disks, and the type "may not be changed after
 * creation". Managed is what every Hub node disk is, so it is sent explicitly.
 */
export const OS_DISK_TYPE = 'Managed';
