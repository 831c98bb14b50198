import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_DIR, loadArmSchemas, parametersProblems, templateProblems } from './support/arm-schemas';

const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const EXAMPLES = fs.readdirSync(path.join(ROOT, 'examples')).filter((d) => fs.existsSync(path.join(ROOT, 'examples', d, 'main.ts')));

/** Runs an example the way `npm run synth` does, in a scratch directory; returns its cdktf.out files. */
/** A secret set in the environment the way users pass it; it must appear in no output file. */
const SECRET = 'Sup3r-Secret-From-The-Environment';

function synthExample(name: string, cwd: string): Record<string, string> {
  const secretEnv = Object.fromEntries(
    ['TF_VAR_cluster_client_secret', 'TF_VAR_cluster_windows_admin_password', 'ARM_CLIENT_SECRET', 'SP_CLIENT_SECRET'].map((k) => [k, SECRET]),
  );
  execFileSync(TSX, [path.join(ROOT, 'examples', name, 'main.ts')], { cwd, stdio: 'pipe', env: { ...process.env, ...secretEnv } });
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(path.join(cwd, 'cdktf.out'), p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(path.join(cwd, 'cdktf.out'));
  return out;
}

describe.each(EXAMPLES)('example %s', (name) => {
  let first: Record<string, string>;
  let second: Record<string, string>;
  beforeAll(() => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), `aks-hub-${name}-`));
    first = synthExample(name, cwd);
    fs.rmSync(path.join(cwd, 'cdktf.out'), { recursive: true });
    second = synthExample(name, cwd);
  }, 60_000);

  it('synthesizes cdk.tf.json and an ARM template pair per cluster', () => {
    const stacks = Object.keys(first).filter((f) => f.endsWith('cdk.tf.json'));
    expect(stacks.length).toBeGreaterThan(0);
    const armFiles = Object.keys(first).filter((f) => f.includes('/arm/'));
    expect(armFiles.length).toBeGreaterThanOrEqual(2);
    for (const f of stacks) {
      const tf = JSON.parse(first[f]!);
      expect(tf.provider.azurestack[0].metadata_host).toBeTruthy();
      expect(f.includes('azurerm') || JSON.stringify(tf).includes('azurerm')).toBe(false);
    }
  });

  it('writes no secret value to any file', () => {
    for (const [f, content] of Object.entries(first)) expect(content.includes(SECRET), f).toBe(false);
  });

  it('is byte-identical across two runs', () => {
    expect(second).toEqual(first);
  });

  it.skipIf(!SCHEMA_DIR)('every ARM file and embedded template validates against the schemas', () => {
    const schemas = loadArmSchemas();
    for (const [f, content] of Object.entries(first)) {
      if (f.endsWith('azuredeploy.json')) expect(templateProblems(schemas, JSON.parse(content)), f).toEqual([]);
      if (f.endsWith('azuredeploy.parameters.json')) expect(parametersProblems(schemas, JSON.parse(content)), f).toEqual([]);
      if (f.endsWith('cdk.tf.json')) {
        for (const d of Object.values<any>(JSON.parse(content).resource?.azurestack_template_deployment ?? {})) {
          expect(templateProblems(schemas, JSON.parse(d.template_body)), f).toEqual([]);
        }
      }
    }
  });
});
