import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../lib/import/arm-expressions';
import { planChanges, planElements, terraformJsonElements } from '../lib/import/terraform-json';

// The Terraform JSON readers on their own, on the shapes Terraform writes: HCL's JSON syntax
// (hashicorp/hcl json/model.md), cdk.tf.json, and `terraform show -json` of a plan or a state
// (terraform docs, "JSON Output Format").

describe('Terraform JSON files', () => {
  it('reads resources, data sources and providers, by address, with the construct path cdktf records', () => {
    const els = terraformJsonElements({
      resource: { azurestack_resource_group: { rg: { name: 'x', '//': { metadata: { path: 'app/stack/rg' } } }, other: { name: 'y', '//': { metadata: {} } } } },
      data: { azurestack_client_config: { current: {} } },
      provider: { azurestack: [{ features: {} }, { alias: 'second' }] },
    });
    expect(els.map((e) => [e.kind, e.type, e.address, e.constructPath ?? null])).toEqual([
      ['resource', 'azurestack_resource_group', 'azurestack_resource_group.rg', 'app/stack/rg'],
      ['resource', 'azurestack_resource_group', 'azurestack_resource_group.other', null],
      ['data', 'azurestack_client_config', 'data.azurestack_client_config.current', null],
      ['provider', 'azurestack', 'provider.azurestack', null],
      ['provider', 'azurestack', 'provider.azurestack.second', null],
    ]);
    expect(els[0]!.attributes).toMatchObject({ name: 'x' });
    expect(els[1]).not.toHaveProperty('constructPath');
  });

  it('takes any level as an object or a list of objects, and skips what is neither', () => {
    const els = terraformJsonElements({ resource: [{ t: [{ a: { n: 1 } }, { b: [{ n: 2 }, { n: 3 }] }] }, 'junk'], data: 'junk', provider: [null] });
    expect(els.map((e) => [e.address, e.attributes])).toEqual([
      ['t.a', { n: 1 }],
      ['t.b', { n: 2 }],
      ['t.b', { n: 3 }],
    ]);
    expect(terraformJsonElements({ resource: { t: { a: { '//': { metadata: { path: 7 } } } } } })[0]).not.toHaveProperty('constructPath');
    expect(terraformJsonElements({ provider: { p: { alias: 3 } } })[0]!.address).toBe('provider.p');
  });
});

describe('plans: resource changes', () => {
  const change = (c: Record<string, unknown>) => ({ address: 'azurestack_resource_group.rg', type: 'azurestack_resource_group', mode: 'managed', change: { actions: ['update'], before: { name: 'a' }, after: { name: 'b' } }, ...c });

  it('reads each managed change with its actions, before and after, and the masks of the after side', () => {
    const [c] = planChanges({
      resource_changes: [change({ change: { actions: ['delete', 'create', 7], before: { name: 'a', tags: { k: 's' } }, after: { name: 'b', id: null }, after_unknown: { id: true }, before_sensitive: { tags: { k: true } }, after_sensitive: { name: true } } })],
    });
    expect([c!.address, c!.type, c!.actions]).toEqual(['azurestack_resource_group.rg', 'azurestack_resource_group', ['delete', 'create']]);
    expect([c!.before!.attributes, c!.after!.attributes]).toEqual([{ name: 'a', tags: { k: 's' } }, { name: 'b', id: null }]);
    expect([c!.before!.kind, c!.before!.address, c!.before!.type]).toEqual(['resource', 'azurestack_resource_group.rg', 'azurestack_resource_group']);
    // Unknown values exist only after apply; the before side has none.
    expect([c!.after!.unknown!('id'), c!.after!.unknown!('name'), c!.before!.unknown!('id')]).toEqual([true, false, false]);
    expect([c!.before!.sensitive!('tags.k'), c!.before!.sensitive!('name'), c!.after!.sensitive!('name')]).toEqual([true, false, true]);
  });

  it('leaves out a side that is not an object, data sources and malformed changes', () => {
    const [created] = planChanges({ resource_changes: [change({ change: { actions: ['create'], before: null, after: { name: 'b' } } })] });
    expect(created).not.toHaveProperty('before');
    expect(created!.after!.attributes).toEqual({ name: 'b' });
    const [deleted] = planChanges({ resource_changes: [change({ change: { actions: ['delete'], before: { name: 'a' }, after: null } })] });
    expect(deleted).not.toHaveProperty('after');
    expect(planChanges({ resource_changes: [change({ change: { before: {} } })] })[0]!.actions).toEqual([]);
    const bad = [change({ mode: 'data' }), change({ address: 7 }), change({ type: null }), change({ change: 'x' }), null, 'x'];
    for (const c of bad) expect(planChanges({ resource_changes: [c] }), JSON.stringify(c)).toEqual([]);
    expect(planChanges({ resource_changes: 'x' })).toEqual([]);
    expect(planChanges({})).toEqual([]);
  });
});

describe('plans and states: planned values', () => {
  const resource = (address: string, values: Record<string, unknown> = { name: address }, more: Record<string, unknown> = {}) => ({ address, type: address.split('.').at(-2), mode: 'managed', values, ...more });

  it('reads the resources of the root module and of every child module, in order, depth first', () => {
    const plan = {
      planned_values: {
        root_module: {
          resources: [resource('t.a')],
          child_modules: [
            { address: 'module.one', resources: [resource('module.one.t.b')], child_modules: [{ resources: [resource('module.one.module.deep.t.c')] }] },
            { address: 'module.two', resources: [resource('module.two.t.d')] },
          ],
        },
      },
    };
    expect(planElements(plan).map((e) => e.address)).toEqual(['t.a', 'module.one.t.b', 'module.one.module.deep.t.c', 'module.two.t.d']);
  });

  it("reads a state's values when there are no planned values, a data source as data, and a resource without an address by its type", () => {
    const els = planElements({ values: { root_module: { resources: [resource('t.a', { n: 1 }, { mode: 'data' }), { type: 't', values: {} }] } } });
    expect(els.map((e) => [e.kind, e.address, e.attributes])).toEqual([
      ['data', 't.a', { n: 1 }],
      ['resource', 't', {}],
    ]);
  });

  it('skips resources without a type or values, and modules that are not objects', () => {
    const els = planElements({ planned_values: { root_module: { resources: [null, { address: 'x', values: {} }, { address: 'y', type: 't' }, resource('t.ok')], child_modules: ['junk', null] } } });
    expect(els.map((e) => e.address)).toEqual(['t.ok']);
    expect(planElements({ planned_values: { root_module: 'x' } })).toEqual([]);
    expect(planElements({})).toEqual([]);
  });

  it("marks a value unknown from the resource's change, and sensitive from the planned values or the change", () => {
    const plan = {
      planned_values: { root_module: { resources: [resource('t.a', { id: null, secret: 's', list: [{ k: 'v' }, { k: 'w' }], nested: { x: 1 } }, { sensitive_values: { secret: true } })] } },
      resource_changes: [
        { address: 't.a', change: { after_unknown: { id: true, list: [{ k: false }, { k: true }] }, after_sensitive: { nested: true } } },
        { address: 7, change: {} },
        { address: 't.z', change: 'x' },
        null,
      ],
    };
    const [a] = planElements(plan);
    expect([a!.unknown!('id'), a!.unknown!('secret'), a!.unknown!('list.0.k'), a!.unknown!('list.1.k'), a!.unknown!('list')]).toEqual([true, false, false, true, false]);
    expect([a!.sensitive!('secret'), a!.sensitive!('nested.x'), a!.sensitive!('id')]).toEqual([true, true, false]);
    // A resource with no change in the plan (a state) has nothing unknown.
    const [b] = planElements({ values: { root_module: { resources: [resource('t.b')] } } });
    expect([b!.unknown!('name'), b!.sensitive!('name')]).toEqual([false, false]);
  });

  it('reads a mask of a whole list, an index past a short mask, and a key below a leaf', () => {
    const plan = (afterUnknown: unknown) => planElements({ planned_values: { root_module: { resources: [resource('t.a')] } }, resource_changes: [{ address: 't.a', change: { after_unknown: afterUnknown } }] })[0]!;
    expect(plan({ list: true }).unknown!('list.3.k')).toBe(true);
    expect(plan({ list: [true] }).unknown!('list.0')).toBe(true);
    // A block Terraform writes as a list of one is read by name, without the index.
    expect(plan({ list: [{ k: true }] }).unknown!('list.k')).toBe(true);
    expect(plan({ list: [true] }).unknown!('list.k')).toBe(true);
    expect(plan({ list: [{ k: true }] }).unknown!('list.x.k')).toBe(false);
    expect(plan({ list: [{ k: true }] }).unknown!('list.5.k')).toBe(false);
    expect(plan({ list: [{ k: true }, { k: false }] }).unknown!('list.1.k')).toBe(false);
    // Only a whole number is an index; other names read the first item.
    expect(plan({ list: [{ a1: true }] }).unknown!('list.a1')).toBe(true);
    expect(plan({ list: [{ '1a': true }] }).unknown!('list.1a')).toBe(true);
    expect(plan({ list: [...Array.from({ length: 12 }, () => false), true] }).unknown!('list.12')).toBe(true);
    expect(plan({ a: 'x' }).unknown!('a.b')).toBe(false);
    expect(plan({ a: { b: true } }).unknown!('a')).toBe(false);
    expect(plan(undefined).unknown!('a')).toBe(false);
  });

  it('reads providers from the configuration: a constant value, and a reference as unknown', () => {
    const els = planElements({
      configuration: {
        provider_config: {
          azurestack: { name: 'azurestack', expressions: { arm_endpoint: { constant_value: 'https://management.local.azurestack.external' }, client_id: { references: ['var.client_id'] }, junk: 'x' } },
          'azurestack.second': { name: 'azurestack', alias: 'second' },
          bare: { expressions: 'x' },
          weird: 7,
        },
      },
    });
    expect(els.map((e) => [e.kind, e.type, e.address, e.attributes])).toEqual([
      ['provider', 'azurestack', 'provider.azurestack', { arm_endpoint: 'https://management.local.azurestack.external', client_id: UNKNOWN, junk: UNKNOWN }],
      ['provider', 'azurestack', 'provider.azurestack.second', {}],
      ['provider', 'bare', 'provider.bare', {}],
      ['provider', 'weird', 'provider.weird', {}],
    ]);
    expect(planElements({ configuration: { provider_config: 'x' } })).toEqual([]);
  });
});
