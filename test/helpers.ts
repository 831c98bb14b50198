import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Testing } from 'cdktf';
import { run } from '../lib/cli/main';
import { HubStack, type HubAksClusterProps, type HubAksEngineClusterProps, type HubSettings } from '../lib';
import { stampProfile } from '../lib/profile/stamp';

/** A real 2048-bit RSA public key (its private half was discarded). */
export const SSH_KEY = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC1NvY7ReCN8N4rRKPpPx5HiVvTLORgBmL5Q7guAwE826siB2IylC60xlp+88YxheObUBO8HSSpwegGugPb4ZlqXMDuXwcWF1J2S3R170i+DNnnBiT0nzwS/rKnq1VqWNZDFVrwNEF5JNzqDY3/kOzCzKuvrx07fkS/NuQ7sJ4oiAQSwCd4zNQ6iZKtP862NYMBzE86AU4RZnU2NuHjFLUjvNARL9amfRTTA9P6zYjymKJBikbk4/8MHxYGeE2qdAVVeeUlGnLvyOdjao8oq9WzjQBr85NtFdjVDhGlGBDyCjhgfviLIl6IM8NDOR40ZL7q18DPRi2O5UR/YCAvO0Lb azureuser@example';

export const CLIENT_ID = '11111111-2222-3333-4444-555555555555';

export const HUB: HubSettings = { armEndpoint: 'https://management.local.azurestack.external', location: 'local' };

export const STAMP = stampProfile('local');

/** The quickstart's props. */
export function minimalProps(overrides: Partial<HubAksClusterProps> = {}): HubAksClusterProps {
  return { name: 'demo-aks', servicePrincipal: { clientId: CLIENT_ID }, linuxProfile: { sshPublicKey: SSH_KEY }, ...overrides };
}

/** A valid AKS engine cluster's props. */
export function minimalEngineProps(overrides: Partial<HubAksEngineClusterProps> = {}): HubAksEngineClusterProps {
  return { name: 'engine', servicePrincipal: { clientId: CLIENT_ID }, linuxProfile: { sshPublicKey: SSH_KEY }, ...overrides };
}

/**
 * aks-engine-azurestack's own Hub sample (examples/azure-stack/kubernetes-azurestack.json at
 * release-v0.85.0), with the blanks its docs ask users to fill filled for the test stamp.
 */
export function hubSampleApiModel(file = 'kubernetes-azurestack.json'): Record<string, any> {
  const model = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'aks-engine', file), 'utf8'));
  model.location = 'local';
  model.properties.customCloudProfile = { portalURL: 'https://portal.local.azurestack.external/', identitySystem: 'azure_ad' };
  model.properties.masterProfile.dnsPrefix = 'engine';
  model.properties.linuxProfile.ssh.publicKeys[0].keyData = SSH_KEY;
  model.properties.servicePrincipalProfile = { clientId: CLIENT_ID, secret: '' };
  return model;
}

export function newStack(hub: Partial<HubSettings> = {}, id = 'aks-hub'): { app: App; stack: HubStack } {
  const app = Testing.app();
  const stack = new HubStack(app, id, { hub: { ...HUB, ...hub } });
  return { app, stack };
}

/** Terraform JSON with aspects and validations run. */
export function synthJson(stack: HubStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** The templates embedded in every azurestack_template_deployment of a synthesized stack. */
export function embeddedTemplates(tf: any): any[] {
  return Object.values(tf.resource?.azurestack_template_deployment ?? {}).map((d: any) => JSON.parse(d.template_body));
}

/** Catches what `fn` throws. */
export function thrown(fn: () => unknown): any {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

/** A new empty folder for one test. */
export function tmpDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `aks-hub-${name}-`));
}

/** The aks-hub command in this process: its exit code and what it printed. */
/** Runs aks-hub in process, awaiting commands that run aks-engine-azurestack, with their own environment. */
export async function runCliAsync(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) }, env);
  return { code, out, err };
}

export function runCli(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  if (typeof code !== 'number') throw new Error('This command runs aks-engine-azurestack: use runCliAsync.');
  return { code, out, err };
}
