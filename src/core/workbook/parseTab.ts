import type { ColumnDef, TabDef, TabKey } from '../schema/types';
import type { Row } from '../schema/records';
import { appendAll, isBlank } from '../values';
import { readCell, type CellResult } from './cells';
import { locateColumns } from './columns';
import { displayValue } from './display';
import { quotable, type Problem } from './problems';

const BLANK: CellResult = { ok: true, value: undefined };
const REQUIRED: CellResult = { ok: false, expected: '' };

/** One cell read as its column's type: blank, a value, or what was expected instead ('' for a required blank). */
const readOne = (col: ColumnDef, raw: unknown, timeZone: string): CellResult =>
  isBlank(raw) ? (col.required ? REQUIRED : BLANK) : readCell(col, raw, timeZone);

export interface ParsedTab<K extends TabKey> {
  readonly rows: Row<K>[];
  readonly problems: Problem[];
  /** False when the tab is absent from the workbook. */
  readonly present: boolean;
}

/**
 * Tabs whose rows are measured items: one unreadable cell leaves the whole row out of every figure (read as
 * blank, a "fixed" Resolved would make a closed item look open and breached; a "lots" On hold would be 0).
 */
const WHOLE_ROW_TABS: ReadonlySet<TabKey> = new Set<TabKey>(['incidents']);

/** The sentence a problem on a measured row ends with. */
export const LEFT_OUT = 'The row is left out of the figures.';

/**
 * The sentence a problem in a measured row's Type or Priority ends with: neither matters to availability,
 * so the row's outage still counts, but no response or fix target can be chosen for it.
 */
export const AVAILABILITY_ONLY = 'The row counts only for availability (its outage), not for response, fix or supplier figures.';

/** Columns of a measured tab whose bad cell leaves the row in for availability only. */
const AVAILABILITY_ONLY_COLUMNS: ReadonlySet<string> = new Set(['type', 'priority']);

/**
 * The problem of one cell that could not be read ('' expected: a required cell left blank), in the words
 * every reader of a tab uses. `ending` is the sentence saying what happens to the row, if any.
 */
export function cellProblem(tabName: string, col: ColumnDef, raw: unknown, sheetRow: number, expected: string, timeZone: string, ending?: string): Problem {
  const shown = quotable(displayValue(raw, timeZone));
  const message = isBlank(raw) ? `${col.header} is required but blank.` : `"${shown}" is not valid: expected ${expected}.`;
  return { tab: tabName, row: sheetRow, column: col.header, value: shown, severity: 'error', message: ending ? `${message} ${ending}` : message };
}

/** Reads one row of a tab; undefined when the row is blank or left out. Its bad cells are added to `problems`. */
export type RowReader<K extends TabKey> = (line: readonly unknown[], sheetRow: number, problems: Problem[]) => Row<K> | undefined;

/** A reader of the rows below a header row, using the columns that header names. */
function rowReader<K extends TabKey>(tab: TabDef & { key: K }, header: readonly unknown[], timeZone: string): RowReader<K> {
  const { index } = locateColumns(header, tab);
  const cols = tab.columns.filter((c) => index[c.key] !== undefined);
  const at = cols.map((c) => index[c.key]);
  const wholeRow = WHOLE_ROW_TABS.has(tab.key);
  return (line, sheetRow, problems) => {
    if (at.every((i) => isBlank(line[i]))) return undefined;
    const data: Record<string, unknown> = { row: sheetRow };
    let usable = true;
    let bad: Array<[ColumnDef, unknown, string]> | undefined;
    for (let k = 0; k < cols.length; k++) {
      const col = cols[k];
      const raw = line[at[k]];
      const result = readOne(col, raw, timeZone);
      if (result.ok) {
        if (result.value !== undefined) data[col.key] = result.value;
        continue;
      }
      // A bad required cell leaves the row out; a bad optional one is read as blank, except on a measured row.
      if (col.required || wholeRow) usable = false;
      bad ??= [];
      bad.push([col, raw, result.expected]);
    }
    if (bad) {
      const ending = wholeRow ? measuredRowEnding(bad.map(([col]) => col.key)) : undefined;
      for (const [col, raw, expected] of bad) problems.push(cellProblem(tab.name, col, raw, sheetRow, expected, timeZone, ending));
    }
    return usable ? (data as Row<K>) : undefined;
  };
}

/** What happens to a measured row whose cells in these columns could not be read, as its problems end. */
export const measuredRowEnding = (badKeys: readonly string[]): string =>
  badKeys.every((k) => AVAILABILITY_ONLY_COLUMNS.has(k)) ? AVAILABILITY_ONLY : LEFT_OUT;

/** A problem for each column a tab lacks: an error for a required one, else a warning; `setUp` is the menu item that adds it. */
export function missingColumnProblems(tab: Pick<TabDef, 'name'>, missing: readonly ColumnDef[], setUp: string): Problem[] {
  return missing.map((col) => ({
    tab: tab.name,
    row: 1,
    column: col.header,
    value: '',
    severity: col.required ? 'error' : 'warning',
    message: `The column "${col.header}" is missing. Run "${setUp}" to add it.`,
  }));
}

/**
 * Parses a tab's values (header row first, as getValues() returns them). A row with a bad required cell
 * is left out of `rows`; a bad optional cell is read as blank, except on Incidents, where any bad cell
 * leaves the row out. Every bad cell becomes a problem. Rows whose known cells are all blank are skipped.
 * Nothing here changes the sheet.
 */
export function parseTab<K extends TabKey>(tab: TabDef & { key: K }, values: readonly (readonly unknown[])[] | undefined, timeZone: string): ParsedTab<K> {
  const problems: Problem[] = [];
  if (!values || values.length === 0) {
    return {
      rows: [],
      problems: [
        { tab: tab.name, row: 0, column: '', value: '', severity: 'warning', message: `The ${tab.name} tab is missing. Run "Set up workbook" to add it.` },
      ],
      present: false,
    };
  }
  appendAll(problems, missingColumnProblems(tab, locateColumns(values[0], tab).missing, 'Set up workbook'));
  const read = rowReader(tab, values[0], timeZone);
  const rows: Row<K>[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = read(values[r], r + 1, problems);
    if (row) rows.push(row);
  }
  return { rows, problems, present: true };
}
