import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { App } from 'cdktf';
import { type Finding, HubAksCluster, HubStack, checkPlan } from '../lib';
import { MASKED } from '../lib/rules/finding';
import { CLIENT_ID, HUB, minimalProps, runCli, tmpDir } from './helpers';
import { liveQuickstart, quickstartArmFolder } from './support/live-cluster';
import { VARIABLES, planOf } from './support/plan-fixture';

const SUBNET = (n: string) => `/subscriptions/s/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/v/subnets/${n}`;

/** A second real RSA key line, as ssh-keygen writes one. */
function anotherSshKey(): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const mpint = (b64: string) => {
    const b = Buffer.from(b64, 'base64url');
    return b[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b;
  };
  const field = (b: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(b.length);
    return Buffer.concat([length, b]);
  };
  const blob = Buffer.concat([field(Buffer.from('ssh-rsa')), field(mpint(jwk.e!)), field(mpint(jwk.n!))]);
  return `ssh-rsa ${blob.toString('base64')} second@example`;
}

const rows = (findings: readonly Finding[]) => findings.map((f) => [f.ruleId, f.path, f.value]);
const change = (before: Record<string, unknown> | null, after: Record<string, unknown> | null, stamp = {}) => checkPlan(planOf(before, after), stamp);

describe('plan fixtures', () => {
  it('are real plans: a no-op for the same props, an update for a change, create and delete at the ends', () => {
    const actions = (p: any) => Object.fromEntries(p.resource_changes.map((c: any) => [c.type, c.change.actions.join('+')]));
    expect(actions(planOf({}, {}))).toEqual({ azurestack_resource_group: 'no-op', azurestack_template_deployment: 'no-op' });
    expect(actions(planOf({}, { nodePool: { count: 4 } }))).toEqual({ azurestack_resource_group: 'no-op', azurestack_template_deployment: 'update' });
    expect(actions(planOf(null, {}))).toEqual({ azurestack_resource_group: 'create', azurestack_template_deployment: 'create' });
    expect(actions(planOf({}, null))).toEqual({ azurestack_resource_group: 'delete', azurestack_template_deployment: 'delete' });
    expect(actions(planOf({}, { name: 'demo-aks2' }))).toEqual({ azurestack_resource_group: 'delete+create', azurestack_template_deployment: 'delete+create' });
    const d = (planOf({}, {}) as any).resource_changes.find((c: any) => c.type === 'azurestack_template_deployment').change;
    // The provider stores both bodies as normalized JSON; the secret comes from a sensitive variable.
    expect(JSON.parse(d.after.parameters_body).servicePrincipalClientSecret.value).toBe(VARIABLES.cluster_client_secret);
    expect(d.after_sensitive).toEqual({ parameters_body: true });
  });
});

describe('aks-hub check on a plan', () => {
  it('passes a no-op plan clean', () => {
    expect(change({}, {})).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a scale', {}, { nodePool: { count: 5 } }],
    ['an upgrade one minor forward', { kubernetesVersion: '1.19.11' }, { kubernetesVersion: '1.20.7' }],
    ['new tags', {}, { tags: { env: 'prod' } }],
  ])('passes %s, which the resource provider accepts in place, clean', (_, before, after) => {
    expect(change(before, after)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, string]>([
    ['the VM size', {}, { nodePool: { vmSize: 'Standard_DS3_v2' } }, 'template_body.resources.1.properties.agentPoolProfiles.0.vmSize'],
    ['the OS disk size', {}, { nodePool: { osDiskSizeGb: 128 } }, 'template_body.resources.1.properties.agentPoolProfiles.0.osDiskSizeGB'],
    ['max pods', {}, { nodePool: { maxPods: 40 } }, 'template_body.resources.1.properties.agentPoolProfiles.0.maxPods'],
    ['the pool name', {}, { nodePool: { name: 'pool2' } }, 'template_body.resources.1.properties.agentPoolProfiles.0.name'],
    ['the subnet', { network: { vnet: { subnetId: SUBNET('a') } } }, { network: { vnet: { subnetId: SUBNET('b') } } }, 'parameters_body.subnetId.value'],
    ['the DNS prefix', {}, { dnsPrefix: 'other' }, 'parameters_body.dnsPrefix.value'],
    ['the network plugin', {}, { network: { plugin: 'kubenet' } }, 'template_body.resources.1.properties.networkProfile.networkPlugin'],
    ['the service range', {}, { network: { serviceCidr: '10.1.0.0/16', dnsServiceIp: '10.1.0.10' } }, 'template_body.resources.1.properties.networkProfile.serviceCidr'],
    ['the admin user', {}, { linuxProfile: { adminUsername: 'ops' } }, 'template_body.resources.1.properties.linuxProfile.adminUsername'],
    ['the SSH key', {}, { linuxProfile: { sshPublicKey: anotherSshKey() } }, 'parameters_body.sshPublicKey.value'],
    ['the client id', {}, { servicePrincipal: { clientId: '99999999-2222-3333-4444-555555555555' } }, 'parameters_body.servicePrincipalClientId.value'],
    ['RBAC', {}, { enableRbac: false }, 'template_body.resources.1.properties.enableRBAC'],
  ])('reports a change of %s with HUB400, where it is written, before → after', (_, before, after, where) => {
    const findings = change(before, after);
    expect(findings.map((f) => f.ruleId)).toContain('HUB400');
    const f = findings.find((x) => x.ruleId === 'HUB400' && x.path.startsWith(where));
    expect(f, JSON.stringify(findings.map((x) => x.path))).toBeDefined();
    expect(f!.value).toContain(' → ');
    expect(f!.location?.address).toMatch(/^azurestack_template_deployment\./);
    expect(f!.fix).toContain('create a new cluster');
  });

  it('gives the values before and after', () => {
    expect(rows(change({}, { nodePool: { vmSize: 'Standard_DS3_v2' } }))).toEqual([
      ['HUB400', 'template_body.resources.1.properties.agentPoolProfiles.0.vmSize', '"Standard_DS2_v2" → "Standard_DS3_v2"'],
    ]);
  });

  it('reports a downgrade, a skipped minor and a scale with an upgrade, without showing values the plan marks sensitive', () => {
    const more = { kubernetesVersions: { add: ['1.18.19', '1.19.11'] } };
    // The client secret makes Terraform mark the whole parameters body sensitive, so every value read from it is masked.
    const hidden = `${MASKED} → ${MASKED}`;
    const cases: [Record<string, unknown>, Record<string, unknown>, string, string][] = [
      [{ kubernetesVersion: '1.20.7' }, { kubernetesVersion: '1.19.11' }, 'HUB401', 'parameters_body.kubernetesVersion.value'],
      [{ kubernetesVersion: '1.18.19' }, { kubernetesVersion: '1.20.7' }, 'HUB401', 'parameters_body.kubernetesVersion.value'],
      [{ kubernetesVersion: '1.19.11' }, { kubernetesVersion: '1.20.7', nodePool: { count: 4 } }, 'HUB402', 'parameters_body.nodeCount.value'],
    ];
    for (const [before, after, id, where] of cases) {
      const found = change(before, after, more);
      expect(rows(found)).toEqual([[id, where, hidden]]);
      expect(JSON.stringify(found)).not.toMatch(/1\.(18|19|20)\.\d+/);
    }
    // Scale alone and upgrade alone pass.
    expect(change({ kubernetesVersion: '1.19.11' }, { kubernetesVersion: '1.19.11', nodePool: { count: 4 } }, more)).toEqual([]);
    expect(change({ kubernetesVersion: '1.19.11' }, { kubernetesVersion: '1.20.7' }, more)).toEqual([]);
  });

  it('reports a version the stamp does not offer, unless the stamp adds it', () => {
    expect(change({}, { kubernetesVersion: '1.21.2' }).map((f) => f.ruleId)).toEqual(['HUB103']);
    expect(change({}, { kubernetesVersion: '1.21.2' }, { kubernetesVersions: { add: ['1.21.2'] } })).toEqual([]);
  });

  it('reports a replacement, and a delete that leaves the cluster running', () => {
    const renamed = change({}, { name: 'demo-aks2' });
    expect(renamed.map((f) => f.ruleId)).toEqual(['HUB403']);
    expect(renamed[0]!.message).toContain('deletes the old one with its resource group');
    const kept = change({ resourceGroupName: 'shared-rg', existingResourceGroup: true }, { resourceGroupName: 'shared-rg', existingResourceGroup: true, name: 'demo-aks2' });
    expect(kept.map((f) => f.ruleId)).toEqual(['HUB403']);
    expect(kept[0]!.message).toContain('second cluster');
    const orphaned = change({ resourceGroupName: 'shared-rg', existingResourceGroup: true }, null);
    expect(orphaned.map((f) => [f.ruleId, f.severity])).toEqual([['HUB404', 'warning']]);
    // cdktf destroy deletes the group with the deployment: the cluster goes with it, as intended.
    expect(change({}, null)).toEqual([]);
  });

  it('passes terraform apply -replace of the deployment, which re-PUTs the same cluster', () => {
    const plan = planOf({}, {}) as any;
    const d = plan.resource_changes.find((c: any) => c.type === 'azurestack_template_deployment');
    // What Terraform writes for -replace=<address>: the same values, replaced on request.
    Object.assign(d, { action_reason: 'replace_by_request' });
    d.change.actions = ['delete', 'create'];
    expect(checkPlan(plan)).toEqual([]);
    // It is still a PUT on the running cluster: what the resource provider refuses, it refuses.
    d.change.after.template_body = d.change.after.template_body.replace('"vmSize":"Standard_DS2_v2"', '"vmSize":"Standard_DS3_v2"');
    expect(checkPlan(plan).map((f) => f.ruleId)).toEqual(['HUB400']);
  });

  it('never prints a secret the plan holds in plain text, and does not call it a literal', () => {
    const plan = planOf({}, { nodePool: { vmSize: 'Standard_DS3_v2' } });
    expect(JSON.stringify(plan)).toContain(VARIABLES.cluster_client_secret);
    const findings = checkPlan(plan);
    expect(findings.map((f) => f.ruleId)).not.toContain('HUB102');
    expect(JSON.stringify(findings)).not.toContain(VARIABLES.cluster_client_secret);
  });
});

describe('the aks-hub commands', () => {
  const cli = runCli;
  const tmp = () => tmpDir('day2');

  it('check reads a plan file and exits 1 on a refused change, 0 on an accepted one', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'refused.json'), JSON.stringify(planOf({}, { nodePool: { vmSize: 'Standard_DS3_v2' } })));
    fs.writeFileSync(path.join(dir, 'scale.json'), JSON.stringify(planOf({}, { nodePool: { count: 4 } })));
    const refused = cli('check', path.join(dir, 'refused.json'));
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('HUB400 error azurestack_template_deployment.');
    expect(refused.out).toContain('"Standard_DS2_v2" → "Standard_DS3_v2"');
    expect(refused.out).not.toContain(VARIABLES.cluster_client_secret);
    expect(cli('check', path.join(dir, 'scale.json')).code).toBe(0);
  });

  it('drift lists what az aks scale changed, in the words of the synthesized files', () => {
    const dir = quickstartArmFolder();
    const live = path.join(dir, 'live.json');
    fs.writeFileSync(live, JSON.stringify(liveQuickstart({ agentPoolProfiles: [{ count: 5 }] })));
    const r = cli('drift', '--format', 'json', live, dir);
    expect(r.code).toBe(1);
    const { findings } = JSON.parse(r.out);
    expect(findings.map((f: Finding) => [f.ruleId, f.path, f.value])).toEqual([['HUB405', 'parameters.nodeCount.value', '3 → 5']]);
    // The count is set in the parameters file: the finding is found there.
    expect(findings[0].location.file).toMatch(/azuredeploy\.parameters\.json$/);
  });

  it('drift is clean when the live cluster is what the code says, and exits 2 on input it cannot read', () => {
    const dir = quickstartArmFolder();
    const live = path.join(dir, 'live.json');
    fs.writeFileSync(live, JSON.stringify(liveQuickstart()));
    expect(cli('drift', live, dir)).toMatchObject({ code: 0, out: expect.stringContaining('0 errors') });
    fs.writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ name: 'x' }));
    const bad = cli('drift', path.join(dir, 'other.json'), dir);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
  });

  it('drift reads what PowerShell writes, refuses a cluster without pools instead of comparing defaults, and reports a pool added outside the code', () => {
    const dir = quickstartArmFolder();
    const live = path.join(dir, 'live.json');
    // PowerShell 5's `az aks show -o json > live.json` writes UTF-16 LE with a byte-order mark.
    fs.writeFileSync(live, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(liveQuickstart()), 'utf16le')]));
    expect(cli('drift', live, dir).code).toBe(0);
    fs.writeFileSync(live, JSON.stringify({ ...liveQuickstart(), agentPoolProfiles: [] }));
    expect(cli('drift', live, dir)).toMatchObject({ code: 2, err: expect.stringContaining('no agent pool') });
    fs.writeFileSync(live, JSON.stringify(liveQuickstart({ agentPoolProfiles: [{}, { name: 'batch', count: 40, vmSize: 'Standard_DS2_v2', mode: 'User' }] })));
    const r = cli('drift', live, dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain("has a pool the code does not: 'batch' with 40 nodes");
    // A device or a FIFO is never read.
    expect(cli('drift', '/dev/zero', dir).code).toBe(2);
  });

  it('drift compares the live cluster with the ARM files a synth wrote to cdktf.out', () => {
    const outdir = tmp();
    const app = new App({ outdir });
    new HubAksCluster(new HubStack(app, 'aks-hub', { hub: HUB }), 'cluster', minimalProps());
    app.synth();
    const live = path.join(tmp(), 'live.json');
    fs.writeFileSync(live, JSON.stringify(liveQuickstart({ kubernetesVersion: '1.21.2' })));
    const r = cli('drift', live, outdir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('HUB405 error');
    expect(r.out).toContain('parameters.kubernetesVersion.value');
    expect(r.out).toContain('"1.20.7" → "1.21.2"');
    expect(liveQuickstart().servicePrincipalProfile).toEqual({ clientId: CLIENT_ID });
  });
});
