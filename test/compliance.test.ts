import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContainerGroup } from '@cdktf/provider-azurerm/lib/container-group';
import { KubernetesCluster, type KubernetesClusterConfig } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageShare } from '@cdktf/provider-azurerm/lib/storage-share';
import { Lb } from '@cdktf/provider-azurestack/lib/lb';
import { TemplateDeployment } from '@cdktf/provider-azurestack/lib/template-deployment';
import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { HubAksCluster, type HubStack, HubValidationError, suppressHubRule } from '../lib';
import { renderArmTemplate, resolveProps } from './support/internals';
import { STAMP, minimalProps, newStack, thrown } from './helpers';
import { hubFindings } from '../lib/testing';

/** A Hub stack with the azurerm provider a user porting azurerm code would have. */
function azurermStack() {
  const { stack } = newStack();
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return { stack };
}

/** The rule ids `app.synth()` fails with (full synthesis fails on error annotations). */
function synthErrors(stack: HubStack): string[] {
  const e = thrown(() => Testing.fullSynth(stack));
  return [...new Set<string>(String(e.message).match(/HUB\d{3}/g) ?? [])].sort();
}

const AKS_BASE: KubernetesClusterConfig = {
  name: 'aks',
  location: 'local',
  resourceGroupName: 'rg',
  dnsPrefix: 'aks',
  defaultNodePool: { name: 'pool', vmSize: 'Standard_DS2_v2', nodeCount: 3 },
  servicePrincipal: { clientId: 'app', clientSecret: '${var.sp_secret}' },
  networkProfile: { networkPlugin: 'azure', loadBalancerSku: 'basic' },
};

describe('compliance aspect over azurerm resources', () => {
  it.each<[string, Partial<KubernetesClusterConfig>]>([
    ['HUB001', { networkProfile: { networkPlugin: 'azure', loadBalancerSku: 'standard' } }],
    ['HUB001', { networkProfile: { networkPlugin: 'azure' } }],
    ['HUB002', { networkProfile: { networkPlugin: 'azure', loadBalancerSku: 'basic', loadBalancerProfile: { managedOutboundIpCount: 2 } } }],
    ['HUB003', { identity: { type: 'SystemAssigned' }, servicePrincipal: undefined }],
    ['HUB003', { kubeletIdentity: { clientId: 'c', objectId: 'o', userAssignedIdentityId: 'u' } }],
    ['HUB006', { defaultNodePool: { name: 'pool', vmSize: 'Standard_DS2_v2', autoScalingEnabled: true, minCount: 1, maxCount: 5 } }],
    ['HUB006', { autoScalerProfile: { balanceSimilarNodeGroups: true } }],
    ['HUB007', { defaultNodePool: { name: 'pool', vmSize: 'Standard_DS2_v2', nodeCount: 3, zones: ['1', '2'] } }],
    ['HUB008', { privateClusterEnabled: true }],
    ['HUB009', { apiServerAccessProfile: { authorizedIpRanges: ['203.0.113.0/24'] } }],
    ['HUB010', { azureActiveDirectoryRoleBasedAccessControl: { azureRbacEnabled: true } }],
    ['HUB011', { omsAgent: { logAnalyticsWorkspaceId: 'w' } }],
    ['HUB012', { aciConnectorLinux: { subnetName: 'aci' } }],
    ['HUB013', { httpApplicationRoutingEnabled: true }],
    ['HUB014', { azurePolicyEnabled: true }],
    ['HUB015', { defaultNodePool: { name: 'pool', vmSize: 'Standard_NC6s_v3', nodeCount: 1 } }],
    ['HUB016', { defaultNodePool: { name: 'pool', vmSize: 'Standard_D4ds_v5', nodeCount: 1 } }],
    ['HUB017', { skuTier: 'Standard' }],
    ['HUB018', { networkProfile: { networkPlugin: 'azure', loadBalancerSku: 'basic', networkPolicy: 'calico' } }],
    ['HUB020', { defaultNodePool: { name: 'pool', vmSize: 'Standard_DS2_v2', nodeCount: 60 } }],
    ['HUB024', { keyVaultSecretsProvider: { secretRotationEnabled: true } }],
    ['HUB102', { servicePrincipal: { clientId: 'app', clientSecret: 'literal-secret-value' } }],
  ])('azurerm_kubernetes_cluster breaking %s fails synth with that rule and HUB021', (id, change) => {
    const { stack } = azurermStack();
    new KubernetesCluster(stack, 'aks', { ...AKS_BASE, ...change });
    expect(synthErrors(stack)).toEqual([...new Set(['HUB021', id])].sort());
  });

  it('a Hub-shaped azurerm cluster still fails with HUB021 alone', () => {
    const { stack } = azurermStack();
    new KubernetesCluster(stack, 'aks', AKS_BASE);
    expect(synthErrors(stack)).toEqual(['HUB021']);
  });

  it.each<[string, (stack: HubStack) => void]>([
    ['HUB005', (s) => new KubernetesClusterNodePool(s, 'pool', { name: 'user1', kubernetesClusterId: 'id', vmSize: 'Standard_DS2_v2' })],
    ['HUB011', (s) => new LogAnalyticsWorkspace(s, 'logs', { name: 'logs', location: 'local', resourceGroupName: 'rg' })],
    ['HUB012', (s) => new ContainerGroup(s, 'aci', { name: 'aci', location: 'local', resourceGroupName: 'rg', osType: 'Linux', container: [{ name: 'c', image: 'nginx', cpu: 1, memory: 1 }] })],
    ['HUB019', (s) => new StorageShare(s, 'share', { name: 'share', quota: 50, storageAccountId: 'sa' })],
  ])('%s: the azurerm resource fails synth with its rule id', (id, add) => {
    const { stack } = azurermStack();
    add(stack);
    expect(synthErrors(stack)).toEqual([id, 'HUB021'].sort());
  });

  it('HUB021: the azurerm provider itself fails synth', () => {
    const { stack } = azurermStack();
    expect(synthErrors(stack)).toEqual(['HUB021']);
  });

  it('each error names the resource address, the value and the fix', () => {
    const { stack } = azurermStack();
    new KubernetesCluster(stack, 'aks', { ...AKS_BASE, skuTier: 'Standard' });
    const e = thrown(() => Testing.fullSynth(stack));
    expect(e.message).toMatch(/HUB017 azurerm_kubernetes_cluster\.aks\.sku_tier: Azure Stack Hub has no uptime SLA tier\. Got "Standard"; allowed: 'Free'\. Fix: /);
  });
});

describe('compliance aspect over azurestack resources', () => {
  it('HUB026: a Standard azurestack_lb is a warning, not an error', () => {
    const { stack } = newStack();
    const lb = new Lb(stack, 'lb', { name: 'lb', location: 'local', resourceGroupName: 'rg', sku: 'Standard' });
    expect(() => Testing.fullSynth(stack)).not.toThrow();
    expect(lb.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data))[0]).toMatch(/^HUB026 /);
  });

  it('checks hand-written ARM templates in azurestack_template_deployment', () => {
    const { stack } = newStack();
    const template = structuredClone(renderArmTemplate(resolveProps('t', minimalProps(), STAMP).model).template) as any;
    const cluster = template.resources[1];
    cluster.apiVersion = '2024-05-01';
    cluster.properties.networkProfile.loadBalancerSku = 'standard';
    cluster.properties.agentPoolProfiles[0].enableAutoScaling = true;
    new TemplateDeployment(stack, 'hand', { name: 'hand', resourceGroupName: 'rg', deploymentMode: 'Incremental', templateBody: JSON.stringify(template) });
    expect(synthErrors(stack)).toEqual(['HUB001', 'HUB006', 'HUB027']);
  });

  it('the library\'s own clusters pass the aspect', () => {
    const { stack } = newStack();
    new HubAksCluster(stack, 'c', minimalProps());
    Testing.fullSynth(stack);
    // The aspect looked at the cluster's resources and found nothing: no error, no warning.
    expect(hubFindings(stack)).toEqual([]);
    expect(stack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => m.type === '@cdktf/error' || m.type === '@cdktf/warn')).toEqual([]);
  });
});

describe('50 nodes per subscription, across the app', () => {
  it('sums clusters of several stacks on one subscription', () => {
    const { app, stack } = newStack();
    const other = new (stack.constructor as typeof HubStack)(app, 'second', { hub: { armEndpoint: 'https://management.local.azurestack.external', location: 'local' } });
    new HubAksCluster(stack, 'a', minimalProps({ name: 'a', nodePool: { count: 30 } }));
    new HubAksCluster(other, 'b', minimalProps({ name: 'b', nodePool: { count: 30 } }));
    const e = thrown(() => app.synth());
    expect(e.message).toMatch(/HUB020 subscription .*: The clusters of this subscription add up to 60 nodes \(aks-hub\/a: 30, second\/b: 30\)/);
  });

  it('counts subscriptions apart when the stacks name them', () => {
    const { app, stack } = newStack({ subscriptionId: '00000000-0000-0000-0000-000000000001' });
    const other = new (stack.constructor as typeof HubStack)(app, 'second', { hub: { armEndpoint: 'https://management.local.azurestack.external', location: 'local', subscriptionId: '00000000-0000-0000-0000-000000000002' } });
    new HubAksCluster(stack, 'a', minimalProps({ name: 'a', nodePool: { count: 30 } }));
    new HubAksCluster(other, 'b', minimalProps({ name: 'b', nodePool: { count: 30 } }));
    app.synth();
    // 30 nodes in each subscription: no HUB020 on either stack.
    expect([...hubFindings(stack), ...hubFindings(other as HubStack)].map((f) => f.ruleId)).not.toContain('HUB020');
  });

  it('counts raw azurerm clusters too', () => {
    const { stack } = azurermStack();
    new HubAksCluster(stack, 'a', minimalProps({ name: 'a', nodePool: { count: 40 } }));
    new KubernetesCluster(stack, 'aks', { ...AKS_BASE, defaultNodePool: { name: 'p', vmSize: 'Standard_DS2_v2', nodeCount: 20 } });
    expect(synthErrors(stack)).toContain('HUB020');
  });
});

describe('suppressions', () => {
  it('silence a suppressible rule and are recorded in the synthesized metadata', () => {
    const { stack } = newStack();
    new HubAksCluster(stack, 'c', minimalProps({ nodePool: { vmSize: 'Standard_D2s_v5' }, suppressions: [{ ruleId: 'HUB016', reason: 'the operator offers Dsv5 on this stamp' }] }));
    const out = Testing.fullSynth(stack);
    const tf = JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'aks-hub', 'cdk.tf.json'), 'utf8'));
    expect(tf['//']['cdktf-aks-hub'].suppressions).toEqual([{ path: 'aks-hub/c', ruleId: 'HUB016', reason: 'the operator offers Dsv5 on this stamp' }]);
  });

  it('apply to raw resources below the construct they are declared on', () => {
    const { stack } = newStack();
    suppressHubRule(stack, 'HUB026', 'stamp runs release 2408 with Standard LB');
    const lb = new Lb(stack, 'lb', { name: 'lb', location: 'local', resourceGroupName: 'rg', sku: 'Standard' });
    Testing.fullSynth(stack);
    expect(lb.node.metadata.filter((m) => m.type === '@cdktf/warn')).toEqual([]);
  });

  it('cannot silence a hard platform limit, and say so', () => {
    const { stack } = newStack();
    const e = thrown(() => suppressHubRule(stack, 'HUB001', 'we want the standard load balancer'));
    expect(e).toBeInstanceOf(HubValidationError);
    expect(e.message).toContain('HUB116');
    expect(e.message).toContain('hard platform limit and cannot be suppressed');
    const viaProps = thrown(() => new HubAksCluster(stack, 'c', minimalProps({ loadBalancerSku: 'standard' as never, suppressions: [{ ruleId: 'HUB001', reason: 'we want the standard load balancer' }] })));
    expect(viaProps.ruleIds).toEqual(['HUB116']);
  });

  it('need a reason of at least 10 characters', () => {
    const { stack } = newStack();
    expect(thrown(() => suppressHubRule(stack, 'HUB016', 'because')).message).toContain('at least 10 characters');
  });
});
