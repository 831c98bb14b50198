import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../lib/import/documents';
import { checkDocuments } from '../lib/rules/check-documents';
import { driftOf } from '../lib/cli/drift';
import { InputError } from '../lib/cli/inputs';
import { renderApiModel } from '../lib/render/apimodel';
import { checkEngineProps } from '../lib/rules/run';
import { HubAksCluster } from '../lib';
import { CLIENT_ID, STAMP, hubSampleApiModel, minimalEngineProps, minimalProps, newStack, runCli, synthJson, tmpDir } from './helpers';
import { renderArmParameters, renderArmTemplate, resolveProps } from './support/internals';
import { liveQuickstart, quickstartArmFolder } from './support/live-cluster';
import { planOf } from './support/plan-fixture';

// Every reader, fed its realistic input with one field at a time replaced by each JSON type: none may
// throw. A wrong type is a finding or a note, never a crash that hides the other files' findings.

const TYPES: readonly unknown[] = [null, 1.5, '', [], { a: 1 }];

/** Every path to a value of a JSON document, objects and arrays included, in document order. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (at.length > 0) out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

/** A copy of `doc` with the value at `at` replaced. */
function replaced(doc: unknown, at: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of at.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[at.at(-1)!] = value;
  return copy;
}

/** Runs `check` on every mutation of `doc`; returns how many ran, failing on the first that throws. */
function fuzz(name: string, doc: unknown, check: (mutated: unknown) => void, limit = Number.POSITIVE_INFINITY): number {
  let runs = 0;
  for (const at of paths(doc).slice(0, limit)) {
    for (const type of TYPES) {
      const mutated = replaced(doc, at, type);
      try {
        check(mutated);
      } catch (e) {
        if (e instanceof InputError) continue;
        throw new Error(`${name}: ${at.join('.')} = ${JSON.stringify(type)}: ${(e as Error).stack}`);
      }
      runs++;
    }
  }
  return runs;
}

const checkAs = (file: string) => (json: unknown) => {
  const kind = classify(json);
  if (kind === 'other') return;
  checkDocuments([{ file, kind, json: json as Record<string, unknown> }], STAMP);
};

describe('a wrongly typed field', () => {
  it('is HUB123 at its path, and the other files of a folder are still checked', () => {
    const dir = tmpDir('fuzz-folder');
    fs.writeFileSync(path.join(dir, 'a-apimodel.json'), JSON.stringify({ ...hubSampleApiModel(), location: [] }));
    const bad = hubSampleApiModel();
    bad.properties.masterProfile.count = 2;
    fs.writeFileSync(path.join(dir, 'b-apimodel.json'), JSON.stringify(bad));
    const r = runCli('check', '--format', 'json', dir);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.out).findings.map((f: any) => [path.basename(f.location.file), f.ruleId, f.path]);
    expect(found).toContainEqual(['a-apimodel.json', 'HUB123', 'location']);
    expect(found).toContainEqual(['b-apimodel.json', 'HUB501', 'properties.masterProfile.count']);
  });
});

describe('every reader, with each field replaced by each JSON type', () => {
  it('ARM templates and their parameters files', () => {
    const rendered = renderArmTemplate(resolveProps('t', minimalProps({ network: { vnet: {} } }), STAMP).model);
    const params = renderArmParameters(rendered);
    expect(fuzz('azuredeploy.json', rendered.template, checkAs('azuredeploy.json'))).toBeGreaterThan(300);
    const both = (p: unknown) => {
      checkDocuments(
        [
          { file: 'azuredeploy.json', kind: 'arm', json: rendered.template as never },
          { file: 'azuredeploy.parameters.json', kind: 'arm-parameters', json: p as never },
        ],
        STAMP,
      );
    };
    expect(fuzz('azuredeploy.parameters.json', params, both)).toBeGreaterThan(30);
  });

  it('aks-engine API models, the Hub sample and the library\'s own', () => {
    expect(fuzz('kubernetes-azurestack.json', hubSampleApiModel(), checkAs('apimodel.json'))).toBeGreaterThan(250);
    const own = renderApiModel(checkEngineProps(minimalEngineProps({ agentPools: [{ name: 'linuxpool' }, { name: 'win', osType: 'Windows' }], windowsProfile: {} }), STAMP, { identitySystem: 'azure_ad', portalUrl: 'https://portal.local.azurestack.external/' }).input!.model);
    expect(fuzz('apimodel.json', own, checkAs('apimodel.json'))).toBeGreaterThan(200);
  });

  it('Terraform JSON (cdk.tf.json) with an azurerm cluster and the template deployment', () => {
    const { stack } = newStack();
    new HubAksCluster(stack, 'cluster', minimalProps());
    const tf = synthJson(stack);
    tf.resource.azurerm_kubernetes_cluster = {
      c: { name: 'aks', location: 'local', dns_prefix: 'aks', kubernetes_version: '1.20.7', default_node_pool: [{ name: 'pool', node_count: 3, vm_size: 'Standard_DS2_v2' }], service_principal: [{ client_id: CLIENT_ID, client_secret: '${var.s}' }], network_profile: [{ network_plugin: 'azure' }] },
    };
    expect(fuzz('cdk.tf.json', tf, checkAs('cdk.tf.json'))).toBeGreaterThan(200);
  });

  it('terraform show -json plans', () => {
    const plan = planOf({ nodePool: { count: 3 } }, { nodePool: { count: 4 } });
    // A plan repeats the cluster in several places; the first 400 paths reach each of them.
    expect(fuzz('plan.json', plan, checkAs('plan.json'), 150)).toBeGreaterThan(300);
  });

  it('az aks show output for drift', () => {
    const dir = quickstartArmFolder();
    const live = path.join(tmpDir('fuzz-live'), 'live.json');
    expect(
      fuzz('live.json', JSON.parse(JSON.stringify(liveQuickstart())), (json) => {
        fs.writeFileSync(live, JSON.stringify(json));
        driftOf(live, [dir], STAMP);
      }),
    ).toBeGreaterThan(150);
  });
});
