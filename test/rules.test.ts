import { describe, expect, it } from 'vitest';
import { HubValidationError, RULES, checkCluster, findRule, resolveClusterSpec } from '../lib';
import { CLUSTER_RULES } from '../lib/rules/cluster-rules';
import { stampProfile } from '../lib/profile/stamp';
import { STAMP, minimalProps, thrown } from './helpers';

const idsOf = (props: unknown, stamp = STAMP) => checkCluster(props, stamp).violations.map((v) => v.ruleId);
const raw = (extra: Record<string, unknown>) => ({ ...minimalProps(), ...extra });

describe('rule registry', () => {
  it('has unique, well-formed ids and complete metadata', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^HUB\d{3}$/);
      for (const field of [r.title, r.source, r.why, r.fix]) expect(field.length).toBeGreaterThan(5);
      expect(['error', 'warning']).toContain(r.severity);
      expect(findRule(r.id)).toBe(r);
    }
  });
});

/** For each foundation rule: props that break it, and props that pass. */
const cases: { id: string; fail: Record<string, unknown>; pass: Record<string, unknown> }[] = [
  { id: 'HUB001', fail: { loadBalancerSku: 'standard' }, pass: { loadBalancerSku: 'basic' } },
  { id: 'HUB001', fail: { network: { loadBalancerSku: 'Standard' } }, pass: { network: { loadBalancerSku: 'basic' } } },
  { id: 'HUB002', fail: { network: { loadBalancerProfile: { managedOutboundIPs: { count: 2 } } } }, pass: { network: { outboundType: 'loadBalancer' } } },
  { id: 'HUB003', fail: { identity: { type: 'SystemAssigned' } }, pass: { identity: { type: 'None' } } },
  { id: 'HUB003', fail: { kubeletIdentity: { clientId: 'x' } }, pass: {} },
  { id: 'HUB004', fail: { nodePool: { type: 'AvailabilitySet' } }, pass: { nodePool: { type: 'VirtualMachineScaleSets' } } },
  { id: 'HUB005', fail: { nodePools: [{ name: 'user1' }] }, pass: { nodePools: [] } },
  { id: 'HUB006', fail: { nodePool: { enableAutoScaling: true, minCount: 1, maxCount: 5 } }, pass: { nodePool: { enableAutoScaling: false } } },
  { id: 'HUB007', fail: { nodePool: { availabilityZones: ['1', '2'] } }, pass: { nodePool: { availabilityZones: [] } } },
  { id: 'HUB008', fail: { enablePrivateCluster: true }, pass: { enablePrivateCluster: false } },
  { id: 'HUB009', fail: { apiServerAuthorizedIpRanges: ['1.2.3.4/32'] }, pass: { apiServerAuthorizedIpRanges: [] } },
  { id: 'HUB010', fail: { aadProfile: { managed: true } }, pass: {} },
  { id: 'HUB011', fail: { addons: { omsagent: { enabled: true } } }, pass: { addons: {} } },
  { id: 'HUB012', fail: { addons: { aciConnectorLinux: { enabled: true } } }, pass: { addons: {} } },
  { id: 'HUB013', fail: { addons: { httpApplicationRouting: { enabled: true } } }, pass: { addons: {} } },
  { id: 'HUB014', fail: { addons: { azurepolicy: { enabled: true } } }, pass: { addons: {} } },
  { id: 'HUB015', fail: { nodePool: { vmSize: 'Standard_NC6' } }, pass: { nodePool: { vmSize: 'Standard_DS3_v2' } } },
  { id: 'HUB016', fail: { nodePool: { vmSize: 'Standard_D2s_v5' } }, pass: { nodePool: { vmSize: 'Standard_D2_v3' } } },
  { id: 'HUB017', fail: { skuTier: 'Paid' }, pass: { skuTier: 'Free' } },
  { id: 'HUB018', fail: { network: { policy: 'calico' } }, pass: { network: { policy: 'azure' } } },
  { id: 'HUB020', fail: { nodePool: { count: 51 } }, pass: { nodePool: { count: 50, maxPods: 30 } } },
  { id: 'HUB024', fail: { addons: { kubeDashboard: { enabled: true } } }, pass: {} },
  { id: 'HUB102', fail: { servicePrincipal: { clientId: 'x', clientSecret: 'hunter2-literal' } }, pass: { servicePrincipal: { clientId: 'x' } } },
  { id: 'HUB103', fail: { kubernetesVersion: '1.29.0' }, pass: { kubernetesVersion: '1.20.7' } },
  { id: 'HUB104', fail: { linuxProfile: undefined }, pass: {} },
  { id: 'HUB105', fail: { nodePool: { osType: 'Windows' }, windowsProfile: {}, network: { plugin: 'kubenet' } }, pass: { nodePool: { osType: 'Windows' }, windowsProfile: {} } },
  { id: 'HUB106', fail: { network: { vnet: { subnetId: '/subscriptions/s/x', subnetPrefix: '10.0.0.0/24' } } }, pass: { network: { vnet: { subnetId: '/subscriptions/s/x' } } } },
  { id: 'HUB107', fail: { nodePool: { count: 0 } }, pass: { nodePool: { count: 1 } } },
  { id: 'HUB200', fail: { network: { serviceCidr: '10.0.0.1/16' } }, pass: { network: { serviceCidr: '10.0.0.0/16' } } },
  { id: 'HUB200', fail: { network: { dnsServiceIp: '10.0.0' } }, pass: { network: { dnsServiceIp: '10.0.0.11' } } },
  { id: 'HUB201', fail: { network: { vnet: { addressSpace: ['10.1.0.0/16'], subnetPrefix: '10.2.0.0/20' } } }, pass: { network: { vnet: { addressSpace: ['10.1.0.0/16'], subnetPrefix: '10.1.0.0/20' } } } },
  { id: 'HUB203', fail: { network: { dnsServiceIp: '10.1.0.10' } }, pass: { network: { dnsServiceIp: '10.0.255.254' } } },
  { id: 'HUB203', fail: { network: { dnsServiceIp: '10.0.0.1' } }, pass: { network: { dnsServiceIp: '10.0.0.2' } } },
  { id: 'HUB204', fail: { network: { vnet: { subnetPrefix: '10.240.0.0/25' } } }, pass: { network: { vnet: { subnetPrefix: '10.240.0.0/24' } } } },
];

describe('cluster rules', () => {
  it.each(cases)('$id rejects the Azure-only value and accepts the Hub value', ({ id, fail, pass }) => {
    expect(idsOf(raw(fail))).toContain(id);
    expect(idsOf(raw(pass))).toEqual([]);
  });

  it('every cluster rule has a failing case here', () => {
    const covered = new Set(cases.map((c) => c.id));
    expect(CLUSTER_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('collects every violation instead of stopping at the first', () => {
    const e = thrown(() =>
      resolveClusterSpec('HubAksCluster test', raw({ loadBalancerSku: 'standard', identity: { type: 'SystemAssigned' }, skuTier: 'Paid', nodePool: { vmSize: 'Standard_NC6' } }), STAMP),
    );
    expect(e).toBeInstanceOf(HubValidationError);
    expect(e.ruleIds).toEqual(['HUB001', 'HUB003', 'HUB015', 'HUB017']);
    const lines = e.message.split('\n').slice(1);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^HUB\d{3} /);
  });

  it('each violation names the path, the value, what is allowed and the fix', () => {
    const [v] = checkCluster(raw({ loadBalancerSku: 'standard' }), STAMP).violations;
    expect(v).toEqual({
      ruleId: 'HUB001',
      severity: 'error',
      path: 'loadBalancerSku',
      value: '"standard"',
      allowed: "'basic'",
      message: 'Azure Stack Hub supports only the basic load balancer.',
      fix: "Remove loadBalancerSku or set it to 'basic'.",
    });
  });

  it('masks secrets in every message', () => {
    const e = thrown(() => resolveClusterSpec('t', raw({ servicePrincipal: { clientId: 'x', clientSecret: 'hunter2-literal' } }), STAMP));
    expect(e.message).not.toContain('hunter2-literal');
    expect(e.violations[0].value).toContain('masked');
    const wrongType = checkCluster(raw({ servicePrincipal: { clientId: 'x', clientSecret: 12345678 } }), STAMP).violations;
    expect(wrongType.map((v) => v.ruleId)).toEqual(['HUB100']);
    expect(JSON.stringify(wrongType)).not.toContain('12345678');
  });

  it('reports an unknown property with a suggestion, not a generic error', () => {
    const [v] = checkCluster(raw({ kubernetesVerison: '1.20.7' }), STAMP).violations;
    expect(v!.ruleId).toBe('HUB101');
    expect(v!.path).toBe('kubernetesVerison');
    expect(v!.message).toContain("did you mean 'kubernetesVersion'");
    const nested = checkCluster(raw({ nodePool: { vmsize: 'Standard_DS2_v2' } }), STAMP).violations;
    expect(nested.map((x) => [x.ruleId, x.path])).toEqual([['HUB101', 'nodePool.vmsize']]);
    expect(nested[0]!.message).toContain("'vmSize'");
  });

  it('reports wrong types with HUB100 and the path', () => {
    const v = checkCluster(raw({ nodePool: { count: 'three' }, network: { plugin: 'cilium' } }), STAMP).violations;
    expect(v.map((x) => [x.ruleId, x.path])).toEqual([
      ['HUB100', 'nodePool.count'],
      ['HUB100', 'network.plugin'],
    ]);
    expect(v[1]!.allowed).toBe('"azure", "kubenet"');
  });

  it('refuses non-object props without crashing', () => {
    for (const bad of [null, undefined, 42, 'x', []]) expect(idsOf(bad)).toEqual(['HUB100']);
  });

  it('lets a stamp extend its catalogs', () => {
    const stamp = stampProfile('local', { kubernetesVersions: { add: ['1.21.2'] }, vmSizes: { add: ['Standard_D2s_v5'] } });
    expect(idsOf(raw({ kubernetesVersion: '1.21.2', nodePool: { vmSize: 'Standard_D2s_v5' } }), stamp)).toEqual([]);
    const replaced = stampProfile('local', { kubernetesVersions: { replace: ['1.19.11'] } });
    expect(idsOf(raw({}), replaced)).toEqual(['HUB103']);
    const [v] = checkCluster(raw({}), replaced).violations;
    expect(v!.allowed).toBe("'1.19.11'");
    expect(v!.fix).toContain('kubernetesVersions');
  });

  it('names the right case when a size differs only in case', () => {
    const [v] = checkCluster(raw({ nodePool: { vmSize: 'standard_ds2_v2' } }), STAMP).violations;
    expect(v!.ruleId).toBe('HUB016');
    expect(v!.allowed).toContain("'Standard_DS2_v2'");
  });
});
