import * as vm from 'node:vm';
import { assertPlain, illegalPath, illegalValueMessage } from '../../offline/scriptRun';

/** Values made in another realm (the bundle's vm context) must be judged the same as Node's own. */
const other = vm.runInNewContext('({ date: new Date(0), obj: { a: [1, "x", null, true] }, arr: [1, 2], fn: function () {} })');

describe('what crosses google.script.run', () => {
  test.each([
    ['null', null],
    ['a string', 's'],
    ['a number', 4.5],
    ['a boolean', false],
    ['nested plain data', { a: [1, { b: 'c', d: null }], e: [] }],
    ['undefined (becomes null)', undefined],
    ['an object with no prototype', Object.create(null)],
    ['plain data from another realm', other.obj],
    ['an array from another realm', other.arr],
  ])('%s may cross', (_what, value) => {
    expect(illegalPath(value)).toBeNull();
    expect(() => assertPlain(value)).not.toThrow();
  });

  class Period {
    constructor(readonly start = 'x') {}
  }
  const circular: Record<string, unknown> = { a: 1 };
  circular.self = circular;
  test.each([
    ['a Date', new Date(0), [], 'value is a Date (the API sends dates as ISO strings)'],
    ["a Date from the bundle's realm, inside an object", { when: other.date }, ['when'], 'value.when is a Date'],
    ['a function inside an array', [1, () => 1], [1], 'value[1] is a function'],
    ['a function from another realm', { f: other.fn }, ['f'], 'value.f is a function'],
    ['a class instance', { p: new Period() }, ['p'], 'value.p is an object that is not plain data'],
    ['a Map', [new Map()], [0], 'value[0] is an object that is not plain data'],
    ['a RegExp', { r: /x/ }, ['r'], 'value.r is an object that is not plain data'],
    ['a symbol', { s: Symbol('s') }, ['s'], 'value.s is a symbol'],
    ['a bigint', [10n], [0], 'value[0] is a bigint'],
    ['NaN', { n: Number.NaN }, ['n'], 'value.n is NaN'],
    ['Infinity', [Infinity], [0], 'value[0] is Infinity'],
    ['a circular reference', circular, ['self'], 'value.self is a circular reference'],
  ])('%s may not', (_what, value, path, message) => {
    expect(illegalPath(value)).toEqual(path);
    expect(() => assertPlain(value)).toThrow(message);
  });

  test('the same object twice, not in a cycle, is fine', () => {
    const shared = { a: 1 };
    expect(illegalPath([shared, shared, { x: shared }])).toBeNull();
  });

  test("the browser's message names the innermost property, as Google's does", () => {
    expect(illegalValueMessage(0)).toBe('Failed due to illegal value in property: 0');
  });
});
