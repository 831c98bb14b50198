import * as path from 'node:path';
import { STATE, type StateFolder } from './state';
import type { EngineStep } from './plan';
import type { EngineSpec } from './spec';

// aks-engine-azurestack v0.85.0's command lines, as argument arrays: no shell sees them and no
// value goes through --set, which re-parses it (aks-engine-lifecycle-facts §1, §6).

/** How the commands authenticate: a client secret (shown in the process list: v0.85.0 has no other way) or a certificate. */
export type EngineAuth =
  | { readonly method: 'client_secret'; readonly secret: string }
  | { readonly method: 'client_certificate'; readonly certificatePath: string; readonly privateKeyPath: string };

/** What every command that calls Resource Manager takes (`addAuthFlags`, cmd/root.go:123-133). */
function authArgs(spec: EngineSpec, subscriptionId: string, auth: EngineAuth): string[] {
  return [
    '--azure-env', 'AzureStackCloud',
    '--subscription-id', subscriptionId,
    // deploy overwrites the model's identity system with this flag (cmd/deploy.go:230-234).
    '--identity-system', spec.identitySystem,
    '--auth-method', auth.method,
    '--client-id', spec.clientId,
    ...(auth.method === 'client_secret' ? ['--client-secret', auth.secret] : ['--certificate-path', auth.certificatePath, '--private-key-path', auth.privateKeyPath]),
  ];
}

/** Files a step reads besides the state's model. */
export interface StepFiles {
  /** deploy: the complete model to deploy. */
  readonly deployModel?: string;
  /** addpool: the pool's JSON. */
  readonly poolFile?: string;
  /** scale-down: the API server (`https://<fqdn>`), from deploy's kubeconfig. */
  readonly apiServer?: string;
}

/** The argument array of one step. */
export function stepArgs(step: EngineStep, spec: EngineSpec, state: StateFolder, subscriptionId: string, auth: EngineAuth, files: StepFiles): string[] {
  const where = ['--location', spec.location, '--resource-group', spec.resourceGroup];
  const model = ['--api-model', state.apiModelPath];
  const tail = authArgs(spec, subscriptionId, auth);
  switch (step.kind) {
    case 'deploy':
      return ['deploy', '--api-model', files.deployModel ?? '', ...where, '--output-directory', state.file(STATE.output), ...(step.retry ? ['--force-overwrite'] : []), ...tail];
    case 'scale':
      // --new-node-count is the pool's total; scale-down needs the API server (cmd/scale.go:340-344).
      return ['scale', ...model, ...where, '--node-pool', step.pool, '--new-node-count', String(step.to), ...(step.to < step.from ? ['--apiserver', files.apiServer ?? ''] : []), ...tail];
    case 'upgrade':
      // Never --force: it allows downgrades and re-images every node (cmd/upgrade.go:89).
      return ['upgrade', ...model, ...where, '--upgrade-version', step.to, ...tail];
    case 'addpool':
      return ['addpool', ...model, ...where, '--node-pool', files.poolFile ?? '', ...tail];
  }
}

/** A command line for people: words with spaces quoted, the secret masked. */
export function shownCommand(binary: string, args: readonly string[], secrets: readonly string[]): string {
  return [path.basename(binary), ...args]
    .map((a) => (secrets.some((s) => s !== '' && a.includes(s)) ? '****' : a))
    .map((a) => (/^[\w@%+=:,./\\*$-]+$/.test(a) ? a : JSON.stringify(a)))
    .join(' ');
}

/** One line for each step, saying what it does. */
export function describeStep(step: EngineStep): string {
  switch (step.kind) {
    case 'deploy':
      return step.retry ? 'deploy again from the model the failed deploy wrote (same certificates and keys)' : 'deploy the cluster';
    case 'scale':
      return `scale pool ${step.pool} from ${step.from} to ${step.to} VMs${step.to < step.from ? ' (the highest-numbered VMs are drained, then deleted)' : ''}`;
    case 'upgrade':
      return `upgrade Kubernetes from ${step.from} to ${step.to}: every VM is made anew, control plane first${step.resized.length ? `, with the new ${step.resized.map((r) => r.field).join(', ')}` : ''}`;
    case 'addpool':
      return `add pool ${step.pool}`;
  }
}
