import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Lb } from '@cdktf/provider-azurestack/lib/lb';
import { describe, expect, it } from 'vitest';
import { HubAksCluster, HubAksEngineCluster } from '../lib';
import { assertHubCompliant, hubFindings, synthHub } from '../lib/testing';
import { minimalEngineProps, minimalProps, newStack } from './helpers';

describe('synthHub', () => {
  it('returns the Terraform JSON and the ARM files as plain objects', () => {
    const { stack } = newStack();
    new HubAksCluster(stack, 'cluster', minimalProps());
    const out = synthHub(stack);
    expect(out.terraform.provider.azurestack[0].metadata_host).toBe('management.local.azurestack.external');
    expect(Object.keys(out.arm)).toEqual(['cluster']);
    expect(out.arm.cluster!.template.resources.map((r) => r.type)).toEqual(['Microsoft.Network/virtualNetworks', 'Microsoft.ContainerService/managedClusters']);
    expect(out.arm.cluster!.parameters.parameters).toHaveProperty('clusterName');
    expect(out.engine).toEqual({});
    expect(out).toMatchSnapshot();
  });

  it('returns an AKS engine cluster\'s API model, the same on every run', () => {
    const once = () => {
      const { stack } = newStack();
      new HubAksEngineCluster(stack, 'engine', minimalEngineProps({ deployWithTerraform: true }));
      return synthHub(stack);
    };
    const out = once();
    expect(Object.keys(out.engine)).toEqual(['engine']);
    expect((out.engine.engine!.apiModel as any).properties.masterProfile.count).toBe(3);
    expect(out).toEqual(once());
  });

  it('throws, listing the findings, for a stack that is not Hub-compliant', () => {
    const { stack } = newStack();
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    new KubernetesClusterNodePool(stack, 'pool', { name: 'user1', kubernetesClusterId: 'id', vmSize: 'Standard_DS2_v2' });
    expect(() => synthHub(stack)).toThrow(/HUB005 .*\n.*HUB021/s);
  });
});

describe('hubFindings and assertHubCompliant', () => {
  it('list errors and warnings with rule ids, once each', () => {
    const { stack } = newStack();
    new Lb(stack, 'lb', { name: 'lb', location: 'local', resourceGroupName: 'rg', sku: 'Standard' });
    const findings = hubFindings(stack);
    expect(findings.map((f) => [f.ruleId, f.severity, f.location?.constructPath])).toEqual([['HUB026', 'warning', 'aks-hub/lb']]);
    expect(hubFindings(stack)).toHaveLength(1);
    expect(() => assertHubCompliant(stack)).not.toThrow();
    expect(() => assertHubCompliant(stack, { allowWarnings: false })).toThrow(/HUB026/);
  });

  it('pass a compliant stack', () => {
    const { stack } = newStack();
    new HubAksCluster(stack, 'c', minimalProps());
    expect(hubFindings(stack)).toEqual([]);
    expect(() => assertHubCompliant(stack)).not.toThrow();
  });
});
