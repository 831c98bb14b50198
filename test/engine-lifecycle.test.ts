import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HubValidationError } from '../lib';
import { AKS_ENGINE } from '../lib/profile/aks-engine';
import { SSH_KEY, runCli, runCliAsync, thrown } from './helpers';
import { CLIENT_SECRET, STANDIN, SUBSCRIPTION, engineWorld, flagOf } from './support/engine-world';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

/** Every file below a folder, with its content. */
function filesBelow(dir: string): Record<string, string> {
  return Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
  );
}

describe('aks-hub engine apply: the cluster from props, through its whole life', () => {
  it('deploys once into a fresh output folder, then scales, upgrades and adds pools as the props change, and runs nothing when nothing changed', async () => {
    const w = engineWorld('life');
    let spec = w.synth();
    let r = await runCliAsync(w.env, 'engine', 'apply', spec);
    expect(r.code, r.err).toBe(0);
    // deploy, once, from the complete model in the state folder, into the state's _output; no --set.
    const [version, deploy] = w.calls();
    expect(version).toEqual(['version', '-o', 'json']);
    expect(deploy![0]).toBe('deploy');
    expect(flagOf(deploy!, '--output-directory')).toBe(path.join(w.state, '_output'));
    expect(flagOf(deploy!, '--api-model')).toBe(path.join(w.state, 'deploy-input', 'apimodel.json'));
    expect(deploy).not.toContain('--set');
    expect(deploy).not.toContain('--force-overwrite');
    expect([flagOf(deploy!, '--azure-env'), flagOf(deploy!, '--identity-system'), flagOf(deploy!, '--subscription-id'), flagOf(deploy!, '--location'), flagOf(deploy!, '--resource-group')]).toEqual(['AzureStackCloud', 'adfs', SUBSCRIPTION, 'local', 'engine-rg']);
    expect(w.vms().map((v) => v.pool).sort()).toEqual(['linuxpool', 'linuxpool', 'linuxpool', 'master', 'master', 'master']);
    // The state: 0700 folders, 0600 files, the model deploy wrote; the copy with the inputs is gone.
    expect(mode(w.state)).toBe(0o700);
    expect(mode(path.join(w.state, '_output', 'apimodel.json'))).toBe(0o600);
    expect(mode(path.join(w.state, 'state.json'))).toBe(0o600);
    expect(fs.existsSync(path.join(w.state, 'deploy-input'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(w.state, 'state.json'), 'utf8'))).toMatchObject({ status: 'deployed', resourceGroup: 'engine-rg', subscriptionId: SUBSCRIPTION });
    // The secret reached aks-engine as --client-secret only: not its environment, not our output, not cdktf.out.
    expect(flagOf(deploy!, '--client-secret')).toBe(CLIENT_SECRET);
    expect(fs.readFileSync(path.join(w.cloud, 'calls.jsonl'), 'utf8')).not.toMatch(/"secretInEnv":\[[^\]]/);
    expect(r.out + r.err).not.toContain(CLIENT_SECRET);
    expect(r.out).toContain('--client-secret ****');
    expect(r.out).toContain('Finished ARM Deployment');
    expect(JSON.stringify(filesBelow(w.outdir))).not.toContain(CLIENT_SECRET);

    // cdktf.out deleted and synthesized again: nothing to do, no aks-engine call.
    fs.rmSync(w.outdir, { recursive: true });
    spec = w.synth();
    r = await runCliAsync(w.env, 'engine', 'apply', spec);
    expect([r.code, w.calls().length]).toEqual([0, 2]);
    expect(r.out).toContain('nothing to do');

    // Scale up: the pool's total, no --apiserver; apimodel.json snapshotted first.
    spec = w.synth({ agentPools: [{ name: 'linuxpool', count: 5 }] });
    r = await runCliAsync(w.env, 'engine', 'apply', spec);
    expect(r.code, r.err).toBe(0);
    const up = w.calls().at(-1)!;
    expect([up[0], flagOf(up, '--node-pool'), flagOf(up, '--new-node-count'), flagOf(up, '--api-model'), up.includes('--apiserver')]).toEqual(['scale', 'linuxpool', '5', path.join(w.state, '_output', 'apimodel.json'), false]);
    expect(fs.readdirSync(path.join(w.state, 'snapshots'))).toEqual([expect.stringMatching(/^0001-scale-/)]);

    // Upgrade one minor version, never with --force; a new size goes with it.
    spec = w.synth({ kubernetesVersion: '1.34.4', agentPools: [{ name: 'linuxpool', count: 5, vmSize: 'Standard_D3_v2' }] });
    r = await runCliAsync(w.env, 'engine', 'apply', spec);
    expect(r.code, r.err).toBe(0);
    const upgrade = w.calls().at(-1)!;
    expect([upgrade[0], flagOf(upgrade, '--upgrade-version'), upgrade.includes('--force'), upgrade.includes('-f')]).toEqual(['upgrade', '1.34.4', false, false]);
    expect(r.out).toContain('with the new agentPools.0.vmSize');
    expect(new Set(w.vms().map((v) => v.version))).toEqual(new Set(['1.34.4']));
    expect(new Set(w.vms().filter((v) => v.pool === 'linuxpool').map((v) => v.vmSize))).toEqual(new Set(['Standard_D3_v2']));

    // Scale down: --apiserver from the kubeconfig deploy wrote.
    spec = w.synth({ kubernetesVersion: '1.34.4', agentPools: [{ name: 'linuxpool', count: 2, vmSize: 'Standard_D3_v2' }] });
    r = await runCliAsync(w.env, 'engine', 'apply', spec);
    expect(r.code, r.err).toBe(0);
    const down = w.calls().at(-1)!;
    expect([down[0], flagOf(down, '--new-node-count'), flagOf(down, '--apiserver')]).toEqual(['scale', '2', 'https://engine.local.cloudapp.azurestack.external']);

    // A new pool, through addpool with an availability set.
    spec = w.synth({ kubernetesVersion: '1.34.4', agentPools: [{ name: 'linuxpool', count: 2, vmSize: 'Standard_D3_v2' }, { name: 'batch', count: 2 }] });
    r = await runCliAsync(w.env, 'engine', 'apply', spec);
    expect(r.code, r.err).toBe(0);
    const add = w.calls().at(-1)!;
    expect(add[0]).toBe('addpool');
    expect(w.vms().filter((v) => v.pool === 'batch')).toHaveLength(2);
    const model = JSON.parse(fs.readFileSync(path.join(w.state, '_output', 'apimodel.json'), 'utf8'));
    expect(model.properties.agentPoolProfiles.map((p: any) => [p.name, p.count, p.availabilityProfile])).toEqual([['linuxpool', 2, 'AvailabilitySet'], ['batch', 2, 'AvailabilitySet']]);
    expect(fs.readdirSync(path.join(w.state, 'snapshots'))).toHaveLength(4);
    const history = JSON.parse(fs.readFileSync(path.join(w.state, 'state.json'), 'utf8')).history.map((h: any) => h.operation.split(' ')[1]);
    expect(history).toEqual(['deploy', 'scale', 'upgrade', 'scale', 'addpool']);
    expect(JSON.stringify(history)).not.toContain(CLIENT_SECRET);
  });

  it('refuses, before any aks-engine call and already at synth, every change aks-engine cannot make: one finding each', async () => {
    const w = engineWorld('refuse');
    expect((await runCliAsync(w.env, 'engine', 'apply', w.synth({ kubernetesVersion: '1.34.4', agentPools: [{ name: 'linuxpool' }, { name: 'batch', count: 1 }] }))).code).toBe(0);
    const calls = w.calls().length;
    const refusals: [object, string[]][] = [
      [{ kubernetesVersion: '1.33.10' }, ['HUB520']],
      [{ controlPlane: { count: 5 } }, ['HUB522']],
      [{ dnsPrefix: 'other' }, ['HUB522']],
      [{ network: { plugin: 'kubenet' } }, ['HUB522']],
      [{ agentPools: [{ name: 'linuxpool' }] }, ['HUB523']],
      [{ agentPools: [{ name: 'linuxpool' }, { name: 'renamed', count: 1 }] }, ['HUB523']],
      [{ agentPools: [{ name: 'linuxpool', vmSize: 'Standard_D3_v2' }, { name: 'batch', count: 1 }] }, ['HUB524']],
      [{ agentPools: [{ name: 'linuxpool', count: 0 }, { name: 'batch', count: 1 }] }, ['HUB511']],
      [{ kubernetesVersion: '1.34.9' }, ['HUB500']],
      [{ controlPlane: { count: 5 }, dnsPrefix: 'other', kubernetesVersion: '1.33.10' }, ['HUB520', 'HUB522', 'HUB522']],
    ];
    for (const [props, ids] of refusals) {
      const all = { kubernetesVersion: '1.34.4', agentPools: [{ name: 'linuxpool' }, { name: 'batch', count: 1 }], ...props };
      const e = thrown(() => w.synth(all)) as HubValidationError;
      expect(e.violations.map((v) => v.ruleId), JSON.stringify(props)).toEqual(ids);
    }
    // The same refusal from apply, when the state is not on the machine that synthesizes.
    const elsewhere = engineWorld('refuse-apply');
    const spec = elsewhere.synth({ controlPlane: { count: 5 }, kubernetesVersion: '1.34.4', agentPools: [{ name: 'linuxpool' }, { name: 'batch', count: 1 }] });
    const stateModel = path.join(elsewhere.state, '_output');
    fs.mkdirSync(stateModel, { recursive: true });
    fs.copyFileSync(path.join(w.state, '_output', 'apimodel.json'), path.join(stateModel, 'apimodel.json'));
    fs.copyFileSync(path.join(w.state, 'state.json'), path.join(elsewhere.state, 'state.json'));
    const r = await runCliAsync(elsewhere.env, 'engine', 'apply', spec);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^HUB522 controlPlane\.count: .* Got 3 → 5;/m);
    expect(r.out).toContain('no aks-engine-azurestack command runs');
    expect(elsewhere.calls()).toEqual([]);
    expect(w.calls()).toHaveLength(calls);
  });

  it('names the release between for a skipped minor version', async () => {
    const w = engineWorld('skip');
    expect((await runCliAsync(w.env, 'engine', 'apply', w.synth())).code).toBe(0);
    const e = thrown(() => w.synth({ kubernetesVersion: '1.35.0' })) as HubValidationError;
    expect(e.violations.map((v) => [v.ruleId, v.path])).toEqual([['HUB521', 'kubernetesVersion']]);
    // 1.33 → 1.35 skips 1.34, which v0.85.0 itself creates.
    expect(e.violations[0]!.fix).toContain(`aks-engine-azurestack ${AKS_ENGINE.release}, which creates 1.34.4`);
  });

  it('retries a failed deploy from the model it wrote, with the same certificates, over its own output', async () => {
    const w = engineWorld('retry');
    const spec = w.synth();
    const failed = await runCliAsync({ ...w.env, STANDIN_FAIL: 'deploy' }, 'engine', 'apply', spec);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('apply again to retry');
    const ca = JSON.parse(fs.readFileSync(path.join(w.state, '_output', 'apimodel.json'), 'utf8')).properties.certificateProfile.caPrivateKey;
    expect(JSON.parse(fs.readFileSync(path.join(w.state, 'state.json'), 'utf8')).status).toBe('deploying');
    const r = await runCliAsync(w.env, 'engine', 'apply', spec);
    expect(r.code, r.err).toBe(0);
    const retry = w.calls().at(-1)!;
    expect(retry).toContain('--force-overwrite');
    expect(JSON.parse(fs.readFileSync(path.join(w.state, '_output', 'apimodel.json'), 'utf8')).properties.certificateProfile.caPrivateKey).toBe(ca);
    expect(JSON.parse(fs.readFileSync(path.join(w.state, 'state.json'), 'utf8')).status).toBe('deployed');
  });

  it('writes every value into the model, so that no user text can rewrite it the way --set would', async () => {
    const w = engineWorld('set');
    // aks-engine's --set parser, run on the old command line, made this a one-VM control plane.
    const key = `${SSH_KEY.split(' ').slice(0, 2).join(' ')} me",masterProfile.count=1,x="y`;
    const spec = w.synth({ linuxProfile: { sshPublicKey: key } });
    expect((await runCliAsync(w.env, 'engine', 'apply', spec)).code).toBe(0);
    expect(w.vms().filter((v) => v.pool === 'master')).toHaveLength(3);
    const deployed = JSON.parse(fs.readFileSync(path.join(w.state, '_output', 'apimodel.json'), 'utf8'));
    expect(deployed.properties.linuxProfile.ssh.publicKeys[0].keyData).toBe(key);
    // The stand-in keeps the real parser: the same key through --set would have done it.
    const direct = engineWorld('set-direct');
    const spec2 = direct.synth();
    const input = path.join(direct.root, 'model.json');
    fs.copyFileSync(path.join(path.dirname(spec2), 'apimodel.json'), input);
    spawnSync(STANDIN, ['deploy', '--api-model', input, '--location', 'local', '--resource-group', 'g', '--azure-env', 'AzureStackCloud', '--client-id', '00000000-0000-0000-0000-000000000000', '--client-secret', 's', '--output-directory', path.join(direct.root, 'out'), '--set', `linuxProfile.ssh.publicKeys[0].keyData="${key}"`], { env: direct.env });
    expect(JSON.parse(fs.readFileSync(path.join(direct.root, 'out', 'apimodel.json'), 'utf8')).properties.masterProfile.count).toBe(1);
  });

  it('takes a Windows password from the environment into the state copy only, quotes and commas as they are', async () => {
    const w = engineWorld('windows');
    const spec = w.synth({ agentPools: [{ name: 'linuxpool' }, { name: 'win', osType: 'Windows', count: 1 }], windowsProfile: {} });
    const missing = await runCliAsync(w.env, 'engine', 'apply', spec);
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('AKS_ENGINE_WINDOWS_PASSWORD')]);
    // Azure Compute's rule, checked before aks-engine runs: 8 to 123 characters, 3 of 4 kinds.
    const weak = await runCliAsync({ ...w.env, AKS_ENGINE_WINDOWS_PASSWORD: 'password' }, 'engine', 'apply', spec);
    expect([weak.code, weak.err]).toEqual([2, expect.stringContaining('8 to 123 characters')]);
    expect(weak.err).not.toContain('password\n');
    const password = "pa'ss,w\"o=rd1!";
    const r = await runCliAsync({ ...w.env, AKS_ENGINE_WINDOWS_PASSWORD: password }, 'engine', 'apply', spec);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(w.state, '_output', 'apimodel.json'), 'utf8')).properties.windowsProfile.adminPassword).toBe(password);
    expect(r.out + r.err).not.toContain(password);
    expect(JSON.stringify(filesBelow(w.outdir))).not.toContain(password);
  });

  it('refuses to run without the subscription, the secret, or with another release; and while another operation holds the lock', async () => {
    const w = engineWorld('refuse-env');
    const app = w.synth({});
    const specNoSub = JSON.parse(fs.readFileSync(app, 'utf8'));
    delete specNoSub.subscriptionId;
    fs.writeFileSync(app, JSON.stringify(specNoSub));
    let r = await runCliAsync({ ...w.env, ARM_SUBSCRIPTION_ID: '' }, 'engine', 'apply', app);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('ARM_SUBSCRIPTION_ID must be')]);
    r = await runCliAsync({ ...w.env, ARM_SUBSCRIPTION_ID: SUBSCRIPTION, AKS_ENGINE_CLIENT_SECRET: '' }, 'engine', 'apply', app);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('AKS_ENGINE_CLIENT_SECRET must')]);
    r = await runCliAsync({ ...w.env, ARM_SUBSCRIPTION_ID: SUBSCRIPTION, STANDIN_RELEASE: 'v0.84.2' }, 'engine', 'apply', app);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('is v0.84.2; the models and the upgrade rules are for aks-engine-azurestack v0.85.0')]);
    fs.writeFileSync(path.join(w.state, 'lock'), '{"operation":"apply","pid":1}');
    r = await runCliAsync({ ...w.env, ARM_SUBSCRIPTION_ID: SUBSCRIPTION }, 'engine', 'apply', app);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('Another operation on this cluster holds')]);
    expect(w.calls().filter((c) => c[0] !== 'version')).toEqual([]);
  });

  it('works with a program that cannot say its release, warning; and scales down without a kubeconfig, from the model', async () => {
    const w = engineWorld('lean');
    const env = { ...w.env, STANDIN_NO_VERSION: '1', STANDIN_NO_KUBECONFIG: '1' };
    const first = await runCliAsync(env, 'engine', 'apply', w.synth());
    expect(first.code, first.err).toBe(0);
    expect(first.err).toContain('did not say its release');
    const down = await runCliAsync(env, 'engine', 'apply', w.synth({ agentPools: [{ name: 'linuxpool', count: 2 }] }));
    expect(down.code, down.err).toBe(0);
    expect(flagOf(w.calls().at(-1)!, '--apiserver')).toBe('https://engine.local.cloudapp.azurestack.external');
  });

  it('signs in with a certificate for shared runners: no secret on the command line', async () => {
    const w = engineWorld('cert');
    const spec = w.synth({ authMethod: 'client_certificate' });
    const cert = path.join(w.root, 'sp.crt');
    const key = path.join(w.root, 'sp.key');
    fs.writeFileSync(cert, 'cert');
    fs.writeFileSync(key, 'key');
    const r = await runCliAsync({ ...w.env, AKS_ENGINE_CLIENT_SECRET: undefined, AKS_ENGINE_CERTIFICATE_PATH: cert, AKS_ENGINE_PRIVATE_KEY_PATH: key }, 'engine', 'apply', spec);
    expect(r.code, r.err).toBe(0);
    const deploy = w.calls().at(-1)!;
    expect([flagOf(deploy, '--auth-method'), flagOf(deploy, '--certificate-path'), flagOf(deploy, '--private-key-path'), deploy.includes('--client-secret')]).toEqual(['client_certificate', cert, key, false]);
  });
});

describe('aks-hub engine plan, logs and forget', () => {
  it('plan prints the commands with the secret as its variable, and changes nothing', async () => {
    const w = engineWorld('plan');
    const spec = w.synth();
    const r = await runCliAsync(w.env, 'engine', 'plan', spec);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1. deploy the cluster');
    expect(r.out).toContain('--client-secret $AKS_ENGINE_CLIENT_SECRET');
    expect(r.out).not.toContain(CLIENT_SECRET);
    expect(w.calls()).toEqual([]);
    expect(fs.existsSync(w.state)).toBe(false);
  });

  it('logs runs get-logs with the state model and the SSH key, in a HOME of its own', async () => {
    const w = engineWorld('logs');
    const spec = w.synth();
    expect((await runCliAsync(w.env, 'engine', 'apply', spec)).code).toBe(0);
    const key = path.join(w.root, 'id_rsa');
    fs.writeFileSync(key, 'private');
    const r = await runCliAsync(w.env, 'engine', 'logs', spec, '--linux-ssh-private-key', key);
    expect(r.code, r.err).toBe(0);
    const call = w.calls().at(-1)!;
    expect([call[0], flagOf(call, '--api-model'), flagOf(call, '--ssh-host'), flagOf(call, '--linux-ssh-private-key')]).toEqual(['get-logs', path.join(w.state, '_output', 'apimodel.json'), 'engine.local.cloudapp.azurestack.external', key]);
    const home = JSON.parse(fs.readFileSync(path.join(w.cloud, 'calls.jsonl'), 'utf8').trim().split('\n').at(-1)!).home;
    expect(home).toBe(path.join(w.state, 'tmp', 'home'));
    expect(fs.readdirSync(path.join(w.state, 'logs', 'nodes')).filter((f) => f.endsWith('.zip'))).toHaveLength(3);
  });

  it('drift lists where the deployed cluster differs from the code, and what apply would refuse', async () => {
    const w = engineWorld('drift');
    expect((await runCliAsync(w.env, 'engine', 'apply', w.synth())).code).toBe(0);
    // The code moves on without an apply: the state's model still has 3 VMs in the pool.
    const spec = w.synth({ agentPools: [{ name: 'linuxpool', count: 5 }] });
    let r = runCli('drift', w.state, w.outdir);
    expect(r.out).toMatch(/HUB405 error agentPools: The deployed cluster differs from the code: aks-hub engine apply would scale pool linuxpool from 3 to 5 VMs\. Got 3 → 5;/);
    expect(r.out).toContain('Run aks-hub engine apply');
    // A model that changes the control plane: the refusal apply would make.
    const changed = JSON.parse(fs.readFileSync(path.join(path.dirname(spec), 'apimodel.json'), 'utf8'));
    changed.properties.masterProfile.count = 5;
    const file = path.join(w.root, 'changed', 'apimodel.json');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, JSON.stringify(changed));
    r = runCli('drift', path.join(w.state, '_output', 'apimodel.json'), file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/HUB522 error properties\.masterProfile\.count: .* Got 3 → 5;/);
  });

  it('forget deletes the state folder of a destroyed cluster', async () => {
    const w = engineWorld('forget');
    const spec = w.synth();
    expect((await runCliAsync(w.env, 'engine', 'apply', spec)).code).toBe(0);
    const r = await runCliAsync(w.env, 'engine', 'forget', spec);
    expect(r.code).toBe(0);
    expect(fs.existsSync(w.state)).toBe(false);
  });
});
