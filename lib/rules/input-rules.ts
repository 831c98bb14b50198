import type { RuleInfo } from './rule';

/**
 * Rules reported by the validation pipeline itself (shape checks, stack settings) rather than
 * by a check function of their own.
 */
export const INPUT_RULES = {
  invalidValue: {
    id: 'HUB100',
    title: 'Property of the wrong type or shape',
    severity: 'error',
    source: 'Library: HubAksClusterProps',
    why: 'A value of the wrong type would produce a template the Hub rejects, or crash synthesis.',
    fix: 'Give the property the type its TSDoc names.',
    suppressible: false,
  },
  unknownProperty: {
    id: 'HUB101',
    title: 'Unknown property',
    severity: 'error',
    source: 'Library: HubAksClusterProps',
    why: 'An unknown property is usually a typo; ignoring it silently would deploy something other than what was asked.',
    fix: 'Remove the property or correct its spelling.',
    suppressible: false,
  },
  armEndpoint: {
    id: 'HUB110',
    title: 'Resource Manager endpoint is not an https URL',
    severity: 'error',
    source: 'azurestack provider: metadata_host is the host of the ARM endpoint, e.g. https://management.local.azurestack.external',
    why: "The provider discovers the stamp's environment from this host.",
    fix: "Set hub.armEndpoint to the stamp's Resource Manager URL, e.g. 'https://management.local.azurestack.external'.",
    suppressible: false,
  },
  location: {
    id: 'HUB111',
    title: 'Missing or malformed location',
    severity: 'error',
    source: 'aks-overview.md: "--location is the customer\'s own region name"',
    why: 'Every Hub resource is created in the stamp\'s own region, such as `local`.',
    fix: "Set hub.location to the stamp's region name (`az account list-locations` on the stamp).",
    suppressible: false,
  },
  apiProfile: {
    id: 'HUB112',
    title: 'Unsupported API profile',
    severity: 'error',
    source: 'azure-cli _shared.py: only 2020-09-01-hybrid maps Microsoft.ContainerService (2020-11-01)',
    why: 'Older hybrid profiles have no AKS api-version.',
    fix: "Remove hub.apiProfile or set it to '2020-09-01-hybrid'.",
    suppressible: false,
  },
  outsideHubStack: {
    id: 'HUB113',
    title: 'Cluster outside a HubStack',
    severity: 'error',
    source: 'Library: HubAksCluster reads the stamp settings from its HubStack',
    why: 'Only a HubStack configures the azurestack provider for the stamp and applies the Hub checks.',
    fix: 'Create the cluster inside a HubStack.',
    suppressible: false,
  },
  identitySystem: {
    id: 'HUB114',
    title: 'Unknown identity system',
    severity: 'error',
    source: "aks-overview.md: service principals come from Microsoft Entra ID or AD FS",
    why: 'A Hub stamp authenticates with Azure AD or, when disconnected, AD FS.',
    fix: "Set hub.identitySystem to 'azure_ad' or 'adfs'.",
    suppressible: false,
  },
  secretVariable: {
    id: 'HUB115',
    title: 'Secret variable with a default or not sensitive',
    severity: 'error',
    source: 'Security: no secret value is ever written to cdk.tf.json',
    why: "A variable's default is written to cdk.tf.json, and a non-sensitive variable's value is printed by terraform plan.",
    fix: 'Declare the variable with sensitive: true and no default; set it with TF_VAR_<name> at deploy time.',
    suppressible: false,
  },
} as const satisfies Record<string, RuleInfo>;
