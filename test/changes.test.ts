import { describe, expect, it } from 'vitest';
import { type ClusterModel, deployTimeString } from '../lib/model/cluster-model';
import { FIXED_PROPERTIES } from '../lib/profile/mutability';
import { changeHit, differs } from '../lib/rules/catalog/changes';
import type { CheckContext, ClusterChange } from '../lib/rules/rule';
import { ruleDefinition } from '../lib/rules/registry';
import { STAMP, minimalProps } from './helpers';
import { resolveProps } from './support/internals';

// The change and drift rules (HUB400-HUB405) called directly on two cluster models, case by case.

const ctx: CheckContext = { stamp: STAMP, name: (f) => `<${f}>`, vocabulary: 'props' };
const base = (): ClusterModel => resolveProps('t', minimalProps(), STAMP).model;
const withPool = (m: ClusterModel, pool: Partial<ClusterModel['nodePool']>): ClusterModel => ({ ...m, nodePool: { ...m.nodePool, ...pool } });
const withNetwork = (m: ClusterModel, network: Partial<ClusterModel['network']>): ClusterModel => ({ ...m, network: { ...m.network, ...network } });
const update = (before: ClusterModel | undefined, after: ClusterModel | undefined, actions: string[] = ['update'], groupDeleted = false): ClusterChange => ({
  actions,
  ...(before && { before }),
  ...(after && { after }),
  groupDeleted,
});
const check = (id: string, c: ClusterChange) => ruleDefinition(id)!.checkChange!(c, ctx);

describe('differs', () => {
  it('compares strings without case, as the resource provider does, and other values as JSON', () => {
    expect(differs('Standard_DS2_v2', 'standard_ds2_v2')).toBe(false);
    expect(differs('a', 'b')).toBe(true);
    expect(differs(3, 3)).toBe(false);
    expect(differs(3, 4)).toBe(true);
    expect(differs({ a: 1 }, { a: 1 })).toBe(false);
    expect(differs({ a: 1 }, { a: 2 })).toBe(true);
    expect(differs(undefined, 'x')).toBe(true);
    expect(differs('3', 3)).toBe(true);
  });

  it('never calls a value known only at deploy time different', () => {
    const token = deployTimeString('parameters.x');
    expect(differs(token, 'a')).toBe(false);
    expect(differs('a', token)).toBe(false);
    expect(differs(token, token)).toBe(false);
  });
});

describe('changeHit', () => {
  it('names the field in the input\'s words, with before, after, what is allowed and the message', () => {
    expect(changeHit(ctx, 'nodePool.count', 3, 5, 'ok', 'msg')).toEqual({ path: '<nodePool.count>', value: 5, change: { before: 3, after: 5 }, allowed: 'ok', message: 'msg' });
    expect(changeHit(ctx, 'x', 1, 2, 'a', 'm', 'do this')).toMatchObject({ fix: 'do this' });
    expect(changeHit(ctx, 'x', 1, 2, 'a', 'm', '')).not.toHaveProperty('fix');
  });
});

describe('HUB400: a property fixed at creation', () => {
  it('reports each fixed field that changes, one finding each, with its source', () => {
    const b = base();
    const after = withNetwork(withPool({ ...b, dnsPrefix: 'other' }, { vmSize: 'Standard_DS3_v2', maxPods: 50 }), { serviceCidr: '10.9.0.0/16' });
    const hits = check('HUB400', update(b, after));
    expect(hits.map((h) => h.path)).toEqual(['<dnsPrefix>', '<nodePool.vmSize>', '<nodePool.maxPods>', '<network.serviceCidr>']);
    const dns = FIXED_PROPERTIES.find((p) => p.field === 'dnsPrefix')!;
    expect(hits[0]).toEqual({ path: '<dnsPrefix>', value: 'other', change: { before: b.dnsPrefix, after: 'other' }, allowed: 'the value the cluster was created with', message: `The resource provider refuses to change <dnsPrefix> of a running cluster (${dns.source}).` });
  });

  it('compares a Windows profile that only one side has: adding one later is a change too', () => {
    const b = base();
    const win = { ...b, windowsProfile: { adminUsername: 'winadmin' } } as ClusterModel;
    expect(check('HUB400', update(b, win))).toEqual([expect.objectContaining({ path: '<windowsProfile.adminUsername>', change: { before: undefined, after: 'winadmin' } })]);
    expect(check('HUB400', update(win, { ...b, windowsProfile: { adminUsername: 'other' } } as ClusterModel)).map((h) => h.path)).toEqual(['<windowsProfile.adminUsername>']);
  });

  it('reads the subnet of an existing-subnet cluster, and none of another', () => {
    const b = withNetwork(base(), { subnet: { kind: 'existing', subnetId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/a' } });
    const moved = withNetwork(b, { subnet: { kind: 'existing', subnetId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/b' } });
    expect(check('HUB400', update(b, moved)).map((h) => h.path)).toEqual(['<network.subnetId>']);
    expect(check('HUB400', update(base(), withNetwork(base(), { subnet: { kind: 'default' } })))).toEqual([]);
  });

  it('is silent on a casing-only change, a scale, a created or deleted cluster, a renamed one and a deleted group', () => {
    const b = base();
    expect(check('HUB400', update(b, withPool(b, { vmSize: b.nodePool.vmSize.toUpperCase() })))).toEqual([]);
    expect(check('HUB400', update(b, withPool(b, { count: 5 })))).toEqual([]);
    const changed = { ...b, dnsPrefix: 'other' };
    expect(check('HUB400', update(undefined, changed, ['create']))).toEqual([]);
    expect(check('HUB400', update(b, undefined, ['delete']))).toEqual([]);
    expect(check('HUB400', update(b, { ...changed, name: 'renamed' }))).toEqual([]);
    expect(check('HUB400', update(b, changed, ['update'], true))).toEqual([]);
    expect(check('HUB400', update(b, changed, ['create']))).toEqual([]);
    expect(check('HUB400', update(b, changed, ['delete']))).toEqual([]);
  });

  it('judges a replaced deployment, which PUTs the same cluster again', () => {
    const b = base();
    expect(check('HUB400', update(b, { ...b, dnsPrefix: 'other' }, ['delete', 'create'])).map((h) => h.path)).toEqual(['<dnsPrefix>']);
    expect(check('HUB400', update(b, { ...b, dnsPrefix: 'other' }, ['create', 'delete'])).map((h) => h.path)).toEqual(['<dnsPrefix>']);
  });
});

describe('HUB401: Kubernetes downgrade or skipped minor version', () => {
  const at = (from: string, to: string) => {
    const b = { ...base(), kubernetesVersion: from };
    return check('HUB401', update(b, { ...b, kubernetesVersion: to }));
  };

  it('refuses a downgrade of the major, the minor or the patch version', () => {
    for (const [from, to] of [['1.20.7', '0.20.7'], ['1.20.7', '1.19.11'], ['1.20.7', '1.20.6'], ['2.0.0', '1.99.0']]) {
      expect(at(from!, to!), `${from} → ${to}`).toEqual([
        { path: '<kubernetesVersion>', value: to, change: { before: from, after: to }, allowed: 'the same minor version or the next one, never lower', message: 'Kubernetes cannot be downgraded.' },
      ]);
    }
  });

  it('refuses an upgrade that skips a minor version', () => {
    expect(at('1.18.19', '1.20.7')).toEqual([
      { path: '<kubernetesVersion>', value: '1.20.7', change: { before: '1.18.19', after: '1.20.7' }, allowed: 'the same minor version or the next one, never lower', message: 'Kubernetes upgrades one minor version at a time; this change skips at least one.' },
    ]);
    expect(at('1.18.19', '1.21.2')).toHaveLength(1);
  });

  it('reads versions of two-digit major numbers', () => {
    expect(at('10.0.0', '9.9.9')).toHaveLength(1);
    expect(at('10.0.0', '10.2.0')).toHaveLength(1);
  });

  it('takes the same version, a later patch and the next minor version', () => {
    expect(at('1.20.7', '1.20.7')).toEqual([]);
    expect(at('1.20.6', '1.20.7')).toEqual([]);
    expect(at('1.19.11', '1.20.7')).toEqual([]);
    expect(at('1.19.11', '1.20.0')).toEqual([]);
    expect(at('1.19.0', '1.19.11')).toEqual([]);
  });

  it('leaves what is not a version to the other rules, and a change that is not an update', () => {
    expect(at('1.20', '1.18.1')).toEqual([]);
    expect(at('1.20.7', 'latest')).toEqual([]);
    expect(at('v1.20.7', '1.18.1')).toEqual([]);
    expect(at('1.20.7', '1.18.1-beta')).toEqual([]);
    expect(at(deployTimeString('parameters.v'), '1.18.1')).toEqual([]);
    // A list whose text is a version is still not one.
    expect(at(['1.20.7'] as never, '1.18.1')).toEqual([]);
    const b = { ...base(), kubernetesVersion: '1.20.7' };
    expect(check('HUB401', update(b, { ...b, kubernetesVersion: '1.18.19' }, ['create']))).toEqual([]);
    expect(check('HUB401', update(b, { ...b, kubernetesVersion: '1.18.19' }, ['update'], true))).toEqual([]);
  });
});

describe('HUB402: scale and upgrade in one apply', () => {
  it('refuses both at once, naming the count', () => {
    const b = base();
    expect(check('HUB402', update(b, withPool({ ...b, kubernetesVersion: '1.21.2' }, { count: 5 })))).toEqual([
      {
        path: '<nodePool.count>',
        value: 5,
        change: { before: 3, after: 5 },
        allowed: 'the node count or the Kubernetes version, not both',
        message: '"Updating Kubernetes version and agent node scaling are mutually exclusive operations." The same apply also changes the Kubernetes version.',
      },
    ]);
  });

  it('takes either alone, and says nothing of a change that is not an update', () => {
    const b = base();
    expect(check('HUB402', update(b, withPool(b, { count: 5 })))).toEqual([]);
    expect(check('HUB402', update(b, { ...b, kubernetesVersion: '1.21.2' }))).toEqual([]);
    expect(check('HUB402', update(b, withPool({ ...b, kubernetesVersion: '1.21.2' }, { count: 5 }), ['create']))).toEqual([]);
  });
});

describe('HUB403: a renamed or replaced cluster', () => {
  it('reports a new name as a second cluster beside the old one', () => {
    const b = base();
    expect(check('HUB403', update(b, { ...b, name: 'second' }))).toEqual([
      { path: '<name>', value: 'second', change: { before: b.name, after: 'second' }, allowed: 'the same deployment and cluster name', message: 'A new cluster name creates a second cluster; the old one keeps running, and nothing in Terraform deletes it.' },
    ]);
  });

  it('reports a replacement that deletes the group as the loss of the cluster', () => {
    const b = base();
    const hits = check('HUB403', update(b, b, ['delete', 'create'], true));
    expect(hits).toEqual([
      { path: '<name>', value: b.name, change: { before: b.name, after: b.name }, allowed: 'the same deployment and cluster name', message: 'The plan replaces the cluster: it deletes the old one with its resource group, workloads and volumes included, and creates a new, empty one.' },
    ]);
    expect(check('HUB403', update(b, { ...b, name: 'second' }, ['update'], true))[0]!.message).toMatch(/^The plan replaces the cluster/);
  });

  it('reports a replacement that deletes the group of a cluster the plan only creates', () => {
    const b = base();
    expect(check('HUB403', update(undefined, b, ['delete', 'create'], true))).toEqual([expect.objectContaining({ value: b.name, change: { before: undefined, after: b.name } })]);
    expect(check('HUB403', update(b, undefined, ['delete', 'create'], true))).toEqual([expect.objectContaining({ value: undefined, change: { before: b.name, after: undefined } })]);
  });

  it('is silent on a replacement in place, a casing-only rename, a create and a delete', () => {
    const b = base();
    expect(check('HUB403', update(b, b, ['delete', 'create']))).toEqual([]);
    expect(check('HUB403', update(b, b, ['create', 'delete']))).toEqual([]);
    expect(check('HUB403', update(b, { ...b, name: b.name.toUpperCase() }))).toEqual([]);
    expect(check('HUB403', update(undefined, b, ['create']))).toEqual([]);
    expect(check('HUB403', update(b, undefined, ['delete']))).toEqual([]);
    expect(check('HUB403', update(b, undefined, ['delete'], true))).toEqual([]);
  });
});

describe('HUB404: a deployment deleted while its group stays', () => {
  it('warns that the cluster keeps running', () => {
    const b = base();
    expect(check('HUB404', update(b, undefined, ['delete']))).toEqual([
      { path: '<name>', value: b.name, allowed: "a delete together with the cluster's resource group, as cdktf destroy does", message: 'Terraform deletes only the deployment record: the cluster keeps running in a resource group this plan does not delete.' },
    ]);
  });

  it('is silent when the group goes too, on a replacement, an update and a create', () => {
    const b = base();
    expect(check('HUB404', update(b, undefined, ['delete'], true))).toEqual([]);
    expect(check('HUB404', update(b, b, ['delete', 'create']))).toEqual([]);
    expect(check('HUB404', update(b, b, ['update']))).toEqual([]);
    expect(check('HUB404', update(undefined, b, ['create']))).toEqual([]);
    expect(check('HUB404', update(undefined, undefined, ['delete']))).toEqual([]);
  });
});

describe('HUB405: the live cluster differs from the code', () => {
  const drift = (code: ClusterModel, live: ClusterModel) => ruleDefinition('HUB405')!.checkDrift!(code, live, ctx);

  it('reports the count, the version and each fixed field that differ, code → live', () => {
    const code = base();
    const live = withPool({ ...code, kubernetesVersion: '1.21.2' }, { count: 5, vmSize: 'Standard_DS3_v2' });
    expect(drift(code, live)).toEqual([
      { path: '<nodePool.count>', value: 5, change: { before: 3, after: 5 }, allowed: '3, as the code says', message: 'The live cluster differs from the code at <nodePool.count> (code → live).' },
      { path: '<kubernetesVersion>', value: '1.21.2', change: { before: code.kubernetesVersion, after: '1.21.2' }, allowed: `${JSON.stringify(code.kubernetesVersion)}, as the code says`, message: 'The live cluster differs from the code at <kubernetesVersion> (code → live).' },
      { path: '<nodePool.vmSize>', value: 'Standard_DS3_v2', change: { before: code.nodePool.vmSize, after: 'Standard_DS3_v2' }, allowed: `${JSON.stringify(code.nodePool.vmSize)}, as the code says`, message: 'The live cluster differs from the code at <nodePool.vmSize> (code → live).' },
    ]);
    expect(drift(code, code)).toEqual([]);
  });

  it('reports a pool added outside the code, and only those', () => {
    const code = base();
    const live: ClusterModel = {
      ...code,
      azureOnly: [
        { feature: 'extraPool', path: 'agentPoolProfiles.1', value: { name: 'batch', count: 40, vmSize: 'x' } },
        { feature: 'extraPool', path: 'agentPoolProfiles.2', value: 'not an object' },
        { feature: 'zones', path: 'availabilityZones', value: ['1'] },
      ],
    };
    expect(drift(code, live)).toEqual([
      { path: 'agentPoolProfiles.1', value: { name: 'batch', count: 40 }, allowed: 'the one pool the code has', message: "The live cluster has a pool the code does not: 'batch' with 40 nodes." },
      { path: 'agentPoolProfiles.2', value: { name: undefined, count: undefined }, allowed: 'the one pool the code has', message: "The live cluster has a pool the code does not: 'undefined' with undefined nodes." },
    ]);
  });
});
