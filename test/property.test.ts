import { Testing } from 'cdktf';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { HubAksCluster, HubValidationError, findRule } from '../lib';
import { AKS_NODE_VM_SIZES, API_VERSIONS, renderArmParameters } from './support/internals';
import { SSH_KEY, newStack } from './helpers';
import { type ArmSchemas, SCHEMA_DIR, loadArmSchemas, parametersProblems, templateProblems } from './support/arm-schemas';

/**
 * Property: for any props, a HubAksCluster either synthesizes output that passes the ARM schemas
 * and the Hub invariants, or throws HubValidationError with known rule ids. Nothing else.
 * FC_SEED replays a run; FC_RUNS changes the case count (CI: 1,000).
 */
const RUNS = Number(process.env.FC_RUNS ?? 1000);
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

/** Mostly `valid`, sometimes `invalid`, often unset: about one case in four synthesizes. */
const field = <T, U>(valid: fc.Arbitrary<T>, invalid?: fc.Arbitrary<U>, unset = 4) =>
  fc.oneof(
    { weight: unset, arbitrary: fc.constant(undefined) },
    { weight: 5, arbitrary: valid as fc.Arbitrary<T | U> },
    ...(invalid ? [{ weight: 1, arbitrary: invalid as fc.Arbitrary<T | U> }] : []),
  );
const junk = fc.oneof(fc.constant(null), fc.integer(), fc.double(), fc.boolean(), fc.string({ maxLength: 5 }), fc.constant(Number.NaN), fc.constant({}), fc.constant([]));
const rare = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 30, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const vs = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<unknown>) => fc.oneof({ weight: 12, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: invalid });

const goodCidr = fc.constantFrom('10.240.0.0/16', '10.240.0.0/20', '10.240.0.0/22');
const badCidr = fc.constantFrom('10.240.0.0/26', '10.0.0.0/8', '192.168.0.0/16', '10.240.0.5/20', '300.1.0.0/16', '10.240.0.0', 'x');
const validName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/);
const badName = fc.oneof(fc.constantFrom('Demo AKS', '-bad', '', 'x'.repeat(70), 'under_score'), junk);
const vmSizes = vs(fc.constantFrom(...AKS_NODE_VM_SIZES), fc.constantFrom('Standard_NC6', 'Standard_D2s_v5', 'standard_ds2_v2', 'Basic_A0', 'Standard_F48s_v2'));

export const propsArbitrary = fc.record(
  {
    name: vs(validName, badName),
    servicePrincipal: vs(fc.record({ clientId: fc.uuid(), objectId: field(fc.uuid()) }, { requiredKeys: ['clientId'] }), fc.oneof(junk, fc.constant({ clientId: 'x', clientSecret: 'literal-secret-1' }))),
    kubernetesVersion: field(fc.constant('1.20.7'), fc.oneof(fc.constant('1.29.0'), junk)),
    dnsPrefix: field(validName, badName),
    resourceGroupName: field(fc.constantFrom('rg-aks', 'rg_(1)'), fc.constant('bad rg.')),
    existingResourceGroup: field(fc.boolean()),
    nodePool: field(
      fc.record(
        {
          name: vs(fc.constantFrom('nodepool1', 'pool2', 'win1'), fc.constantFrom('Pool', 'averyveryverylongname')),
          count: vs(fc.integer({ min: 1, max: 20 }), fc.oneof(fc.integer({ min: -1, max: 60 }), junk)),
          vmSize: vmSizes,
          osDiskSizeGb: vs(fc.integer({ min: 30, max: 1023 }), fc.integer({ min: -5, max: 5000 })),
          maxPods: vs(fc.integer({ min: 10, max: 60 }), fc.integer({ min: 0, max: 400 })),
          osType: vs(fc.constant('Linux'), fc.constant('Windows')),
          enableAutoScaling: vs(fc.constant(false), fc.constant(true)),
          type: vs(fc.constant('VirtualMachineScaleSets'), fc.constant('AvailabilitySet')),
        },
        { requiredKeys: [] },
      ),
      junk,
    ),
    linuxProfile: vs(
      fc.record({ sshPublicKey: fc.constant(SSH_KEY), adminUsername: field(fc.constantFrom('azureuser', 'ops'), fc.constant('root')) }),
      fc.oneof(fc.constant(undefined), fc.record({ sshPublicKey: fc.constantFrom('ssh-rsa AAAA', 'not a key') }), junk),
    ),
    windowsProfile: rare(fc.record({ adminUsername: field(fc.constantFrom('winops', 'administrator')) }, { requiredKeys: [] })),
    network: field(
      fc.record(
        {
          plugin: vs(fc.constantFrom('azure', 'kubenet'), fc.constant('cilium')),
          policy: vs(fc.constant('azure'), fc.constant('calico')),
          vnet: vs(
            fc.oneof(
              fc.record({ addressSpace: fc.constant(['10.240.0.0/16']), subnetPrefix: goodCidr }, { requiredKeys: [] }),
              fc.record({ subnetId: fc.constant('/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/aks') }),
            ),
            fc.record({ addressSpace: fc.array(fc.oneof(goodCidr, badCidr), { minLength: 1, maxLength: 2 }), subnetPrefix: badCidr }, { requiredKeys: [] }),
          ),
          serviceCidr: vs(fc.constant('10.0.0.0/16'), badCidr),
          dnsServiceIp: vs(fc.constant('10.0.0.10'), fc.constantFrom('10.0.0.0', '10.0.0.1', '10.1.0.10', 'x')),
          podCidr: vs(fc.constant('10.244.0.0/16'), badCidr),
          loadBalancerSku: vs(fc.constant('basic'), fc.constant('standard')),
        },
        { requiredKeys: [] },
      ),
      junk,
    ),
    loadBalancerSku: field(fc.constant('basic'), fc.constant('standard')),
    skuTier: field(fc.constant('Free'), fc.constant('Paid')),
    identity: rare(fc.constantFrom({ type: 'None' }, { type: 'SystemAssigned' })),
    enablePrivateCluster: field(fc.constant(false), fc.constant(true)),
    addons: rare(fc.dictionary(fc.constantFrom('omsagent', 'azurepolicy', 'kubeDashboard'), fc.record({ enabled: fc.boolean() }), { maxKeys: 2 })),
    tags: field(fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), fc.string({ maxLength: 12 }), { maxKeys: 4 }), fc.constantFrom({ 'a/b': 'x' }, { k: 'v'.repeat(300) })),
    surprise: rare(junk),
  },
  { requiredKeys: ['name', 'servicePrincipal'] },
);

const HUB_TABLE = new Set(Object.entries(API_VERSIONS['2020-09-01-hybrid']).map(([t, v]) => `${t}@${v}`));

describe('property: any props synthesize Hub-valid output or throw HubValidationError', () => {
  let schemas: ArmSchemas | undefined;
  beforeAll(() => {
    schemas = SCHEMA_DIR ? loadArmSchemas() : undefined;
    console.log(`property suite: ${RUNS} cases, seed ${SEED} (replay with FC_SEED=${SEED})`);
  });

  it(`holds for ${RUNS} generated props`, () => {
    let synthesized = 0;
    let refused = 0;
    fc.assert(
      fc.property(propsArbitrary, (p) => {
        const { stack } = newStack();
        let cluster: HubAksCluster;
        try {
          cluster = new HubAksCluster(stack, 'c', p as never);
        } catch (e) {
          expect(e).toBeInstanceOf(HubValidationError);
          const err = e as HubValidationError;
          expect(err.violations.length).toBeGreaterThan(0);
          for (const v of err.violations) expect(findRule(v.ruleId), v.ruleId).toBeDefined();
          for (const line of err.message.split('\n').slice(1)) expect(line).toMatch(/^HUB\d{3} /);
          refused++;
          return;
        }
        const tf = JSON.parse(Testing.synth(stack, true));
        const errors = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/error'));
        expect(errors).toEqual([]);
        const bodies = Object.values<any>(tf.resource.azurestack_template_deployment).map((d) => JSON.parse(d.template_body));
        for (const template of [...bodies, cluster.armTemplate]) {
          expect(template).not.toHaveProperty('apiProfile');
          for (const r of template.resources) expect(HUB_TABLE.has(`${r.type}@${r.apiVersion}`), `${r.type}@${r.apiVersion}`).toBe(true);
          const mc = template.resources.find((r: any) => r.type === 'Microsoft.ContainerService/managedClusters');
          expect(mc.properties.networkProfile.loadBalancerSku).toBe('basic');
          expect(mc.properties.agentPoolProfiles).toHaveLength(1);
          expect(mc.properties.agentPoolProfiles[0].type).toBe('VirtualMachineScaleSets');
          expect(mc.properties.servicePrincipalProfile.secret).toBe("[parameters('servicePrincipalClientSecret')]");
          expect(mc).not.toHaveProperty('identity');
          if (schemas) expect(templateProblems(schemas, template)).toEqual([]);
        }
        if (schemas) expect(parametersProblems(schemas, renderArmParameters({ template: cluster.armTemplate, values: {}, secrets: {} }))).toEqual([]);
        expect(JSON.stringify(tf)).not.toContain('literal-secret-1');
        synthesized++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`property suite: ${synthesized} synthesized, ${refused} refused with HubValidationError`);
    expect(synthesized + refused).toBe(RUNS);
    expect(synthesized).toBeGreaterThan(RUNS / 50);
  });
});
