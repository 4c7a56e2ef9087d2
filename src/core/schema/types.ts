/** The kinds of cell the workbook holds; each has one parser (core/workbook/cells.ts) and one sheet format. */
export type CellType =
  | 'text' // free text
  | 'id' // a short identifier, unique within its tab
  | 'ref' // a reference to the id column of another tab
  | 'refs' // a comma-separated list of references
  | 'enum' // one of `values`
  | 'date' // a local date
  | 'datetime' // a local date and time
  | 'number' // a number >= 0
  | 'integer' // a whole number >= 1
  | 'percent' // 0..100 (a fraction <= 1 typed as 95% is read as 95)
  | 'hours' // an hours spec such as "Mon-Fri 08:00-18:00", or a Calendars name
  | 'yesno' // Yes / No
  | 'email'
  | 'list'; // comma-separated free text

export interface ColumnDef {
  readonly key: string;
  readonly header: string;
  readonly type: CellType;
  readonly help: string;
  readonly required?: boolean;
  readonly values?: readonly string[];
  /** For ref/refs: the tab whose id column is referenced; `allowAll` accepts the word ALL. */
  readonly refTab?: TabKey;
  readonly allowAll?: boolean;
  readonly width?: number;
}

export interface TabDef {
  readonly key: TabKey;
  readonly name: string;
  readonly help: string;
  readonly columns: readonly ColumnDef[];
  /** Key of the column that identifies a row, unique within the tab. */
  readonly idKey?: string;
}

export type TabKey =
  | 'services'
  | 'equipment'
  | 'sla'
  | 'targets'
  | 'contracts'
  | 'incidents'
  | 'holds'
  | 'calendars'
  | 'closures'
  | 'people'
  | 'reviews'
  | 'comments'
  | 'documents'
  | 'settings';
