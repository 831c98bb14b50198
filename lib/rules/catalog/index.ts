import type { RuleChecks } from '../rule';
import { ADD_ON_RULES } from './add-ons';
import { ENGINE_RULES } from './aks-engine';
import { API_SERVER_RULES } from './api-server';
import { CHANGE_RULES, DRIFT_RULES } from './changes';
import { CLUSTER_SHAPE_RULES } from './cluster';
import { ENGINE_CHANGE_RULES } from './engine-changes';
import { IDENTITY_RULES } from './identity';
import { IN_CLUSTER_RULES } from './in-cluster';
import { LOAD_BALANCER_RULES } from './load-balancer';
import { NAME_RULES } from './names';
import { NETWORK_RULES } from './network';
import { NODE_POOL_RULES } from './node-pools';
import { PLATFORM_RULES } from './platform';
import { textOrder } from '../order';

/** The checks of every rule that has some, by rule; the rules' texts are in texts.json. */
export const RULE_CHECKS: readonly RuleChecks[] = Object.freeze(
  [
    ...LOAD_BALANCER_RULES,
    ...IDENTITY_RULES,
    ...NODE_POOL_RULES,
    ...API_SERVER_RULES,
    ...ADD_ON_RULES,
    ...PLATFORM_RULES,
    ...NETWORK_RULES,
    ...CLUSTER_SHAPE_RULES,
    ...NAME_RULES,
    ...IN_CLUSTER_RULES,
    ...CHANGE_RULES,
    ...DRIFT_RULES,
    ...ENGINE_RULES,
    ...ENGINE_CHANGE_RULES,
  ].sort((a, b) => textOrder(a.id, b.id)),
);

export { ADDON_RULES } from './add-ons';
export { requiredSubnetAddresses } from './network';
export { SHARED_ENGINE_PROPS_RULE_IDS, SHARED_ENGINE_RULE_IDS } from './aks-engine';
