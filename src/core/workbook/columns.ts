import type { ColumnDef, TabDef } from '../schema/types';
import { normaliseHeader } from '../values';

/** Where each schema column sits in a header row: columns are found by name, never by position. */
export interface ColumnMap {
  /** 0-based index of each column key present in the header. */
  readonly index: Readonly<Record<string, number>>;
  readonly missing: readonly ColumnDef[];
}

export function locateColumns(header: readonly unknown[], tab: Pick<TabDef, 'columns'>): ColumnMap {
  const byName = new Map<string, number>();
  header.forEach((h, i) => {
    const n = normaliseHeader(h);
    if (n && !byName.has(n)) byName.set(n, i);
  });
  const index: Record<string, number> = {};
  const missing: ColumnDef[] = [];
  for (const col of tab.columns) {
    const i = byName.get(normaliseHeader(col.header));
    if (i === undefined) missing.push(col);
    else index[col.key] = i;
  }
  return { index, missing };
}
