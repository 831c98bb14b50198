import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'cdktf';
import { HubAksEngineCluster, type HubAksEngineClusterProps, HubStack } from '../../lib';
import { CLIENT_ID, SSH_KEY, tmpDir } from '../helpers';

/** The stand-in aks-engine-azurestack v0.85.0 (test/support/aks-engine-standin.cjs). */
export const STANDIN = path.join(__dirname, 'aks-engine-standin.cjs');
export const SUBSCRIPTION = '99999999-8888-7777-6666-555555555555';
export const CLIENT_SECRET = 'sp-secret-Zq7!x';
const HUB = { armEndpoint: 'https://management.local.azurestack.external', location: 'local', identitySystem: 'adfs' as const, subscriptionId: SUBSCRIPTION };

/** A project folder with a state folder, and the stand-in's cloud beside it. */
export interface EngineWorld {
  readonly root: string;
  readonly outdir: string;
  readonly state: string;
  readonly cloud: string;
  /** The environment `aks-hub engine` runs with: the stand-in, its cloud, the client secret. */
  readonly env: NodeJS.ProcessEnv;
  /** Synthesizes one engine cluster with these props over a valid one; returns engine.json's path. */
  synth(props?: Partial<HubAksEngineClusterProps>): string;
  /** Every call the stand-in received, argv each. */
  calls(): string[][];
  /** The stand-in's cloud: VMs by resource group. */
  vms(): { name: string; pool: string; index: number; version: string; vmSize: string }[];
}

export function engineWorld(name: string): EngineWorld {
  // A copy of the repository (a mutation-testing sandbox, an archive) may drop the executable bit.
  fs.chmodSync(STANDIN, 0o755);
  const root = tmpDir(`engine-${name}`);
  const outdir = path.join(root, 'cdktf.out');
  const state = path.join(root, 'state');
  const cloud = path.join(root, 'cloud');
  fs.mkdirSync(cloud);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, AKS_ENGINE_BINARY: STANDIN, STANDIN_CLOUD: cloud, AKS_ENGINE_CLIENT_SECRET: CLIENT_SECRET };
  return {
    root,
    outdir,
    state,
    cloud,
    env,
    synth(props = {}) {
      const app = new App({ outdir });
      const stack = new HubStack(app, 'engine', { hub: HUB });
      const c = new HubAksEngineCluster(stack, 'cluster', { name: 'engine', servicePrincipal: { clientId: CLIENT_ID }, linuxProfile: { sshPublicKey: SSH_KEY }, stateDirectory: state, agentPools: [{ name: 'linuxpool', count: 3 }], ...props });
      app.synth();
      return path.resolve(c.engineSpecFile);
    },
    calls() {
      const file = path.join(cloud, 'calls.jsonl');
      return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l).argv as string[]) : [];
    },
    vms() {
      const file = path.join(cloud, 'cloud.json');
      return fs.existsSync(file) ? Object.values<any>(JSON.parse(fs.readFileSync(file, 'utf8')).groups).flatMap((g) => g.vms) : [];
    },
  };
}

/** The value after a flag in an argument array. */
export const flagOf = (argv: readonly string[], flag: string): string | undefined => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
