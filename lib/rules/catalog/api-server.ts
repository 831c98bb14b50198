import { azureOnly } from '../checks';
import type { RuleChecks } from '../rule';

const NO_PRIVATE = 'Azure Stack Hub has no private clusters.';
const NO_RANGES = 'Azure Stack Hub does not support API server authorized IP ranges.';

export const API_SERVER_RULES: readonly RuleChecks[] = [
  {
    id: 'HUB008',
    check: (m) => azureOnly(m, 'privateCluster', NO_PRIVATE),
  },
  {
    id: 'HUB009',
    check: (m) => azureOnly(m, 'authorizedIpRanges', NO_RANGES),
  },
];
