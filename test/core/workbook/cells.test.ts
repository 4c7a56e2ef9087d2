import { workbookSchema } from '../../../src/core/schema/workbook';
import type { CellType, ColumnDef } from '../../../src/core/schema/types';
import { readCell } from '../../../src/core/workbook/cells';

const TZ = 'Europe/London';
const col = (type: CellType, extra: Partial<ColumnDef> = {}): ColumnDef => ({ key: 'k', header: 'K', type, help: '', ...extra });
const good = (c: ColumnDef, raw: unknown) => {
  const r = readCell(c, raw, TZ);
  if (!r.ok) throw new Error(`expected ${String(raw)} to read, got: ${r.expected}`);
  return r.value;
};
const expected = (c: ColumnDef, raw: unknown) => {
  const r = readCell(c, raw, TZ);
  if (r.ok) throw new Error(`expected ${String(raw)} to be refused, got ${String(r.value)}`);
  return r.expected;
};

describe('reading one cell of each column type', () => {
  test('every type used by the schema has good and bad cases here', () => {
    const used = new Set<CellType>();
    for (const tab of Object.values(workbookSchema())) for (const c of tab.columns) used.add(c.type);
    const covered: CellType[] = ['text', 'id', 'ref', 'refs', 'enum', 'date', 'datetime', 'number', 'integer', 'percent', 'hours', 'yesno', 'email', 'list'];
    for (const t of used) expect(covered).toContain(t);
  });

  test('text and hours keep the text, trimmed', () => {
    expect(good(col('text'), '  Email  ')).toBe('Email');
    expect(good(col('hours'), 'Mon-Fri 08:00-18:00 ')).toBe('Mon-Fri 08:00-18:00');
  });

  test('ids and refs refuse dates and booleans', () => {
    expect(good(col('id'), 'EMAIL')).toBe('EMAIL');
    expect(good(col('ref'), 42)).toBe('42');
    expect(expected(col('id'), true)).toMatch(/code/);
    expect(expected(col('ref'), new Date())).toMatch(/code/);
  });

  test('lists split on commas, semicolons and new lines', () => {
    expect(good(col('refs'), 'EMAIL, PRINT;WP\nMIS')).toEqual(['EMAIL', 'PRINT', 'WP', 'MIS']);
    expect(good(col('list'), 'Jo Harris,  Tom Lee ,')).toEqual(['Jo Harris', 'Tom Lee']);
  });

  test('enums match case-insensitively and name the allowed values when wrong', () => {
    const c = col('enum', { values: ['Incident', 'Request'] });
    expect(good(c, 'request')).toBe('Request');
    expect(expected(c, 'Problem')).toBe('one of Incident, Request');
  });

  test('yes/no reads Yes, No, y, n and booleans', () => {
    const c = col('yesno');
    expect(good(c, 'Yes')).toBe(true);
    expect(good(c, 'n')).toBe(false);
    expect(good(c, true)).toBe(true);
    expect(expected(c, 'maybe')).toBe('Yes or No');
  });

  test('numbers must be finite and not negative', () => {
    expect(good(col('number'), 2.5)).toBe(2.5);
    expect(good(col('number'), ' 4 ')).toBe(4);
    expect(expected(col('number'), 'four')).toBe('a number');
    expect(expected(col('number'), -1)).toMatch(/0 or more/);
  });

  test('integers are whole and at least 1', () => {
    expect(good(col('integer'), 3)).toBe(3);
    expect(expected(col('integer'), 2.5)).toMatch(/whole number/);
    expect(expected(col('integer'), 0)).toMatch(/whole number/);
  });

  test('percentages: 95 and a 95% cell (0.95) both mean 95; over 100 is refused', () => {
    expect(good(col('percent'), 95)).toBe(95);
    expect(good(col('percent'), 0.95)).toBeCloseTo(95);
    expect(good(col('percent'), '99.5%')).toBe(99.5);
    expect(expected(col('percent'), 120)).toBe('a percentage from 0 to 100');
  });

  test('emails need an @ and a domain', () => {
    expect(good(col('email'), 'jo@school.org')).toBe('jo@school.org');
    expect(expected(col('email'), 'jo at school')).toMatch(/email address/);
  });

  test('dates: date cells, ISO text and day-first text, read in the workbook zone', () => {
    const d = new Date(Date.UTC(2025, 8, 1, 7, 30));
    expect(good(col('datetime'), d)).toBe(d.getTime());
    // 1 July 2025 08:30 in London is 07:30 UTC (summer time).
    expect(good(col('datetime'), '2025-07-01 08:30')).toBe(Date.UTC(2025, 6, 1, 7, 30));
    expect(good(col('datetime'), '01/07/2025 08:30')).toBe(Date.UTC(2025, 6, 1, 7, 30));
    expect(good(col('date'), '2025-12-25')).toBe(Date.UTC(2025, 11, 25));
  });

  test('dates that are not dates are refused with an example', () => {
    expect(expected(col('date'), 'next Tuesday')).toMatch(/2025-09-01/);
    expect(expected(col('date'), '2025-02-30')).toMatch(/date/);
    expect(expected(col('date'), '2025-02-03 10:00')).toMatch(/date/);
    expect(expected(col('datetime'), 45000)).toMatch(/date and time/);
    expect(expected(col('datetime'), new Date(NaN))).toMatch(/date and time/);
  });
});
