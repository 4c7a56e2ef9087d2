import type { Schema } from './workbook';
import type { TabKey } from './types';

/** The typed value of one parsed cell. Dates and times are epoch milliseconds. */
type CellValue<C> = C extends { type: 'date' | 'datetime' | 'number' | 'integer' | 'percent' }
  ? number
  : C extends { type: 'yesno' }
    ? boolean
    : C extends { type: 'refs' | 'list' }
      ? string[]
      : C extends { type: 'enum'; values: readonly (infer V)[] }
        ? V
        : string;

type Columns<K extends TabKey> = Schema[K]['columns'][number];

/** One parsed row of a tab: a field per column (blank optional cells are undefined) plus its sheet row number. */
export type Row<K extends TabKey> = {
  [C in Columns<K> as C['key']]: C extends { required: true } ? CellValue<C> : CellValue<C> | undefined;
} & { readonly row: number };

export type Service = Row<'services'>;
export type Equipment = Row<'equipment'>;
export type Sla = Row<'sla'>;
export type Target = Row<'targets'>;
export type Contract = Row<'contracts'>;
export type Incident = Row<'incidents'>;
export type CalendarRow = Row<'calendars'>;
export type ClosureRow = Row<'closures'>;
export type Person = Row<'people'>;
export type ReviewItem = Row<'reviews'>;
export type DocumentRecord = Row<'documents'>;
export type SettingRow = Row<'settings'>;

export type Priority = Incident['priority'];
/** The types targets are set for (the log's Type may also be Planned maintenance, which has none). */
export type ItemType = Target['type'];
/** The log's Type: an item type, or Planned maintenance. */
export type IncidentType = Incident['type'];
