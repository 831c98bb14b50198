import { describe, expect, it } from 'vitest';
import { HubValidationError, RULES, findRule } from '../lib';
import { checkProps, resolveProps } from './support/internals';
import { CHECKED_RULES, RULE_DEFINITIONS, RULE_EXAMPLES } from './support/internals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exampleFindings, runExample } from './support/rule-harness';
import { stampProfile } from '../lib/profile/stamp';
import { CLIENT_ID, STAMP, minimalProps, thrown } from './helpers';

const FIXES: Record<string, string[]> = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'rule-fixes.json'), 'utf8'));
const idsOf = (props: unknown, stamp = STAMP) => checkProps(props, stamp).findings.map((v) => v.ruleId);
const raw = (extra: Record<string, unknown>) => ({ ...minimalProps(), ...extra });

describe('rule registry', () => {
  it('has unique, well-formed ids and complete metadata', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^HUB\d{3}$/);
      for (const field of [r.title, r.source, r.why, r.fix]) expect(field.length).toBeGreaterThan(5);
      expect(['error', 'warning']).toContain(r.severity);
      expect(findRule(r.id)).toEqual(r);
      expect(Object.isFrozen(r)).toBe(true);
    }
  });
});

describe('every rule in the registry', () => {
  it('every rule has examples, and every example a rule', () => {
    expect([...RULE_EXAMPLES.keys()].sort()).toEqual(RULE_DEFINITIONS.map((r) => r.id));
  });

  // Each failing example also gets its fix in the words of its input (test/fixtures/rule-fixes.json,
  // one per failing example in the order of examples.json): HUB001's names the exact attribute,
  // HUB200's the canonical range.
  it.each(RULE_DEFINITIONS.map((r) => [r.id, RULE_EXAMPLES.get(r.id)!] as const))('%s has failing and passing examples that behave, and tells each failing one the fix', (id, examples) => {
    expect(examples.fail.length).toBeGreaterThan(0);
    expect(examples.pass.length).toBeGreaterThan(0);
    const fixes = FIXES[id]!;
    expect(fixes).toHaveLength(examples.fail.length);
    examples.fail.forEach((example, i) => {
      const found = exampleFindings(example).find((f) => f.ruleId === id);
      expect(found, JSON.stringify(example)).toBeDefined();
      expect(found!.fix, JSON.stringify(example)).toBe(fixes[i]);
    });
    for (const example of examples.pass) expect(runExample(example), JSON.stringify(example)).not.toContain(id);
  });

  it('every check kind a rule has is exercised by a failing example', () => {
    for (const r of CHECKED_RULES) {
      const kinds = RULE_EXAMPLES.get(r.id)!.fail.flatMap((e) => Object.keys(e));
      if (r.checkProps) expect(kinds.some((k) => k === 'props' || k === 'clusters'), r.id).toBe(true);
      // A cluster check runs on every form of a cluster; its examples may use any of them.
      if (r.check) expect(kinds.some((k) => ['props', 'clusters', 'arm', 'resource'].includes(k)), r.id).toBe(true);
      if (r.armResources) expect(kinds, r.id).toContain('arm');
      if (r.checkEngine) expect(kinds.some((k) => k === 'engine' || k === 'apimodel'), r.id).toBe(true);
      if (r.resources) expect(kinds.some((k) => k === 'resource' || k === 'provider'), r.id).toBe(true);
    }
  });
});

describe('cluster rules', () => {
  it('collects every violation instead of stopping at the first', () => {
    const e = thrown(() =>
      resolveProps('HubAksCluster test', raw({ loadBalancerSku: 'standard', identity: { type: 'SystemAssigned' }, skuTier: 'Paid', nodePool: { vmSize: 'Standard_NC6' } }), STAMP),
    );
    expect(e).toBeInstanceOf(HubValidationError);
    expect(e.ruleIds).toEqual(['HUB001', 'HUB003', 'HUB015', 'HUB017']);
    const lines = e.message.split('\n').slice(1);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^HUB\d{3} /);
  });

  it('each violation names the path, the value, what is allowed and the fix', () => {
    const [v] = checkProps(raw({ loadBalancerSku: 'standard' }), STAMP).findings;
    expect(v).toEqual({
      ruleId: 'HUB001',
      severity: 'error',
      title: 'Standard load balancer',
      path: 'loadBalancerSku',
      value: '"standard"',
      allowed: "'basic'",
      message: 'Azure Stack Hub supports only the basic load balancer.',
      fix: "Set loadBalancerSku to 'basic'.",
    });
  });

  it('masks secrets in every message', () => {
    const e = thrown(() => resolveProps('t', raw({ servicePrincipal: { clientId: CLIENT_ID, clientSecret: 'hunter2-literal' } }), STAMP));
    expect(e.message).not.toContain('hunter2-literal');
    expect(e.violations[0].value).toContain('masked');
    const wrongType = checkProps(raw({ servicePrincipal: { clientId: CLIENT_ID, clientSecret: 12345678 } }), STAMP).findings;
    expect(wrongType.map((v) => v.ruleId)).toEqual(['HUB100']);
    expect(JSON.stringify(wrongType)).not.toContain('12345678');
  });

  it('reports an unknown property with a suggestion, not a generic error', () => {
    const [v] = checkProps(raw({ kubernetesVerison: '1.20.7' }), STAMP).findings;
    expect(v!.ruleId).toBe('HUB101');
    expect(v!.path).toBe('kubernetesVerison');
    expect(v!.message).toContain("did you mean 'kubernetesVersion'");
    const nested = checkProps(raw({ nodePool: { vmsize: 'Standard_DS2_v2' } }), STAMP).findings;
    expect(nested.map((x) => [x.ruleId, x.path])).toEqual([['HUB101', 'nodePool.vmsize']]);
    expect(nested[0]!.message).toContain("'vmSize'");
  });

  it('reports wrong types with HUB100 and the path', () => {
    const v = checkProps(raw({ nodePool: { count: 'three' }, network: { plugin: 'cilium' } }), STAMP).findings;
    expect(v.map((x) => [x.ruleId, x.path])).toEqual([
      ['HUB100', 'nodePool.count'],
      ['HUB100', 'network.plugin'],
    ]);
    expect(v[1]!.allowed).toBe('"azure", "kubenet"');
  });

  it('refuses non-object props without crashing', () => {
    for (const bad of [null, undefined, 42, 'x', []]) expect(idsOf(bad)).toEqual(['HUB100']);
  });

  it('lets a stamp extend its catalogs', () => {
    const stamp = stampProfile('local', { kubernetesVersions: { add: ['1.21.2'] }, vmSizes: { add: ['Standard_D2s_v5'] } });
    expect(idsOf(raw({ kubernetesVersion: '1.21.2', nodePool: { vmSize: 'Standard_D2s_v5' } }), stamp)).toEqual([]);
    const replaced = stampProfile('local', { kubernetesVersions: { replace: ['1.19.11'] } });
    expect(idsOf(raw({}), replaced)).toEqual(['HUB103']);
    const [v] = checkProps(raw({}), replaced).findings;
    expect(v!.allowed).toBe("'1.19.11'");
    expect(v!.fix).toContain('kubernetesVersions');
  });

  it('names the right case when a size differs only in case', () => {
    const [v] = checkProps(raw({ nodePool: { vmSize: 'standard_ds2_v2' } }), STAMP).findings;
    expect(v!.ruleId).toBe('HUB016');
    expect(v!.allowed).toContain("'Standard_DS2_v2'");
  });
});
