import { azureOnly, field, oneOf } from '../checks';
import type { RuleChecks } from '../rule';

const BASIC_ONLY = 'Azure Stack Hub supports only the basic load balancer.';

export const LOAD_BALANCER_RULES: readonly RuleChecks[] = [
  {
    id: 'HUB001',
    // Unset, the SKU is standard both in azurerm and in the 2020-11-01 API.
    check: (m, ctx) =>
      m.network.loadBalancerSku === undefined
        ? [{ path: ctx.name('network.loadBalancerSku'), value: undefined, allowed: "'basic', set explicitly", message: `${BASIC_ONLY} Left unset, it defaults to standard.` }]
        : field(ctx, 'network.loadBalancerSku', m.network.loadBalancerSku, oneOf('basic'), "'basic'", BASIC_ONLY),
  },
  {
    id: 'HUB002',
    check: (m, ctx) => [
      ...azureOnly(m, 'loadBalancerProfile', 'Load balancer profiles (managed outbound IP count, outbound IPs) need the standard load balancer.'),
      ...azureOnly(m, 'natGateway', 'Azure Stack Hub has no NAT gateway.'),
      ...field(ctx, 'network.outboundType', m.network.outboundType, oneOf('loadBalancer'), "'loadBalancer'", 'Only load balancer outbound is available on Azure Stack Hub.'),
    ],
  },
  {
    id: 'HUB026',
    resources: {
      azurestack_lb: (a) =>
        a.sku === undefined || oneOf('Basic')(a.sku)
          ? []
          : [{ path: 'sku', value: a.sku, allowed: "'Basic' (or 'Standard' on release 2406 and later)", message: 'The Standard load balancer needs Azure Stack Hub release 2406 or later.' }],
    },
  },
];
