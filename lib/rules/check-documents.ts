import * as path from 'node:path';
import { type ImportedDocument, type InputDocument, classify, importDocument, importTerraformElements } from '../import/documents';
import { importApiModel } from '../import/from-apimodel';
import { locateFinding } from '../import/locate';
import { type PlanChange, planChanges } from '../import/terraform-json';
import type { StampProfile } from '../profile/stamp';
import { type Finding, findingOf, showValue } from './finding';
import { findRule } from './registry';
import { armResourceFindings, changeFindings, clusterFindings, elementFindings, engineFindings } from './run';
import { valueAt } from './rule';
import { type ClusterNodes, type SubscriptionKey, subscriptionNodeHits } from './subscription-nodes';
import { type StampSettings, stampOf } from './validate-cluster';

/** Suppressions cdktf-aks-hub recorded in a synthesized cdk.tf.json. */
function recordedSuppressions(json: Record<string, unknown>): { path: string; ruleId: string }[] {
  const list = valueAt(json, '//.cdktf-aks-hub.suppressions');
  return Array.isArray(list)
    ? list.filter((s): s is { path: string; ruleId: string } => s !== null && typeof s === 'object' && typeof s.path === 'string' && typeof s.ruleId === 'string')
    : [];
}

/**
 * A synthesized stack's ARM files sit at `<stack dir>/arm/<cluster path>/azuredeploy.json`, its
 * API models at `<stack dir>/aks-engine/<cluster path>/apimodel.json`.
 */
const ARM_FILE = /^(.*)[\\/]arm[\\/](.+)[\\/]azuredeploy\.json$/;
const API_MODEL_FILE = /^(.*)[\\/]aks-engine[\\/](.+)[\\/]apimodel\.json$/;

/** Whether a suppressible rule is suppressed for the construct at `constructPath`. */
function isSuppressed(ruleId: string, constructPath: string | undefined, suppressions: readonly { path: string; ruleId: string }[]): boolean {
  return (
    constructPath !== undefined &&
    findRule(ruleId)?.suppressible === true &&
    suppressions.some((s) => s.ruleId === ruleId && (constructPath === s.path || constructPath.startsWith(`${s.path}/`)))
  );
}

/** `x.json`'s parameters file among the documents: `x.parameters.json` in the same folder. */
function parametersFor(doc: InputDocument, docs: readonly InputDocument[]): InputDocument | undefined {
  const want = path.resolve(doc.file).replace(/\.json$/, '.parameters.json');
  return docs.find((d) => d.kind === 'arm-parameters' && path.resolve(d.file) === want);
}

/** The resource groups a plan deletes (a replacement deletes one too), by name. */
function deletedGroups(changes: readonly PlanChange[]): Set<string> {
  return new Set(
    changes
      .filter((c) => c.type.endsWith('_resource_group') && c.actions.includes('delete'))
      .map((c) => c.before?.attributes.name)
      .filter((n): n is string => typeof n === 'string'),
  );
}

/** The rules on each cluster a plan changes: the cluster before and after, paired in order. */
function planChangeFindings(doc: InputDocument, stamp: StampProfile): Finding[] {
  const changes = planChanges(doc.json);
  const groups = deletedGroups(changes);
  return changes.flatMap((ch) => {
    if (ch.actions.every((a) => a === 'no-op' || a === 'read')) return [];
    const side = (e: PlanChange['before']) => (e ? importTerraformElements([e], stamp, doc.file).clusters.filter((c) => c.input.onlyUnder === undefined) : []);
    const [before, after] = [side(ch.before), side(ch.after)];
    const group = ch.before?.attributes.resource_group_name;
    return Array.from({ length: Math.max(before.length, after.length) }, (_, i) => {
      const input = (after[i] ?? before[i])!.input;
      return changeFindings(
        { actions: ch.actions, ...(before[i] && { before: before[i]!.input.model }), ...(after[i] && { after: after[i]!.input.model }), groupDeleted: typeof group === 'string' && groups.has(group) },
        { ...input, location: { ...input.location, file: doc.file } },
        stamp,
        before[i]?.input,
      );
    }).flat();
  });
}

/**
 * HUB021 once per file, and only for a file with an AKS cluster in it: azurerm in a file that
 * deploys no cluster (the network, a workspace) is another project's business, and one finding
 * says all there is to say about the provider. It sits on the provider block, else the cluster.
 */
function azurermOnce(found: readonly Finding[], imported: ImportedDocument): Finding[] {
  const azurerm = found.filter((f) => f.ruleId === 'HUB021');
  const rest = found.filter((f) => f.ruleId !== 'HUB021');
  const cluster = imported.elements.find((e) => e.kind === 'resource' && e.type.startsWith('azurerm_kubernetes_cluster'));
  if (azurerm.length === 0 || !cluster) return rest;
  const at = azurerm.find((f) => f.location?.address?.startsWith('provider.')) ?? azurerm.find((f) => f.location?.address === cluster.address) ?? azurerm[0]!;
  const count = azurerm.filter((f) => !f.location?.address?.startsWith('provider.')).length;
  return [{ ...at, value: showValue(`${count} azurerm resource${count === 1 ? '' : 's'}`) }, ...rest];
}

/**
 * Runs every Hub rule over the documents: each cluster through the one model, whichever way it
 * is written, each other resource by type, and the 50-nodes-per-subscription sum over them all.
 */
export function checkDocuments(docs: readonly InputDocument[], stamp: StampProfile, notes: string[] = []): Finding[] {
  const findings: Finding[] = [];
  const nodes: (ClusterNodes & { subscription: SubscriptionKey; file: string })[] = [];
  let clusters = 0;
  // Suppressions recorded in each cdk.tf.json also cover the ARM files written beside it.
  const stackDirs = new Map(docs.filter((d) => d.kind === 'terraform').map((d) => [path.dirname(path.resolve(d.file)), recordedSuppressions(d.json)]));
  for (const doc of docs) {
    try {
      checkDocument(doc);
    } catch (e) {
      // One file the readers cannot follow must not hide the others' findings.
      notes.push(`${doc.file}: could not be checked (${e instanceof Error ? e.message : String(e)}); the other files were`);
    }
  }
  function checkDocument(doc: InputDocument): void {
    const m = doc.kind === 'arm' ? ARM_FILE.exec(path.resolve(doc.file)) : doc.kind === 'aks-engine' ? API_MODEL_FILE.exec(path.resolve(doc.file)) : null;
    const stackDir = m && stackDirs.has(m[1]!) ? m[1]! : undefined;
    const suppressions = stackDir ? stackDirs.get(stackDir)! : doc.kind === 'terraform' ? recordedSuppressions(doc.json) : [];
    const armConstructPath = m ? `${path.basename(m[1]!)}/${m[2]!.split(path.sep).join('/')}` : undefined;
    // A finding in a parameters file names that file, and no template address.
    const placed = (f: Finding, file: string | undefined): Finding => {
      if (file === undefined) return { ...f, location: { ...f.location, file: doc.file } };
      const { address: _, ...rest } = f.location ?? {};
      return { ...f, location: { ...rest, file } };
    };
    const keep = (f: Finding) => !isSuppressed(f.ruleId, f.location?.constructPath ?? armConstructPath, suppressions);

    if (doc.kind === 'aks-engine') {
      const input = importApiModel(doc.json, { file: doc.file });
      clusters++;
      findings.push(...engineFindings(input, stamp).filter(keep));
      // Every VM counts, the control plane's too; the stack records none of them elsewhere. An
      // API model names no subscription (aks-engine takes it on the command line): it counts alone.
      const vms = input.model.controlPlane.count + input.model.agentPools.reduce((n, p) => n + p.count, 0);
      nodes.push({ where: `${doc.file}: apimodel`, count: vms, subscription: { document: doc.file }, file: doc.file });
      return;
    }
    const imported = importDocument(doc, stamp, doc.kind === 'arm' ? parametersFor(doc, docs) : undefined);
    findings.push(...azurermOnce(imported.elements.flatMap((e) => elementFindings(e, undefined, doc.file)), imported).filter(keep));
    for (const { ref, address } of imported.armResources) findings.push(...armResourceFindings(ref, { file: doc.file, address }).filter(keep));
    if (doc.kind === 'plan') findings.push(...planChangeFindings(doc, stamp).filter(keep));
    clusters += imported.clusters.length;
    for (const { input, subscription } of imported.clusters) {
      findings.push(...clusterFindings(input, stamp).map((f) => placed(f, input.fileOfPath?.(f.path))).filter(keep));
      // A stack's ARM file is the same cluster as its template deployment: count it once.
      // Terraform files without a subscription deploy to ARM_SUBSCRIPTION_ID's, the same for all;
      // an ARM template goes wherever its deployment is run, so only its own clusters add up.
      const scope = doc.kind === 'arm' ? { document: doc.file } : {};
      if (input.onlyUnder === undefined && !stackDir) nodes.push({ where: `${doc.file}: ${input.location?.address ?? 'template'}`, count: input.model.nodePool.count, subscription: { ...subscription, ...scope }, file: doc.file });
    }
  }
  if (clusters === 0) notes.push(`no AKS cluster or AKS engine API model in ${docs.length === 1 ? docs[0]!.file : `the ${docs.length} files checked`}: only the rules on other resources ran`);
  const rule = findRule('HUB020')!;
  // One location: the first cluster's file; the message names every cluster and its file.
  for (const { hit, clusters } of subscriptionNodeHits(nodes)) findings.push(findingOf(rule, hit, undefined, { file: clusters[0]!.file, address: '(all clusters)' }));
  // Copies of one resource (copy loops, allowed values) can find the same thing twice.
  const seen = new Set<string>();
  const distinct = findings.filter((f) => {
    const key = JSON.stringify([f.ruleId, f.location?.file, f.location?.address, f.path, f.value, f.message]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return withLines(distinct, docs);
}

/** Each finding with the line (and, in an HCL module, the file) its path is written on. */
function withLines(findings: readonly Finding[], docs: readonly InputDocument[]): Finding[] {
  const byFile = new Map(docs.map((d) => [d.file, d]));
  return findings.map((f) => {
    const doc = f.location?.file === undefined ? undefined : byFile.get(f.location.file);
    if (!doc) return f;
    const address = f.location?.address?.includes('(') ? undefined : f.location?.address;
    const at = locateFinding(doc, address, f.path);
    return at ? { ...f, location: { ...f.location, file: at.file, line: at.line } } : f;
  });
}

/**
 * Checks a plan, as `terraform show -json <planfile>` writes it: every cluster it creates or
 * changes against every Hub rule, and each change the resource provider would refuse in place
 * (HUB400–HUB402) or that Terraform would do differently than it looks (HUB403, HUB404). Pure,
 * for assertions in tests of your own.
 */
export function checkPlan(plan: unknown, stamp: StampSettings = {}): Finding[] {
  if (classify(plan) !== 'plan') throw new TypeError('checkPlan takes the output of terraform show -json <planfile>.');
  return checkDocuments([{ file: 'plan.json', kind: 'plan', json: plan as Record<string, unknown> }], stampOf(stamp));
}
