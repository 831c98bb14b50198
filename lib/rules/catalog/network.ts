import { AZURE_RESERVED_SUBNET_ADDRESSES, MAX_PODS_RANGE, MIN_SERVICE_CIDR_PREFIX } from '../../profile/hub-limits';
import { type Cidr, cidrContains, cidrOverlaps, parseCidr, parseIp } from '../../model/cidr';
import { type ClusterModel, subnetPrefixOf } from '../../model/cluster-model';
import { azureOnly, field, isConcrete } from '../checks';
import { type RuleChecks, type RuleHit, valueAt } from '../rule';

const CALICO = 'Only the Azure network policy is available on Azure Stack Hub: Calico and Cilium are not.';

/** Addresses the node subnet needs for `nodes`: Azure CNI gives every pod a subnet address. */
export function requiredSubnetAddresses(model: ClusterModel, nodes = model.nodePool.count): bigint {
  const perNode = model.network.plugin === 'azure' ? model.nodePool.maxPods + 1 : 1;
  // One extra node for upgrades (surge), plus the addresses Azure reserves in every subnet.
  return BigInt(Math.ceil((nodes + 1) * perNode + AZURE_RESERVED_SUBNET_ADDRESSES));
}

/** The model's ranges by prop path: `undefined` for a range that does not parse or is known only at deploy time. */
function ranges(model: ClusterModel): ReadonlyMap<string, Cidr | undefined> {
  const n = model.network;
  const list: [string, string | undefined][] = [
    ['network.serviceCidr', n.serviceCidr],
    ['network.dockerBridgeCidr', n.dockerBridgeCidr],
    ['network.podCidr', n.podCidr],
    ['network.vnet.subnetPrefix', subnetPrefixOf(n.subnet)],
  ];
  // A token never parses.
  return new Map(list.map(([path, text]) => [path, parseCidr(text ?? '')]));
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

export const NETWORK_RULES: readonly RuleChecks[] = [
  {
    id: 'HUB029',
    check: (m) => azureOnly(m, 'cniOverlay', 'Azure CNI overlay and the Cilium data plane are not on Hub AKS: api-version 2020-11-01 has neither networkPluginMode nor networkDataplane.'),
  },
  {
    id: 'HUB018',
    check: (m, ctx) => field(ctx, 'network.policy', m.network.policy, (v) => v === 'azure', "'azure' or not set", CALICO),
  },
  {
    id: 'HUB106',
    checkProps: (props) => {
      const vnet = valueAt(props, 'network.vnet');
      if (valueAt(vnet, 'subnetId') === undefined) return [];
      return ['name', 'addressSpace', 'subnetName', 'subnetPrefix']
        .filter((k) => valueAt(vnet, k) !== undefined)
        .map((k) => ({ path: `network.vnet.${k}`, value: valueAt(vnet, k), allowed: 'not set with subnetId', message: 'This setting is for a new VNET, but subnetId names an existing subnet.' }));
    },
  },
  {
    id: 'HUB200',
    check: (model, ctx) => {
      const n = model.network;
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
  },
  {
    id: 'HUB201',
    check: (model, ctx) => {
      const s = model.network.subnet;
      if (s.kind !== 'new') return [];
      const subnet = parseCidr(s.subnetPrefix);
      const spaces = s.addressSpace.map(parseCidr);
      if (!subnet || spaces.some((x) => !x)) return [];
      return spaces.some((space) => space && cidrContains(space, subnet))
        ? []
        : [{ path: ctx.name('network.vnet.subnetPrefix'), value: s.subnetPrefix, allowed: `inside ${s.addressSpace.join(', ')}`, message: 'The node subnet lies outside the VNET address space.' }];
    },
  },
  {
    id: 'HUB202',
    check: (model, ctx) => {
      const byPath = ranges(model);
      const found: RuleHit[] = [];
      for (const [a, b] of DISJOINT) {
        const x = byPath.get(a);
        const y = byPath.get(b);
        if (x && y && cidrOverlaps(x, y)) found.push({ path: ctx.name(a), value: x.text, allowed: `a range that does not overlap ${ctx.name(b)} (${y.text})`, message: `${ctx.name(a)} overlaps ${ctx.name(b)}.` });
      }
      const pod = byPath.get('network.podCidr');
      if (pod && model.network.subnet.kind === 'new') {
        for (const space of model.network.subnet.addressSpace) {
          const c = isConcrete(space) ? parseCidr(space) : undefined;
          if (c && cidrOverlaps(pod, c)) found.push({ path: ctx.name('network.podCidr'), value: pod.text, allowed: `a range outside the VNET (${space})`, message: 'The kubenet pod range overlaps the VNET address space.' });
        }
      }
      return found;
    },
  },
  {
    id: 'HUB205',
    check: (model, ctx) => {
      const s = model.network.subnet;
      const svc = isConcrete(model.network.serviceCidr) ? parseCidr(model.network.serviceCidr) : undefined;
      if (s.kind !== 'new' || !svc) return [];
      return s.addressSpace
        .filter((space) => {
          const c = isConcrete(space) ? parseCidr(space) : undefined;
          return c !== undefined && cidrOverlaps(svc, c);
        })
        .map((space) => ({ path: ctx.name('network.serviceCidr'), value: model.network.serviceCidr, allowed: `a range outside ${space}`, message: 'The service range overlaps the VNET address space.' }));
    },
  },
  {
    id: 'HUB206',
    check: (model, ctx) => {
      const svc = isConcrete(model.network.serviceCidr) ? parseCidr(model.network.serviceCidr) : undefined;
      return svc && svc.prefix < MIN_SERVICE_CIDR_PREFIX
        ? [{ path: ctx.name('network.serviceCidr'), value: model.network.serviceCidr, allowed: `a prefix of /${MIN_SERVICE_CIDR_PREFIX} or longer`, message: 'The service range is too large.' }]
        : [];
    },
  },
  {
    id: 'HUB207',
    check: (model, ctx) => {
      const { min, max } = MAX_PODS_RANGE[model.network.plugin];
      const v = model.nodePool.maxPods;
      return isConcrete(v) && (v < min || v > max)
        ? [{ path: ctx.name('nodePool.maxPods'), value: v, allowed: `from ${min} to ${max} with ${model.network.plugin}`, message: 'Max pods is out of range for the network plugin.' }]
        : [];
    },
  },
  {
    id: 'HUB203',
    check: (model, ctx) => {
      const range = parseCidr(model.network.serviceCidr);
      const ip = parseIp(model.network.dnsServiceIp);
      if (!range || ip === undefined) return [];
      return ip > range.first + 1n && ip < range.last
        ? []
        : [{ path: ctx.name('network.dnsServiceIp'), value: model.network.dnsServiceIp, allowed: `an address inside ${model.network.serviceCidr} other than its network, first and broadcast addresses`, message: 'The DNS service IP must lie inside the service range.' }];
    },
  },
  {
    id: 'HUB204',
    check: (model, ctx) => {
      const { count, maxPods } = model.nodePool;
      const found: RuleHit[] = [];
      const subnet = parseCidr(subnetPrefixOf(model.network.subnet) ?? '');
      // The need is known when the node count and the pods a node holds are.
      const need = isConcrete(count) && isConcrete(maxPods) ? requiredSubnetAddresses(model) : undefined;
      if (subnet && (need ?? 0n) > subnet.size)
        found.push({ path: ctx.name('network.vnet.subnetPrefix'), value: subnet.text, allowed: `a subnet with at least ${need} addresses`, message: `The subnet has ${subnet.size} addresses but the pool needs ${need}.` });
      // kubenet gives every node a /24 of the pod range, the upgrade node included: a range under /24 never does.
      const pod = parseCidr(model.network.podCidr ?? '');
      const blocks = isConcrete(count) ? BigInt(count + 1) : undefined;
      if (pod && (pod.prefix > 24 || pod.size / 256n < (blocks ?? 0n)))
        found.push({ path: ctx.name('network.podCidr'), value: pod.text, allowed: blocks === undefined ? 'a /24 block for every node and one more' : `a range holding ${blocks} /24 blocks`, message: 'The pod range cannot give every node its /24.' });
      return found;
    },
  },
];
