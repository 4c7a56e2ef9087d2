/** Blocks of cells as the Sheets API's two halves: text as RAW, the rest as typed. */
import { a1Range, blockValueRanges, enteredDateTime, requestsOf } from '../../../src/core/workbook/valueRanges';

describe('blockValueRanges', () => {
  test('text goes as RAW and everything else as typed, each block one range in each half, null where the other half writes', () => {
    const at = Date.UTC(2026, 6, 1, 8, 30); // 09:30 in London (summer time)
    const { raw, entered } = blockValueRanges(
      'Incidents',
      [{ row: 5, column: 2, values: [['=1+1', new Date(at), 4.5, '', { formula: '=A1*2' }, true]] }],
      'Europe/London',
    );
    expect(raw).toEqual([{ range: "'Incidents'!B5:G5", values: [['=1+1', null, null, null, null, null]] }]);
    expect(entered).toEqual([{ range: "'Incidents'!B5:G5", values: [[null, '2026-07-01 09:30:00', 4.5, '', '=A1*2', true]] }]);
  });

  test('a block of text alone is one RAW range and nothing typed; no blocks, no ranges', () => {
    expect(blockValueRanges('Log', [{ row: 2, column: 1, values: [['a'], ['b']] }], 'UTC')).toEqual({
      raw: [{ range: "'Log'!A2:A3", values: [['a'], ['b']] }],
      entered: [],
    });
    expect(blockValueRanges('Log', [], 'UTC')).toEqual({ raw: [], entered: [] });
  });

  test('a sheet name with a quote is quoted as A1 notation wants it', () => {
    expect(a1Range("Jo's calls", 1, 27, 2, 2)).toBe("'Jo''s calls'!AA1:AB2");
  });

  test('a date-time reads as typed in the spreadsheet zone, in winter and summer, with its milliseconds when it has some', () => {
    expect(enteredDateTime(Date.UTC(2026, 0, 15, 14, 5, 9), 'Europe/London')).toBe('2026-01-15 14:05:09');
    expect(enteredDateTime(Date.UTC(2026, 6, 15, 14, 5, 9, 250), 'Europe/London')).toBe('2026-07-15 15:05:09.250');
    expect(enteredDateTime(Date.UTC(2026, 0, 15, 23, 30), 'Australia/Sydney')).toBe('2026-01-16 10:30:00');
  });
});

describe('requestsOf', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [`call ${i} printer jammed again`, new Date(Date.UTC(2026, 0, 5, 9, i))]);

  test('a block larger than a request is cut by rows, and the ranges go in requests of at most the payload, covering every row once', () => {
    const max = 2000;
    const { raw, entered } = blockValueRanges('Incidents', [{ row: 2, column: 1, values: rows(100) }], 'UTC', max);
    for (const half of [raw, entered]) {
      const requests = requestsOf(half, max);
      expect(requests.length).toBeGreaterThan(1);
      for (const r of requests) expect(JSON.stringify(r).length).toBeLessThanOrEqual(max);
      // The ranges run on from each other: rows 2 to 101, each once.
      const spans = requests.flat().map((v) => /!A(\d+):B(\d+)$/.exec(v.range)!.slice(1).map(Number));
      expect(spans[0][0]).toBe(2);
      expect(spans[spans.length - 1][1]).toBe(101);
      for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBe(spans[i - 1][1] + 1);
    }
  });

  test('a small write is one request', () => {
    const { raw } = blockValueRanges('Incidents', [{ row: 2, column: 1, values: rows(3) }], 'UTC');
    expect(requestsOf(raw)).toHaveLength(1);
  });
});
