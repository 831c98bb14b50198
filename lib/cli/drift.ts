import * as fs from 'node:fs';
import type { ClusterInput } from '../import/cluster-input';
import { importDocument } from '../import/documents';
import { importLiveCluster } from '../import/from-az-show';
import type { StampProfile } from '../profile/stamp';
import type { Finding } from '../rules/finding';
import { driftFindings } from '../rules/run';
import { InputError, readInputs } from './inputs';

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
  let text: string;
  try {
    text = fs.readFileSync(liveFile, 'utf8');
  } catch (e) {
    throw new InputError(`${liveFile}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${liveFile}: not valid JSON (${(e as Error).message})`);
  }
  const live = importLiveCluster(json, stamp);
  if (!live) throw new InputError(`${liveFile}: not the output of az aks show -o json (no name and agentPoolProfiles)`);
  const clusters = synthesizedClusters(codePaths, stamp);
  const byName = clusters.filter((c) => typeof c.model.name === 'string' && c.model.name.toLowerCase() === live.model.name.toLowerCase());
  const code = byName.length === 1 ? byName[0] : clusters.length === 1 ? clusters[0] : undefined;
  if (!code) {
    throw new InputError(`${codePaths.join(', ')}: ${clusters.length === 0 ? 'no cluster template found' : `no single cluster named '${live.model.name}' among ${clusters.length}`}`);
  }
  return driftFindings(code, live.model, stamp).map((f) => ({ ...f, location: { ...f.location, file: code.location?.file ?? codePaths[0]! } }));
}
