import type { ClusterModel } from '../../model/cluster-model';
import { unavailable } from '../checks';
import type { HubRule, RuleHit } from '../rule';

/**
 * Add-on names (ARM `addonProfiles` keys and common spellings) and the rule that blocks each;
 * any other add-on falls to HUB024. Hub offers no add-on at all.
 */
export const ADDON_RULES: Readonly<Record<string, string>> = Object.freeze({
  omsagent: 'HUB011',
  omsAgent: 'HUB011',
  monitoring: 'HUB011',
  aciConnectorLinux: 'HUB012',
  virtualNode: 'HUB012',
  httpApplicationRouting: 'HUB013',
  azureMonitorMetrics: 'HUB011',
  azureDefender: 'HUB011',
  webAppRouting: 'HUB013',
  ingressApplicationGateway: 'HUB013',
  azurepolicy: 'HUB014',
  azurePolicy: 'HUB014',
});

const ruleOfAddon = (name: string): string => ADDON_RULES[name] ?? 'HUB024';

/** The model's enabled add-ons that belong to `ruleId`. */
function addons(ruleId: string) {
  return (m: ClusterModel): RuleHit[] =>
    m.azureOnly
      .filter((s) => s.feature === 'addon' && ruleOfAddon(s.addon ?? '') === ruleId)
      .map((s) => ({ path: s.path, value: s.value, allowed: 'no add-ons (none is available on Azure Stack Hub)', message: `The ${s.addon} add-on is not available on Azure Stack Hub.` }));
}

export const ADD_ON_RULES: readonly HubRule[] = [
  {
    id: 'HUB011',
    title: 'Monitoring add-on (Log Analytics / OMS agent)',
    severity: 'error',
    source: 'Feature table: Integrated Azure monitoring (Insights, Logs, Metrics, Alerts): No',
    why: 'There is no Log Analytics or Container Monitor on Azure Stack Hub.',
    fix: 'Remove the monitoring add-on and Log Analytics; use diagnostic settings, or run Prometheus in the cluster.',
    suppressible: false,
    check: addons('HUB011'),
    resources: {
      azurerm_log_analytics_workspace: unavailable('azurerm_log_analytics_workspace', 'Azure Stack Hub has no Log Analytics.'),
    },
    examples: {
      fail: [
        { props: { addons: { omsagent: { enabled: true } } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { oms_agent: { log_analytics_workspace_id: 'w' }, network_profile: { load_balancer_sku: 'basic' } } } },
        { resource: { type: 'azurerm_log_analytics_workspace', attributes: { name: 'logs', sku: 'PerGB2018' } } },
        { arm: { properties: { addonProfiles: { omsagent: { enabled: true } } } } },
      ],
      pass: [{ props: { addons: {} } }, { arm: { properties: { addonProfiles: { omsagent: { enabled: false } } } } }],
    },
  },
  {
    id: 'HUB012',
    title: 'ACI virtual node (connector)',
    severity: 'error',
    source: 'Feature table: ACI integration and virtual nodes: No',
    why: 'Azure Container Instances do not exist on Azure Stack Hub.',
    fix: 'Remove the virtual node add-on and container groups; scale the node pool instead.',
    suppressible: false,
    check: addons('HUB012'),
    resources: {
      azurerm_container_group: unavailable('azurerm_container_group', 'Azure Stack Hub has no Azure Container Instances.'),
    },
    examples: {
      fail: [
        { props: { addons: { aciConnectorLinux: { enabled: true } } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { aci_connector_linux: { subnet_name: 'aci' }, network_profile: { load_balancer_sku: 'basic' } } } },
        { resource: { type: 'azurerm_container_group', attributes: { name: 'cg', os_type: 'Linux' } } },
        { arm: { properties: { addonProfiles: { aciConnectorLinux: { enabled: true } } } } },
      ],
      pass: [{ props: { addons: { aciConnectorLinux: { enabled: false } } } }],
    },
  },
  {
    id: 'HUB013',
    title: 'HTTP application routing',
    severity: 'error',
    source: 'Feature table: HTTP ingress: No',
    why: 'The HTTP application routing add-on is not available on Azure Stack Hub.',
    fix: 'Remove the add-on; install an ingress controller (for example ingress-nginx) with Helm.',
    suppressible: false,
    check: addons('HUB013'),
    examples: {
      fail: [
        { props: { addons: { httpApplicationRouting: { enabled: true } } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { http_application_routing_enabled: true, network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { properties: { addonProfiles: { httpApplicationRouting: { enabled: true } } } } },
      ],
      pass: [{ resource: { type: 'azurerm_kubernetes_cluster', attributes: { http_application_routing_enabled: false, network_profile: { load_balancer_sku: 'basic' } } } }],
    },
  },
  {
    id: 'HUB014',
    title: 'Azure Policy add-on',
    severity: 'error',
    source: 'aks-commands.md: no enable-addons on Hub; aks-engine-azurestack disables azure-policy on Azure Stack',
    why: 'The Azure Policy add-on is not offered by the Hub AKS resource provider.',
    fix: 'Remove the add-on; run Gatekeeper in the cluster if you need admission policies.',
    suppressible: false,
    check: addons('HUB014'),
    examples: {
      fail: [
        { props: { addons: { azurepolicy: { enabled: true } } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { azure_policy_enabled: true, network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { properties: { addonProfiles: { azurepolicy: { enabled: true } } } } },
      ],
      pass: [{ resource: { type: 'azurerm_kubernetes_cluster', attributes: { azure_policy_enabled: false, network_profile: { load_balancer_sku: 'basic' } } } }],
    },
  },
  {
    id: 'HUB024',
    title: 'Other add-ons',
    severity: 'error',
    source: 'aks-commands.md: `az aks enable-addons` is not supported on Hub',
    why: 'The Hub AKS resource provider offers no add-ons.',
    fix: 'Remove the add-on and install the equivalent with Helm.',
    suppressible: false,
    check: addons('HUB024'),
    examples: {
      fail: [
        { props: { addons: { kubeDashboard: { enabled: true } } } },
        { resource: { type: 'azurerm_kubernetes_cluster', attributes: { key_vault_secrets_provider: { secret_rotation_enabled: true }, network_profile: { load_balancer_sku: 'basic' } } } },
        { arm: { properties: { addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true } } } } },
      ],
      pass: [{ props: { addons: {} } }],
    },
  },
];
