import { describe, expect, it } from 'vitest';
import { AKS_NODE_VM_SIZES, API_VERSIONS, DEFAULT_KUBERNETES_VERSION, HUB_KUBERNETES_VERSIONS, HUB_VM_SIZES, isGpuVmSize, stampProfile } from './support/internals';

describe('Hub profile data', () => {
  it('maps every resource type to its 2020-09-01-hybrid api-version', () => {
    expect(API_VERSIONS['2020-09-01-hybrid']).toEqual({
      'Microsoft.ContainerService/managedClusters': '2020-11-01',
      'Microsoft.Network/virtualNetworks': '2018-11-01',
      'Microsoft.Network/virtualNetworks/subnets': '2018-11-01',
      'Microsoft.Authorization/roleAssignments': '2015-07-01',
      'Microsoft.Resources/deployments': '2019-10-01',
    });
    expect(Object.isFrozen(API_VERSIONS['2020-09-01-hybrid'])).toBe(true);
  });

  it('lists the Hub VM sizes, without duplicates or GPU sizes', () => {
    expect(new Set(HUB_VM_SIZES).size).toBe(HUB_VM_SIZES.length);
    for (const s of ['Standard_DS2_v2', 'Standard_D2_v3', 'Standard_F64s_v2', 'Standard_DS11-1_v2', 'Standard_E16_v3', 'Basic_A0']) expect(HUB_VM_SIZES).toContain(s);
    expect(HUB_VM_SIZES.filter(isGpuVmSize)).toEqual([]);
    expect(isGpuVmSize('Standard_NC6s_v3')).toBe(true);
    expect(isGpuVmSize('Standard_DS2_v2')).toBe(false);
  });

  it('offers AKS nodes only the Hub sizes the 2020-11-01 API accepts', () => {
    expect(AKS_NODE_VM_SIZES).toContain('Standard_DS2_v2');
    for (const s of ['Basic_A0', 'Standard_A0', 'Standard_F48s_v2']) {
      expect(HUB_VM_SIZES).toContain(s);
      expect(AKS_NODE_VM_SIZES).not.toContain(s);
    }
    expect(AKS_NODE_VM_SIZES.length).toBe(HUB_VM_SIZES.length - 10);
  });

  it('defaults Kubernetes to the highest version the docs name', () => {
    expect(DEFAULT_KUBERNETES_VERSION).toBe('1.20.7');
    expect(HUB_KUBERNETES_VERSIONS).toContain(DEFAULT_KUBERNETES_VERSION);
  });

  it('lets a stamp extend or replace its catalogs', () => {
    const base = stampProfile('local');
    expect(base).toMatchObject({ location: 'local', apiProfile: '2020-09-01-hybrid', kubernetesVersions: ['1.20.7'] });
    expect(stampProfile('local', { kubernetesVersions: { add: ['1.21.2', '1.20.7'] } }).kubernetesVersions).toEqual(['1.20.7', '1.21.2']);
    expect(stampProfile('local', { kubernetesVersions: { replace: ['1.19.11'] } }).kubernetesVersions).toEqual(['1.19.11']);
    expect(stampProfile('local', { vmSizes: { replace: ['Standard_DS2_v2'], add: ['Standard_D2s_v5'] } }).vmSizes).toEqual(['Standard_DS2_v2', 'Standard_D2s_v5']);
  });
});
