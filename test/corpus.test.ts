import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../lib';
import { runCliAsync, tmpDir } from './helpers';

/**
 * The precision check: realistic inputs of every kind `aks-hub check` reads (ARM templates and
 * their parameters files, Bicep builds, plans and state, Terraform JSON, HCL modules, aks-engine
 * API models), each with the findings a reviewer expects (test/fixtures/corpus/README.md says
 * why). A finding that is not expected lowers precision; an expected one that is missing lowers
 * recall; both must stay at 1.
 */
const CORPUS = path.join(__dirname, 'fixtures', 'corpus');
const expected: Record<string, { findings: string[]; notes?: string[] }> = JSON.parse(fs.readFileSync(path.join(CORPUS, 'expected.json'), 'utf8'));

interface Report {
  findings: Finding[];
  notes: string[];
}

async function check(kase: string, format = 'json'): Promise<{ code: number; report: Report; out: string }> {
  const r = await runCliAsync({}, 'check', '--format', format, path.join(CORPUS, kase));
  return { code: r.code, report: format === 'json' ? JSON.parse(r.out) : { findings: [], notes: [] }, out: r.out };
}

/** A finding as the expectations write it: rule, file (from the case's folder) and line, path. */
function written(kase: string, f: Finding): string {
  const full = path.join(CORPUS, kase);
  const base = fs.statSync(full).isDirectory() ? full : path.dirname(full);
  return `${f.ruleId} ${path.relative(base, f.location!.file!).split(path.sep).join('/')}:${f.location?.line} ${f.path}`;
}

describe('the precision corpus', () => {
  const cases = Object.keys(expected);

  it('has at least 30 inputs of every kind the checker reads', () => {
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const inputs = files(CORPUS).filter((f) => !/expected\.json$|README\.md$|package\.json$/.test(f));
    expect(inputs.length).toBeGreaterThanOrEqual(30);
    for (const kind of ['.tf', '.tfvars', '.plan.json', '.tf.json', 'azuredeploy.parameters.json']) expect(inputs.some((f) => f.endsWith(kind)), kind).toBe(true);
  });

  it.each(cases)('%s gives exactly the expected findings and notes', async (kase) => {
    const { code, report } = await check(kase);
    const want = expected[kase]!;
    const got = report.findings.map((f) => written(kase, f)).sort();
    expect(got).toEqual([...want.findings].sort());
    expect(code).toBe(want.findings.length > 0 ? 1 : 0);
    const notes = report.notes.map((n) => (n.includes('no AKS cluster') ? 'no cluster' : /skipped/.test(n) ? `skipped ${path.relative(path.join(CORPUS, kase), n.split(':')[0]!)}` : n));
    expect(notes).toEqual(want.notes ?? []);
  });

  it('places every SARIF result at a line, and lists skipped files as notifications', async () => {
    for (const kase of ['hcl/aks-module', 'arm/quickstart/azuredeploy.json', 'tfjson/mixed-folder', 'plan/azurerm-state.json']) {
      const { out } = await check(kase, 'sarif');
      const run = JSON.parse(out).runs[0];
      for (const r of run.results) expect(r.locations[0].physicalLocation.region.startLine, kase).toBeGreaterThan(0);
      if (kase === 'tfjson/mixed-folder') expect(run.invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text).join()).toContain('broken-template.json: skipped');
    }
  });

  it('takes --var-file values over terraform.tfvars, as terraform plan -var-file does', async () => {
    const varFile = path.join(tmpDir('var-file'), 'prod.tfvars');
    fs.writeFileSync(varFile, 'vm_size = "Standard_DS2_v2"\n');
    const r = await runCliAsync({}, 'check', '--format', 'json', '--var-file', varFile, path.join(CORPUS, 'hcl', 'aks-module'));
    const ids = JSON.parse(r.out).findings.map((f: Finding) => f.ruleId);
    expect(ids).not.toContain('HUB015');
    expect(ids).toContain('HUB017');
  });

  it('writes the line beside the file in text, as compilers do', async () => {
    const { out } = await check('hcl/count-and-for-each', 'text');
    expect(out).toContain(`${path.join(CORPUS, 'hcl', 'count-and-for-each', 'main.tf')}:44: HUB015 error azurerm_kubernetes_cluster.fleet["green"].default_node_pool.vm_size`);
  });
});
