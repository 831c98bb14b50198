import { azureOnly, field, oneOf } from '../checks';
import type { HubRule } from '../rule';

const BASIC_ONLY = 'Azure Stack Hub supports only the basic load balancer.';

export const LOAD_BALANCER_RULES: readonly HubRule[] = [
  {
    id: 'HUB001',
    title: 'Standard load balancer',
    severity: 'error',
    source: 'aks-overview.md: "No Standard Load Balancer. Azure Stack Hub only supports the basic load balancer."',
    why: 'The Hub AKS resource provider only deploys the basic load balancer.',
    fix: "Set {network.loadBalancerSku} to 'basic'.",
    suppressible: false,
    // Unset, the SKU is standard both in azurerm and in the 2020-11-01 API.
    check: (m, ctx) =>
      m.network.loadBalancerSku === undefined
        ? [{ path: ctx.name('network.loadBalancerSku'), value: undefined, allowed: "'basic', set explicitly", message: `${BASIC_ONLY} Left unset, it defaults to standard.` }]
        : field(ctx, 'network.loadBalancerSku', m.network.loadBalancerSku, oneOf('basic'), "'basic'", BASIC_ONLY),
    examples: {
      fail: [
        { props: { loadBalancerSku: 'standard' } },
        { props: { network: { loadBalancerSku: 'Standard' } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { network_profile: { network_plugin: 'azure' } } } },
        { arm: { properties: { networkProfile: { loadBalancerSku: 'standard' } } } },
      ],
      pass: [
        { props: { loadBalancerSku: 'basic', network: { loadBalancerSku: 'basic' } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { network_profile: { network_plugin: 'azure', load_balancer_sku: 'basic' } } } },
        { arm: { properties: { networkProfile: { loadBalancerSku: 'basic' } } } },
      ],
    },
  },
  {
    id: 'HUB002',
    title: 'Load balancer profile and outbound settings',
    severity: 'error',
    source: 'aks-overview.md: "No parameter for load balancer managed IP count" (needs the standard load balancer)',
    why: 'Managed outbound IPs, outbound IPs and prefixes, NAT gateways and user-defined outbound routing need the standard load balancer.',
    fix: 'Remove the load balancer profile and the outbound type; outbound traffic uses the basic load balancer.',
    suppressible: false,
    check: (m, ctx) => [
      ...azureOnly(m, 'loadBalancerProfile', 'Load balancer profiles (managed outbound IP count, outbound IPs) need the standard load balancer.'),
      ...azureOnly(m, 'natGateway', 'Azure Stack Hub has no NAT gateway.'),
      ...field(ctx, 'network.outboundType', m.network.outboundType, oneOf('loadBalancer'), "'loadBalancer'", 'Only load balancer outbound is available on Azure Stack Hub.'),
    ],
    examples: {
      fail: [
        { props: { network: { loadBalancerProfile: { managedOutboundIPs: { count: 2 } } } } },
        { props: { network: { outboundType: 'userDefinedRouting' } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { network_profile: { load_balancer_sku: 'basic', load_balancer_profile: { managed_outbound_ip_count: 2 } } } } },
        { arm: { properties: { networkProfile: { loadBalancerProfile: { managedOutboundIPs: { count: 2 } } } } } },
      ],
      pass: [
        { props: { network: { outboundType: 'loadBalancer' } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { network_profile: { load_balancer_sku: 'basic', outbound_type: 'loadBalancer' } } } },
        { arm: { properties: { networkProfile: { outboundType: 'loadBalancer' } } } },
      ],
    },
  },
  {
    id: 'HUB026',
    title: 'Standard load balancer for IaaS on older stamps',
    severity: 'warning',
    source: 'standard-load-balancer-considerations.md: the Standard SKU exists for IaaS from Hub release 2406',
    why: 'Stamps before release 2406 only have the basic load balancer; on newer stamps Standard works for IaaS, never for AKS.',
    fix: "Check the stamp's release (2406 or later), or set sku = 'Basic'.",
    suppressible: true,
    resources: {
      azurestack_lb: (a) =>
        a.sku === undefined || oneOf('Basic')(a.sku)
          ? []
          : [{ path: 'sku', value: a.sku, allowed: "'Basic' (or 'Standard' on release 2406 and later)", message: 'The Standard load balancer needs Azure Stack Hub release 2406 or later.' }],
    },
    examples: {
      fail: [{ resource: { type: 'azurestack_lb', attributes: { name: 'lb', sku: 'Standard' } } }],
      pass: [{ resource: { type: 'azurestack_lb', attributes: { name: 'lb', sku: 'Basic' } } }],
    },
  },
];
