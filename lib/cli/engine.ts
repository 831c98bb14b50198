import { type Command, Option } from 'commander';
import { engineApply, engineForget, engineLogs, enginePlan } from '../lifecycle/runner';
import { stampProfile } from '../profile/stamp';
import type { Io } from './main';

/**
 * `aks-hub engine`: an AKS engine cluster's life from the engine.json synth wrote beside its
 * apimodel.json. `run` receives each command's exit code, or its promise.
 */
export function addEngineCommands(program: Command, io: Io, env: NodeJS.ProcessEnv, run: (code: number | Promise<number>) => void): void {
  const engine = program.command('engine').description("An AKS engine cluster's life: plan and apply its changes with aks-engine-azurestack, collect logs, forget a destroyed cluster.");
  const stamp = stampProfile('local');
  engine
    .command('plan')
    .description('Print the aks-engine-azurestack commands that would make the deployed cluster (its state folder) match the code, or the changes refused.')
    .argument('<engine.json>', 'the file cdktf synth wrote beside the apimodel.json (cdktf.out/stacks/<stack>/aks-engine/<id>/engine.json)')
    .action((spec: string) => run(enginePlan(spec, io, env, stamp)));
  engine
    .command('apply')
    .description('Run those commands: deploy, scale, upgrade, addpool. Secrets come from AKS_ENGINE_CLIENT_SECRET (or AKS_ENGINE_CERTIFICATE_PATH and AKS_ENGINE_PRIVATE_KEY_PATH), AKS_ENGINE_WINDOWS_PASSWORD; the subscription from hub.subscriptionId or ARM_SUBSCRIPTION_ID.')
    .argument('<engine.json>', 'the file cdktf synth wrote beside the apimodel.json')
    .action((spec: string) => run(engineApply(spec, io, env, stamp)));
  engine
    .command('logs')
    .description("Collect the nodes' logs with aks-engine-azurestack get-logs, from the state's model.")
    .argument('<engine.json>', 'the file cdktf synth wrote beside the apimodel.json')
    .requiredOption('--linux-ssh-private-key <file>', "the private key of the Linux VMs' SSH key")
    .option('--ssh-host <host>', 'an SSH listener that reaches every node (default: the API server host)')
    .option('--vm-names <names...>', 'only these VMs, also those that never joined the cluster')
    .addOption(new Option('--control-plane-only', 'only the control-plane VMs').conflicts('vmNames'))
    .option('--upload-sas-url <url>', 'upload the logs to this blob container (https://<blob service>/<container>?<sas>)')
    .option('-o, --output-directory <dir>', "where the zip files go (default: the state folder's logs/nodes)")
    .action((spec: string, opts: { linuxSshPrivateKey: string; sshHost?: string; vmNames?: string[]; controlPlaneOnly?: boolean; uploadSasUrl?: string; outputDirectory?: string }) =>
      run(engineLogs(spec, opts, io, env)),
    );
  engine
    .command('forget')
    .description("Delete the state folder of a cluster whose resource group is gone (cdktf destroy runs it after deleting the group).")
    .argument('<engine.json>', 'the file cdktf synth wrote beside the apimodel.json')
    .action((spec: string) => run(engineForget(spec, io)));
}
