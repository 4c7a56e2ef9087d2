import { parseCsv } from '../../offline/csv';
import { createOfflineRuntime } from '../../offline/runtime';

describe('Utilities.parseCsv offline', () => {
  test('as documented: rows of strings, comma by default, a one-character delimiter, quotes with "" inside', () => {
    expect(parseCsv('a,b,c\nd,e,f')).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(parseCsv('a\tb\tc\nd\te\tf', '\t')).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(parseCsv('"x, y","say ""hi""",,3\n')).toEqual([['x, y', 'say "hi"', '', '3']]);
    expect(parseCsv('a;b;', ';')).toEqual([['a', 'b', '']]);
    expect(() => parseCsv('a', ';;')).toThrow(/delimiter/);
  });

  test('a line break ends a record even inside quotes, as reported of Apps Script', () => {
    expect(parseCsv('"one\r\ntwo",3')).toEqual([['one'], ['two"', '3']]);
  });

  test('is counted as a Utilities call', () => {
    const rt = createOfflineRuntime();
    expect((rt.services.Utilities as unknown as { parseCsv: typeof parseCsv }).parseCsv('a,b')).toEqual([['a', 'b']]);
    expect(rt.calls.count('Utilities.parseCsv')).toBe(1);
  });
});
