/**
 * A school's incident log as a BigQuery table: the schema derived from the workbook schema's Incidents tab (no
 * column name is restated here), each item with its school, service and, per target, the outcome the engine
 * judged (Met, Breached, Pending), as CSV for a load job. Summaries are left out: they may name people, and no
 * figure needs them.
 */
import { measureWorkbook } from '../attainment/measured';
import { BREACHED, MET, measure, PENDING, type ItemOutcomes } from '../attainment/measure';
import { tabDef } from '../schema/workbook';
import type { CellType, ColumnDef } from '../schema/types';
import { localDateKey } from '../time/zone';
import type { Workbook } from '../workbook/parseWorkbook';

/** BigQuery's column types as the REST API's TableFieldSchema names them (https://cloud.google.com/bigquery/docs/reference/rest/v2/tables#TableFieldSchema). */
export type BigQueryType = 'STRING' | 'INTEGER' | 'FLOAT' | 'BOOLEAN' | 'TIMESTAMP' | 'DATE';

export interface BigQueryField {
  readonly name: string;
  readonly type: BigQueryType;
  readonly mode: 'NULLABLE' | 'REQUIRED';
  readonly description: string;
}

/** Tables are named per school: incidents_<workbook id>, queried together as `incidents_*`. */
const TABLE_PREFIX = 'incidents_';

/** Columns of the Incidents tab kept out of BigQuery. */
const LEFT_OUT: ReadonlySet<string> = new Set(['summary']);

const TYPE_OF: Readonly<Record<CellType, BigQueryType>> = {
  text: 'STRING',
  id: 'STRING',
  ref: 'STRING',
  refs: 'STRING',
  enum: 'STRING',
  date: 'DATE',
  datetime: 'TIMESTAMP',
  number: 'FLOAT',
  integer: 'INTEGER',
  percent: 'FLOAT',
  hours: 'STRING',
  yesno: 'BOOLEAN',
  email: 'STRING',
  list: 'STRING',
};

/** "serviceId" → "service_id": BigQuery column names are letters, digits and underscores. */
const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/[^a-z0-9_]/g, '_');

/** The Incidents columns that go to BigQuery, from the schema. */
const loggedColumns = (): ColumnDef[] => tabDef('incidents').columns.filter((c) => !LEFT_OUT.has(c.key));

const OUTCOME_WORD: Readonly<Record<number, string>> = { [MET]: 'Met', [BREACHED]: 'Breached', [PENDING]: 'Pending' };

/** The table's schema: the school, the service's name, the log's own columns, then what the engine judged. */
export function incidentTableSchema(): BigQueryField[] {
  const field = (name: string, type: BigQueryType, description: string, required = false): BigQueryField => ({
    name,
    type,
    mode: required ? 'REQUIRED' : 'NULLABLE',
    description,
  });
  return [
    field('school', 'STRING', 'The school, as the trust names it on its Schools tab.', true),
    field('school_workbook_id', 'STRING', "The Drive id of the school's SLM Workbook.", true),
    field('service_name', 'STRING', "The service's name on the school's Services tab."),
    field('supplier', 'STRING', "The supplier of the item's contract on the school's Contracts tab: the same supplier across schools has the same name."),
    ...loggedColumns().map((c) => field(snake(c.key), TYPE_OF[c.type], `${c.header}: ${c.help}`, !!c.required)),
    field('response_target_hours', 'FLOAT', 'Respond within (h) of the Targets row that applied; blank when none did.'),
    field('response_outcome', 'STRING', 'Met, Breached or Pending against the response target; blank when not judged.'),
    field('resolution_target_hours', 'FLOAT', 'Resolve within (h) of the Targets row that applied; blank when none did.'),
    field('resolution_outcome', 'STRING', 'Met, Breached or Pending against the resolution target; blank when not judged.'),
    field('judged_at', 'TIMESTAMP', 'When the outcomes were judged (open items are judged as of then).', true),
  ];
}

/** A table id for a school's workbook: letters, digits and underscores only. */
export const tableIdFor = (workbookId: string): string => `${TABLE_PREFIX}${workbookId.replace(/[^A-Za-z0-9_]/g, '_')}`;

/** A value as BigQuery's CSV reader takes it for its column's type; '' for blank (NULL). */
function cellText(v: unknown, type: BigQueryType, timeZone: string): string {
  if (v === undefined || v === null || v === '') return '';
  if (Array.isArray(v)) return v.join(', ');
  switch (type) {
    case 'TIMESTAMP':
      return new Date(v as number).toISOString();
    case 'DATE':
      return localDateKey(v as number, timeZone);
    case 'BOOLEAN':
      return v ? 'true' : 'false';
    default:
      return String(v);
  }
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Every readable incident of a school's workbook as CSV rows under a header of the schema's field names, each
 * judged as of `now` with the same engine as the school's own figures (every item, whenever opened).
 */
export function incidentCsv(wb: Workbook, school: { readonly name: string; readonly workbookId: string }, now: number): { csv: string; rows: number } {
  const fields = incidentTableSchema();
  const measured = measureWorkbook(wb);
  const { model, cols } = measured;
  const n = cols.length;
  const outcomes: ItemOutcomes = { response: new Int8Array(n).fill(-1), resolution: new Int8Array(n).fill(-1), target: new Int32Array(n).fill(-1) };
  let first = now;
  for (let i = 0; i < n; i++) if (cols.opened[i] < first) first = cols.opened[i];
  measure(cols, model, first, Number.MAX_SAFE_INTEGER, { now, outcomes });
  const names = new Map(wb.services.map((s) => [s.serviceId.toUpperCase(), s.name]));
  const suppliers = new Map(wb.contracts.map((c) => [c.contractRef.toUpperCase(), c.supplier]));
  const logged = loggedColumns();
  const types = fields.map((f) => f.type);
  const lines = [fields.map((f) => f.name).join(',')];
  const judgedAt = new Date(now).toISOString();
  wb.incidents.forEach((item, i) => {
    const record = item as unknown as Record<string, unknown>;
    const t = outcomes.target[i];
    const target = t >= 0 ? model.targets[t] : undefined;
    const values: unknown[] = [
      school.name,
      school.workbookId,
      names.get(String(item.serviceId).toUpperCase()),
      item.contractRef === undefined ? undefined : suppliers.get(item.contractRef.toUpperCase()),
      ...logged.map((c) => record[c.key]),
      target?.respondHours,
      OUTCOME_WORD[outcomes.response[i]],
      target?.resolveHours,
      OUTCOME_WORD[outcomes.resolution[i]],
      now,
    ];
    lines.push(values.map((v, k) => csvField(k === values.length - 1 ? judgedAt : cellText(v, types[k], wb.timeZone))).join(','));
  });
  return { csv: `${lines.join('\n')}\n`, rows: wb.incidents.length };
}
