import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClusterInput } from '../import/cluster-input';
import { importDocument } from '../import/documents';
import { importLiveCluster } from '../import/from-az-show';
import type { StampProfile } from '../profile/stamp';
import type { Finding } from '../rules/finding';
import { driftFindings } from '../rules/run';
import { InputError, readInputs, readRegularFile } from './inputs';
import { isApiModel } from '../import/from-apimodel';
import { planEngine } from '../lifecycle/plan';
import { type EngineSpec, readSpec } from '../lifecycle/spec';
import { StateFolder } from '../lifecycle/state';
import { describeStep } from '../lifecycle/commands';
import { isObject } from '../model/cluster-model';
import { findingOf } from '../rules/finding';
import { ruleDefinition } from '../rules/registry';

/** The clusters synthesized into the ARM files (with their parameters files) below `paths`. */
function synthesizedClusters(paths: readonly string[], stamp: StampProfile): ClusterInput[] {
  const { docs } = readInputs(paths);
  const arm = docs.filter((d) => d.kind === 'arm');
  const params = (file: string) => docs.find((d) => d.kind === 'arm-parameters' && d.file === file.replace(/\.json$/, '.parameters.json'));
  return arm.flatMap((d) => importDocument(d, stamp, params(d.file)).clusters.map((c) => c.input).filter((c) => c.onlyUnder === undefined));
}

/**
 * `aks-hub drift`: where the live cluster (`az aks show -o json`) differs from the one the code
 * describes (an azuredeploy.json, or the ARM files a synth wrote to cdktf.out/).
 */
export function driftOf(liveFile: string, codePaths: readonly string[], stamp: StampProfile): Finding[] {
  // An AKS engine cluster's state folder, or the apimodel.json aks-engine wrote: the engine's drift.
  const file = isFolder(liveFile) ? new StateFolder(liveFile).apiModelPath : liveFile;
  const json = readJson(file);
  if (file !== liveFile || (isObject(json) && isApiModel(json))) return engineDriftOf(file, json, codePaths, stamp);
  const live = importLiveCluster(json, stamp);
  if (!live) throw new InputError(`${liveFile}: not the output of az aks show -o json (no name, or no agent pool)`);
  const clusters = synthesizedClusters(codePaths, stamp);
  const byName = clusters.filter((c) => typeof c.model.name === 'string' && c.model.name.toLowerCase() === live.model.name.toLowerCase());
  const code = byName.length === 1 ? byName[0] : clusters.length === 1 ? clusters[0] : undefined;
  if (!code) {
    throw new InputError(`${codePaths.join(', ')}: ${clusters.length === 0 ? 'no cluster template found' : `no single cluster named '${live.model.name}' among ${clusters.length}`}`);
  }
  return driftFindings(code, live.model, stamp).map((f) => ({ ...f, location: { ...f.location, file: code.fileOfPath?.(f.path) ?? code.location?.file ?? codePaths[0]! } }));
}

/** A JSON file read through the safe reader (regular files, a size limit, UTF-16 and BOM). */
function readJson(file: string): unknown {
  const text = readRegularFile(file);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

const isFolder = (p: string): boolean => {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/**
 * Where a deployed AKS engine cluster (the apimodel.json in its state folder) differs from the code
 * (the apimodel.json synth wrote): each difference apply would act on (HUB405), and each it would
 * refuse (HUB520-HUB524).
 */
function engineDriftOf(deployedFile: string, deployed: unknown, codePaths: readonly string[], stamp: StampProfile): Finding[] {
  if (!isObject(deployed) || !isApiModel(deployed)) throw new InputError(`${deployedFile}: not an aks-engine API model`);
  const dns = (m: Record<string, unknown>) => String(((m.properties as Record<string, unknown>)?.masterProfile as Record<string, unknown> | undefined)?.dnsPrefix ?? '').toLowerCase();
  const models = readInputs(codePaths).docs.filter((d) => d.kind === 'aks-engine' && path.resolve(d.file) !== path.resolve(deployedFile));
  const same = models.filter((d) => dns(d.json) === dns(deployed as Record<string, unknown>));
  const code = same.length === 1 ? same[0] : models.length === 1 ? models[0] : undefined;
  if (!code) throw new InputError(`${codePaths.join(', ')}: ${models.length === 0 ? 'no API model found' : `no single API model with the dnsPrefix '${dns(deployed)}' among ${models.length}`}`);
  const specFile = path.join(path.dirname(code.file), 'engine.json');
  const spec: EngineSpec = fs.existsSync(specFile)
    ? readSpec(specFile).spec
    : { cluster: code.file, vocabulary: 'aks-engine', apiModel: code.file, state: '.', resourceGroup: 'unknown', location: String(code.json.location ?? ''), identitySystem: 'azure_ad', authMethod: 'client_secret', clientId: '', sshKeyAtDeploy: false, windowsPasswordAtDeploy: false };
  const record = new StateFolder(path.dirname(path.dirname(deployedFile))).record();
  const plan = planEngine({ spec, desired: code.json, deployed, deployedOnce: true, ...(record && { deployedGroup: record.resourceGroup }), stamp });
  const drift = ruleDefinition('HUB405')!;
  const changes = plan.steps.map((step) =>
    findingOf(drift, {
      path: step.kind === 'upgrade' ? 'kubernetesVersion' : step.kind === 'deploy' ? '(cluster)' : 'agentPools',
      value: step.kind === 'upgrade' ? step.to : step.kind === 'scale' ? step.to : step.kind === 'addpool' ? step.pool : '',
      allowed: 'the deployed cluster, as the code says',
      message: `The deployed cluster differs from the code: aks-hub engine apply would ${describeStep(step)}.`,
      fix: 'Run aks-hub engine apply (or cdktf deploy with deployWithTerraform) to bring the cluster to the code, or write the deployed value into the code.',
      ...(step.kind === 'scale' && { change: { before: step.from, after: step.to } }),
      ...(step.kind === 'upgrade' && { change: { before: step.from, after: step.to } }),
    }),
  );
  return [...plan.findings, ...changes].map((f) => ({ ...f, location: { ...f.location, file: code.file } }));
}
