import { azureOnly, unavailable } from '../checks';
import type { RuleChecks } from '../rule';

const NO_MSI = 'Azure Stack Hub has no managed identity; clusters run as a service principal.';

export const IDENTITY_RULES: readonly RuleChecks[] = [
  {
    id: 'HUB003',
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
  },
  {
    id: 'HUB010',
    check: (m) => [
      ...azureOnly(m, 'aad', 'Azure Stack Hub has no Azure AD integration for AKS.'),
      ...azureOnly(m, 'localAccountsDisabled', 'Disabling local accounts needs Azure AD integration.'),
    ],
  },
  {
    id: 'HUB028',
    check: (m) => [
      ...azureOnly(m, 'oidcIssuer', 'The Hub AKS resource provider has no OIDC issuer: api-version 2020-11-01 has no oidcIssuerProfile.'),
      ...azureOnly(m, 'workloadIdentity', 'Workload identity needs the OIDC issuer and Entra ID, which Hub AKS lacks: api-version 2020-11-01 has no securityProfile.'),
    ],
  },
];
