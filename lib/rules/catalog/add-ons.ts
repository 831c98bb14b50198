import type { ClusterModel } from '../../model/cluster-model';
import { unavailable } from '../checks';
import type { RuleChecks, RuleHit } from '../rule';

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

export const ADD_ON_RULES: readonly RuleChecks[] = [
  {
    id: 'HUB011',
    check: addons('HUB011'),
    resources: {
      azurerm_log_analytics_workspace: unavailable('azurerm_log_analytics_workspace', 'Azure Stack Hub has no Log Analytics.'),
    },
  },
  {
    id: 'HUB012',
    check: addons('HUB012'),
    resources: {
      azurerm_container_group: unavailable('azurerm_container_group', 'Azure Stack Hub has no Azure Container Instances.'),
    },
  },
  {
    id: 'HUB013',
    check: addons('HUB013'),
  },
  {
    id: 'HUB014',
    check: addons('HUB014'),
  },
  {
    id: 'HUB024',
    check: addons('HUB024'),
  },
];
