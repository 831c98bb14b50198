import * as path from 'node:path';
import { type InputDocument, importDocument } from '../import/documents';
import type { StampProfile } from '../profile/stamp';
import { type Finding, findingOf } from '../rules/finding';
import { findRule } from '../rules/registry';
import { armResourceFindings, clusterFindings, elementFindings } from '../rules/run';
import { valueAt } from '../rules/rule';
import { type ClusterNodes, type SubscriptionKey, subscriptionNodeHits } from '../rules/subscription-nodes';

/** Suppressions cdktf-aks-hub recorded in a synthesized cdk.tf.json. */
function recordedSuppressions(json: Record<string, unknown>): { path: string; ruleId: string }[] {
  const list = valueAt(json, '//.cdktf-aks-hub.suppressions');
  return Array.isArray(list)
    ? list.filter((s): s is { path: string; ruleId: string } => s !== null && typeof s === 'object' && typeof s.path === 'string' && typeof s.ruleId === 'string')
    : [];
}

/** A synthesized stack's ARM files sit at `<stack dir>/arm/<cluster path>/azuredeploy.json`. */
const ARM_FILE = /^(.*)[\\/]arm[\\/](.+)[\\/]azuredeploy\.json$/;

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

/**
 * Runs every Hub rule over the documents: each cluster through the one model, whichever way it
 * is written, each other resource by type, and the 50-nodes-per-subscription sum over them all.
 */
export function checkDocuments(docs: readonly InputDocument[], stamp: StampProfile): Finding[] {
  const findings: Finding[] = [];
  const nodes: (ClusterNodes & { subscription: SubscriptionKey })[] = [];
  // Suppressions recorded in each cdk.tf.json also cover the ARM files written beside it.
  const stackDirs = new Map(docs.filter((d) => d.kind === 'terraform').map((d) => [path.dirname(path.resolve(d.file)), recordedSuppressions(d.json)]));
  for (const doc of docs) {
    const m = doc.kind === 'arm' ? ARM_FILE.exec(path.resolve(doc.file)) : null;
    const stackDir = m && stackDirs.has(m[1]!) ? m[1]! : undefined;
    const suppressions = stackDir ? stackDirs.get(stackDir)! : doc.kind === 'terraform' ? recordedSuppressions(doc.json) : [];
    const armConstructPath = m ? `${path.basename(m[1]!)}/${m[2]!.split(path.sep).join('/')}` : undefined;
    const keep = (f: Finding) => !isSuppressed(f.ruleId, f.location?.constructPath ?? armConstructPath, suppressions);

    const imported = importDocument(doc, stamp, doc.kind === 'arm' ? parametersFor(doc, docs) : undefined);
    for (const e of imported.elements) findings.push(...elementFindings(e, undefined, doc.file).filter(keep));
    for (const { ref, address } of imported.armResources) findings.push(...armResourceFindings(ref, { file: doc.file, address }).filter(keep));
    for (const { input, subscription } of imported.clusters) {
      findings.push(...clusterFindings(input, stamp).map((f) => ({ ...f, location: { ...f.location, file: doc.file } })).filter(keep));
      // A stack's ARM file is the same cluster as its template deployment: count it once.
      if (input.onlyUnder === undefined && !stackDir) nodes.push({ where: `${doc.file}: ${input.location?.address ?? 'template'}`, count: input.model.nodePool.count, subscription });
    }
  }
  const rule = findRule('HUB020')!;
  for (const hit of subscriptionNodeHits(nodes)) findings.push(findingOf(rule, hit, undefined, { file: docs.map((d) => d.file).join(', '), address: '(all clusters)' }));
  // Copies of one resource (copy loops, allowed values) can find the same thing twice.
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([f.ruleId, f.location?.file, f.location?.address, f.path, f.value, f.message]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
