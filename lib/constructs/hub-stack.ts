import * as fs from 'node:fs';
import * as path from 'node:path';
import { AzurestackProvider } from '@cdktf/provider-azurestack/lib/provider';
import { AnnotationMetadataEntryType, Aspects, TerraformStack } from 'cdktf';
import type { IStackSynthesizer, ISynthesisSession } from 'cdktf';
import type { Construct, IConstruct } from 'constructs';
import { API_PROFILES, type ApiProfile } from '../profile/api-versions';
import { type CatalogOverride, type StampProfile, stampProfile } from '../profile/stamp';
import { INPUT_RULES } from '../rules/input-rules';
import { recordedSuppressions } from '../rules/suppressions';
import type { RuleInfo } from '../rules/rule';
import { HubValidationError, MASKED, type Violation } from '../rules/violation';
import { violationOf } from '../rules/violation-of';
import { HubComplianceAspect } from './compliance-aspect';
import { sameFramework } from './one-framework';
import { type NodeCount, type NodeCountSource, type SubscriptionKey, rawClusterNodeCounts, subscriptionNodeProblems } from './subscription-nodes';

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

/** Props of `HubStack`. */
export interface HubStackProps {
  /** The stamp to deploy to. Credentials are never props: they come from the `ARM_*` environment variables. */
  readonly hub: HubSettings;
}

/** Something that writes files beside the stack's `cdk.tf.json` at synth time. */
export interface StackArtifact {
  /** Path below `cdktf.out/stacks/<stack>/`. */
  readonly relativePath: string;
  /** The file's content; called once per synth. */
  readonly render: () => string;
}

const HUB_STACK = Symbol.for('cdktf-aks-hub.HubStack');

function check(rule: RuleInfo, pathName: string, value: unknown, allowed: string, message: string): Violation {
  return violationOf(rule, { path: pathName, value, allowed, message });
}

/** The settings `HubSettings` has; anything else is reported as an unknown property. */
export const HUB_SETTING_NAMES: readonly string[] = ['armEndpoint', 'location', 'identitySystem', 'apiProfile', 'kubernetesVersions', 'vmSizes', 'subscriptionId'];

function validateHub(hub: unknown): Violation[] {
  if (hub === null || typeof hub !== 'object') {
    return [check(INPUT_RULES.invalidValue, 'hub', hub, '{ armEndpoint, location }', 'hub settings are required.')];
  }
  const h = hub as Record<string, unknown>;
  const found: Violation[] = Object.keys(h)
    .filter((k) => !HUB_SETTING_NAMES.includes(k))
    .map((k) =>
      /client|secret|password|tenant|certificate|credential/i.test(k)
        ? {
            ...check(INPUT_RULES.unknownProperty, `hub.${k}`, undefined, HUB_SETTING_NAMES.join(', '), 'Credentials are never props: they would be written to cdk.tf.json.'),
            value: MASKED,
            fix: 'Remove it and set ARM_CLIENT_ID, ARM_CLIENT_SECRET and ARM_TENANT_ID in the environment of cdktf deploy.',
          }
        : check(INPUT_RULES.unknownProperty, `hub.${k}`, h[k], HUB_SETTING_NAMES.join(', '), `Unknown hub setting '${k}'.`),
    );
  let url: URL | undefined;
  try {
    url = typeof h.armEndpoint === 'string' ? new URL(h.armEndpoint) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || !url.hostname) {
    found.push(check(INPUT_RULES.armEndpoint, 'hub.armEndpoint', h.armEndpoint, "an https URL such as 'https://management.local.azurestack.external'", 'The Resource Manager endpoint must be an https URL.'));
  }
  if (typeof h.location !== 'string' || !/^[a-z0-9][a-z0-9-]*$/i.test(h.location)) {
    found.push(check(INPUT_RULES.location, 'hub.location', h.location, "a region name such as 'local'", 'The location must be the stamp\'s region name.'));
  }
  if (h.identitySystem !== undefined && h.identitySystem !== 'azure_ad' && h.identitySystem !== 'adfs') {
    found.push(check(INPUT_RULES.identitySystem, 'hub.identitySystem', h.identitySystem, "'azure_ad' or 'adfs'", 'Unknown identity system.'));
  }
  if (h.subscriptionId !== undefined && (typeof h.subscriptionId !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(h.subscriptionId))) {
    found.push(check(INPUT_RULES.invalidValue, 'hub.subscriptionId', h.subscriptionId, 'a subscription id (GUID)', 'The subscription id must be a GUID.'));
  }
  if (h.apiProfile !== undefined && !API_PROFILES.includes(h.apiProfile as ApiProfile)) {
    found.push(check(INPUT_RULES.apiProfile, 'hub.apiProfile', h.apiProfile, API_PROFILES.map((x) => `'${x}'`).join(', '), 'This API profile has no AKS api-version.'));
  }
  for (const key of ['kubernetesVersions', 'vmSizes'] as const) {
    const o = h[key];
    if (o === undefined) continue;
    const okList = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    if (o === null || typeof o !== 'object' || !okList((o as CatalogOverride).add) || !okList((o as CatalogOverride).replace)) {
      found.push(check(INPUT_RULES.invalidValue, `hub.${key}`, o, '{ add?: string[], replace?: string[] }', 'A catalog override lists strings to add or to replace the list with.'));
    }
  }
  return found;
}

/**
 * A Terraform stack that deploys to one Azure Stack Hub stamp. It configures the `azurestack`
 * provider for the stamp's Resource Manager endpoint and writes each cluster's ARM template beside
 * `cdk.tf.json`.
 */
export class HubStack extends TerraformStack implements NodeCountSource {
  /** The nearest `HubStack` above `construct`, or `undefined`. */
  public static nearest(construct: IConstruct): HubStack | undefined {
    for (let c: IConstruct | undefined = construct; c; c = c.node.scope) {
      if (HubStack.isHubStack(c)) return c;
    }
    return undefined;
  }

  /** Whether `x` is a `HubStack`, across copies of the library. */
  public static isHubStack(x: unknown): x is HubStack {
    return x !== null && typeof x === 'object' && HUB_STACK in x;
  }

  /** What the stamp offers: region, API profile, catalogs. */
  public readonly stamp: StampProfile;
  /** The stamp's identity system. */
  public readonly identitySystem: IdentitySystem;
  /** The `azurestack` provider of this stack. */
  public readonly provider: AzurestackProvider;

  /** Where this stack's cluster nodes count against the 50-node limit. */
  public readonly subscription: SubscriptionKey;

  private readonly artifacts: StackArtifact[] = [];
  private readonly clusterNodes: NodeCount[] = [];

  constructor(scope: Construct, id: string, props: HubStackProps) {
    super(sameFramework(scope), id);
    Object.defineProperty(this, HUB_STACK, { value: true });
    const violations = validateHub((props as Partial<HubStackProps> | undefined)?.hub);
    if (violations.length > 0) throw new HubValidationError(`HubStack '${id}'`, violations);

    const hub = props.hub;
    this.identitySystem = hub.identitySystem ?? 'azure_ad';
    this.stamp = stampProfile(hub.location, {
      ...(hub.apiProfile && { apiProfile: hub.apiProfile }),
      ...(hub.kubernetesVersions && { kubernetesVersions: hub.kubernetesVersions }),
      ...(hub.vmSizes && { vmSizes: hub.vmSizes }),
    });
    const host = new URL(hub.armEndpoint).host;
    this.subscription = { endpointHost: host, ...(hub.subscriptionId && { subscriptionId: hub.subscriptionId.toLowerCase() }) };
    this.provider = new AzurestackProvider(this, 'azurestack', {
      // The provider keeps only the host of the endpoint (azurestack 1.0.0 upgrade guide).
      metadataHost: host,
      ...(hub.subscriptionId && { subscriptionId: hub.subscriptionId }),
      // AD FS stamps use the fixed tenant 'adfs'; Azure AD tenants come from ARM_TENANT_ID.
      ...(this.identitySystem === 'adfs' && { tenantId: 'adfs' }),
      features: {
        // Clusters live in groups the library owns; destroy must be able to delete them with the
        // resources the template deployment created, which Terraform does not track.
        resourceGroup: { preventDeletionIfContainsResources: false },
      },
    });

    Aspects.of(this).add(new HubComplianceAspect(this.stamp));
    this.node.addValidation({
      validate: () =>
        subscriptionNodeProblems(
          this,
          this.node.root.node.findAll().filter((c): c is HubStack => HubStack.isHubStack(c)),
        ),
    });

    const inner: IStackSynthesizer = this.synthesizer;
    this.synthesizer = { synthesize: (session) => this.synthesizeWith(inner, session) };
  }

  /** Records a cluster's node count for the app-wide 50-nodes-per-subscription check. */
  public addClusterNodes(count: NodeCount): void {
    this.clusterNodes.push(count);
  }

  /** Node counts of every cluster in this stack: HubAksClusters and raw azurerm clusters. */
  public nodeCounts(): NodeCount[] {
    return [...this.clusterNodes, ...rawClusterNodeCounts(this)];
  }

  /** Adds the suppressions in force to the synthesized metadata, for audit. */
  public override toTerraform(): any {
    const tf = super.toTerraform();
    const suppressions = recordedSuppressions(this);
    if (suppressions.length > 0) tf['//'] = { ...tf['//'], 'cdktf-aks-hub': { suppressions } };
    return tf;
  }

  /** The files this stack writes beside `cdk.tf.json`, rendered, by path below the stack directory. */
  public renderArtifacts(): Record<string, string> {
    return Object.fromEntries([...this.artifacts].sort((a, b) => a.relativePath.localeCompare(b.relativePath)).map((a) => [a.relativePath, a.render()]));
  }

  /** Adds a file to write beside `cdk.tf.json` at synth time. */
  public addArtifact(artifact: StackArtifact): void {
    if (this.artifacts.some((a) => a.relativePath === artifact.relativePath)) {
      throw new Error(`Two artifacts of stack '${this.node.id}' would be written to ${artifact.relativePath}.`);
    }
    this.artifacts.push(artifact);
  }

  private synthesizeWith(inner: IStackSynthesizer, session: ISynthesisSession): void {
    const stackManifest = session.manifest.forStack(this);
    // Output of an earlier synth must not survive a failed one: remove this stack's files first.
    fs.rmSync(path.join(session.outdir, stackManifest.synthesizedStackPath), { force: true });
    fs.rmSync(path.join(session.outdir, stackManifest.workingDirectory, 'arm'), { recursive: true, force: true });
    inner.synthesize(session);
    // A stack with errors writes no templates: nothing half-valid is left in cdktf.out/.
    if (stackManifest.annotations.some((a) => a.level === AnnotationMetadataEntryType.ERROR)) return;
    const dir = path.join(session.outdir, stackManifest.workingDirectory);
    for (const [relativePath, content] of Object.entries(this.renderArtifacts())) {
      const file = path.join(dir, relativePath);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
  }
}
