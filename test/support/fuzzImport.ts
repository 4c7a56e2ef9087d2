/**
 * The way in, fuzzed (issue 23): helpdesk exports written carelessly (stray and unclosed quotes, separators
 * and line breaks inside fields, another separator with or without `sep=`, a BOM, CRLF or lone CR, blank
 * lines, formula-looking and over-long text, columns in any order), a person's edits between imports and a
 * later export; and call-form answers sent while the workbook is disrupted (Incidents renamed, a service
 * renamed, the lock held). Each case says what it wrote so the test can hold the promises to account.
 */
import fc from 'fast-check';

export const SEPARATORS = [',', ';', '\t'] as const;
const COLUMNS = ['Ref', 'Service ID', 'Priority', 'Opened', 'Summary'] as const;
type Column = (typeof COLUMNS)[number];

/** Text a Summary may hold: the troublesome characters of CSV and Sheets, and ordinary words. */
const PIECES = [
  'Monitor 24" flickers',
  '"quoted"',
  'a, b',
  'a; b',
  'tab\there',
  'two\nlines',
  '=SUM(A1:A9)',
  '+44 7700 900123',
  '@reception',
  '-',
  'caf\u00e9 \u00fcber',
  '\u00a0',
  '""',
  '"',
  'plain words',
  '',
] as const;

export interface CsvRecord {
  readonly ref: string;
  readonly service: string;
  readonly priority: string;
  readonly opened: string;
  readonly summary: string;
  /** Written with no quoting at all, as a careless export would. */
  readonly sloppy: boolean;
}

export interface CsvCase {
  readonly records: CsvRecord[];
  readonly order: Column[];
  readonly separator: (typeof SEPARATORS)[number];
  readonly sepLine: boolean;
  readonly bom: boolean;
  readonly eol: '\n' | '\r\n' | '\r';
  readonly blankLines: number[];
  /** Between the imports: cells a person changes (record index, column) and records the later export changes. */
  readonly edits: Array<{ readonly at: number; readonly column: 'Priority' | 'Summary' | 'Service ID' }>;
  readonly changes: Array<{ readonly at: number; readonly priority: string }>;
}

const record = (i: number) =>
  fc
    .record({
      service: fc.constantFrom('EMAIL', 'PRINT', 'INTERNET', 'Email', 'NOPE'),
      priority: fc.constantFrom('High', 'Low', 'Medium', 'Urgent', 'p3', '??'),
      opened: fc.constantFrom('2026-01-05 09:00', '2026-02-10 14:30', '2026-03-01T08:00:00Z', 'not a date', ''),
      summary: fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join(' ')),
      long: fc.integer({ min: 0, max: 40 }),
      sloppy: fc.boolean(),
    })
    .map(({ long, ...r }): CsvRecord => ({ ...r, ref: `F${i + 1}`, summary: long === 0 ? `${r.summary}${'y'.repeat(50_100)}` : r.summary }));

export const csvCaseArb: fc.Arbitrary<CsvCase> = fc.integer({ min: 2, max: 24 }).chain((n) =>
  fc.record({
    records: fc.tuple(...Array.from({ length: n }, (_, i) => record(i))),
    order: fc.shuffledSubarray([...COLUMNS], { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
    separator: fc.constantFrom(...SEPARATORS),
    sepLine: fc.boolean(),
    bom: fc.boolean(),
    eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
    blankLines: fc.array(fc.integer({ min: 0, max: n }), { maxLength: 3 }),
    edits: fc.array(
      fc.record({ at: fc.integer({ min: 0, max: n - 1 }), column: fc.constantFrom('Priority' as const, 'Summary' as const, 'Service ID' as const) }),
      { maxLength: 4 },
    ),
    changes: fc.array(fc.record({ at: fc.integer({ min: 0, max: n - 1 }), priority: fc.constantFrom('High', 'Low', 'Critical') }), { maxLength: 4 }),
  }),
);

/** The file's text, and the line each record starts on (1-based, as the import counts). */
export function writeCsv(c: CsvCase, records: readonly CsvRecord[] = c.records): { text: string; lines: number[] } {
  const sep = c.separator;
  const field = (v: string, sloppy: boolean) => (!sloppy && /["\r\n]|[,;\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const out: string[] = [];
  const lines: number[] = [];
  let line = 1;
  const push = (text: string) => {
    out.push(text);
    line += text.split(/\r\n|\n|\r/).length;
  };
  if (c.sepLine) push(`sep=${sep}`);
  push(c.order.join(sep));
  records.forEach((r, i) => {
    if (c.blankLines.includes(i)) push('');
    lines.push(line);
    const value: Record<Column, string> = { Ref: r.ref, 'Service ID': r.service, Priority: r.priority, Opened: r.opened, Summary: r.summary };
    push(c.order.map((col) => field(value[col], r.sloppy)).join(sep));
  });
  return { text: `${c.bom ? '\uFEFF' : ''}${out.join(c.eol)}${c.eol}`, lines };
}

export interface FormCase {
  readonly answers: Array<{
    readonly service: number;
    readonly summary: string;
    /** What is wrong when the answer arrives. */
    readonly disruption: 'none' | 'renameIncidents' | 'lock' | 'renameService';
  }>;
}

export const formCaseArb: fc.Arbitrary<FormCase> = fc.record({
  answers: fc.array(
    fc.record({
      service: fc.integer({ min: 0, max: 7 }),
      summary: fc.array(fc.constantFrom(...PIECES.filter((p) => p !== '')), { minLength: 1, maxLength: 3 }).map((p) => p.join(' ')),
      disruption: fc.constantFrom('none' as const, 'renameIncidents' as const, 'lock' as const, 'renameService' as const),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});
