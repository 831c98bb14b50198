import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from 'cdktf';
import { beforeAll, describe, expect, it } from 'vitest';
import { HubAksCluster, type HubAksClusterProps } from '../lib';
import { AKS_NODE_VM_SIZES, API_VERSIONS, renderArmParameters, renderArmTemplate, resolveProps } from './support/internals';
import { CLIENT_ID, STAMP, minimalProps, newStack } from './helpers';
import { type ArmSchemas, SCHEMA_DIR, loadArmSchemas, parametersProblems, templateProblems } from './support/arm-schemas';

const EXISTING = '/subscriptions/0000/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/hub-vnet/subnets/aks';
const KV = { vaultId: '/subscriptions/0000/resourceGroups/kv-rg/providers/Microsoft.KeyVault/vaults/hub-kv', secretName: 'sp-secret', secretVersion: 'abc' };

/** Configurations every renderer output must conform for. */
export const MATRIX: Record<string, HubAksClusterProps> = {
  'new VNET (quickstart)': minimalProps(),
  'existing subnet': minimalProps({ network: { vnet: { subnetId: EXISTING } } }),
  'existing subnet with role assignment': minimalProps({ servicePrincipal: { clientId: CLIENT_ID, objectId: '99999999-0000-0000-0000-000000000000' }, network: { vnet: { subnetId: EXISTING } } }),
  kubenet: minimalProps({ network: { plugin: 'kubenet', policy: 'azure' } }),
  'default VNET, kubenet (the Linux CLI example)': minimalProps({ network: { plugin: 'kubenet', vnet: 'default' } }),
  'Windows profile on a Linux System pool (the Windows CLI example)': minimalProps({ windowsProfile: { adminUsername: 'azureuser' }, network: { vnet: 'default' } }),
  windows: minimalProps({ nodePool: { osType: 'Windows', name: 'win' }, windowsProfile: { adminUsername: 'winadmin' }, linuxProfile: undefined }),
  'key vault secrets and tags': minimalProps({ servicePrincipal: { clientId: CLIENT_ID, keyVaultSecret: KV }, tags: { env: 'prod', owner: 'platform' } }),
};

if (!SCHEMA_DIR) {
  console.warn('ARM schema conformance suite skipped: ARM_SCHEMA_DIR is not set (CI sets it to ../shared/arm-schemas/schemas).');
}

describe.skipIf(!SCHEMA_DIR)('ARM templates conform to Microsoft schemas (skipped without ARM_SCHEMA_DIR)', () => {
  let schemas: ArmSchemas;
  beforeAll(() => {
    schemas = loadArmSchemas();
  });

  it('the schemas know every type@apiVersion of the Hub profile table', () => {
    const pairs = Object.entries(API_VERSIONS['2020-09-01-hybrid']).map(([t, v]) => `${t}@${v}`);
    // Subnets are written inline, but the table's pair must still be a real schema definition.
    expect([...schemas.resourceValidators.keys()].sort()).toEqual(pairs.sort());
  });

  describe.each(Object.entries(MATRIX))('%s', (_name, props) => {
    const spec = () => resolveProps('t', props, STAMP).model;

    it('the template validates', () => {
      expect(templateProblems(schemas, renderArmTemplate(spec()).template)).toEqual([]);
    });

    it('the parameters file validates', () => {
      expect(parametersProblems(schemas, renderArmParameters(renderArmTemplate(spec())))).toEqual([]);
    });
  });

  it('rejects what the Hub profile does not have (the check can fail)', () => {
    const t = structuredClone(renderArmTemplate(resolveProps('t', minimalProps(), STAMP).model).template) as any;
    t.resources[1].apiVersion = '2021-10-01';
    expect(templateProblems(schemas, t).join('\n')).toContain('not in the Hub profile table');
    const bad = structuredClone(renderArmTemplate(resolveProps('t', minimalProps(), STAMP).model).template) as any;
    bad.resources[1].properties.agentPoolProfiles[0].count = 'three';
    expect(templateProblems(schemas, bad).length).toBeGreaterThan(0);
    expect(templateProblems(schemas, { ...t, apiProfile: '2020-09-01-hybrid' }).join('\n')).toContain('template:');
  });

  it('every ARM file and embedded template of a full synth validates', () => {
    const { stack } = newStack();
    for (const [i, props] of Object.values(MATRIX).entries()) new HubAksCluster(stack, `c${i}`, { ...props, name: `aks${i}` });
    const out = Testing.fullSynth(stack);
    const stackDir = path.join(out, 'stacks', 'aks-hub');
    const tf = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
    const bodies = Object.values<any>(tf.resource.azurestack_template_deployment).map((d) => JSON.parse(d.template_body));
    expect(bodies).toHaveLength(Object.keys(MATRIX).length);
    for (const body of bodies) expect(templateProblems(schemas, body)).toEqual([]);
    const dirs = fs.readdirSync(path.join(stackDir, 'arm'));
    expect(dirs).toHaveLength(Object.keys(MATRIX).length);
    for (const d of dirs) {
      const read = (f: string) => JSON.parse(fs.readFileSync(path.join(stackDir, 'arm', d, f), 'utf8'));
      expect(templateProblems(schemas, read('azuredeploy.json'))).toEqual([]);
      expect(parametersProblems(schemas, read('azuredeploy.parameters.json'))).toEqual([]);
    }
  });
});

describe.skipIf(!SCHEMA_DIR)('node size catalog against the 2020-11-01 schema', () => {
  it('every AKS node size is in the schema\'s ContainerServiceVMSize list', () => {
    const schemas = loadArmSchemas();
    const template = renderArmTemplate(resolveProps('t', minimalProps(), STAMP).model).template;
    const bad = AKS_NODE_VM_SIZES.filter((size) => {
      const t = structuredClone(template) as any;
      t.resources[1].properties.agentPoolProfiles[0].vmSize = size;
      return templateProblems(schemas, t).length > 0;
    });
    expect(bad).toEqual([]);
  });
});
