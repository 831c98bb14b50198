import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../lib';
import * as kubernetes from '../lib/kubernetes';
import * as testing from '../lib/testing';

const ROOT = path.resolve(__dirname, '..');

describe('the public API', () => {
  it('is only what users call: constructs, findings, the rule catalog, suppressions, the pure validator and renderer', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DuplicateFrameworkError',
      'HubAksCluster',
      'HubAksEngineCluster',
      'HubStack',
      'HubValidationError',
      'RULES',
      'checkPlan',
      'findRule',
      'renderClusterTemplate',
      'sshPublicKeyVariable',
      'suppressHubRule',
      'validateCluster',
    ]);
    expect(Object.keys(testing).sort()).toEqual(['assertHubCompliant', 'hubFindings', 'synthHub']);
    expect(Object.keys(kubernetes).sort()).toEqual(['hubHelmProvider', 'hubKubernetesProvider']);
  });

  it('gives a read-only rule catalog', () => {
    expect(Object.isFrozen(api.RULES)).toBe(true);
    for (const r of api.RULES) expect(Object.isFrozen(r)).toBe(true);
    expect(Object.keys(api.RULES[0]!).sort()).toEqual(['fix', 'id', 'severity', 'source', 'suppressible', 'title', 'why']);
  });

  it('documents every exported type it refers to: TypeDoc with notExported validation passes without a warning', () => {
    // typedoc.json sets treatWarningsAsErrors; a type the API uses but does not export fails this.
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc'), '--emit', 'none'], { cwd: ROOT, stdio: 'pipe' });
  }, 60_000);
});
