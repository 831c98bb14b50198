import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { HubAksEngineCluster, type HubAksEngineClusterProps, HubStack, HubValidationError, sshPublicKeyVariable } from '../lib';
import { HubAksCluster } from '../lib';
import { SSH_KEY, minimalProps, newStack, synthJson, thrown, tmpDir } from './helpers';
import { CLIENT_SECRET, STANDIN, engineWorld, flagOf } from './support/engine-world';

// The AKS engine example with deployWithTerraform, its terraform_data applied by real Terraform 1.11
// with the stand-in aks-engine-azurestack. The azurestack provider cannot be downloaded here, so its
// resource group becomes a terraform_data of the same name and dependencies; everything the library
// runs on the user's machine (node, the aks-hub program, the lifecycle) is real.

const terraform = spawnSync('terraform', ['version'], { encoding: 'utf8' });
const HAS_TERRAFORM = terraform.status === 0;
if (!HAS_TERRAFORM) console.warn('engine-terraform: skipped, terraform is not on the PATH');

/** Props of examples/aks-engine/main.ts, and what each round changes. */
function exampleProps(stack: HubStack, change: Partial<HubAksEngineClusterProps>): HubAksEngineClusterProps {
  return {
    name: 'engine-cluster',
    servicePrincipal: { clientId: '00000000-0000-0000-0000-000000000000' },
    controlPlane: { count: 3 },
    agentPools: [{ name: 'linuxpool', count: 3 }],
    linuxProfile: { sshPublicKey: sshPublicKeyVariable(stack) },
    deployWithTerraform: true,
    ...change,
  };
}

/** cdk.tf.json with each azurestack resource group as a terraform_data of the same dependencies, and the state file in `root`. */
function withoutProvider(tf: any, root: string): any {
  const groups = Object.entries<any>(tf.resource.azurestack_resource_group);
  const data: Record<string, unknown> = { ...tf.resource.terraform_data };
  for (const [id, rg] of groups) {
    data[`rg_${id}`] = { depends_on: rg.depends_on, triggers_replace: { name: rg.name, location: rg.location }, input: { id: `/subscriptions/x/resourceGroups/${rg.name}`, name: rg.name } };
  }
  let text = JSON.stringify({ terraform: { backend: { local: { path: path.join(root, 'terraform.tfstate') } } }, variable: tf.variable, resource: { terraform_data: data } });
  for (const [id] of groups) {
    text = text.split(`azurestack_resource_group.${id}.id`).join(`terraform_data.rg_${id}.output.id`).split(`"azurestack_resource_group.${id}"`).join(`"terraform_data.rg_${id}"`);
  }
  expect(text).not.toMatch(/azurestack_/);
  return JSON.parse(text);
}

describe.runIf(HAS_TERRAFORM)('the AKS engine example applied by Terraform', () => {
  it('holds through eight rounds: create, scale up, cdktf.out wiped, upgrade, downgrade refused, control plane refused, scale down, add a pool; then destroy forgets the state', () => {
    const w = engineWorld('terraform');
    const stackDir = path.join(w.outdir, 'stacks', 'aks-engine');
    fs.writeFileSync(path.join(w.root, 'none.tfrc'), '');
    // The app's node_modules, as npm install leaves it: the program Terraform starts is found from there.
    fs.mkdirSync(path.join(w.root, 'node_modules'));
    fs.symlinkSync(path.resolve(__dirname, '..'), path.join(w.root, 'node_modules', 'cdktf-aks-hub'), 'dir');
    const env = { ...w.env, HOME: w.root, TF_VAR_ssh_public_key: SSH_KEY, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: path.join(w.root, 'none.tfrc') };
    const synth = (change: Partial<HubAksEngineClusterProps>) => {
      const app = new App({ outdir: w.outdir });
      const stack = new HubStack(app, 'aks-engine', { hub: { armEndpoint: 'https://management.local.azurestack.external', location: 'local', identitySystem: 'adfs', subscriptionId: '99999999-8888-7777-6666-555555555555' } });
      new HubAksEngineCluster(stack, 'cluster', { ...exampleProps(stack, change), stateDirectory: w.state });
      app.synth();
      const file = path.join(stackDir, 'cdk.tf.json');
      fs.writeFileSync(file, JSON.stringify(withoutProvider(JSON.parse(fs.readFileSync(file, 'utf8')), w.root)));
    };
    const tf = (...args: string[]) => {
      if (!fs.existsSync(path.join(stackDir, '.terraform'))) execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: stackDir, env, encoding: 'utf8' });
      const r = spawnSync('terraform', [...args, '-input=false', '-no-color', '-auto-approve'], { cwd: stackDir, env, encoding: 'utf8' });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      return r.stdout;
    };
    const calls = () => w.calls().filter((c) => c[0] !== 'version');

    // 1. create: deploy once; aks-engine's progress shows, no secret does.
    synth({});
    let out = tf('apply');
    expect(calls().map((c) => c[0])).toEqual(['deploy']);
    expect(out).toContain('Finished ARM Deployment');
    expect(out).not.toContain('output suppressed');
    expect(out).not.toContain(CLIENT_SECRET);
    expect(flagOf(calls()[0]!, '--api-model')).toBe(path.join(w.state, 'deploy-input', 'apimodel.json'));
    const deployed = JSON.parse(fs.readFileSync(path.join(w.state, '_output', 'apimodel.json'), 'utf8'));
    expect(deployed.properties.linuxProfile.ssh.publicKeys[0].keyData).toBe(SSH_KEY);

    // 2. scale up.
    synth({ agentPools: [{ name: 'linuxpool', count: 4 }] });
    tf('apply');
    expect(calls().at(-1)!.slice(0, 1).concat(flagOf(calls().at(-1)!, '--new-node-count')!)).toEqual(['scale', '4']);

    // 3. cdktf.out wiped and synthesized again: no aks-engine call.
    fs.rmSync(w.outdir, { recursive: true });
    synth({ agentPools: [{ name: 'linuxpool', count: 4 }] });
    out = tf('apply');
    expect(out).toContain('No changes.');
    expect(calls()).toHaveLength(2);

    // 4. upgrade.
    synth({ kubernetesVersion: '1.34.4', agentPools: [{ name: 'linuxpool', count: 4 }] });
    tf('apply');
    expect([calls().at(-1)![0], flagOf(calls().at(-1)!, '--upgrade-version')]).toEqual(['upgrade', '1.34.4']);

    // 5, 6. downgrade and control-plane count: refused at synth, before Terraform plans anything.
    expect((thrown(() => synth({ kubernetesVersion: '1.33.10', agentPools: [{ name: 'linuxpool', count: 4 }] })) as HubValidationError).ruleIds).toEqual(['HUB520']);
    expect((thrown(() => synth({ kubernetesVersion: '1.34.4', controlPlane: { count: 5 }, agentPools: [{ name: 'linuxpool', count: 4 }] })) as HubValidationError).ruleIds).toEqual(['HUB522']);
    expect(calls()).toHaveLength(3);

    // 7. scale down, with the API server.
    synth({ kubernetesVersion: '1.34.4', agentPools: [{ name: 'linuxpool', count: 2 }] });
    tf('apply');
    expect([calls().at(-1)![0], flagOf(calls().at(-1)!, '--new-node-count'), flagOf(calls().at(-1)!, '--apiserver')]).toEqual(['scale', '2', 'https://engine-cluster.local.cloudapp.azurestack.external']);

    // 8. a new pool.
    synth({ kubernetesVersion: '1.34.4', agentPools: [{ name: 'linuxpool', count: 2 }, { name: 'batch', count: 1 }] });
    tf('apply');
    expect(calls().at(-1)![0]).toBe('addpool');
    expect(w.vms().map((v) => `${v.pool}:${v.version}`).sort()).toEqual(['batch:1.34.4', 'linuxpool:1.34.4', 'linuxpool:1.34.4', 'master:1.34.4', 'master:1.34.4', 'master:1.34.4']);

    // Destroy: the group goes first, then the marker's destroy-time provisioner forgets the state.
    out = tf('destroy');
    expect(out).toMatch(/rg_cluster_resource-group_\w+: Destruction complete[\s\S]*cluster_\w+ \(local-exec\)/);
    expect(fs.existsSync(w.state)).toBe(false);
    expect(STANDIN).toBeTruthy();
  });
});

describe.runIf(HAS_TERRAFORM)('secret variables', () => {
  it('carry no Terraform validation: Terraform prints a sensitive variable\'s value when its validation fails', () => {
    const { stack } = newStack();
    new HubAksCluster(stack, 'cluster', minimalProps({ windowsProfile: { adminUsername: 'winadmin' } }));
    const variable = synthJson(stack).variable.cluster_windows_admin_password;
    expect(variable).toMatchObject({ sensitive: true });
    expect(variable).not.toHaveProperty('validation');
    // Why: the same variable with a validation shows the value it refuses.
    const dir = tmpDir('sensitive-validation');
    fs.writeFileSync(path.join(dir, 'none.tfrc'), '');
    fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ variable: { p: { type: 'string', sensitive: true, validation: [{ condition: '${length(var.p) >= 8}', error_message: 'too short' }] } } }));
    const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: path.join(dir, 'none.tfrc') };
    execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env });
    const r = spawnSync('terraform', ['plan', '-input=false', '-no-color', '-var', 'p=Hunter2'], { cwd: dir, env, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain('Hunter2');
  });
});
