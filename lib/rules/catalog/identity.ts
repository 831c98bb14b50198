import { absent, onManagedCluster, paths } from '../checks';
import { type HubRule, valueAt } from '../rule';

const NO_MSI = 'Azure Stack Hub has no managed identity; clusters run as a service principal.';

export const IDENTITY_RULES: readonly HubRule[] = [
  {
    id: 'HUB003',
    title: 'Managed identity',
    severity: 'error',
    source: 'aks-overview.md: "Azure Stack Hub doesn\'t support managed identities yet; service principal credentials are always needed."',
    why: 'A Hub cluster always runs as a service principal; there is no managed identity, kubelet identity included.',
    fix: 'Remove the identity settings and give a service principal (client id and secret).',
    suppressible: false,
    checkProps: paths([
      { path: 'identity', ok: (v) => valueAt(v, 'type') === 'None', allowed: 'not set (a service principal is used)', message: NO_MSI },
      { path: 'kubeletIdentity', ok: absent, allowed: 'not set', message: 'Azure Stack Hub has no kubelet managed identity.' },
    ]),
    resources: {
      azurerm_kubernetes_cluster: (a) => [
        ...paths([
          { path: 'identity', ok: absent, allowed: 'not set; use service_principal', message: NO_MSI },
          { path: 'kubelet_identity', ok: absent, allowed: 'not set', message: 'Azure Stack Hub has no kubelet managed identity.' },
        ])(a),
        ...(valueAt(a, 'identity') === undefined && valueAt(a, 'service_principal') === undefined
          ? [{ path: 'service_principal', value: undefined, allowed: '{ client_id, client_secret }', message: 'A Hub cluster needs a service principal.' }]
          : []),
      ],
      azurerm_user_assigned_identity: (a) => [{ path: '(resource)', value: valueAt(a, 'name') ?? 'azurerm_user_assigned_identity', allowed: 'no such resource on Azure Stack Hub', message: NO_MSI }],
    },
    checkArm: onManagedCluster(
      paths([
        { path: 'identity.type', ok: (v) => v === 'None', allowed: "'None' or not set", message: NO_MSI },
        { path: 'properties.identityProfile', ok: absent, allowed: 'not set', message: 'Azure Stack Hub has no kubelet managed identity.' },
      ]),
    ),
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
    fix: 'Remove the Azure AD settings; use Kubernetes RBAC (enableRbac) with certificate or token users.',
    suppressible: false,
    checkProps: paths([{ path: 'aadProfile', ok: absent, allowed: 'not set', message: 'Azure Stack Hub has no Azure AD integration for AKS.' }]),
    resources: {
      azurerm_kubernetes_cluster: paths([
        { path: 'azure_active_directory_role_based_access_control', ok: absent, allowed: 'not set; role_based_access_control_enabled = true is fine', message: 'Azure Stack Hub has no Azure AD integration for AKS.' },
        { path: 'local_account_disabled', ok: (v) => v === false, allowed: 'false or not set', message: 'Disabling local accounts needs Azure AD integration.' },
      ]),
    },
    checkArm: onManagedCluster(
      paths([
        { path: 'properties.aadProfile', ok: absent, allowed: 'not set', message: 'Azure Stack Hub has no Azure AD integration for AKS.' },
      ]),
    ),
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
