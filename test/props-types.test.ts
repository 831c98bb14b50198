import type { KeyMismatch } from '../lib/model/props-schema';
import { describe, expect, it } from 'vitest';
import type { HubAksClusterProps } from '../lib';
import { checkProps } from './support/internals';
import { STAMP, minimalProps } from './helpers';

/**
 * Azure-only knobs are typed so that only the Hub value compiles (`npm test` type-checks this
 * file: each @ts-expect-error must be an error), and JavaScript callers get the named rule.
 */
const azureOnly: [string, Partial<Record<keyof HubAksClusterProps, unknown>>][] = [
  ['HUB001', { loadBalancerSku: 'standard' }],
  ['HUB003', { identity: { type: 'SystemAssigned' } }],
  ['HUB005', { nodePools: [{ name: 'user' }] }],
  ['HUB006', { nodePool: { enableAutoScaling: true } }],
  ['HUB007', { nodePool: { availabilityZones: ['1'] } }],
  ['HUB008', { enablePrivateCluster: true }],
  ['HUB009', { apiServerAuthorizedIpRanges: ['1.2.3.4/32'] }],
  ['HUB010', { aadProfile: { managed: true } }],
  ['HUB011', { addons: { omsagent: { enabled: true } } }],
  ['HUB017', { skuTier: 'Paid' }],
  ['HUB018', { network: { policy: 'calico' } }],
];

describe('Azure-only knobs', () => {
  it('do not compile with an Azure-only value', () => {
    const base = minimalProps();
    const props: HubAksClusterProps[] = [
      // @ts-expect-error HUB001: only 'basic'
      { ...base, loadBalancerSku: 'standard' },
      // @ts-expect-error HUB003: no managed identity
      { ...base, identity: { type: 'SystemAssigned' } },
      // @ts-expect-error HUB005: one node pool
      { ...base, nodePools: [{ name: 'user' }] },
      // @ts-expect-error HUB006: no autoscaler
      { ...base, nodePool: { enableAutoScaling: true } },
      // @ts-expect-error HUB006: no autoscaler bounds
      { ...base, nodePool: { minCount: 1 } },
      // @ts-expect-error HUB007: no zones
      { ...base, nodePool: { availabilityZones: ['1'] } },
      // @ts-expect-error HUB008: no private cluster
      { ...base, enablePrivateCluster: true },
      // @ts-expect-error HUB009: no authorized IP ranges
      { ...base, apiServerAuthorizedIpRanges: ['1.2.3.4/32'] },
      // @ts-expect-error HUB010: no Azure AD
      { ...base, aadProfile: { managed: true } },
      // @ts-expect-error HUB011: add-ons only disabled
      { ...base, addons: { omsagent: { enabled: true } } },
      // @ts-expect-error HUB017: free tier only
      { ...base, skuTier: 'Paid' },
      // @ts-expect-error HUB018: no Calico
      { ...base, network: { policy: 'calico' } },
      // @ts-expect-error HUB001: only 'basic'
      { ...base, network: { loadBalancerSku: 'standard' } },
      // @ts-expect-error HUB002: no outbound type but the load balancer
      { ...base, network: { outboundType: 'userDefinedRouting' } },
    ];
    expect(props.length).toBe(14);
  });

  it('compile with the Hub value', () => {
    const ok: HubAksClusterProps = {
      ...minimalProps(),
      loadBalancerSku: 'basic',
      skuTier: 'Free',
      identity: { type: 'None' },
      nodePools: [],
      enablePrivateCluster: false,
      apiServerAuthorizedIpRanges: [],
      addons: { omsagent: { enabled: false } },
      nodePool: { enableAutoScaling: false, availabilityZones: [], type: 'VirtualMachineScaleSets' },
      network: { policy: 'azure', loadBalancerSku: 'basic', outboundType: 'loadBalancer' },
    };
    expect(checkProps(ok, STAMP).findings).toEqual([]);
  });

  it.each(azureOnly)('%s fires with its own message for JavaScript callers', (id, extra) => {
    const v = checkProps({ ...minimalProps(), ...extra }, STAMP).findings;
    expect(v.map((x) => x.ruleId)).toEqual([id]);
    expect(v[0]!.message).not.toMatch(/unrecognized|Unknown property/i);
  });
});

describe('the compile-time link between the props interfaces and the schema', () => {
  it('is a type error when a key exists on one side only, at any depth', () => {
    type Mismatch<A, B> = [KeyMismatch<A, B>] extends [never] ? true : KeyMismatch<A, B>;
    // @ts-expect-error: the schema has a key the interface lacks.
    const onlyInSchema: Mismatch<{ a?: string }, { a?: string; b?: string }> = true;
    // @ts-expect-error: a nested object lacks a key.
    const nested: Mismatch<{ a?: { b?: string; c?: string } }, { a?: { b?: string } }> = true;
    const same: Mismatch<{ a?: { b?: string } | 'x' }, { a?: 'x' | { b?: string } }> = true;
    expect([onlyInSchema, nested, same]).toEqual([true, true, true]);
  });
});
