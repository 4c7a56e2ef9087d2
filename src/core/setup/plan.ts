import { tabOfHeader } from '../arguments/tabs';
import { tabOrder, workbookSchema } from '../schema/workbook';
import type { ColumnDef, TabDef, TabKey } from '../schema/types';
import { isBlank } from '../values';
import { locateColumns } from '../workbook/columns';

/** What "Set up workbook" reads of one existing tab; nothing in it is changed by reading. */
export interface ExistingTab {
  /** Row 1, as far as the tab's last column; a cell holding a formula counts as filled even when it shows nothing. */
  readonly header: readonly unknown[];
  /** The last column holding anything: a value or formula in any row, or a note in row 1 (0 for an empty tab). */
  readonly lastColumn: number;
  /** The last row holding a value or formula (0 for an empty tab). */
  readonly lastRow: number;
  /** 1-based columns whose row 1 is blank but which hold data below it. */
  readonly headerlessColumns: readonly number[];
}

/** The schema's tabs found by their names. */
export type ExistingTabs = Partial<Record<TabKey, ExistingTab>>;

/** A tab whose name is not one of the schema's, as found (a schema tab the user renamed may be among them). */
export interface OtherTab extends ExistingTab {
  readonly name: string;
}

export interface TabSetup {
  readonly tab: TabDef;
  /** True when the tab must be created. */
  readonly create: boolean;
  /** Columns to add at the end of the header (all of them for a new tab). */
  readonly addColumns: readonly ColumnDef[];
  /** 1-based column where the first added column goes. */
  readonly firstNewColumn: number;
}

/** A tab of the user's found by its headers under another name, to be given the schema's name. */
export interface TabRename {
  readonly key: TabKey;
  readonly from: string;
  readonly to: string;
}

export interface SetupPlan {
  /** Tabs given back their schema name before anything else (no cell changes; formulas follow the new name). */
  readonly renames: readonly TabRename[];
  readonly steps: readonly TabSetup[];
  /** Tabs set up in full already, or once the steps are done: they get their frozen header, protection and named range. */
  readonly finish: readonly TabKey[];
  /**
   * Why a tab was left exactly as it is, naming the tab and the column: setting it up would have written over
   * something of the user's or guessed what their data is.
   */
  readonly leftAlone: readonly string[];
}

/** Of a header row's tabs, the one it is only when it names every required column and at least half of all. */
const recognisedAs = (header: readonly unknown[]): TabKey | undefined => {
  const key = tabOfHeader(header, tabOrder());
  if (key === undefined) return undefined;
  const tab = workbookSchema()[key];
  return Object.keys(locateColumns(header, tab).index).length * 2 >= tab.columns.length ? key : undefined;
};

/** Spreadsheet column letters of a 1-based column: 1 → A, 27 → AA. */
export const columnLetters = (column: number): string => {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

/**
 * Plans setup without touching anything. A missing tab is created, unless a tab of another name carries its
 * headers: that one is renamed to it (exactly one) or, when several do, left for the user to choose. Missing
 * columns go after the last column holding anything, so no header is written over a cell in use and no cell
 * of data is formatted. A tab is left as it is, and said so, when its row 1 names none of its columns (data
 * with no header row) or when a column of data has no header while one of the tab's columns is missing (its
 * header was probably deleted: adding the column elsewhere would be a guess); an empty tab beside a full tab
 * of its headers under another name is pointed out. A user's own or reordered
 * columns stay, so running it twice, or on a workbook full of data, changes nothing that is already there.
 */
export function planSetup(existing: ExistingTabs, others: readonly OtherTab[] = []): SetupPlan {
  const schema = workbookSchema();
  const renames: TabRename[] = [];
  const steps: TabSetup[] = [];
  const finish: TabKey[] = [];
  const leftAlone: string[] = [];
  const recognised = others.map((other) => ({ other, key: recognisedAs(other.header) }));
  for (const key of tabOrder()) {
    const tab: TabDef = schema[key];
    let found = existing[key];
    // A copy of a present tab stays the user's; but an empty tab of the name beside a full one of its headers
    // (as an earlier setup could leave a renamed tab) means the figures read the wrong one: said, not guessed.
    if (found !== undefined && found.lastRow <= 1) {
      for (const { other } of recognised.filter((r) => r.key === key && r.other.lastRow > 1)) {
        leftAlone.push(
          `${tab.name}: this tab has no rows, while "${other.name}" has its headers and ${other.lastRow - 1} rows; the add-in and the Dashboard read the tab named "${tab.name}". If "${other.name}" is the one to use, delete the empty "${tab.name}" tab and run Set up workbook again: it will give "${other.name}" the name.`,
        );
      }
    }
    if (found === undefined) {
      // Another tab is a candidate only for a schema tab missing by name.
      const candidates = recognised.filter((r) => r.key === key).map((r) => r.other);
      if (candidates.length > 1) {
        leftAlone.push(
          `${tab.name}: no tab has this name, and tabs ${quoted(candidates.map((c) => c.name))} all have its headers, so none was made. Rename the one to use to "${tab.name}", then run Set up workbook again.`,
        );
        continue;
      }
      if (candidates.length === 1) {
        renames.push({ key, from: candidates[0].name, to: tab.name });
        found = candidates[0];
      }
    }
    if (found === undefined) {
      steps.push({ tab, create: true, addColumns: tab.columns, firstNewColumn: 1 });
      finish.push(key);
      continue;
    }
    const { index, missing } = locateColumns(found.header, tab);
    const empty = found.lastRow === 0 && found.lastColumn === 0;
    if (!empty && Object.keys(index).length === 0) {
      leftAlone.push(
        `${tab.name}: row 1 holds none of the tab's headers (${tab.columns
          .filter((c) => c.required)
          .map((c) => c.header)
          .join(
            ', ',
          )}…), so it was left as it is: its first row may be data. Insert a row above the data and type the headers in it, then run Set up workbook again.`,
      );
      continue;
    }
    if (missing.length > 0 && found.headerlessColumns.length > 0) {
      const names = quoted(missing.map((c) => c.header));
      for (const col of found.headerlessColumns) {
        const at = `${columnLetters(col)}1`;
        leftAlone.push(
          `${tab.name}, column ${columnLetters(col)}: it holds data but ${at} has no header, and the tab has no ${names} column, so the tab was left as it is. Type the column's header in ${at} (${`"${missing[0].header}"`} if that is what it holds), then run Set up workbook again.`,
        );
      }
      continue;
    }
    finish.push(key);
    if (missing.length === 0) continue;
    // Past every column holding anything: the header cells and the cells below them are empty.
    const last = Math.max(found.lastColumn, lastFilled(found.header));
    steps.push({ tab, create: false, addColumns: missing, firstNewColumn: last + 1 });
  }
  return { renames, steps, finish, leftAlone };
}

const lastFilled = (header: readonly unknown[]): number => {
  let used = header.length;
  while (used > 0 && isBlank(header[used - 1])) used--;
  return used;
};
