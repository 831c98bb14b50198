import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * How an AKS engine cluster is deployed and changed: written by synth beside its apimodel.json
 * (`cdktf.out/stacks/<stack>/aks-engine/<id>/engine.json`), read by `aks-hub engine`. It holds no
 * secret; those come from the environment when a command runs (`ENGINE_ENV`).
 */
export interface EngineSpec {
  /** The construct path of the cluster, for messages. */
  readonly cluster: string;
  /** Where the code's words come from: `props` for a `HubAksEngineCluster`. */
  readonly vocabulary: 'props' | 'aks-engine';
  /** The code's API model, relative to this file. */
  readonly apiModel: string;
  /** The state folder, relative to this file (or absolute). */
  readonly state: string;
  readonly resourceGroup: string;
  readonly location: string;
  /** Absent: `ARM_SUBSCRIPTION_ID` when the command runs. */
  readonly subscriptionId?: string;
  readonly identitySystem: 'azure_ad' | 'adfs';
  readonly authMethod: 'client_secret' | 'client_certificate';
  readonly clientId: string;
  /** The SSH key is known only at deploy: `AKS_ENGINE_SSH_PUBLIC_KEY`. */
  readonly sshKeyAtDeploy: boolean;
  /** A Windows pool needs the admin password at deploy: `AKS_ENGINE_WINDOWS_PASSWORD`. */
  readonly windowsPasswordAtDeploy: boolean;
}

/** The environment variables `aks-hub engine` reads: secrets and values known only where it runs. */
export const ENGINE_ENV = Object.freeze({
  clientSecret: 'AKS_ENGINE_CLIENT_SECRET',
  certificatePath: 'AKS_ENGINE_CERTIFICATE_PATH',
  privateKeyPath: 'AKS_ENGINE_PRIVATE_KEY_PATH',
  windowsPassword: 'AKS_ENGINE_WINDOWS_PASSWORD',
  sshPublicKey: 'AKS_ENGINE_SSH_PUBLIC_KEY',
  subscriptionId: 'ARM_SUBSCRIPTION_ID',
  /** The id of the Terraform resource standing for the resource group (set by `cdktf deploy`). */
  deploymentId: 'AKS_HUB_DEPLOYMENT_ID',
  /** Another aks-engine-azurestack program than the one on the PATH. */
  binary: 'AKS_ENGINE_BINARY',
});

/** A spec file that cannot be used. */
export class SpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpecError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Plain names: what a location, group or construct path may hold without reaching a terminal or a file name as control text. */
const SAFE_TEXT = /^[\w./ ()-]{1,1024}$/;

/** Reads and checks a spec file; every string it hands on is of the shape the commands expect. */
export function readSpec(file: string): { spec: EngineSpec; dir: string } {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SpecError(`${file}: cannot read it as an engine spec (${(e as Error).message}). Give the engine.json that cdktf synth wrote beside apimodel.json.`);
  }
  const s = json as Record<string, unknown>;
  const problems: string[] = [];
  const str = (key: string, test: RegExp, optional = false): void => {
    const v = s?.[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'string' || !test.test(v)) problems.push(key);
  };
  // Construct ids may hold any character but a control character; the path is only shown, through terminalSafe.
  str('cluster', /^[^\u0000-\u001f\u007f]{1,1024}$/);
  str('apiModel', SAFE_TEXT);
  str('state', /^[^\0\r\n]{1,4096}$/);
  str('resourceGroup', /^[-\w.()]{1,90}$/);
  str('location', /^[a-z0-9]{1,64}$/i);
  str('subscriptionId', GUID, true);
  str('identitySystem', /^(azure_ad|adfs)$/);
  str('authMethod', /^(client_secret|client_certificate)$/);
  str('clientId', GUID);
  str('vocabulary', /^(props|aks-engine)$/);
  if (typeof s?.sshKeyAtDeploy !== 'boolean') problems.push('sshKeyAtDeploy');
  if (typeof s?.windowsPasswordAtDeploy !== 'boolean') problems.push('windowsPasswordAtDeploy');
  if (problems.length > 0) throw new SpecError(`${file}: not an engine spec cdktf synth wrote; these fields are missing or malformed: ${problems.join(', ')}.`);
  return { spec: s as unknown as EngineSpec, dir: path.dirname(path.resolve(file)) };
}

/** Whether a value is a subscription or client id. */
export const isGuid = (v: string): boolean => GUID.test(v);
