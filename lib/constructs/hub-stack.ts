import { AzurestackProvider } from '@cdktf/provider-azurestack/lib/provider';
import { Aspects, TerraformStack } from 'cdktf';
import type { Construct, IConstruct } from 'constructs';
import type { HubSettings, IdentitySystem } from '../model/hub-settings';
import { type StampProfile, stampProfile } from '../profile/stamp';
import { checkHubSettings } from '../rules/hub-settings';
import { recordedSuppressions } from '../rules/suppressions';
import type { SubscriptionKey } from '../rules/subscription-nodes';
import { HubComplianceAspect } from './compliance-aspect';
import { addFindingValidation } from './findings';
import { isFolderName } from './folder-names';
import { HubValidationError, findingOf } from '../rules/finding';
import { INPUT_RULES } from '../rules/input-rules';
import { sameFramework } from './one-framework';
import { writeArtifactsOnSynth } from './stack-artifacts';
import { setStackSubscription, stacksOf, subscriptionFindings } from './subscription-nodes';

/** Props of `HubStack`. */
export interface HubStackProps {
  /** The stamp to deploy to. Credentials are never props: they come from the `ARM_*` environment variables. */
  readonly hub: HubSettings;
}

const HUB_STACK = Symbol.for('cdktf-aks-hub.HubStack');

/** The stack's settings, checked with its id; throws HubValidationError with every finding. */
function checkedStack(scope: Construct, id: string, props: HubStackProps | undefined): HubSettings {
  const subject = `HubStack '${id}'`;
  if (!isFolderName(id)) {
    const path = scope.node.path ? `${scope.node.path}/${id}` : id;
    throw new HubValidationError(subject, [findingOf(INPUT_RULES.constructId, { path, value: id, allowed: 'a plain name: not . or .., no / or \\', message: 'This id names the stack\'s folder of cdktf.out, and would write outside it.' })]);
  }
  return checkHubSettings(subject, (props as Partial<HubStackProps> | undefined)?.hub);
}

/**
 * A Terraform stack that deploys to one Azure Stack Hub stamp. It configures the `azurestack`
 * provider for the stamp's Resource Manager endpoint, checks everything in it against the Hub
 * rules, and writes each cluster's ARM template beside `cdk.tf.json`.
 */
export class HubStack extends TerraformStack {
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

  /**
   * What the stamp offers: region, API profile, catalogs.
   * @internal
   */
  public readonly stamp: StampProfile;
  /** The stamp's identity system. */
  public readonly identitySystem: IdentitySystem;
  /**
   * The settings the stack was made with, checked.
   * @internal
   */
  public readonly hub: HubSettings;
  /** The `azurestack` provider of this stack. */
  public readonly provider: AzurestackProvider;

  constructor(scope: Construct, id: string, props: HubStackProps) {
    // Checked before the stack joins the app, so that a refused stack leaves nothing behind.
    const hub = checkedStack(scope, id, props);
    super(sameFramework(scope), id);
    Object.defineProperty(this, HUB_STACK, { value: true });

    this.hub = hub;
    this.identitySystem = hub.identitySystem ?? 'azure_ad';
    this.stamp = stampProfile(hub.location, {
      ...(hub.apiProfile && { apiProfile: hub.apiProfile }),
      ...(hub.kubernetesVersions && { kubernetesVersions: hub.kubernetesVersions }),
      ...(hub.vmSizes && { vmSizes: hub.vmSizes }),
    });
    const host = new URL(hub.armEndpoint).host;
    const subscription: SubscriptionKey = { endpointHost: host, ...(hub.subscriptionId && { subscriptionId: hub.subscriptionId }) };
    setStackSubscription(this, subscription);
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
    addFindingValidation(this, () => subscriptionFindings(this));
    addFindingValidation(this, () => sharedFolderFindings(this));
    writeArtifactsOnSynth(this);
  }

  /** Adds the suppressions in force to the synthesized metadata, for audit. */
  public override toTerraform(): any {
    const tf = super.toTerraform();
    const suppressions = recordedSuppressions(this);
    if (suppressions.length > 0) tf['//'] = { ...tf['//'], 'cdktf-aks-hub': { suppressions } };
    return tf;
  }
}

/** HUB121 when another stack of the app would write to this stack's folder, cdktf.out/stacks/<id>. */
function sharedFolderFindings(self: TerraformStack) {
  const others = stacksOf(self.node.root).filter((c) => c !== self && c.node.id === self.node.id);
  return others.map((o) =>
    findingOf(INPUT_RULES.constructId, { path: self.node.path, value: self.node.id, allowed: 'an id no other stack of the app has', message: `The stack at ${o.node.path} writes to the same folder, cdktf.out/stacks/${self.node.id}.` }, undefined, { constructPath: self.node.path }),
  );
}
