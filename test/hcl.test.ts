import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../lib/import/arm-expressions';
import { evaluateHcl, evaluateHclString, templateParts } from '../lib/import/hcl-expression';
import { hclLine, mergeModule, parseHclFile } from '../lib/import/hcl-files';
import { jsonLines, lineIn } from '../lib/import/json-lines';
import { resolveModule, variableValues } from '../lib/import/terraform-module';

const jsonLineOf = (text: string, path: readonly (string | number)[]) => lineIn(jsonLines(text), path);

const scope = (roots: Record<string, unknown> = {}) => ({ lookup: (r: string) => roots[r] });
const ev = (text: string, roots: Record<string, unknown> = {}) => evaluateHcl(text, scope(roots));

describe('Terraform expressions', () => {
  const vars = { var: { env: 'prod', n: 3, on: true, off: false, zones: ['1', '2'], tags: { team: 'ops' } }, local: { name: 'aks-prod' } };

  it('reads literals, references, members and indexes', () => {
    expect(ev('42')).toBe(42);
    expect(ev('1.5e2')).toBe(150);
    expect(ev('"text"')).toBe('text');
    expect(ev('true')).toBe(true);
    expect(ev('null')).toBe(null);
    expect(ev('var.env', vars)).toBe('prod');
    expect(ev('var.zones[1]', vars)).toBe('2');
    expect(ev('var.tags.team', vars)).toBe('ops');
    expect(ev('var.tags["team"]', vars)).toBe('ops');
    expect(ev('local.name', vars)).toBe('aks-prod');
    expect(ev('[1, "a", var.n]', vars)).toEqual([1, 'a', 3]);
    expect(ev('{ a = 1, "b" = var.env }', vars)).toEqual({ a: 1, b: 'prod' });
  });

  it('computes operators, with false && and true || decided without the other side', () => {
    expect(ev('var.n + 2 * 3 - 1', vars)).toBe(8);
    expect(ev('(var.n + 1) % 3', vars)).toBe(1);
    expect(ev('7 / 2')).toBe(3.5);
    expect(ev('1 / 0')).toBe(UNKNOWN);
    expect(ev('-var.n', vars)).toBe(-3);
    expect(ev('!var.on', vars)).toBe(false);
    expect(ev('var.n >= 3 && var.n < 4', vars)).toBe(true);
    expect(ev('var.n <= 2 || var.n > 10', vars)).toBe(false);
    expect(ev('var.env == "prod"', vars)).toBe(true);
    expect(ev('var.env != "prod"', vars)).toBe(false);
    expect(ev('var.off && azurerm_resource_group.x.name == "a"', vars)).toBe(false);
    expect(ev('var.on || azurerm_resource_group.x.name == "a"', vars)).toBe(true);
    expect(ev('var.on && azurerm_resource_group.x.name == "a"', vars)).toBe(UNKNOWN);
    expect(ev('var.on ? [1] : []', vars)).toEqual([1]);
    expect(ev('var.off ? [1] : []', vars)).toEqual([]);
    expect(ev('var.missing ? 1 : 2', vars)).toBe(UNKNOWN);
  });

  it('calls the common functions, and leaves the rest unknown', () => {
    expect(ev('lower("MyAKS")')).toBe('myaks');
    expect(ev('upper("a")')).toBe('A');
    expect(ev('format("%s-%d-%%", "aks", 2)')).toBe('aks-2-%');
    expect(ev('join("-", ["a", "b"])')).toBe('a-b');
    expect(ev('concat(["a"], ["b"])')).toEqual(['a', 'b']);
    expect(ev('length(var.zones)', vars)).toBe(2);
    expect(ev('merge(var.tags, { env = "x" })', vars)).toEqual({ team: 'ops', env: 'x' });
    expect(ev('lookup(var.tags, "team", "none")', vars)).toBe('ops');
    expect(ev('lookup(var.tags, "owner", "none")', vars)).toBe('none');
    expect(ev('coalesce("", null, "c")')).toBe('c');
    expect(ev('contains(var.zones, "2")', vars)).toBe(true);
    expect(ev('keys({ b = 1, a = 2 })')).toEqual(['a', 'b']);
    expect(ev('values({ b = 1, a = 2 })')).toEqual([2, 1]);
    expect(ev('element(["a", "b"], 3)')).toBe('b');
    expect(ev('replace("a-b", "-", "_")')).toBe('a_b');
    expect(ev('substr("kubernetes", 0, 4)')).toBe('kube');
    expect(ev('max(1, 5, 3)')).toBe(5);
    expect(ev('tonumber("12")')).toBe(12);
    expect(ev('tobool("true")')).toBe(true);
    expect(ev('tostring(3)')).toBe('3');
    expect(ev('trimspace("  a ")')).toBe('a');
    // Values only Terraform or the cloud knows.
    expect(ev('uuid()')).toBe(UNKNOWN);
    expect(ev('file("key.pub")')).toBe(UNKNOWN);
    expect(ev('lower(var.unset)', { var: {} })).toBe(UNKNOWN);
    expect(ev('azurerm_resource_group.main.location')).toBe(UNKNOWN);
    expect(ev('[for z in var.zones : upper(z)]', vars)).toBe(UNKNOWN);
    expect(ev('var.list[*].id', { var: { list: [] } })).toBe(UNKNOWN);
  });

  it('compares every way, and reads a function argument of the wrong type as unknown', () => {
    for (const [expr, want] of [['1 < 2', true], ['2 < 1', false], ['2 > 1', true], ['1 > 2', false], ['2 <= 2', true], ['3 <= 2', false], ['2 >= 2', true], ['1 >= 2', false], ['"a" < 1', UNKNOWN]] as const) expect(ev(expr), expr).toBe(want);
    expect(ev('true || false')).toBe(true);
    expect(ev('false || false')).toBe(false);
    expect(ev('false || var.x', { var: {} })).toBe(UNKNOWN);
    expect(ev('true && true')).toBe(true);
    expect(ev('true && var.x', { var: {} })).toBe(UNKNOWN);
    expect(ev('!"x"')).toBe(UNKNOWN);
    expect(ev('-"x"')).toBe(UNKNOWN);
    for (const [expr, want] of [
      ['lower(1)', UNKNOWN], ['upper(1)', UNKNOWN], ['trimspace(1)', UNKNOWN], ['tostring([])', UNKNOWN], ['tostring(true)', 'true'],
      ['tonumber(5)', 5], ['tonumber("-1.5")', -1.5], ['tonumber("1x")', UNKNOWN], ['tonumber("x1")', UNKNOWN],
      ['tobool(false)', false], ['tobool("false")', false], ['tobool("yes")', UNKNOWN],
      ['format(1)', UNKNOWN], ['format("%s-%s", "a")', UNKNOWN], ['format("%v", true)', 'true'],
      ['join(1, ["a"])', UNKNOWN], ['join("-", "a")', UNKNOWN], ['join("-", [["a"]])', UNKNOWN], ['join("-", [1, true])', '1-true'],
      ['concat(["a"], "b")', UNKNOWN], ['length({})', 0], ['length(true)', UNKNOWN],
      ['merge({ a = 1 }, 2)', UNKNOWN], ['lookup({ a = 1 }, "b")', UNKNOWN], ['lookup([], "a", 1)', UNKNOWN], ['lookup({ a = 1 }, 1, 2)', UNKNOWN],
      ['coalesce("", "")', UNKNOWN], ['coalesce(var.x, "a")', UNKNOWN], ['contains("ab", "a")', UNKNOWN],
      ['keys([])', UNKNOWN], ['values(1)', UNKNOWN], ['tolist("a")', UNKNOWN], ['tomap({ a = 1 })', { a: 1 }], ['tomap([])', UNKNOWN],
      ['element([], 0)', UNKNOWN], ['element(["a"], "0")', UNKNOWN], ['element(["a", "b"], 1)', 'b'],
      ['replace("a.b", "/\\./", "-")', UNKNOWN], ['replace(1, "a", "b")', UNKNOWN],
      ['substr("kubernetes", 4, -1)', 'rnetes'], ['substr(1, 0, 1)', UNKNOWN],
      ['min()', UNKNOWN], ['min(3, 1)', 1], ['max(1, "2")', UNKNOWN],
    ] as const) expect(ev(expr, { var: {} }), expr).toEqual(want);
  });

  it('reads members and indexes only where they are', () => {
    const s = { var: { list: ['a', 'b'], map: { k: 'v', 1: 'one' }, text: 'abc' } };
    expect(ev('var.list[1]', s)).toBe('b');
    expect(ev('var.list["1"]', s)).toBe('b');
    expect(ev('var.list[2]', s)).toBe(UNKNOWN);
    expect(ev('var.list[-1]', s)).toBe(UNKNOWN);
    expect(ev('var.list[0.5]', s)).toBe(UNKNOWN);
    expect(ev('var.list.x', s)).toBe(UNKNOWN);
    expect(ev('var.map[1]', s)).toBe('one');
    expect(ev('var.map[true]', s)).toBe(UNKNOWN);
    expect(ev('var.text.length', s)).toBe(UNKNOWN);
    expect(ev('var.map.missing', s)).toBe(UNKNOWN);
    expect(ev('var.list[var.none]', { var: { list: ['a'] } })).toBe(UNKNOWN);
  });

  it('reads escapes and nested quotes in strings, and refuses what does not close', () => {
    expect(ev('"\\u0041\\n\\r\\\\"')).toBe('A\n\r\\');
    expect(ev('"\\q"')).toBe(UNKNOWN);
    expect(ev('"\\u00zz"')).toBe(UNKNOWN);
    expect(ev('"unterminated')).toBe(UNKNOWN);
    expect(ev('"${"inner \\"x\\""}"')).toBe('inner "x"');
    expect(ev('"a ${ "}" } b"')).toBe('a } b');
    expect(ev('"${unclosed"')).toBe(UNKNOWN);
    expect(ev('{ a = 1, b: 2 }')).toEqual({ a: 1, b: 2 });
    expect(ev('{ "k" 1 }')).toBe(UNKNOWN);
    expect(ev('{ (var.k) = 1 }', { var: { k: 'x' } })).toEqual({ x: 1 });
    expect(ev('{ a = var.none }', { var: {} })).toBe(UNKNOWN);
    expect(ev('{ for k, v in var.m : k => v }', { var: { m: {} } })).toBe(UNKNOWN);
    expect(ev('concat(var.l...)', { var: { l: [] } })).toBe(UNKNOWN);
    expect(ev('1 2')).toBe(UNKNOWN);
    expect(ev('')).toBe(UNKNOWN);
    expect(ev('#')).toBe(UNKNOWN);
    expect(evaluateHclString('${~ var.x ~}', scope({ var: { x: 'trimmed' } }))).toBe('trimmed');
    expect(evaluateHclString('a $${b} ${var.x}', scope({ var: { x: 'c' } }))).toBe('a ${b} c');
  });

  it('reads templates: text and interpolations, a lone interpolation keeping its type, escapes kept as text', () => {
    expect(evaluateHclString('aks-${var.env}-${var.n}', scope(vars))).toBe('aks-prod-3');
    expect(evaluateHclString('${var.zones}', scope(vars))).toEqual(['1', '2']);
    expect(evaluateHclString('plain', scope())).toBe('plain');
    expect(evaluateHclString('$${literal} and %%{ if }', scope())).toBe('${literal} and %{ if }');
    expect(evaluateHclString('${var.tags}-x', scope(vars))).toBe(UNKNOWN);
    expect(evaluateHclString('%{ if var.on }x%{ endif }', scope(vars))).toBe(UNKNOWN);
    expect(evaluateHclString('${"aks-${var.env}"}', scope(vars))).toBe('aks-prod');
    expect(evaluateHclString('${lookup(var.tags, "team")}', scope(vars))).toBe('ops');
    expect(ev('"tab\\there \\"quoted\\""')).toBe('tab\there "quoted"');
    expect(templateParts('a${b}c')).toEqual(['a', { expr: 'b' }, 'c']);
    expect(templateParts('${ unterminated')).toBeUndefined();
  });
});

describe('Terraform modules', () => {
  const module = {
    variable: [{ env: [{ default: 'dev' }] }, { monitoring: [{ default: false }] }, { count: [{ default: 2 }] }, { secret: [{ sensitive: true }] }],
    locals: [{ name: 'aks-${var.env}', full: '${local.name}-1' }, { loop: '${local.loop}' }],
    resource: {
      azurerm_kubernetes_cluster: {
        one: [
          {
            name: '${local.full}',
            loop: '${local.loop}',
            secret: '${var.secret}',
            default_node_pool: [{ name: 'system', zones: '${var.env == "prod" ? ["1"] : null}' }],
            dynamic: { oms_agent: [{ for_each: '${var.monitoring ? [1] : []}', content: [{ log_analytics_workspace_id: 'x' }] }] },
          },
        ],
        counted: [{ count: '${var.count}', name: 'c-${count.index}' }],
        none: [{ count: '${var.env == "prod" ? 1 : 0}', name: 'never' }],
        each: [{ for_each: { blue: { size: 'A' }, green: { size: 'B' } }, name: '${each.key}', vm_size: '${each.value.size}' }],
        set: [{ for_each: '${toset(["x", "y"])}', name: '${each.value}' }],
        open: [{ for_each: '${var.secret}', name: '${each.key}' }],
        pools: [{ dynamic: { pool: [{ for_each: ['a', 'b'], iterator: 'p', content: [{ name: '${p.value}', index: '${p.key}' }] }] } }],
        later: [{ dynamic: { pool: [{ for_each: '${data.x.y.list}', content: [{ name: 'z' }] }] } }],
      },
    },
  };

  it('takes a variable from the variable files, else its default, else leaves it unknown', () => {
    const values = variableValues(module, { env: 'prod' });
    expect(values.get('env')).toBe('prod');
    expect(values.get('count')).toBe(2);
    expect(values.get('secret')).toBe(UNKNOWN);
  });

  it('expands count, for_each and dynamic blocks as Terraform would, and leaves what it cannot read as ${…}', () => {
    const r = resolveModule(module) as { resource: { azurerm_kubernetes_cluster: Record<string, Record<string, unknown>> } };
    const c = r.resource.azurerm_kubernetes_cluster;
    expect(Object.keys(c).sort()).toEqual(['counted[0]', 'counted[1]', 'each["blue"]', 'each["green"]', 'later', 'one', 'open', 'pools', 'set["x"]', 'set["y"]']);
    expect(c.one!.name).toBe('aks-dev-1');
    // A local that refers to itself, and a sensitive variable without a value, stay unknown.
    expect(c.one!.loop).toBe('${local.loop}');
    expect(c.one!.secret).toBe('${var.secret}');
    expect(c.one!.default_node_pool).toEqual([{ name: 'system', zones: null }]);
    expect(c.one!.oms_agent).toEqual([]);
    expect(c.one!).not.toHaveProperty('dynamic');
    expect(c['counted[1]']!.name).toBe('c-1');
    expect(c['counted[0]']).not.toHaveProperty('count');
    expect(c['each["green"]']).toEqual({ name: 'green', vm_size: 'B' });
    expect(c['set["y"]']!.name).toBe('y');
    // A for_each known only at apply: one instance, its keys unknown, as a copy loop of unknown count.
    expect(c.open!.name).toBe('${each.key}');
    expect(c.pools!.pool).toEqual([
      { name: 'a', index: 'a' },
      { name: 'b', index: 'b' },
    ]);
    expect(c.later!.pool).toBe('${dynamic.pool}');
  });

  it('resolves with the values given, which win over defaults', () => {
    const r = resolveModule(module, { env: 'prod', monitoring: true }) as { resource: { azurerm_kubernetes_cluster: Record<string, Record<string, unknown>> } };
    const c = r.resource.azurerm_kubernetes_cluster;
    expect(c.one!.default_node_pool).toEqual([{ name: 'system', zones: ['1'] }]);
    expect(c.one!.oms_agent).toEqual([{ log_analytics_workspace_id: 'x' }]);
    expect(c['none[0]']!.name).toBe('never');
  });

  it('reads a module of several files, and says why a file does not parse', async () => {
    const a = await parseHclFile({ file: 'a.tf', text: 'variable "env" {\n  default = "dev"\n}\n' });
    const b = await parseHclFile({ file: 'b.tf', text: 'resource "azurerm_kubernetes_cluster" "k" {\n  name = "aks-${var.env}"\n}\n' });
    const r = resolveModule(mergeModule([a as Record<string, unknown>, b as Record<string, unknown>])) as { resource: Record<string, Record<string, { name: string }>> };
    expect(r.resource.azurerm_kubernetes_cluster!.k!.name).toBe('aks-dev');
    expect(await parseHclFile({ file: 'bad.tf', text: 'x = [\n' })).toMatch(/^bad\.tf:2,1-1: Missing expression/);
  });
});

describe('lines of findings', () => {
  const hcl = [
    '# a comment with { braces }',
    'resource "azurerm_kubernetes_cluster" "aks" {',
    '  name = "a { b"',
    '  /* { */',
    '  default_node_pool {',
    '    name    = "system"',
    '    vm_size = "Standard_NC6"',
    '  }',
    '  dynamic "oms_agent" {',
    '    for_each = []',
    '    content {',
    '      log_analytics_workspace_id = "x"',
    '    }',
    '  }',
    '}',
    'provider "azurerm" {',
    '  features {}',
    '}',
    'data "azurerm_client_config" "current" {}',
  ].join('\n');
  const src = [{ file: 'main.tf', text: hcl }];

  it('finds the resource, the block and the attribute in HCL, past comments and braces in strings', () => {
    expect(hclLine(src, 'azurerm_kubernetes_cluster.aks', 'default_node_pool.vm_size')).toEqual({ file: 'main.tf', line: 7 });
    expect(hclLine(src, 'azurerm_kubernetes_cluster.aks["x"]', 'name')).toEqual({ file: 'main.tf', line: 3 });
    // An unset attribute is at its block; an unset block at the resource.
    expect(hclLine(src, 'azurerm_kubernetes_cluster.aks', 'default_node_pool.zones')!.line).toBe(5);
    expect(hclLine(src, 'azurerm_kubernetes_cluster.aks', 'identity')!.line).toBe(2);
    expect(hclLine(src, 'azurerm_kubernetes_cluster.aks', 'oms_agent.log_analytics_workspace_id')!.line).toBe(9);
    expect(hclLine(src, 'provider.azurerm', '(resource)')!.line).toBe(16);
    expect(hclLine(src, 'data.azurerm_client_config.current', '')!.line).toBe(19);
    expect(hclLine(src, 'azurerm_kubernetes_cluster.other', 'name')).toBeUndefined();
    expect(hclLine(src, undefined, 'name')).toBeUndefined();
  });

  it('finds a path in JSON, through Terraform block lists, and the nearest line of an unset one', () => {
    const text = JSON.stringify({ a: 1, resource: { t: { n: { block: [{ x: 1, y: { z: '}' } }], list: [10, 20, 30] } } } }, null, 2);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(jsonLineOf(text, ['resource', 't', 'n', 'block', 'y', 'z'])).toBe(lineOf('"z"'));
    expect(jsonLineOf(text, ['resource', 't', 'n', 'block', '0', 'x'])).toBe(lineOf('"x"'));
    expect(jsonLineOf(text, ['resource', 't', 'n', 'list', 2])).toBe(lineOf('30'));
    expect(jsonLineOf(text, ['resource', 't', 'n', 'missing'])).toBe(lineOf('"n"'));
    expect(jsonLineOf(text, ['a'])).toBe(2);
    expect(jsonLineOf(text, [])).toBe(1);
    expect(jsonLineOf('{"a":\n"x\\"y",\n"b": 2}', ['b'])).toBe(3);
  });
});
