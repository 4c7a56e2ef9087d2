import { tabOrder, workbookSchema } from '../schema/workbook';
import type { ColumnDef, TabDef, TabKey } from '../schema/types';
import { locateColumns } from '../workbook/columns';

/** What "Set up workbook" finds: each tab's header row, or undefined when the tab is absent. */
export type ExistingHeaders = Partial<Record<TabKey, readonly unknown[] | undefined>>;

export interface TabSetup {
  readonly tab: TabDef;
  /** True when the tab must be created. */
  readonly create: boolean;
  /** Columns to add at the end of the header (all of them for a new tab). */
  readonly addColumns: readonly ColumnDef[];
  /** 1-based column where the first added column goes. */
  readonly firstNewColumn: number;
}

/**
 * Plans setup without touching anything: missing tabs are created and missing columns appended at
 * the end of their tab; a user's own or reordered columns are left as they are, so running it twice,
 * or on a workbook full of data, changes nothing that is already there.
 */
export function planSetup(existing: ExistingHeaders): TabSetup[] {
  const schema = workbookSchema();
  const plan: TabSetup[] = [];
  for (const key of tabOrder()) {
    const tab: TabDef = schema[key];
    const header = existing[key];
    if (header === undefined) {
      plan.push({ tab, create: true, addColumns: tab.columns, firstNewColumn: 1 });
      continue;
    }
    const { missing } = locateColumns(header, tab);
    if (missing.length === 0) continue;
    let used = header.length;
    while (used > 0 && String(header[used - 1] ?? '').trim() === '') used--;
    plan.push({ tab, create: false, addColumns: missing, firstNewColumn: used + 1 });
  }
  return plan;
}
