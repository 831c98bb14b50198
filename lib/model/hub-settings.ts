import * as z from 'zod/mini';
import { API_PROFILES, type ApiProfile } from '../profile/api-versions';
import type { CatalogOverride } from '../profile/stamp';
import type { KeyMismatch } from './props-schema';

/** How the stamp authenticates users and service principals. */
export type IdentitySystem = 'azure_ad' | 'adfs';

/** The Azure Stack Hub stamp a stack deploys to. */
export interface HubSettings {
  /** The stamp's Resource Manager endpoint, e.g. `https://management.local.azurestack.external`. */
  readonly armEndpoint: string;
  /** The stamp's region name, e.g. `local`. */
  readonly location: string;
  /**
   * The stamp's identity system. With `adfs` (disconnected stamps) the provider's tenant is `adfs`.
   * @default 'azure_ad'
   */
  readonly identitySystem?: IdentitySystem;
  /**
   * The API profile every api-version comes from.
   * @default '2020-09-01-hybrid'
   */
  readonly apiProfile?: ApiProfile;
  /**
   * Kubernetes versions the stamp offers, when they differ from the library's list.
   * @default the versions the Hub docs name ('1.20.7')
   */
  readonly kubernetesVersions?: CatalogOverride;
  /**
   * VM sizes the stamp offers, when they differ from the library's list.
   * @default the sizes in the Hub VM size docs
   */
  readonly vmSizes?: CatalogOverride;
  /**
   * The subscription the stack deploys to. Pins the provider to it, and lets the 50-nodes-per-
   * subscription check (HUB020) tell subscriptions apart. It is an id, not a credential.
   * @default the subscription ARM_SUBSCRIPTION_ID names at deploy time; stacks without one are counted together
   */
  readonly subscriptionId?: string;
}

/** A refinement that reports with its own rule id. */
const refined = (ok: (v: string) => boolean, ruleId: string, allowed: string, message: string) => z.string().check(z.refine(ok, { message, params: { ruleId, allowed } }));

const https = (v: string): boolean => {
  try {
    const url = new URL(v);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
};

const catalog = z.strictObject({ add: z.optional(z.array(z.string())), replace: z.optional(z.array(z.string())) });

/** Run-time schema of `HubSettings`: the same machinery as the cluster props, with each setting's rule. */
export const hubSettingsSchema = z.strictObject({
  armEndpoint: refined(https, 'HUB110', "an https URL such as 'https://management.local.azurestack.external'", 'The Resource Manager endpoint must be an https URL.'),
  location: refined((v) => /^[a-z0-9][a-z0-9-]*$/i.test(v), 'HUB111', "a region name such as 'local'", "The location must be the stamp's region name."),
  identitySystem: z.optional(z.enum(['azure_ad', 'adfs'], { error: 'Unknown identity system.' })),
  apiProfile: z.optional(z.enum(API_PROFILES as unknown as [ApiProfile, ...ApiProfile[]], { error: 'This API profile has no AKS api-version.' })),
  kubernetesVersions: z.optional(catalog),
  vmSizes: z.optional(catalog),
  subscriptionId: z.optional(refined((v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v), 'HUB100', 'a subscription id (GUID)', 'The subscription id must be a GUID.')),
});

/** Rules of settings whose type check is their rule: an enum that is not a generic type error. */
export const HUB_SETTING_RULES: Readonly<Record<string, string>> = { identitySystem: 'HUB114', apiProfile: 'HUB112', armEndpoint: 'HUB110', location: 'HUB111' };

/** Fails to compile, naming the paths, when `HubSettings` and `hubSettingsSchema` drift apart. */
export const HUB_SETTINGS_SCHEMA_MATCHES_INTERFACE: [KeyMismatch<HubSettings, z.input<typeof hubSettingsSchema>>] extends [never] ? true : KeyMismatch<HubSettings, z.input<typeof hubSettingsSchema>> = true;
