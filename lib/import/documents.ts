import type { StampProfile } from '../profile/stamp';
import { UNKNOWN } from './arm-expressions';
import type { ClusterInput } from './cluster-input';
import { type ArmImport, type ArmResourceRef, importArmTemplate } from './from-arm';
import { isApiModel } from './from-apimodel';
import { importAzurermCluster, terraformResolver } from './from-azurerm';
import { type TerraformElement, planElements, terraformJsonElements } from './terraform-json';
import { readTerraformValue, withInterpolationsUnknown } from './terraform-expression';
import { isObject } from '../model/cluster-model';
import type { SourceLine } from './hcl-files';
import { resolveModule } from './terraform-module';

/** What a JSON file holds, as far as the checks are concerned. */
export type DocumentKind = 'terraform' | 'plan' | 'arm' | 'arm-parameters' | 'aks-engine' | 'other';

/** One document to check: a JSON file, or a module of HCL files read into Terraform JSON's shape. */
export interface InputDocument {
  readonly file: string;
  readonly kind: DocumentKind;
  readonly json: Record<string, unknown>;
  /** The JSON text as read, for the line a finding is on. */
  readonly text?: string;
  /** Values of the module's variables from variable files (`terraform.tfvars`, `--var-file`). */
  readonly variables?: Readonly<Record<string, unknown>>;
  /** Where a resource's attribute is written, for a document whose text is not JSON (HCL). */
  readonly locate?: (address: string | undefined, path: string) => SourceLine | undefined;
}

/** The stamp and subscription a cluster's nodes count against. */
export interface ClusterSubscription {
  readonly endpointHost?: string;
  readonly subscriptionId?: string;
}

/** A cluster found in a document, and the subscription it deploys to. */
export interface DocumentCluster {
  readonly input: ClusterInput;
  readonly subscription: ClusterSubscription;
}

/** Everything the rules look at in one document. */
export interface ImportedDocument {
  readonly clusters: readonly DocumentCluster[];
  /** Terraform resources, data sources and providers, checked by type. */
  readonly elements: readonly TerraformElement[];
  /** ARM resources other than clusters, checked by type. */
  readonly armResources: readonly { readonly ref: ArmResourceRef; readonly address: string }[];
}

/** Tells Terraform JSON, `terraform show -json` output, ARM files and AKS engine API models apart. */
export function classify(json: unknown): DocumentKind {
  if (!isObject(json)) return 'other';
  const schema = typeof json.$schema === 'string' ? json.$schema : '';
  if (/deploymentParameters/i.test(schema)) return 'arm-parameters';
  // languageVersion 2.0 (Bicep's symbolic-name output) keeps resources in an object.
  const resources = Array.isArray(json.resources) || (isObject(json.resources) && typeof json.languageVersion === 'string');
  if (resources && (/deploymentTemplate/i.test(schema) || typeof json.contentVersion === 'string')) return 'arm';
  if (isApiModel(json)) return 'aks-engine';
  if (typeof json.format_version === 'string' && (isObject(json.planned_values) || isObject(json.values) || Array.isArray(json.resource_changes))) return 'plan';
  if (['resource', 'provider', 'data'].some((k) => isObject(json[k]) || Array.isArray(json[k]))) return 'terraform';
  return 'other';
}

/** The subscription a Terraform document's provider pins, if any: azurestack or azurerm. */
function subscriptionOf(elements: readonly TerraformElement[]): ClusterSubscription {
  const provider = elements.find((e) => e.kind === 'provider' && (e.type === 'azurestack' || e.type === 'azurerm'));
  if (!provider) return {};
  const text = (v: unknown): string | undefined => (typeof v === 'string' && !v.includes('${') && v !== '' ? v : undefined);
  const host = text(provider.attributes.metadata_host) ?? text(provider.attributes.arm_endpoint);
  const sub = text(provider.attributes.subscription_id === UNKNOWN ? undefined : provider.attributes.subscription_id);
  return { ...(host && { endpointHost: host.replace(/^https?:\/\//, '').replace(/\/.*$/, '') }), ...(sub && { subscriptionId: sub }) };
}

/**
 * The clusters of an `azurestack_template_deployment`: its template body, with the parameters
 * its parameters body gives. A body known only at deploy time is left to Terraform.
 */
function templateDeploymentClusters(e: TerraformElement, stamp: StampProfile): ArmImport | undefined {
  const body = e.attributes.template_body;
  if (typeof body !== 'string' || e.unknown?.('template_body')) return undefined;
  let template: unknown;
  try {
    // The parts known now are checked; an interpolation is a value known at deploy time.
    template = JSON.parse(body.includes('${') ? withInterpolationsUnknown(body) : body);
  } catch {
    return undefined;
  }
  const params = typeof e.attributes.parameters_body === 'string' && !e.unknown?.('parameters_body') ? readTerraformValue(e.attributes.parameters_body) : undefined;
  const values = isObject(params) ? Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isObject(v) && 'value' in v ? v.value : UNKNOWN])) : {};
  return importArmTemplate(template, stamp, {
    prefix: 'template_body.',
    parameterValues: values,
    parameterValuePath: (name) => `parameters_body.${name}.value`,
    // A parameters body a plan marks sensitive holds a sensitive input: its secure values are not literals.
    hideSecureValues: e.sensitive?.('parameters_body') === true,
    location: { address: e.address, ...(e.constructPath && { constructPath: e.constructPath }) },
  });
}

/** Whether resources of this Terraform type can hold clusters: what the cluster rules read. */
export function holdsClusters(type: string): boolean {
  return type === 'azurerm_kubernetes_cluster' || type === 'azurestack_template_deployment';
}

/** Reads the clusters and other resources of Terraform elements (from a file, a plan or a cdktf stack). */
export function importTerraformElements(elements: readonly TerraformElement[], stamp: StampProfile, file?: string): ImportedDocument {
  const subscription = subscriptionOf(elements);
  const clusters: DocumentCluster[] = [];
  const armResources: { ref: ArmResourceRef; address: string }[] = [];
  for (const e of elements) {
    const location = { ...(file && { file }), address: e.address, ...(e.constructPath && { constructPath: e.constructPath }) };
    if (e.type === 'azurerm_kubernetes_cluster' && e.kind === 'resource') {
      const hidden = (p: string) => e.unknown?.(p) === true || e.sensitive?.(p) === true;
      const input = importAzurermCluster(e.attributes, stamp, location, terraformResolver(hidden));
      clusters.push({ input: e.sensitive ? { ...input, sensitive: e.sensitive } : input, subscription });
    } else if (e.type === 'azurestack_template_deployment' && e.kind === 'resource') {
      const found = templateDeploymentClusters(e, stamp);
      for (const c of found?.clusters ?? []) clusters.push({ input: { ...c, location: { ...location, ...c.location }, ...(e.sensitive && { sensitive: e.sensitive }) }, subscription });
      for (const ref of found?.resources ?? []) armResources.push({ ref, address: e.address });
    }
  }
  return { clusters, elements, armResources };
}

/** Reads one document; ARM templates take their parameters from `parameters` when given. */
export function importDocument(doc: InputDocument, stamp: StampProfile, parameters?: InputDocument): ImportedDocument {
  // Variables, locals, instances and dynamic blocks as Terraform would resolve them before apply.
  if (doc.kind === 'terraform') return importTerraformElements(terraformJsonElements(resolveModule(doc.json, doc.variables)), stamp, doc.file);
  if (doc.kind === 'plan') return importTerraformElements(planElements(doc.json), stamp, doc.file);
  if (doc.kind !== 'arm') return { clusters: [], elements: [], armResources: [] };
  const given = parameters && isObject(parameters.json.parameters) ? parameters.json.parameters : {};
  const values = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, isObject(v) && 'value' in v ? v.value : UNKNOWN]));
  // A value from the parameters file is found there: its findings name that file.
  const fromParameters = new Set<string>();
  const found = importArmTemplate(doc.json, stamp, {
    parameterValues: values,
    parameterValuePath: (name) => {
      const at = `parameters.${name}.value`;
      fromParameters.add(at);
      return at;
    },
    location: { file: doc.file, address: 'template' },
  });
  const fileOfPath = (p: string) => (parameters && fromParameters.has(p) ? parameters.file : undefined);
  return {
    clusters: found.clusters.map((input) => ({ input: parameters ? { ...input, fileOfPath } : input, subscription: {} })),
    elements: [],
    armResources: found.resources.map((ref) => ({ ref, address: 'template' })),
  };
}
