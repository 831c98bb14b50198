import { AZURE_RESERVED_SUBNET_ADDRESSES, MAX_PODS_RANGE, MIN_SERVICE_CIDR_PREFIX } from '../../profile/hub-limits';
import { type Cidr, cidrContains, cidrOverlaps, parseCidr, parseIp } from '../../model/cidr';
import type { ClusterModel } from '../../model/cluster-model';
import { field, isConcrete } from '../checks';
import { type HubRule, type RuleHit, valueAt } from '../rule';

const CALICO = 'Calico is not available on Azure Stack Hub; only the Azure network policy is.';

/** Addresses the node subnet needs for `nodes`: Azure CNI gives every pod a subnet address. */
export function requiredSubnetAddresses(spec: ClusterModel, nodes = spec.nodePool.count): bigint {
  const perNode = spec.network.plugin === 'azure' ? spec.nodePool.maxPods + 1 : 1;
  // One extra node for upgrades (surge), plus the addresses Azure reserves in every subnet.
  return BigInt((nodes + 1) * perNode + AZURE_RESERVED_SUBNET_ADDRESSES);
}

/** The spec's ranges that parse, by prop path; unparsable or token ranges are left out. */
function ranges(spec: ClusterModel): { path: string; text: string; cidr: Cidr }[] {
  const n = spec.network;
  const list: [string, string | undefined][] = [
    ['network.serviceCidr', n.serviceCidr],
    ['network.dockerBridgeCidr', n.dockerBridgeCidr],
    ['network.podCidr', n.podCidr],
    ['network.vnet.subnetPrefix', n.subnet.kind === 'new' ? n.subnet.subnetPrefix : undefined],
  ];
  return list.flatMap(([path, text]) => {
    const cidr = text !== undefined && isConcrete(text) ? parseCidr(text) : undefined;
    return cidr && text !== undefined ? [{ path, text, cidr }] : [];
  });
}

/** Pairs of ranges that must not share an address. */
const DISJOINT: readonly [string, string][] = [
  ['network.serviceCidr', 'network.vnet.subnetPrefix'],
  ['network.serviceCidr', 'network.podCidr'],
  ['network.serviceCidr', 'network.dockerBridgeCidr'],
  ['network.podCidr', 'network.vnet.subnetPrefix'],
  ['network.dockerBridgeCidr', 'network.vnet.subnetPrefix'],
  ['network.dockerBridgeCidr', 'network.podCidr'],
];

export const NETWORK_RULES: readonly HubRule[] = [
  {
    id: 'HUB018',
    title: 'Calico or another unsupported network policy',
    severity: 'error',
    source: 'Feature table: Calico network policy: No',
    why: 'Calico (and Cilium) are not available on Hub AKS.',
    fix: "Remove {network.policy} or set it to 'azure'.",
    suppressible: false,
    check: (m, ctx) => field(ctx, 'network.policy', m.network.policy, (v) => v === 'azure', "'azure' or not set", CALICO),
    examples: {
      fail: [
        { props: { network: { policy: 'calico' } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { network_profile: { load_balancer_sku: 'basic', network_policy: 'calico' } } } },
        { arm: { properties: { networkProfile: { networkPolicy: 'calico' } } } },
      ],
      pass: [{ props: { network: { policy: 'azure' } } }, { arm: { properties: { networkProfile: { networkPolicy: 'azure' } } } }],
    },
  },
  {
    id: 'HUB106',
    title: 'Existing subnet mixed with new-VNET settings',
    severity: 'error',
    source: 'Library: network.vnet is either a new VNET or an existing subnet',
    why: 'With an existing subnet the library creates no VNET, so new-VNET settings would be silently ignored.',
    fix: 'Give either network.vnet.subnetId alone, or the new-VNET settings (name, addressSpace, subnetName, subnetPrefix).',
    suppressible: false,
    checkProps: (props) => {
      const vnet = valueAt(props, 'network.vnet');
      if (valueAt(vnet, 'subnetId') === undefined) return [];
      return ['name', 'addressSpace', 'subnetName', 'subnetPrefix']
        .filter((k) => valueAt(vnet, k) !== undefined)
        .map((k) => ({ path: `network.vnet.${k}`, value: valueAt(vnet, k), allowed: 'not set with subnetId', message: 'This setting is for a new VNET, but subnetId names an existing subnet.' }));
    },
    examples: {
      fail: [{ props: { network: { vnet: { subnetId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/a', subnetPrefix: '10.0.0.0/24' } } } }],
      pass: [{ props: { network: { vnet: { subnetId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/a' } } } }],
    },
  },
  {
    id: 'HUB200',
    title: 'Malformed address range or IP',
    severity: 'error',
    source: 'azure-stack-network-differences.md: IPv4 only',
    why: 'Every range must be an IPv4 CIDR in canonical form, and every IP an IPv4 address, or the deployment fails.',
    fix: 'Write ranges as a.b.c.d/n with the host bits zero (for example 10.240.0.0/20) and IPs as a.b.c.d.',
    suppressible: false,
    check: (spec, ctx) => {
      const n = spec.network;
      const ranges: [string, string][] = [
        ['network.serviceCidr', n.serviceCidr],
        ['network.dockerBridgeCidr', n.dockerBridgeCidr],
        ...(n.podCidr !== undefined ? [['network.podCidr', n.podCidr] as [string, string]] : []),
        ...(n.subnet.kind === 'new'
          ? [...n.subnet.addressSpace.map((a, i): [string, string] => [`network.vnet.addressSpace.${i}`, a]), ['network.vnet.subnetPrefix', n.subnet.subnetPrefix] as [string, string]]
          : []),
      ];
      const findings: RuleHit[] = [];
      for (const [path, text] of ranges) {
        if (!isConcrete(text)) continue;
        const c = parseCidr(text);
        // The docker bridge is a gateway address with its prefix (172.17.0.1/16): host bits are expected.
        if (!c) findings.push({ path: ctx.name(path), value: text, allowed: 'an IPv4 CIDR such as 10.240.0.0/20', message: 'This is not an IPv4 address range.' });
        else if (path !== 'network.dockerBridgeCidr' && c.canonical !== text)
          findings.push({ path: ctx.name(path), value: text, allowed: `'${c.canonical}'`, message: 'The range has host bits set.', fix: `Write '${c.canonical}'.` });
      }
      if (isConcrete(n.dnsServiceIp) && parseIp(n.dnsServiceIp) === undefined)
        findings.push({ path: ctx.name('network.dnsServiceIp'), value: n.dnsServiceIp, allowed: 'an IPv4 address such as 10.0.0.10', message: 'This is not an IPv4 address.' });
      return findings;
    },
    examples: {
      fail: [{ props: { network: { serviceCidr: '10.0.0.1/16' } } }, { props: { network: { dnsServiceIp: '10.0.0' } } }],
      pass: [{ props: { network: { serviceCidr: '10.0.0.0/16', dnsServiceIp: '10.0.0.11' } } }],
    },
  },
  {
    id: 'HUB201',
    title: 'Node subnet outside the VNET',
    severity: 'error',
    source: 'ARM: a subnet prefix must lie inside its virtual network address space',
    why: 'The VNET deployment fails when the subnet is not inside the address space.',
    fix: 'Choose a {network.vnet.subnetPrefix} inside {network.vnet.addressSpace}.',
    suppressible: false,
    check: (spec, ctx) => {
      const s = spec.network.subnet;
      if (s.kind !== 'new') return [];
      const subnet = parseCidr(s.subnetPrefix);
      const spaces = s.addressSpace.map(parseCidr);
      if (!subnet || spaces.some((x) => !x)) return [];
      return spaces.some((space) => space && cidrContains(space, subnet))
        ? []
        : [{ path: ctx.name('network.vnet.subnetPrefix'), value: s.subnetPrefix, allowed: `inside ${s.addressSpace.join(', ')}`, message: 'The node subnet lies outside the VNET address space.' }];
    },
    examples: {
      fail: [{ props: { network: { vnet: { addressSpace: ['10.1.0.0/16'], subnetPrefix: '10.2.0.0/20' } } } }],
      pass: [{ props: { network: { vnet: { addressSpace: ['10.1.0.0/16'], subnetPrefix: '10.1.0.0/20' } } } }],
    },
  },
  {
    id: 'HUB202',
    title: 'Overlapping address ranges',
    severity: 'error',
    source: 'managedClusters 2020-11-01: serviceCidr "must not overlap with any Subnet IP ranges"; dockerBridgeCidr likewise',
    why: 'Kubernetes routes service, pod, bridge and node addresses separately; overlapping ranges break routing in the cluster.',
    fix: 'Choose service, pod and docker bridge ranges that share no address with each other or with the node subnet.',
    suppressible: false,
    check: (spec, ctx) => {
      const byPath = new Map(ranges(spec).map((r) => [r.path, r]));
      const found: RuleHit[] = [];
      for (const [a, b] of DISJOINT) {
        const x = byPath.get(a);
        const y = byPath.get(b);
        if (x && y && cidrOverlaps(x.cidr, y.cidr)) found.push({ path: ctx.name(a), value: x.text, allowed: `a range that does not overlap ${ctx.name(b)} (${y.text})`, message: `${ctx.name(a)} overlaps ${ctx.name(b)}.` });
      }
      const pod = byPath.get('network.podCidr');
      if (pod && spec.network.subnet.kind === 'new') {
        for (const space of spec.network.subnet.addressSpace) {
          const c = isConcrete(space) ? parseCidr(space) : undefined;
          if (c && cidrOverlaps(pod.cidr, c)) found.push({ path: ctx.name('network.podCidr'), value: pod.text, allowed: `a range outside the VNET (${space})`, message: 'The kubenet pod range overlaps the VNET address space.' });
        }
      }
      return found;
    },
    examples: {
      fail: [
        { props: { network: { serviceCidr: '10.240.0.0/16', dnsServiceIp: '10.240.0.10' } } },
        { props: { network: { plugin: 'kubenet', podCidr: '10.0.0.0/16' } } },
        { props: { network: { dockerBridgeCidr: '10.240.0.1/24' } } },
      ],
      pass: [{ props: { network: { plugin: 'kubenet', podCidr: '10.244.0.0/16' } } }],
    },
  },
  {
    id: 'HUB205',
    title: 'Service range overlaps the VNET address space',
    severity: 'warning',
    source: 'Azure CNI IP planning: the service range should not be used in the VNET',
    why: 'The service range is allowed inside the VNET space as long as no subnet uses it, but any subnet added later there breaks routing.',
    fix: 'Move {network.serviceCidr} outside the VNET address space, or keep that part of the VNET free of subnets.',
    suppressible: true,
    check: (spec, ctx) => {
      const s = spec.network.subnet;
      const svc = isConcrete(spec.network.serviceCidr) ? parseCidr(spec.network.serviceCidr) : undefined;
      if (s.kind !== 'new' || !svc) return [];
      return s.addressSpace
        .filter((space) => {
          const c = isConcrete(space) ? parseCidr(space) : undefined;
          return c !== undefined && cidrOverlaps(svc, c);
        })
        .map((space) => ({ path: ctx.name('network.serviceCidr'), value: spec.network.serviceCidr, allowed: `a range outside ${space}`, message: 'The service range overlaps the VNET address space.' }));
    },
    examples: {
      fail: [{ props: { network: { vnet: { addressSpace: ['10.0.0.0/8'], subnetPrefix: '10.240.0.0/16' } } } }],
      pass: [{ props: { network: { vnet: { addressSpace: ['10.240.0.0/16'] } } } }],
    },
  },
  {
    id: 'HUB206',
    title: 'Service range wider than /12',
    severity: 'error',
    source: 'AKS: the service address range may not be larger than a /12',
    why: 'Kubernetes refuses service ranges with more than 2^20 addresses.',
    fix: 'Set {network.serviceCidr} to a range of /12 or smaller, for example 10.0.0.0/16.',
    suppressible: false,
    check: (spec, ctx) => {
      const svc = isConcrete(spec.network.serviceCidr) ? parseCidr(spec.network.serviceCidr) : undefined;
      return svc && svc.prefix < MIN_SERVICE_CIDR_PREFIX
        ? [{ path: ctx.name('network.serviceCidr'), value: spec.network.serviceCidr, allowed: `a prefix of /${MIN_SERVICE_CIDR_PREFIX} or longer`, message: 'The service range is too large.' }]
        : [];
    },
    examples: { fail: [{ props: { network: { serviceCidr: '10.0.0.0/8', dnsServiceIp: '10.0.0.10' } } }], pass: [{ props: { network: { serviceCidr: '10.0.0.0/12' } } }] },
  },
  {
    id: 'HUB207',
    title: 'Max pods outside the plugin range',
    severity: 'error',
    source: 'AKS max pods per node: Azure CNI 10-250, kubenet 10-110',
    why: 'The resource provider refuses other values.',
    fix: 'Set {nodePool.maxPods} within the range of the network plugin.',
    suppressible: false,
    check: (spec, ctx) => {
      const { min, max } = MAX_PODS_RANGE[spec.network.plugin];
      const v = spec.nodePool.maxPods;
      return isConcrete(v) && (v < min || v > max)
        ? [{ path: ctx.name('nodePool.maxPods'), value: v, allowed: `from ${min} to ${max} with ${spec.network.plugin}`, message: 'Max pods is out of range for the network plugin.' }]
        : [];
    },
    examples: {
      fail: [{ props: { nodePool: { maxPods: 5 } } }, { props: { network: { plugin: 'kubenet' }, nodePool: { maxPods: 200 } } }],
      pass: [{ props: { nodePool: { maxPods: 250 }, network: { vnet: { subnetPrefix: '10.240.0.0/16' } } } }],
    },
  },
  {
    id: 'HUB203',
    title: 'DNS service IP outside the service range',
    severity: 'error',
    source: 'managedClusters 2020-11-01: dnsServiceIP "must be within the Kubernetes service address range"',
    why: 'The cluster DNS service gets its address from the service range; the network, first and broadcast addresses are not usable.',
    fix: 'Choose a {network.dnsServiceIp} inside {network.serviceCidr}, not its first address (for example x.x.0.10).',
    suppressible: false,
    check: (spec, ctx) => {
      const range = parseCidr(spec.network.serviceCidr);
      const ip = parseIp(spec.network.dnsServiceIp);
      if (!range || ip === undefined) return [];
      return ip > range.first + 1n && ip < range.last
        ? []
        : [{ path: ctx.name('network.dnsServiceIp'), value: spec.network.dnsServiceIp, allowed: `an address inside ${spec.network.serviceCidr} other than its network, first and broadcast addresses`, message: 'The DNS service IP must lie inside the service range.' }];
    },
    examples: {
      fail: [{ props: { network: { dnsServiceIp: '10.1.0.10' } } }, { props: { network: { dnsServiceIp: '10.0.0.1' } } }],
      pass: [{ props: { network: { dnsServiceIp: '10.0.255.254' } } }, { props: { network: { dnsServiceIp: '10.0.0.2' } } }],
    },
  },
  {
    id: 'HUB204',
    title: 'Node subnet too small',
    severity: 'error',
    source: 'aks-how-to-use-cli.md: with Azure CNI "every pod gets an IP address from the subnet"',
    why: 'With Azure CNI the subnet holds (nodes + 1) × (maxPods + 1) addresses plus five Azure reserves; with kubenet, the nodes, and the pod range a /24 per node.',
    fix: 'Use a larger {network.vnet.subnetPrefix} (or {network.podCidr} with kubenet), fewer nodes, or fewer {nodePool.maxPods}.',
    suppressible: false,
    check: (spec, ctx) => {
      const s = spec.network.subnet;
      if (!isConcrete(spec.nodePool.count) || !isConcrete(spec.nodePool.maxPods)) return [];
      const found: RuleHit[] = [];
      const subnet = s.kind === 'new' && isConcrete(s.subnetPrefix) ? parseCidr(s.subnetPrefix) : undefined;
      const need = requiredSubnetAddresses(spec);
      if (s.kind === 'new' && subnet && need > subnet.size)
        found.push({ path: ctx.name('network.vnet.subnetPrefix'), value: s.subnetPrefix, allowed: `a subnet with at least ${need} addresses`, message: `The subnet has ${subnet.size} addresses but the pool needs ${need}.` });
      // kubenet gives every node a /24 of the pod range, the upgrade node included.
      const pod = spec.network.podCidr !== undefined && isConcrete(spec.network.podCidr) ? parseCidr(spec.network.podCidr) : undefined;
      const blocks = BigInt(spec.nodePool.count + 1);
      if (pod && (pod.prefix > 24 || pod.size / 256n < blocks))
        found.push({ path: ctx.name('network.podCidr'), value: spec.network.podCidr, allowed: `a range holding ${blocks} /24 blocks`, message: 'The pod range cannot give every node its /24.' });
      return found;
    },
    examples: {
      fail: [{ props: { network: { vnet: { subnetPrefix: '10.240.0.0/25' } } } }, { props: { network: { plugin: 'kubenet', podCidr: '10.244.0.0/23' } } }],
      pass: [{ props: { network: { vnet: { subnetPrefix: '10.240.0.0/24' } } } }, { props: { network: { plugin: 'kubenet', podCidr: '10.244.0.0/22' } } }],
    },
  },
];
