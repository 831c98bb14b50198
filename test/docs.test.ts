import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRule } from '../lib';
import { FEATURE_TABLE, PLATFORM_DIFFERENCES } from './support/internals';
import { hubSettingsSchema } from '../lib/model/hub-settings';
import { schemaKeysAt } from '../lib/model/props-schema';
import { GENERATED_DOCS } from '../scripts/docs';

const ROOT = path.resolve(__dirname, '..');

/** Whether `a.b.c` names a property of the props schema. */
function isClusterProp(p: string): boolean {
  const parts = p.split('.');
  return schemaKeysAt(parts.slice(0, -1))?.includes(parts.at(-1)!) ?? false;
}

describe('feature matrix data', () => {
  const rows = [...FEATURE_TABLE.map((r) => r.behaviour), ...PLATFORM_DIFFERENCES.map((d) => d.behaviour)];

  it('has every row of the seed table and every listed difference', () => {
    expect(FEATURE_TABLE).toHaveLength(32);
    expect(new Set(FEATURE_TABLE.map((r) => r.feature)).size).toBe(FEATURE_TABLE.length);
    expect(PLATFORM_DIFFERENCES.length).toBeGreaterThanOrEqual(28);
    // Every row the Hub marks "No" is blocked by a rule, done another way inside the cluster, or explained as not expressible.
    for (const r of FEATURE_TABLE.filter((x) => x.hub === 'No')) expect(['rule', 'api', 'not-iac'], r.feature).toContain(r.behaviour.kind);
    // What runs in the cluster is done through the kubeconfig and the providers it configures.
    for (const f of ['Helm', 'HTTP ingress', 'Storage volume support', 'Docker image support and private container registry']) {
      expect(FEATURE_TABLE.find((r) => r.feature === f)!.behaviour.kind, f).toBe('api');
    }
  });

  it('points only at rules that exist and props that exist', () => {
    for (const b of rows) {
      if (b.kind === 'rule') expect(findRule(b.ruleId), b.ruleId).toBeDefined();
      if (b.kind === 'prop') {
        const ok = b.prop.startsWith('hub.') ? (schemaKeysAt([], hubSettingsSchema) ?? []).includes(b.prop.slice(4)) : isClusterProp(b.prop);
        expect(ok, b.prop).toBe(true);
      }
    }
  });
});

describe('generated docs', () => {
  it.each(Object.entries(GENERATED_DOCS))('%s is what the data produces (run `npm run docs`)', (file, render) => {
    expect(fs.readFileSync(path.join(ROOT, file), 'utf8')).toBe(render());
  });
});
