/**
 * VM sizes an Azure Stack Hub offers to tenants.
 *
 * Source: MicrosoftDocs/azure-stack-docs `azure-stack/user/azure-stack-vm-sizes.md` (03/10/2022),
 * summarised in hub-facts.md §1.7. The AKS docs name only Standard_DS2_v2 (the `az aks create`
 * default, seen in `aks-how-to-use-cli.md`). Hub has no GPU sizes for AKS ("GPU enabled pods: No",
 * `aks-overview.md`). An operator may offer fewer sizes or, on newer releases, more: stacks can
 * extend or replace this list.
 */

function series(prefix: string, names: readonly (string | number)[], suffix = ''): string[] {
  return names.map((n) => `${prefix}${n}${suffix}`);
}

/** Every VM size listed for Azure Stack Hub, in the order of the docs' table. */
export const HUB_VM_SIZES: readonly string[] = Object.freeze([
  // Basic A
  ...series('Basic_A', [0, 1, 2, 3, 4]),
  // Standard A
  ...series('Standard_A', [0, 1, 2, 3, 4, 5, 6, 7]),
  // Av2
  ...series('Standard_A', ['1_v2', '2_v2', '4_v2', '8_v2', '2m_v2', '4m_v2', '8m_v2']),
  // D and DS
  ...series('Standard_D', [1, 2, 3, 4]),
  ...series('Standard_DS', [1, 2, 3, 4]),
  // Dv2 and DSv2
  ...series('Standard_D', [1, 2, 3, 4, 5], '_v2'),
  ...series('Standard_DS', [1, 2, 3, 4, 5], '_v2'),
  // F, Fs, Fsv2
  ...series('Standard_F', [1, 2, 4, 8, 16]),
  ...series('Standard_F', [1, 2, 4, 8, 16], 's'),
  ...series('Standard_F', [2, 4, 8, 16, 32, 48, 64], 's_v2'),
  // Memory optimised
  ...series('Standard_D', [11, 12, 13, 14]),
  ...series('Standard_DS', [11, 12, 13, 14]),
  ...series('Standard_D', [11, 12, 13, 14], '_v2'),
  ...series('Standard_DS', [11, 12, 13, 14], '_v2'),
  // From release 2102: Dv3, DS-n_v2 constrained-vCPU, Ev3
  ...series('Standard_D', [2, 4, 8, 16, 32], '_v3'),
  ...series('Standard_DS', ['11-1', '12-1', '12-2', '13-2', '13-4', '14-4', '14-8'], '_v2'),
  ...series('Standard_E', [2, 4, 8, 16], '_v3'),
]);

/**
 * Hub sizes the 2020-11-01 managedClusters API does not take for nodes: they are missing from
 * its `ContainerServiceVMSize` list (azure-rest-api-specs `aks/stable/2020-11-01/managedClusters.json`,
 * and Microsoft's ARM schema for it). Basic_A* and Standard_A0 are too small for AKS nodes.
 */
export const NON_AKS_VM_SIZES: readonly string[] = Object.freeze([
  'Basic_A0', 'Basic_A1', 'Basic_A2', 'Basic_A3', 'Basic_A4', 'Standard_A0',
  'Standard_F48s_v2', 'Standard_DS11-1_v2', 'Standard_DS12-1_v2', 'Standard_DS12-2_v2',
]);

/** Sizes an AKS node can have on Hub: the Hub sizes the 2020-11-01 API accepts for agent pools. */
export const AKS_NODE_VM_SIZES: readonly string[] = Object.freeze(HUB_VM_SIZES.filter((s) => !NON_AKS_VM_SIZES.includes(s)));

/** The node size the AKS docs use on Hub and `az aks create` defaults to. */
export const DEFAULT_NODE_VM_SIZE = 'Standard_DS2_v2';

/**
 * GPU sizes are the N-series (NC, ND, NV, ...). Hub AKS has no GPU support
 * (`aks-overview.md`: "GPU enabled pods: No").
 */
export function isGpuVmSize(size: string): boolean {
  return /^Standard_N[A-Z]/i.test(size);
}
