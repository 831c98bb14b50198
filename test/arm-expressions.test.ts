import { describe, expect, it } from 'vitest';
import { type ArmScope, DEPLOY_TIME_TEXT, type ParameterSource, UNKNOWN, evaluate, evaluateAt } from '../lib/import/arm-expressions';

/** A template scope: parameters with where each is set, variables, and the copy loops in progress. */
function scope(parameters: Record<string, unknown> = {}, variables: Record<string, unknown> = {}, copyIndex: [string, number][] = []): ArmScope {
  return {
    parameters: new Map(Object.entries(parameters).map(([k, v]): [string, ParameterSource] => [k, { value: v, path: `parameters.${k}.defaultValue`, secure: false }])),
    variables,
    copyIndex: new Map(copyIndex),
  };
}
const ev = (expression: string, s: ArmScope = scope()) => evaluate(expression, s);

describe('ARM template expressions, function by function', () => {
  it('parameters(): the value, and where it is set when the expression is only that', () => {
    const s = scope({ size: 'Standard_DS2_v2', count: 3, pools: [{ name: 'a' }] });
    expect(evaluateAt("[parameters('size')]", 'resources.0.vmSize', s)).toEqual({ value: 'Standard_DS2_v2', path: 'parameters.size.defaultValue' });
    // Inside a larger expression the value is the template's own, at its own path.
    expect(evaluateAt("[concat(parameters('size'), '-x')]", 'resources.0.vmSize', s)).toEqual({ value: 'Standard_DS2_v2-x', path: 'resources.0.vmSize' });
    expect(evaluateAt("[parameters('pools')[0].name]", 'p', s)).toEqual({ value: 'a', path: 'p' });
    expect(ev("[parameters('missing')]", s)).toBe(UNKNOWN);
    expect(ev("[parameters('count')]", s)).toBe(3);
  });

  it('variables(): evaluated in turn, to a bounded depth', () => {
    const s = scope({ env: 'prod' }, { name: "[concat('aks-', parameters('env'))]", full: "[concat(variables('name'), '-1')]", loop: "[variables('loop')]", obj: { a: 1 } });
    expect(ev("[variables('full')]", s)).toBe('aks-prod-1');
    expect(ev("[variables('obj').a]", s)).toBe(1);
    expect(ev("[variables('none')]", s)).toBe(UNKNOWN);
    expect(ev("[variables('loop')]", s)).toBe(UNKNOWN);
    // A chain of variables is followed nine deep, no further.
    const chain = (n: number) => scope({}, Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${i}`, i === n - 1 ? 'end' : `[variables('v${i + 1}')]`])));
    expect(ev("[variables('v0')]", chain(9))).toBe('end');
    expect(ev("[variables('v0')]", chain(10))).toBe(UNKNOWN);
  });

  it('copyIndex(): the resource loop, a named loop, and an offset', () => {
    const s = scope({}, {}, [
      ['', 2],
      ['pools', 5],
    ]);
    expect(ev('[copyIndex()]', s)).toBe(2);
    expect(ev('[copyIndex(1)]', s)).toBe(3);
    expect(ev("[copyIndex('pools')]", s)).toBe(5);
    expect(ev("[copyIndex('pools', 10)]", s)).toBe(15);
    expect(ev("[copyIndex('other')]", s)).toBe(UNKNOWN);
    expect(ev('[copyIndex()]', scope({}, {}, [['pools', 4]]))).toBe(4);
    expect(ev('[copyIndex()]')).toBe(UNKNOWN);
  });

  it('concat(): strings joined, arrays flattened', () => {
    expect(ev("[concat('a', 'b', 1)]")).toBe('ab1');
    expect(ev("[concat(createArray(1, 2), createArray(3))]")).toEqual([1, 2, 3]);
    // Resource Manager refuses arrays mixed with strings.
    expect(ev("[concat(createArray(1), 'a')]")).toBe(UNKNOWN);
    expect(ev("[concat('a', createArray(1))]")).toBe(UNKNOWN);
  });

  it('toLower(), toUpper(), string(), int()', () => {
    expect(ev("[toLower('AbC')]")).toBe('abc');
    expect(ev("[toUpper('AbC')]")).toBe('ABC');
    expect(ev("[string('x')]")).toBe('x');
    expect(ev('[string(12)]')).toBe('12');
    expect(ev("[string(createArray(1))]")).toBe('[1]');
    expect(ev("[int('42')]")).toBe(42);
  });

  it('add(), sub(), mul(), with negative numbers', () => {
    expect(ev('[add(200, 60)]')).toBe(260);
    expect(ev('[sub(10, 3)]')).toBe(7);
    expect(ev('[sub(3, 10)]')).toBe(-7);
    expect(ev('[mul(4, -3)]')).toBe(-12);
  });

  it('if(), equals(), not(), empty()', () => {
    expect(ev("[if(true(), 'yes', 'no')]")).toBe('yes');
    expect(ev("[if(false(), 'yes', 'no')]")).toBe('no');
    expect(ev("[equals('a', 'a')]")).toBe(true);
    expect(ev("[equals('a', 'b')]")).toBe(false);
    expect(ev('[equals(createArray(1), createArray(1))]')).toBe(true);
    expect(ev('[not(true())]')).toBe(false);
    expect(ev("[not(equals('a', 'b'))]")).toBe(true);
    expect(ev("[empty('')]")).toBe(true);
    expect(ev("[empty('x')]")).toBe(false);
    expect(ev('[empty(createArray())]')).toBe(true);
    expect(ev("[empty(json('{}'))]")).toBe(UNKNOWN);
    expect(ev("[empty(variables('o'))]", scope({}, { o: {} }))).toBe(true);
    expect(ev("[empty(variables('o'))]", scope({}, { o: { a: 1 } }))).toBe(false);
    expect(ev('[empty(createArray(1))]')).toBe(false);
    expect(ev('[empty(null())]')).toBe(false);
    expect(ev('[empty(3)]')).toBe(false);
  });

  it('length(), createArray(), format()', () => {
    expect(ev("[length('abc')]")).toBe(3);
    expect(ev('[length(createArray(1, 2))]')).toBe(2);
    expect(ev("[length(variables('o'))]", scope({}, { o: { a: 1, b: 2 } }))).toBe(2);
    expect(ev('[length(5)]')).toBe(UNKNOWN);
    expect(ev("[createArray('a', 1)]")).toEqual(['a', 1]);
    expect(ev("[format('{0}-{1}-{0}', 'aks', 2)]")).toBe('aks-2-aks');
    expect(ev("[format('{10}{0}', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 'ten')]")).toBe('ten0');
  });

  it('true(), false(), null()', () => {
    expect(ev('[true()]')).toBe(true);
    expect(ev('[false()]')).toBe(false);
    expect(ev('[null()]')).toBe(null);
  });

  it('functions Resource Manager resolves at deploy time are unknown, and so is all that uses them', () => {
    for (const f of ['[resourceGroup().location]', '[uniqueString(resourceGroup().id)]', "[reference('aks').fqdn]", "[resourceId('Microsoft.Network/virtualNetworks', 'v')]", '[subscription().subscriptionId]']) expect(ev(f), f).toBe(UNKNOWN);
    expect(ev("[concat('aks-', uniqueString(resourceGroup().id))]")).toBe(UNKNOWN);
    expect(ev("[toLower(parameters('x'))]")).toBe(UNKNOWN);
  });

  it("strings: '' is a quote, [[ starts a literal bracket, and text that is not an expression is itself", () => {
    expect(ev("[concat('it''s', '')]")).toBe("it's");
    expect(evaluateAt('[[not an expression]', 'p', scope())).toEqual({ value: '[not an expression]', path: 'p' });
    expect(ev('plain text')).toBe('plain text');
    expect(ev('[unclosed')).toBe('[unclosed');
    expect(ev('closed]')).toBe('closed]');
    expect(ev('[sub(1, -x)]')).toBe(UNKNOWN);
    expect(ev(`a ${DEPLOY_TIME_TEXT} b`)).toBe(UNKNOWN);
  });

  it('member access and indexes: .key, [0], [\'key\']; what is not there is unknown', () => {
    const s = scope({ o: { a: { b: [10, 20] } } });
    expect(ev("[parameters('o').a.b[1]]", s)).toBe(20);
    expect(ev("[parameters('o')['a']['b'][0]]", s)).toBe(10);
    expect(ev("[parameters('o').missing]", s)).toBe(UNKNOWN);
    expect(ev("[parameters('o').a.b[5]]", s)).toBe(UNKNOWN);
    expect(ev("[parameters('o')[createArray()]]", s)).toBe(UNKNOWN);
    // Members of text and keys that are not text or numbers are not read.
    expect(ev("[parameters('s').length]", scope({ s: 'abc' }))).toBe(UNKNOWN);
    expect(ev("[parameters('s')['length']]", scope({ s: 'abc' }))).toBe(UNKNOWN);
    expect(ev("[parameters('o')[true()]]", scope({ o: { true: 1 } }))).toBe(UNKNOWN);
    expect(ev("[parameters('o')[null()]]", scope({ o: { null: 1 } }))).toBe(UNKNOWN);
  });

  it('text that does not parse is unknown, never an error', () => {
    for (const bad of ["[concat('a']", '[concat(,)]', "['unterminated]", '[a b]', '[1 2]', '[$]', "[concat('a')) ]", '[()]']) expect(ev(bad), bad).toBe(UNKNOWN);
    // A missing comma, a call without its parenthesis, a list closed by the wrong bracket, a minus without digits.
    for (const bad of ["[concat('a' 'b')]", "[toLower 'A')]", '[createArray(1, 2]', '[createArray(-, 2)]', "[createArray(1, 2) 'x']"]) expect(ev(bad), bad).toBe(UNKNOWN);
  });

  it('evaluates objects and arrays all the way down, keeping odd keys as keys', () => {
    const s = scope({ n: 3 });
    expect(evaluate({ a: "[parameters('n')]", b: ["[add(parameters('n'), 1)]", 'x'], ['__proto__']: 1 }, s)).toEqual(JSON.parse('{"a":3,"b":[4,"x"],"__proto__":1}'));
    expect(evaluate(7, s)).toBe(7);
    // Deeper than 64 levels, a value is unknown rather than walked to the bottom.
    // Deeper than 64 levels of arrays or objects, a value is unknown rather than walked to the bottom.
    const nested = (levels: number, wrap: (v: unknown) => unknown): unknown => (levels === 0 ? 'x' : wrap(nested(levels - 1, wrap)));
    for (const wrap of [(v: unknown) => [v], (v: unknown) => ({ k: v })]) {
      expect(JSON.stringify(evaluate(nested(64, wrap), s))).toContain('"x"');
      expect(JSON.stringify(evaluate(nested(65, wrap), s))).not.toContain('"x"');
    }
    expect(evaluate(null, s)).toBe(null);
    // Objects are returned as they are by evaluateAt, for a reader that walks into them.
    const obj = { a: "[parameters('n')]" };
    expect(evaluateAt(obj, 'p', s)).toEqual({ value: obj, path: 'p' });
  });
});
