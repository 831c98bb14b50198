import { Token } from 'cdktf';
import { AZURE_RESERVED_SUBNET_ADDRESSES, MAX_NODES_PER_SUBSCRIPTION } from '../profile/hub-limits';
import { isGpuVmSize } from '../profile/vm-sizes';
import { cidrContains, parseCidr, parseIp } from '../spec/cidr';
import type { ClusterSpec } from '../spec/cluster-spec';
import { type ClusterRule, type Finding, type RawProps, valueAt } from './rule';

/** A knob path and the values it may hold on Hub (`undefined` is always allowed). */
interface KnobCheck {
  readonly path: string;
  readonly ok: (value: unknown) => boolean;
  readonly allowed: string;
  readonly message: string;
}

const absent = (v: unknown): boolean => v === undefined || v === null;
const falsy = (v: unknown): boolean => absent(v) || v === false;
const empty = (v: unknown): boolean => absent(v) || (Array.isArray(v) && v.length === 0);

function knobs(checks: readonly KnobCheck[]) {
  return (props: RawProps): Finding[] =>
    checks.flatMap((c) => {
      const value = valueAt(props, c.path);
      return value === undefined || c.ok(value) ? [] : [{ path: c.path, value, allowed: c.allowed, message: c.message }];
    });
}

const isConcrete = (v: unknown): boolean => !Token.isUnresolved(v);

/** Add-on names (ARM `addonProfiles` keys and common spellings) and the rule that blocks each. */
export const ADDON_RULES: Readonly<Record<string, string>> = Object.freeze({
  omsagent: 'HUB011',
  omsAgent: 'HUB011',
  monitoring: 'HUB011',
  aciConnectorLinux: 'HUB012',
  virtualNode: 'HUB012',
  httpApplicationRouting: 'HUB013',
  azurepolicy: 'HUB014',
  azurePolicy: 'HUB014',
});

function addonFindings(ruleId: string) {
  return (props: RawProps): Finding[] => {
    const addons = valueAt(props, 'addons');
    if (addons === null || typeof addons !== 'object' || Array.isArray(addons)) return [];
    return Object.keys(addons)
      .filter((name) => (ADDON_RULES[name] ?? 'HUB024') === ruleId)
      .map((name) => ({
        path: `addons.${name}`,
        value: (addons as Record<string, unknown>)[name],
        allowed: 'no add-ons (none is available on Azure Stack Hub)',
        message: `The ${name} add-on is not available on Azure Stack Hub.`,
      }));
  };
}

/** The subnet's address count needed for `nodes`: Azure CNI gives every pod a subnet address. */
export function requiredSubnetAddresses(spec: ClusterSpec, nodes = spec.nodePool.count): bigint {
  const perNode = spec.network.plugin === 'azure' ? spec.nodePool.maxPods + 1 : 1;
  // One extra node for upgrades (surge), plus the addresses Azure reserves in every subnet.
  return BigInt((nodes + 1) * perNode + AZURE_RESERVED_SUBNET_ADDRESSES);
}

/** Rules over a cluster's props and spec. Ids are stable; see docs/rules.md. */
export const CLUSTER_RULES: readonly ClusterRule[] = [
  {
    id: 'HUB001',
    title: 'Standard load balancer',
    severity: 'error',
    source: 'aks-overview.md: "No Standard Load Balancer. Azure Stack Hub only supports the basic load balancer."',
    why: 'The Hub AKS resource provider only deploys the basic load balancer.',
    fix: "Remove loadBalancerSku or set it to 'basic'.",
    suppressible: false,
    checkProps: knobs(
      ['loadBalancerSku', 'network.loadBalancerSku'].map((path) => ({
        path,
        ok: (v) => v === 'basic',
        allowed: "'basic'",
        message: 'Azure Stack Hub supports only the basic load balancer.',
      })),
    ),
  },
  {
    id: 'HUB002',
    title: 'Load balancer profile and outbound settings',
    severity: 'error',
    source: 'aks-overview.md: "No parameter for load balancer managed IP count" (needs the standard load balancer)',
    why: 'Managed outbound IPs, outbound IPs and prefixes, and user-defined outbound routing need the standard load balancer.',
    fix: 'Remove network.loadBalancerProfile and network.outboundType.',
    suppressible: false,
    checkProps: knobs([
      {
        path: 'network.loadBalancerProfile',
        ok: absent,
        allowed: 'not set',
        message: 'Load balancer profiles (managed outbound IP count, outbound IPs) need the standard load balancer.',
      },
      {
        path: 'network.outboundType',
        ok: (v) => v === 'loadBalancer',
        allowed: "'loadBalancer'",
        message: 'Only load balancer outbound is available on Azure Stack Hub.',
      },
    ]),
  },
  {
    id: 'HUB003',
    title: 'Managed identity',
    severity: 'error',
    source: 'aks-overview.md: "Azure Stack Hub doesn\'t support managed identities yet; service principal credentials are always needed."',
    why: 'A Hub cluster always runs as a service principal; there is no managed identity, kubelet identity included.',
    fix: 'Remove identity and kubeletIdentity; give servicePrincipal.clientId and the secret.',
    suppressible: false,
    checkProps: knobs([
      {
        path: 'identity',
        ok: (v) => absent(v) || valueAt(v, 'type') === 'None',
        allowed: "not set (a service principal is used)",
        message: 'Azure Stack Hub has no managed identity; clusters run as a service principal.',
      },
      { path: 'kubeletIdentity', ok: absent, allowed: 'not set', message: 'Azure Stack Hub has no kubelet managed identity.' },
    ]),
  },
  {
    id: 'HUB004',
    title: 'Availability set node pools',
    severity: 'error',
    source: 'aks-overview.md: "No Availability Sets, only virtual machine scale sets."',
    why: 'The Hub AKS resource provider deploys node pools only as virtual machine scale sets.',
    fix: "Remove nodePool.type or set it to 'VirtualMachineScaleSets'.",
    suppressible: false,
    checkProps: knobs([
      {
        path: 'nodePool.type',
        ok: (v) => v === 'VirtualMachineScaleSets',
        allowed: "'VirtualMachineScaleSets'",
        message: 'Azure Stack Hub supports only virtual machine scale set node pools.',
      },
    ]),
  },
  {
    id: 'HUB005',
    title: 'More than one node pool',
    severity: 'error',
    source: 'aks-known-issues.md: "no more than one node pool can be created per AKS cluster"',
    why: 'Hub clusters have exactly one node pool; the node pool commands and resources are not available.',
    fix: 'Remove nodePools and describe the single pool with nodePool.',
    suppressible: false,
    checkProps: knobs([
      {
        path: 'nodePools',
        ok: empty,
        allowed: 'not set (use nodePool for the single pool)',
        message: 'Azure Stack Hub allows only one node pool per cluster.',
      },
    ]),
  },
  {
    id: 'HUB006',
    title: 'Cluster autoscaler',
    severity: 'error',
    source: 'aks-overview.md: "No cluster autoscaler." Feature table: Automatic node scaling (Autoscaler): No',
    why: 'The autoscaler needs the standard load balancer and is not offered on Hub.',
    fix: 'Remove the autoscaler settings and set nodePool.count; scale with `az aks scale`.',
    suppressible: false,
    checkProps: knobs([
      { path: 'nodePool.enableAutoScaling', ok: falsy, allowed: 'false or not set', message: 'Azure Stack Hub has no cluster autoscaler.' },
      { path: 'nodePool.minCount', ok: absent, allowed: 'not set', message: 'minCount is an autoscaler setting; Azure Stack Hub has no autoscaler.' },
      { path: 'nodePool.maxCount', ok: absent, allowed: 'not set', message: 'maxCount is an autoscaler setting; Azure Stack Hub has no autoscaler.' },
      { path: 'autoScalerProfile', ok: absent, allowed: 'not set', message: 'Azure Stack Hub has no cluster autoscaler.' },
    ]),
  },
  {
    id: 'HUB007',
    title: 'Availability zones',
    severity: 'error',
    source: 'aks-overview.md: "No Azure regions or Availability Zones."',
    why: 'Azure Stack Hub has no availability zones.',
    fix: 'Remove the zones setting.',
    suppressible: false,
    checkProps: knobs(
      ['nodePool.availabilityZones', 'nodePool.zones', 'availabilityZones'].map((path) => ({
        path,
        ok: empty,
        allowed: 'not set',
        message: 'Azure Stack Hub has no availability zones.',
      })),
    ),
  },
  {
    id: 'HUB008',
    title: 'Private cluster',
    severity: 'error',
    source: 'aks-overview.md: "No parameter for enabling private cluster."',
    why: 'Private clusters need the standard load balancer and Private Link, which the Hub AKS resource provider lacks.',
    fix: 'Remove enablePrivateCluster; restrict access to the API server with network security groups instead.',
    suppressible: false,
    checkProps: knobs([
      { path: 'enablePrivateCluster', ok: falsy, allowed: 'false or not set', message: 'Azure Stack Hub has no private clusters.' },
    ]),
  },
  {
    id: 'HUB009',
    title: 'API server authorized IP ranges',
    severity: 'error',
    source: 'aks-overview.md: "No parameter for API server authorized IP ranges."',
    why: 'Authorized IP ranges need the standard load balancer.',
    fix: 'Remove apiServerAuthorizedIpRanges; filter API server traffic at the network edge instead.',
    suppressible: false,
    checkProps: knobs([
      {
        path: 'apiServerAuthorizedIpRanges',
        ok: empty,
        allowed: 'not set',
        message: 'Azure Stack Hub does not support API server authorized IP ranges.',
      },
    ]),
  },
  {
    id: 'HUB010',
    title: 'Azure AD (Entra ID) integration',
    severity: 'error',
    source: 'Feature table: Microsoft Entra (Azure AD) auth/RBAC: No',
    why: 'Hub clusters support Kubernetes RBAC but not Azure AD or AD FS integration.',
    fix: 'Remove aadProfile; use Kubernetes RBAC (enableRbac) with certificate or token users.',
    suppressible: false,
    checkProps: knobs([
      { path: 'aadProfile', ok: absent, allowed: 'not set', message: 'Azure Stack Hub has no Azure AD integration for AKS.' },
    ]),
  },
  {
    id: 'HUB011',
    title: 'Monitoring add-on (Log Analytics / OMS agent)',
    severity: 'error',
    source: 'Feature table: Integrated Azure monitoring (Insights, Logs, Metrics, Alerts): No',
    why: 'There is no Log Analytics or Container Monitor on Azure Stack Hub.',
    fix: 'Remove the monitoring add-on; use diagnostic settings, or run Prometheus in the cluster.',
    suppressible: false,
    checkProps: addonFindings('HUB011'),
  },
  {
    id: 'HUB012',
    title: 'ACI virtual node (connector)',
    severity: 'error',
    source: 'Feature table: ACI integration and virtual nodes: No',
    why: 'Azure Container Instances do not exist on Azure Stack Hub.',
    fix: 'Remove the virtual node add-on and scale the node pool instead.',
    suppressible: false,
    checkProps: addonFindings('HUB012'),
  },
  {
    id: 'HUB013',
    title: 'HTTP application routing',
    severity: 'error',
    source: 'Feature table: HTTP ingress: No',
    why: 'The HTTP application routing add-on is not available on Azure Stack Hub.',
    fix: 'Remove the add-on; install an ingress controller (for example ingress-nginx) with Helm.',
    suppressible: false,
    checkProps: addonFindings('HUB013'),
  },
  {
    id: 'HUB014',
    title: 'Azure Policy add-on',
    severity: 'error',
    source: 'aks-support.md / aks-engine addons: azure-policy is not available on Azure Stack',
    why: 'The Azure Policy add-on is not offered by the Hub AKS resource provider.',
    fix: 'Remove the add-on; run Gatekeeper in the cluster if you need admission policies.',
    suppressible: false,
    checkProps: addonFindings('HUB014'),
  },
  {
    id: 'HUB015',
    title: 'GPU node size',
    severity: 'error',
    source: 'Feature table: GPU enabled pods: No',
    why: 'Hub AKS has no GPU nodes.',
    fix: "Choose a non-GPU size the stamp offers, for example 'Standard_DS2_v2'.",
    suppressible: false,
    checkSpec: (spec) =>
      isConcrete(spec.nodePool.vmSize) && isGpuVmSize(spec.nodePool.vmSize)
        ? [{ path: 'nodePool.vmSize', value: spec.nodePool.vmSize, allowed: 'a non-GPU size the stamp offers', message: 'Azure Stack Hub has no GPU nodes.' }]
        : [],
  },
  {
    id: 'HUB016',
    title: 'VM size the stamp does not offer',
    severity: 'error',
    source: 'azure-stack-vm-sizes.md: the sizes supported in Azure Stack Hub',
    why: 'Node VMs must be a size the Hub offers; other Azure sizes fail at deployment.',
    fix: "Choose a size from the Hub list (for example 'Standard_DS2_v2'); if your operator offers more, add it with HubStack's hub.vmSizes.",
    suppressible: true,
    checkSpec: (spec, stamp) => {
      const size = spec.nodePool.vmSize;
      if (!isConcrete(size) || isGpuVmSize(size) || stamp.vmSizes.includes(size)) return [];
      const near = stamp.vmSizes.filter((s) => s.toLowerCase() === size.toLowerCase());
      return [
        {
          path: 'nodePool.vmSize',
          value: size,
          allowed: near.length ? `'${near[0]}' (sizes are case-sensitive)` : `one of the ${stamp.vmSizes.length} Hub sizes, e.g. 'Standard_DS2_v2', 'Standard_D2_v3', 'Standard_F4s_v2'`,
          message: 'Azure Stack Hub does not offer this VM size.',
        },
      ];
    },
  },
  {
    id: 'HUB017',
    title: 'Uptime SLA (paid or standard tier)',
    severity: 'error',
    source: 'Feature table: Uptime SLA: No',
    why: 'Hub AKS has no uptime SLA; only the free tier exists.',
    fix: "Remove skuTier or set it to 'Free'.",
    suppressible: false,
    checkProps: knobs([
      { path: 'skuTier', ok: (v) => v === 'Free', allowed: "'Free'", message: 'Azure Stack Hub has no uptime SLA tier.' },
    ]),
  },
  {
    id: 'HUB018',
    title: 'Calico or another unsupported network policy',
    severity: 'error',
    source: 'Feature table: Calico network policy: No',
    why: 'Calico is not available on Hub AKS.',
    fix: "Remove network.policy or set it to 'azure'.",
    suppressible: false,
    checkProps: knobs([
      {
        path: 'network.policy',
        ok: (v) => v === 'azure',
        allowed: "'azure' or not set",
        message: 'Azure Stack Hub supports no network policy but Azure network policy; Calico is not available.',
      },
    ]),
  },
  {
    id: 'HUB020',
    title: 'More than 50 nodes per subscription',
    severity: 'error',
    source: 'aks-known-issues.md: "The AKS service is limited to 50 nodes per subscription"',
    why: 'The Hub AKS resource provider refuses nodes beyond 50 in one subscription.',
    fix: 'Lower nodePool.count, or spread clusters over subscriptions.',
    suppressible: false,
    checkSpec: (spec) =>
      isConcrete(spec.nodePool.count) && spec.nodePool.count > MAX_NODES_PER_SUBSCRIPTION
        ? [{ path: 'nodePool.count', value: spec.nodePool.count, allowed: `at most ${MAX_NODES_PER_SUBSCRIPTION}`, message: 'Azure Stack Hub allows at most 50 AKS nodes per subscription.' }]
        : [],
  },
  {
    id: 'HUB024',
    title: 'Other add-ons',
    severity: 'error',
    source: 'aks-commands.md: `az aks enable-addons` is not supported on Hub',
    why: 'The Hub AKS resource provider offers no add-ons.',
    fix: 'Remove the add-on and install the equivalent with Helm.',
    suppressible: false,
    checkProps: addonFindings('HUB024'),
  },
  {
    id: 'HUB102',
    title: 'Secret given as a literal string',
    severity: 'error',
    source: 'Security: a literal would be written in plain text to cdk.tf.json',
    why: 'Anything in props is written to cdk.tf.json and the state; a secret must come from a sensitive variable.',
    fix: "Leave the secret unset (the construct creates a sensitive variable), or pass a token such as new TerraformVariable(this, 'secret', { sensitive: true }).stringValue.",
    suppressible: false,
    checkProps: (props) =>
      ['servicePrincipal.clientSecret', 'windowsProfile.adminPassword'].flatMap((path) => {
        const value = valueAt(props, path);
        return typeof value === 'string' && !Token.isUnresolved(value)
          ? [{ path, value, secret: true, allowed: 'a token (sensitive TerraformVariable) or not set', message: 'A secret must not be a literal string.' }]
          : [];
      }),
  },
  {
    id: 'HUB103',
    title: 'Kubernetes version the stamp does not offer',
    severity: 'error',
    source: 'aks-support.md: "the highest Kubernetes version supported is 1.20.7"',
    why: 'The Hub AKS resource provider only deploys the versions its operator has installed.',
    fix: "Use a version from `az aks get-versions` on the stamp; if it offers more than the library knows, add them with HubStack's hub.kubernetesVersions: { add: ['1.x.y'] }.",
    suppressible: false,
    checkSpec: (spec, stamp) =>
      isConcrete(spec.kubernetesVersion) && !stamp.kubernetesVersions.includes(spec.kubernetesVersion)
        ? [{ path: 'kubernetesVersion', value: spec.kubernetesVersion, allowed: stamp.kubernetesVersions.map((v) => `'${v}'`).join(', '), message: 'The stamp does not offer this Kubernetes version.' }]
        : [],
  },
  {
    id: 'HUB104',
    title: 'Missing OS profile for the node OS',
    severity: 'error',
    source: 'managedClusters 2020-11-01: linuxProfile for Linux nodes; aks-how-to-use-cli.md Windows example',
    why: 'Linux nodes need an admin SSH key; Windows nodes need a Windows admin profile.',
    fix: 'Give linuxProfile.sshPublicKey for Linux nodes, or windowsProfile for Windows nodes.',
    suppressible: false,
    checkSpec: (spec) => {
      if (spec.nodePool.osType === 'Linux' && !spec.linuxProfile)
        return [{ path: 'linuxProfile', value: undefined, allowed: '{ sshPublicKey: "ssh-rsa ..." }', message: 'A Linux node pool needs linuxProfile.' }];
      if (spec.nodePool.osType === 'Windows' && !spec.windowsProfile)
        return [{ path: 'windowsProfile', value: undefined, allowed: '{ adminUsername?, adminPassword? }', message: 'A Windows node pool needs windowsProfile.' }];
      return [];
    },
  },
  {
    id: 'HUB105',
    title: 'Windows nodes without Azure CNI',
    severity: 'error',
    source: 'aks-how-to-use-cli.md: the Windows example uses `--network-plugin azure`',
    why: 'Windows node pools need Azure CNI.',
    fix: "Set network.plugin to 'azure' (the default).",
    suppressible: false,
    checkSpec: (spec) =>
      spec.nodePool.osType === 'Windows' && spec.network.plugin !== 'azure'
        ? [{ path: 'network.plugin', value: spec.network.plugin, allowed: "'azure'", message: 'Windows nodes need Azure CNI.' }]
        : [],
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
  },
  {
    id: 'HUB107',
    title: 'Node count below one',
    severity: 'error',
    source: 'managedClusters 2020-11-01: system pool count "in the range of 1 to 100"',
    why: 'The single pool is the system pool and needs at least one node.',
    fix: 'Set nodePool.count to at least 1.',
    suppressible: false,
    checkSpec: (spec) =>
      isConcrete(spec.nodePool.count) && spec.nodePool.count < 1
        ? [{ path: 'nodePool.count', value: spec.nodePool.count, allowed: 'from 1 to 50', message: 'The system node pool needs at least one node.' }]
        : [],
  },
  {
    id: 'HUB200',
    title: 'Malformed address range or IP',
    severity: 'error',
    source: 'azure-stack-network-differences.md: IPv4 only',
    why: 'Every range must be an IPv4 CIDR in canonical form, and every IP an IPv4 address, or the deployment fails.',
    fix: 'Write ranges as a.b.c.d/n with the host bits zero (for example 10.240.0.0/20) and IPs as a.b.c.d.',
    suppressible: false,
    checkSpec: (spec) => {
      const n = spec.network;
      const ranges: [string, string][] = [
        ['network.serviceCidr', n.serviceCidr],
        ['network.dockerBridgeCidr', n.dockerBridgeCidr],
        ...(n.podCidr !== undefined ? [['network.podCidr', n.podCidr] as [string, string]] : []),
        ...(n.subnet.kind === 'new'
          ? [...n.subnet.addressSpace.map((a, i): [string, string] => [`network.vnet.addressSpace.${i}`, a]), ['network.vnet.subnetPrefix', n.subnet.subnetPrefix] as [string, string]]
          : []),
      ];
      const findings: Finding[] = [];
      for (const [path, text] of ranges) {
        if (!isConcrete(text)) continue;
        const c = parseCidr(text);
        // The docker bridge is a gateway address with its prefix (172.17.0.1/16), so its host bits are allowed.
        if (!c) findings.push({ path, value: text, allowed: 'an IPv4 CIDR such as 10.240.0.0/20', message: 'This is not an IPv4 address range.' });
        else if (path !== 'network.dockerBridgeCidr' && c.canonical !== text)
          findings.push({ path, value: text, allowed: `'${c.canonical}'`, message: 'The range has host bits set.', fix: `Write '${c.canonical}'.` });
      }
      if (isConcrete(n.dnsServiceIp) && parseIp(n.dnsServiceIp) === undefined)
        findings.push({ path: 'network.dnsServiceIp', value: n.dnsServiceIp, allowed: 'an IPv4 address such as 10.0.0.10', message: 'This is not an IPv4 address.' });
      return findings;
    },
  },
  {
    id: 'HUB201',
    title: 'Node subnet outside the VNET',
    severity: 'error',
    source: 'ARM: a subnet prefix must lie inside its virtual network address space',
    why: 'The VNET deployment fails when the subnet is not inside the address space.',
    fix: 'Choose a subnetPrefix inside network.vnet.addressSpace.',
    suppressible: false,
    checkSpec: (spec) => {
      const s = spec.network.subnet;
      if (s.kind !== 'new') return [];
      const subnet = parseCidr(s.subnetPrefix);
      const spaces = s.addressSpace.map(parseCidr);
      if (!subnet || spaces.some((x) => !x)) return [];
      return spaces.some((space) => space && cidrContains(space, subnet))
        ? []
        : [{ path: 'network.vnet.subnetPrefix', value: s.subnetPrefix, allowed: `inside ${s.addressSpace.join(', ')}`, message: 'The node subnet lies outside the VNET address space.' }];
    },
  },
  {
    id: 'HUB203',
    title: 'DNS service IP outside the service range',
    severity: 'error',
    source: 'managedClusters 2020-11-01: dnsServiceIP "must be within the Kubernetes service address range"',
    why: 'The cluster DNS service gets its address from the service range.',
    fix: 'Choose a dnsServiceIp inside serviceCidr, not its first address (for example x.x.0.10).',
    suppressible: false,
    checkSpec: (spec) => {
      const range = parseCidr(spec.network.serviceCidr);
      const ip = parseIp(spec.network.dnsServiceIp);
      if (!range || ip === undefined) return [];
      const inside = ip > range.first + 1n && ip < range.last;
      return inside
        ? []
        : [{ path: 'network.dnsServiceIp', value: spec.network.dnsServiceIp, allowed: `an address inside ${spec.network.serviceCidr} other than its network, first and broadcast addresses`, message: 'The DNS service IP must lie inside the service range.' }];
    },
  },
  {
    id: 'HUB204',
    title: 'Node subnet too small',
    severity: 'error',
    source: 'aks-how-to-use-cli.md: with Azure CNI "every pod gets an IP address from the subnet"',
    why: 'With Azure CNI the subnet holds (nodes + 1) × (maxPods + 1) addresses plus five Azure reserves; with kubenet, the nodes.',
    fix: 'Use a larger subnetPrefix, fewer nodes, or fewer maxPods.',
    suppressible: false,
    checkSpec: (spec) => {
      const s = spec.network.subnet;
      if (s.kind !== 'new' || !isConcrete(spec.nodePool.count) || !isConcrete(spec.nodePool.maxPods)) return [];
      const subnet = parseCidr(s.subnetPrefix);
      if (!subnet) return [];
      const need = requiredSubnetAddresses(spec);
      return need <= subnet.size
        ? []
        : [{ path: 'network.vnet.subnetPrefix', value: s.subnetPrefix, allowed: `a subnet with at least ${need} addresses`, message: `The subnet has ${subnet.size} addresses but the pool needs ${need}.` }];
    },
  },
];
