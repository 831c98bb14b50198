import { describe, expect, it } from 'vitest';
import { type ClusterModel, deployTimeString, deployTimeNumber } from '../lib/model/cluster-model';
import { MAX_PODS_RANGE, MIN_SERVICE_CIDR_PREFIX } from '../lib/profile/hub-limits';
import { requiredSubnetAddresses } from '../lib/rules/catalog/network';
import type { CheckContext } from '../lib/rules/rule';
import { ruleDefinition } from '../lib/rules/registry';
import { STAMP, minimalProps } from './helpers';
import { resolveProps } from './support/internals';

// The network rules (HUB018, HUB106, HUB200-HUB207) called on cluster models, branch by branch,
// with the texts users read.

const ctx: CheckContext = { stamp: STAMP, name: (f) => `<${f}>`, vocabulary: 'props' };
type Network = ClusterModel['network'];
const base = (): ClusterModel => resolveProps('t', minimalProps(), STAMP).model;
/** The quickstart's model with network fields replaced: a new VNET 10.240.0.0/16, subnet 10.240.0.0/20, Azure CNI. */
const net = (n: Partial<Network>, pool: Partial<ClusterModel['nodePool']> = {}): ClusterModel => {
  const b = base();
  return { ...b, network: { ...b.network, ...n }, nodePool: { ...b.nodePool, ...pool } };
};
const vnet = (addressSpace: string[], subnetPrefix: string): Network['subnet'] => ({ kind: 'new', vnetName: 'demo-aks-vnet', addressSpace, subnetName: 'aks-nodes', subnetPrefix });
const run = (id: string, m: ClusterModel) => ruleDefinition(id)!.check!(m, ctx);

describe('HUB029: CNI overlay and the Cilium data plane', () => {
  it('reports each setting where the input writes it, with the text users read', () => {
    const m: ClusterModel = { ...base(), azureOnly: [{ feature: 'cniOverlay', path: 'properties.networkProfile.networkPluginMode', value: 'overlay' }, { feature: 'extraPool', path: 'agentPoolProfiles[1]', value: {} }] };
    expect(run('HUB029', m)).toEqual([
      {
        path: 'properties.networkProfile.networkPluginMode',
        value: 'overlay',
        allowed: expect.any(String),
        message: 'Azure CNI overlay and the Cilium data plane are not on Hub AKS: api-version 2020-11-01 has neither networkPluginMode nor networkDataplane.',
      },
    ]);
    expect(run('HUB029', base())).toEqual([]);
  });
});

describe('HUB018: network policy', () => {
  it('takes azure or none, and refuses calico with its text', () => {
    expect(run('HUB018', net({ policy: 'azure' }))).toEqual([]);
    expect(run('HUB018', net({}))).toEqual([]);
    expect(run('HUB018', net({ policy: 'calico' }))).toEqual([
      { path: '<network.policy>', value: 'calico', allowed: "'azure' or not set", message: 'Only the Azure network policy is available on Azure Stack Hub: Calico and Cilium are not.' },
    ]);
  });
});

describe('HUB106: new-VNET settings beside an existing subnet', () => {
  it('names each such setting', () => {
    const hits = ruleDefinition('HUB106')!.checkProps!({ network: { vnet: { subnetId: '/x', name: 'v', addressSpace: ['10.0.0.0/16'], subnetPrefix: '10.0.0.0/24' } } });
    expect(hits).toEqual([
      { path: 'network.vnet.name', value: 'v', allowed: 'not set with subnetId', message: 'This setting is for a new VNET, but subnetId names an existing subnet.' },
      { path: 'network.vnet.addressSpace', value: ['10.0.0.0/16'], allowed: 'not set with subnetId', message: 'This setting is for a new VNET, but subnetId names an existing subnet.' },
      { path: 'network.vnet.subnetPrefix', value: '10.0.0.0/24', allowed: 'not set with subnetId', message: 'This setting is for a new VNET, but subnetId names an existing subnet.' },
    ]);
    expect(ruleDefinition('HUB106')!.checkProps!({ network: { vnet: { name: 'v', subnetPrefix: '10.0.0.0/24' } } })).toEqual([]);
    expect(ruleDefinition('HUB106')!.checkProps!({ network: { vnet: { subnetId: '/x', subnetName: 's' } } }).map((h) => h.path)).toEqual(['network.vnet.subnetName']);
  });
});

describe('HUB200: ranges and addresses that are not IPv4', () => {
  it('refuses a range that does not parse, in every range prop', () => {
    const m = net({ serviceCidr: '10.0.0.0/33', dockerBridgeCidr: 'bridge', podCidr: 'x', subnet: vnet(['10.240.0.0'], '10.240.0.0/99') });
    expect(run('HUB200', m).map((h) => [h.path, h.value])).toEqual([
      ['<network.serviceCidr>', '10.0.0.0/33'],
      ['<network.dockerBridgeCidr>', 'bridge'],
      ['<network.podCidr>', 'x'],
      ['<network.vnet.addressSpace.0>', '10.240.0.0'],
      ['<network.vnet.subnetPrefix>', '10.240.0.0/99'],
    ]);
    expect(run('HUB200', net({ serviceCidr: 'x' }))[0]).toEqual({ path: '<network.serviceCidr>', value: 'x', allowed: 'an IPv4 CIDR such as 10.240.0.0/20', message: 'This is not an IPv4 address range.' });
  });

  it('suggests the canonical range for one with host bits, except the docker bridge, a gateway address', () => {
    expect(run('HUB200', net({ serviceCidr: '10.0.0.5/16' }))).toEqual([
      { path: '<network.serviceCidr>', value: '10.0.0.5/16', allowed: "'10.0.0.0/16'", message: 'The range has host bits set.', fix: "Write '10.0.0.0/16'." },
    ]);
    expect(run('HUB200', net({ subnet: vnet(['10.240.0.0/16'], '10.240.17.1/20') }))[0]).toMatchObject({ allowed: "'10.240.16.0/20'", fix: "Write '10.240.16.0/20'." });
    expect(run('HUB200', net({ dockerBridgeCidr: '172.17.0.1/16' }))).toEqual([]);
  });

  it('refuses a DNS service IP that is not an address, and skips values known at deploy time', () => {
    expect(run('HUB200', net({ dnsServiceIp: '10.0.0.256' }))).toEqual([{ path: '<network.dnsServiceIp>', value: '10.0.0.256', allowed: 'an IPv4 address such as 10.0.0.10', message: 'This is not an IPv4 address.' }]);
    expect(run('HUB200', net({ serviceCidr: deployTimeString('p.s'), dnsServiceIp: deployTimeString('p.d') }))).toEqual([]);
    expect(run('HUB200', base())).toEqual([]);
  });
});

describe('HUB201: node subnet outside the VNET', () => {
  it('refuses a subnet outside every address space, names them, and takes one inside any', () => {
    expect(run('HUB201', net({ subnet: vnet(['10.240.0.0/16', '10.1.0.0/16'], '10.2.0.0/24') }))).toEqual([
      { path: '<network.vnet.subnetPrefix>', value: '10.2.0.0/24', allowed: 'inside 10.240.0.0/16, 10.1.0.0/16', message: 'The node subnet lies outside the VNET address space.' },
    ]);
    expect(run('HUB201', net({ subnet: vnet(['10.240.0.0/16', '10.1.0.0/16'], '10.1.0.0/24') }))).toEqual([]);
    // Starting below the VNET is outside.
    expect(run('HUB201', net({ subnet: vnet(['10.240.0.0/16'], '10.239.255.0/24') }))).toHaveLength(1);
  });

  it('leaves unparsable ranges to HUB200 and other subnets alone', () => {
    expect(run('HUB201', net({ subnet: vnet(['x'], '10.2.0.0/24') }))).toEqual([]);
    expect(run('HUB201', net({ subnet: vnet(['x', '10.240.0.0/16'], '10.2.0.0/24') }))).toEqual([]);
    expect(run('HUB201', net({ subnet: vnet(['10.240.0.0/16'], 'x') }))).toEqual([]);
    expect(run('HUB201', net({ subnet: { kind: 'default' } }))).toEqual([]);
  });
});

describe('HUB202: ranges that overlap', () => {
  it('names each overlapping pair, in the words of the input', () => {
    const m = net({ serviceCidr: '10.240.0.0/16', plugin: 'kubenet', podCidr: '10.240.8.0/21', dockerBridgeCidr: '10.240.4.1/22' });
    expect(run('HUB202', m).map((h) => [h.path, h.allowed])).toEqual([
      ['<network.serviceCidr>', 'a range that does not overlap <network.vnet.subnetPrefix> (10.240.0.0/20)'],
      ['<network.serviceCidr>', 'a range that does not overlap <network.podCidr> (10.240.8.0/21)'],
      ['<network.serviceCidr>', 'a range that does not overlap <network.dockerBridgeCidr> (10.240.4.1/22)'],
      ['<network.podCidr>', 'a range that does not overlap <network.vnet.subnetPrefix> (10.240.0.0/20)'],
      ['<network.dockerBridgeCidr>', 'a range that does not overlap <network.vnet.subnetPrefix> (10.240.0.0/20)'],
      ['<network.podCidr>', 'a range outside the VNET (10.240.0.0/16)'],
    ]);
    expect(run('HUB202', m)[0]).toEqual({ path: '<network.serviceCidr>', value: '10.240.0.0/16', allowed: 'a range that does not overlap <network.vnet.subnetPrefix> (10.240.0.0/20)', message: '<network.serviceCidr> overlaps <network.vnet.subnetPrefix>.' });
  });

  it('refuses a kubenet pod range inside the VNET but outside the subnet', () => {
    const hits = run('HUB202', net({ plugin: 'kubenet', podCidr: '10.240.128.0/17' }));
    expect(hits).toEqual([{ path: '<network.podCidr>', value: '10.240.128.0/17', allowed: 'a range outside the VNET (10.240.0.0/16)', message: 'The kubenet pod range overlaps the VNET address space.' }]);
  });

  it('takes the pod range and the bridge where they touch nothing, and the default VNET', () => {
    expect(run('HUB202', net({ plugin: 'kubenet', podCidr: '10.244.0.0/16' }))).toEqual([]);
    expect(run('HUB202', net({ plugin: 'kubenet', podCidr: '10.241.0.0/16', subnet: { kind: 'default' } }))).toEqual([]);
    expect(run('HUB202', base())).toEqual([]);
    expect(run('HUB202', net({ dockerBridgeCidr: '172.17.0.1/16', serviceCidr: '172.17.0.0/16' })).map((h) => h.path)).toEqual(['<network.serviceCidr>']);
    expect(run('HUB202', net({ plugin: 'kubenet', podCidr: '172.17.0.0/16' })).map((h) => h.path)).toEqual(['<network.dockerBridgeCidr>']);
  });

  it('skips ranges known only at deploy time', () => {
    expect(run('HUB202', net({ plugin: 'kubenet', podCidr: '10.244.0.0/16', subnet: vnet([deployTimeString('p.a')], '10.240.0.0/20') }))).toEqual([]);
  });
});

describe('HUB203: DNS service IP inside the service range', () => {
  it('refuses the network address, the first address, the broadcast address and one outside', () => {
    for (const ip of ['10.0.0.0', '10.0.0.1', '10.0.255.255', '10.1.0.10', '9.255.255.255']) {
      expect(run('HUB203', net({ dnsServiceIp: ip })), ip).toEqual([
        { path: '<network.dnsServiceIp>', value: ip, allowed: 'an address inside 10.0.0.0/16 other than its network, first and broadcast addresses', message: 'The DNS service IP must lie inside the service range.' },
      ]);
    }
  });

  it('takes the second address, the last but one, and leaves what does not parse to HUB200', () => {
    expect(run('HUB203', net({ dnsServiceIp: '10.0.0.2' }))).toEqual([]);
    expect(run('HUB203', net({ dnsServiceIp: '10.0.255.254' }))).toEqual([]);
    expect(run('HUB203', net({ dnsServiceIp: 'x' }))).toEqual([]);
    expect(run('HUB203', net({ serviceCidr: 'x' }))).toEqual([]);
  });
});

describe('HUB204: a subnet or pod range too small for the pool', () => {
  it('counts a pod address per pod with Azure CNI, and one more node for upgrades', () => {
    const m = base();
    // 3 nodes + 1 surge, 30 pods and the node each, plus Azure's 5.
    expect(requiredSubnetAddresses(m)).toBe(BigInt(4 * 31 + 5));
    expect(requiredSubnetAddresses(net({ plugin: 'kubenet' }))).toBe(BigInt(4 + 5));
    expect(requiredSubnetAddresses(m, 9)).toBe(BigInt(10 * 31 + 5));
  });

  it('refuses a subnet with fewer addresses than that, at the edge', () => {
    const small = net({ subnet: vnet(['10.240.0.0/16'], '10.240.0.0/25') });
    expect(run('HUB204', small)).toEqual([
      { path: '<network.vnet.subnetPrefix>', value: '10.240.0.0/25', allowed: 'a subnet with at least 129 addresses', message: 'The subnet has 128 addresses but the pool needs 129.' },
    ]);
    // Exactly as many addresses as needed: 3 × 41 + 5 = 128.
    expect(run('HUB204', net({ subnet: vnet(['10.240.0.0/16'], '10.240.0.0/25') }, { count: 2, maxPods: 40 }))).toEqual([]);
    expect(run('HUB204', net({ subnet: vnet(['10.240.0.0/16'], 'x') }))).toEqual([]);
    // At 29 pods a node: 4 × 30 + 5 = 125 addresses, which 128 hold.
    expect(run('HUB204', net({ subnet: vnet(['10.240.0.0/16'], '10.240.0.0/25') }, { maxPods: 29 }))).toEqual([]);
  });

  it('refuses a kubenet pod range smaller than a /24, or without a /24 per node and one more', () => {
    expect(run('HUB204', net({ plugin: 'kubenet', podCidr: '10.244.0.0/25' }))).toEqual([
      { path: '<network.podCidr>', value: '10.244.0.0/25', allowed: 'a range holding 4 /24 blocks', message: 'The pod range cannot give every node its /24.' },
    ]);
    expect(run('HUB204', net({ plugin: 'kubenet', podCidr: '10.244.0.0/23' })).map((h) => h.path)).toEqual(['<network.podCidr>']);
    expect(run('HUB204', net({ plugin: 'kubenet', podCidr: '10.244.0.0/22' }))).toEqual([]);
    expect(run('HUB204', net({ plugin: 'kubenet', podCidr: '10.244.0.0/22' }, { count: 4 })).map((h) => h.allowed)).toEqual(['a range holding 5 /24 blocks']);
    expect(run('HUB204', net({ plugin: 'kubenet', podCidr: '10.244.0.0/24' }, { count: 0 }))).toEqual([]);
  });

  it('skips counts and pod limits known only at deploy time, and the default VNET', () => {
    expect(run('HUB204', net({ subnet: vnet(['10.240.0.0/16'], '10.240.0.0/28') }, { count: deployTimeNumber('p.c') }))).toEqual([]);
    expect(run('HUB204', net({ subnet: vnet(['10.240.0.0/16'], '10.240.0.0/28') }, { maxPods: deployTimeNumber('p.m') }))).toEqual([]);
    expect(run('HUB204', net({ subnet: { kind: 'default' } }))).toEqual([]);
    expect(run('HUB204', net({ subnet: vnet(['10.240.0.0/16'], '10.240.0.0/28') }, { count: deployTimeNumber('p.c'), maxPods: deployTimeNumber('p.m') }))).toEqual([]);
  });

  it('still refuses a pod range under /24 when the count is known only at deploy time', () => {
    const count = deployTimeNumber('p.c');
    expect(run('HUB204', net({ plugin: 'kubenet', podCidr: '10.244.0.0/25' }, { count }))).toEqual([
      { path: '<network.podCidr>', value: '10.244.0.0/25', allowed: 'a /24 block for every node and one more', message: 'The pod range cannot give every node its /24.' },
    ]);
    expect(run('HUB204', net({ plugin: 'kubenet', podCidr: '10.244.0.0/24' }, { count }))).toEqual([]);
  });
});

describe('HUB205: service range overlapping the VNET', () => {
  it('names each address space it overlaps', () => {
    expect(run('HUB205', net({ serviceCidr: '10.240.0.0/16', subnet: vnet(['10.240.0.0/16', '10.241.0.0/16'], '10.240.0.0/20') }))).toEqual([
      { path: '<network.serviceCidr>', value: '10.240.0.0/16', allowed: 'a range outside 10.240.0.0/16', message: 'The service range overlaps the VNET address space.' },
    ]);
    expect(run('HUB205', base())).toEqual([]);
    expect(run('HUB205', net({ serviceCidr: '10.240.0.0/16', subnet: { kind: 'default' } }))).toEqual([]);
    expect(run('HUB205', net({ serviceCidr: 'x' }))).toEqual([]);
    expect(run('HUB205', net({ serviceCidr: '10.240.0.0/16', subnet: vnet([deployTimeString('p.a')], '10.240.0.0/20') }))).toEqual([]);
  });
});

describe('HUB206: service range too large', () => {
  it(`refuses a prefix shorter than /${MIN_SERVICE_CIDR_PREFIX}, and takes that prefix`, () => {
    expect(run('HUB206', net({ serviceCidr: `10.0.0.0/${MIN_SERVICE_CIDR_PREFIX - 1}` }))).toEqual([
      { path: '<network.serviceCidr>', value: `10.0.0.0/${MIN_SERVICE_CIDR_PREFIX - 1}`, allowed: `a prefix of /${MIN_SERVICE_CIDR_PREFIX} or longer`, message: 'The service range is too large.' },
    ]);
    expect(run('HUB206', net({ serviceCidr: `10.0.0.0/${MIN_SERVICE_CIDR_PREFIX}` }))).toEqual([]);
    expect(run('HUB206', net({ serviceCidr: 'x' }))).toEqual([]);
  });
});

describe('HUB207: max pods for the plugin', () => {
  it('takes exactly the minimum and the maximum, and refuses one beyond either', () => {
    for (const plugin of ['azure', 'kubenet'] as const) {
      const { min, max } = MAX_PODS_RANGE[plugin];
      expect(run('HUB207', net({ plugin }, { maxPods: min })), `${plugin} ${min}`).toEqual([]);
      expect(run('HUB207', net({ plugin }, { maxPods: max })), `${plugin} ${max}`).toEqual([]);
      expect(run('HUB207', net({ plugin }, { maxPods: min - 1 }))).toEqual([{ path: '<nodePool.maxPods>', value: min - 1, allowed: `from ${min} to ${max} with ${plugin}`, message: 'Max pods is out of range for the network plugin.' }]);
      expect(run('HUB207', net({ plugin }, { maxPods: max + 1 }))).toHaveLength(1);
    }
    expect(run('HUB207', net({}, { maxPods: deployTimeNumber('p.m') }))).toEqual([]);
  });
});
