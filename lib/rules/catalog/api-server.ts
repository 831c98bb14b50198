import { azureOnly } from '../checks';
import type { HubRule } from '../rule';

const NO_PRIVATE = 'Azure Stack Hub has no private clusters.';
const NO_RANGES = 'Azure Stack Hub does not support API server authorized IP ranges.';

export const API_SERVER_RULES: readonly HubRule[] = [
  {
    id: 'HUB008',
    title: 'Private cluster',
    severity: 'error',
    source: 'aks-overview.md: "No parameter for enabling private cluster."',
    why: 'Private clusters need the standard load balancer and Private Link, which Hub lacks.',
    fix: 'Remove the private cluster setting; restrict access to the API server with network security groups instead.',
    suppressible: false,
    check: (m) => azureOnly(m, 'privateCluster', NO_PRIVATE),
    examples: {
      fail: [
        { props: { enablePrivateCluster: true } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { private_cluster_enabled: true, network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { properties: { apiServerAccessProfile: { enablePrivateCluster: true } } } },
      ],
      pass: [
        { props: { enablePrivateCluster: false } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { private_cluster_enabled: false, network_profile: { load_balancer_sku: 'basic' } } } },
      ],
    },
  },
  {
    id: 'HUB009',
    title: 'API server authorized IP ranges',
    severity: 'error',
    source: 'aks-overview.md: "No parameter for API server authorized IP ranges."',
    why: 'Authorized IP ranges need the standard load balancer.',
    fix: 'Remove the authorized IP ranges; filter API server traffic at the network edge instead.',
    suppressible: false,
    check: (m) => azureOnly(m, 'authorizedIpRanges', NO_RANGES),
    examples: {
      fail: [
        { props: { apiServerAuthorizedIpRanges: ['203.0.113.0/24'] } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { api_server_access_profile: { authorized_ip_ranges: ['203.0.113.0/24'] }, network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { properties: { apiServerAccessProfile: { authorizedIPRanges: ['203.0.113.0/24'] } } } },
      ],
      pass: [{ props: { apiServerAuthorizedIpRanges: [] } }, { arm: { properties: { apiServerAccessProfile: { authorizedIPRanges: [] } } } }],
    },
  },
];
