import { azureOnly, unavailable } from '../checks';
import type { HubRule } from '../rule';

const NO_MSI = 'Azure Stack Hub has no managed identity; clusters run as a service principal.';

export const IDENTITY_RULES: readonly HubRule[] = [
  {
    id: 'HUB003',
    title: 'Managed identity',
    severity: 'error',
    source: 'aks-overview.md: "Azure Stack Hub doesn\'t support managed identities yet; service principal credentials are always needed."',
    why: 'A Hub cluster always runs as a service principal; there is no managed identity, kubelet identity included.',
    fix: 'Remove the identity settings and give a service principal ({servicePrincipal}).',
    suppressible: false,
    check: (m, ctx) => {
      const msi = azureOnly(m, 'managedIdentity', NO_MSI);
      const missing = m.servicePrincipal === undefined && msi.length === 0;
      return [
        ...msi,
        ...azureOnly(m, 'kubeletIdentity', 'Azure Stack Hub has no kubelet managed identity.'),
        ...(missing ? [{ path: ctx.name('servicePrincipal'), value: undefined, allowed: 'a service principal (client id and secret)', message: 'A Hub cluster needs a service principal.' }] : []),
      ];
    },
    resources: { azurerm_user_assigned_identity: unavailable('azurerm_user_assigned_identity', NO_MSI) },
    examples: {
      fail: [
        { props: { identity: { type: 'SystemAssigned' } } },
        { props: { kubeletIdentity: { clientId: 'x' } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { identity: { type: 'SystemAssigned' }, network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { identity: { type: 'SystemAssigned' } } },
      ],
      pass: [
        { props: { identity: { type: 'None' } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { service_principal: { client_id: 'c', client_secret: '${var.s}' }, network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { identity: { type: 'None' } } },
      ],
    },
  },
  {
    id: 'HUB010',
    title: 'Azure AD (Entra ID) integration',
    severity: 'error',
    source: 'Feature table: Microsoft Entra (Azure AD) auth/RBAC: No',
    why: 'Hub clusters support Kubernetes RBAC but not Azure AD or AD FS integration.',
    fix: 'Remove the Azure AD settings; use Kubernetes RBAC ({enableRbac}) with certificate or token users.',
    suppressible: false,
    check: (m) => [
      ...azureOnly(m, 'aad', 'Azure Stack Hub has no Azure AD integration for AKS.'),
      ...azureOnly(m, 'localAccountsDisabled', 'Disabling local accounts needs Azure AD integration.'),
    ],
    examples: {
      fail: [
        { props: { aadProfile: { managed: true } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { azure_active_directory_role_based_access_control: { azure_rbac_enabled: true }, network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { properties: { aadProfile: { managed: true } } } },
      ],
      pass: [
        { props: { enableRbac: true } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { role_based_access_control_enabled: true, network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { properties: { enableRBAC: true } } },
      ],
    },
  },
];
