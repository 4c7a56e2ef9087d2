import { tabDef } from '../schema/workbook';
import type { ColumnDef } from '../schema/types';
import type { Incident } from '../schema/records';
import { incidentTimeFaults } from '../workbook/parseWorkbook';
import { locateColumns } from '../workbook/columns';
import { rowReader, type RowReader } from '../workbook/parseTab';
import type { Problem } from '../workbook/problems';
import { isSupportedCellInstant } from '../time/zone';
import { appendAll } from '../values';
import type { AttainmentModel } from './model';
import { ITEM_TYPES, PRIORITIES, kindOf } from './model';
import { HOUR_MS } from '../time/zone';
import { idKey } from '../schema/ids';
import { holdsByItem, type HoldRow, type ItemHolds } from './holds';


/**
 * The incident log as typed columns: one slot per row, blanks as NaN (times) or -1 (indexes).
 * Measuring reads these arrays in a tight loop, so a log at Sheets' ceiling takes well under a second.
 */
export interface IncidentColumns {
  readonly length: number;
  /** Index into the model's services; -1 when blank or not in the catalogue. */
  readonly service: Int32Array;
  /** type * 4 + priority; -1 when either is unreadable (no target applies). */
  readonly kind: Int8Array;
  readonly opened: Float64Array;
  readonly responded: Float64Array;
  readonly resolved: Float64Array;
  /** On-hold time in ms typed as hours (0 when blank): the fallback for items with no hold intervals. */
  readonly onHold: Float64Array;
  /** Hold intervals from the Holds tab, by item; they replace the typed hours of the items they name. */
  readonly holds?: ItemHolds;
  readonly down: Uint8Array;
  readonly outageStart: Float64Array;
  readonly outageEnd: Float64Array;
  /** Index into the model's contracts; -1 when blank or unknown. */
  readonly contract: Int32Array;
  readonly supplierLogged: Float64Array;
  readonly supplierResponded: Float64Array;
  readonly supplierFixed: Float64Array;
  /** Sheet row number (the header is row 1). */
  readonly row: Int32Array;
  /** The item's Ref; only read when an item is reported by name. */
  ref(i: number): string;
}

function allocate(n: number) {
  const times = () => new Float64Array(n).fill(NaN);
  return {
    service: new Int32Array(n), kind: new Int8Array(n), opened: times(), responded: times(), resolved: times(),
    onHold: new Float64Array(n), down: new Uint8Array(n), outageStart: times(), outageEnd: times(),
    contract: new Int32Array(n), supplierLogged: times(), supplierResponded: times(), supplierFixed: times(), row: new Int32Array(n),
  };
}

type Mutable = ReturnType<typeof allocate>;

function trim(c: Mutable, n: number, ref: (i: number) => string, holdRows: readonly HoldRow[] = []): IncidentColumns {
  const cut = <T extends { subarray(a: number, b: number): T; length: number }>(a: T): T => (a.length === n ? a : a.subarray(0, n));
  return {
    length: n, service: cut(c.service), kind: cut(c.kind), opened: cut(c.opened), responded: cut(c.responded), resolved: cut(c.resolved),
    onHold: cut(c.onHold), down: cut(c.down), outageStart: cut(c.outageStart), outageEnd: cut(c.outageEnd), contract: cut(c.contract),
    supplierLogged: cut(c.supplierLogged), supplierResponded: cut(c.supplierResponded), supplierFixed: cut(c.supplierFixed), row: cut(c.row), ref,
    holds: holdsByItem(holdRows, n, ref),
  };
}

/** Columns from parsed rows (computeAttainment's path). */
export function columnsFromRows(rows: readonly Incident[], model: AttainmentModel, holds: readonly HoldRow[] = []): IncidentColumns {
  const n = rows.length;
  const c = allocate(n);
  const service = coder(model.serviceIndex);
  const contract = coder(model.contractIndex);
  const typeIx = new Map(ITEM_TYPES.map((t, i) => [t as string, i]));
  const prioIx = new Map(PRIORITIES.map((p, i) => [p as string, i]));
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    c.service[i] = service(r.serviceId);
    c.kind[i] = kindOf(typeIx.get(r.type) ?? 0, prioIx.get(r.priority) ?? 0);
    c.opened[i] = r.opened;
    if (r.responded !== undefined) c.responded[i] = r.responded;
    if (r.resolved !== undefined) c.resolved[i] = r.resolved;
    if (r.onHoldHours !== undefined) c.onHold[i] = r.onHoldHours * HOUR_MS;
    c.down[i] = r.serviceDown ? 1 : 0;
    if (r.outageStart !== undefined) c.outageStart[i] = r.outageStart;
    if (r.outageEnd !== undefined) c.outageEnd[i] = r.outageEnd;
    c.contract[i] = r.contractRef === undefined ? -1 : contract(r.contractRef);
    if (r.supplierLogged !== undefined) c.supplierLogged[i] = r.supplierLogged;
    if (r.supplierResponded !== undefined) c.supplierResponded[i] = r.supplierResponded;
    if (r.supplierFixed !== undefined) c.supplierFixed[i] = r.supplierFixed;
    c.row[i] = r.row;
  }
  return trim(c, n, (i) => rows[i].ref, holds);
}

/** A cell's code through a memo of raw text → code, so each distinct spelling is normalised once. */
function coder(canonical: ReadonlyMap<string, number>): (v: unknown) => number {
  const memo = new Map<unknown, number>();
  return (v) => {
    let k = memo.get(v);
    if (k === undefined) {
      k = typeof v === 'string' || typeof v === 'number' ? (canonical.get(idKey(String(v))) ?? -1) : -1;
      memo.set(v, k);
    }
    return k;
  };
}

const lowerMap = (names: readonly string[]) => new Map(names.map((s, i) => [s.toLowerCase(), i]));

const isDateLike = (v: unknown): v is Date => typeof v === 'object' && v !== null && typeof (v as Date).getTime === 'function';

/**
 * For each kind of column, a test that is true only for cells the row parser reads without complaint and
 * that the fast path reads to the same value; anything else sends the row to the row parser itself.
 */
function quickCheck(col: ColumnDef): (v: unknown) => boolean {
  const blankOk = !col.required;
  const blank = (v: unknown) => v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  switch (col.type) {
    case 'text':
    case 'hours':
      return () => true;
    case 'id':
    case 'ref':
      return (v) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '') || (blankOk && blank(v));
    case 'enum': {
      const code = coder(lowerMap(col.values ?? []));
      return (v) => code(v) >= 0 || (blankOk && blank(v));
    }
    case 'date':
    case 'datetime':
      return (v) => (isDateLike(v) ? isSupportedCellInstant(v.getTime()) : blankOk && blank(v));
    case 'number':
      return (v) => (typeof v === 'number' ? v >= 0 && v < Infinity : blankOk && blank(v));
    case 'yesno': {
      const code = coder(new Map([['yes', 1], ['y', 1], ['true', 1], ['no', 0], ['n', 0], ['false', 0]]));
      return (v) => v === true || v === false || code(v) >= 0 || (blankOk && blank(v));
    }
    default:
      return (v) => blankOk && blank(v);
  }
}

/**
 * Columns straight from sheet values (header row first), without building row objects: the custom
 * function's path. Columns are found by header name. A row the row parser would leave out (a bad cell,
 * times that run backwards) is left out here too, and its problems, the row parser's own, are added to
 * `problems`: cells that pass a quick check are read in a tight loop, any other row goes through the
 * row parser, so the two never disagree.
 */
export function columnsFromValues(values: readonly (readonly unknown[])[], model: AttainmentModel, holds: readonly HoldRow[] = [], problems: Problem[] = []): IncidentColumns {
  const def = tabDef('incidents');
  const header = values[0] ?? [];
  const { index } = locateColumns(header, def);
  const n = Math.max(0, values.length - 1);
  const c = allocate(n);
  const tz = model.timeZone;
  const col = (key: string): number => index[key] ?? -1;
  const [iService, iType, iPrio, iOpened, iResp, iResolved, iHold, iDown, iOS, iOE, iContract, iSL, iSR, iSF, iRef] = [
    'serviceId', 'type', 'priority', 'opened', 'responded', 'resolved', 'onHoldHours', 'serviceDown', 'outageStart', 'outageEnd',
    'contractRef', 'supplierLogged', 'supplierResponded', 'supplierFixed', 'ref',
  ].map(col);
  if (iService < 0 || iOpened < 0) return trim(c, 0, () => '');
  const located = def.columns.filter((d) => index[d.key] !== undefined);
  const at = located.map((d) => index[d.key]);
  const checks = located.map(quickCheck);
  const service = coder(model.serviceIndex);
  const contract = coder(model.contractIndex);
  const type = coder(lowerMap(ITEM_TYPES));
  const prio = coder(lowerMap(PRIORITIES));
  const yes = coder(new Map([['yes', 1], ['y', 1], ['true', 1]]));
  const time = (v: unknown): number => (isDateLike(v) ? v.getTime() : NaN);
  let slowRow: RowReader<'incidents'> | undefined;
  const typeIx = new Map(ITEM_TYPES.map((t, i) => [t as string, i]));
  const prioIx = new Map(PRIORITIES.map((p, i) => [p as string, i]));
  let k = 0;
  for (let r = 1; r <= n; r++) {
    const line = values[r];
    let quick = true;
    for (let j = 0; j < checks.length; j++) {
      if (!checks[j](line[at[j]])) {
        quick = false;
        break;
      }
    }
    const opened = quick ? time(line[iOpened]) : NaN;
    const responded = quick && iResp >= 0 ? time(line[iResp]) : NaN;
    const resolved = quick && iResolved >= 0 ? time(line[iResolved]) : NaN;
    const outageStart = quick && iOS >= 0 ? time(line[iOS]) : NaN;
    const outageEnd = quick && iOE >= 0 ? time(line[iOE]) : NaN;
    const logged = quick && iSL >= 0 ? time(line[iSL]) : NaN;
    const supplierResponded = quick && iSR >= 0 ? time(line[iSR]) : NaN;
    const fixed = quick && iSF >= 0 ? time(line[iSF]) : NaN;
    // Comparisons with NaN (a blank) are false, so only two times both given can run backwards.
    if (quick && (resolved < opened || responded < opened || outageEnd < (outageStart === outageStart ? outageStart : opened)
      || supplierResponded < logged || fixed < logged)) quick = false;
    if (quick) {
      c.service[k] = service(line[iService]);
      c.kind[k] = kindOf(Math.max(0, type(line[iType])), Math.max(0, prio(line[iPrio])));
      c.opened[k] = opened;
      c.responded[k] = responded;
      c.resolved[k] = resolved;
      const h = iHold >= 0 ? line[iHold] : '';
      c.onHold[k] = typeof h === 'number' ? h * HOUR_MS : 0;
      const d = iDown >= 0 ? line[iDown] : '';
      c.down[k] = d === true || (typeof d === 'string' && yes(d) === 1) ? 1 : 0;
      c.outageStart[k] = outageStart;
      c.outageEnd[k] = outageEnd;
      const ref = iContract >= 0 ? line[iContract] : '';
      c.contract[k] = typeof ref === 'number' || (typeof ref === 'string' && ref.trim() !== '') ? contract(ref) : -1;
      c.supplierLogged[k] = logged;
      c.supplierResponded[k] = supplierResponded;
      c.supplierFixed[k] = fixed;
    } else {
      slowRow ??= rowReader(def as typeof def & { key: 'incidents' }, header, tz);
      const row = slowRow(line, r + 1, problems);
      if (!row) continue;
      const faults = incidentTimeFaults(row, tz);
      if (faults.length) {
        appendAll(problems, faults);
        continue;
      }
      c.service[k] = service(row.serviceId);
      c.kind[k] = kindOf(typeIx.get(row.type) ?? 0, prioIx.get(row.priority) ?? 0);
      c.opened[k] = row.opened;
      c.responded[k] = row.responded ?? NaN;
      c.resolved[k] = row.resolved ?? NaN;
      c.onHold[k] = row.onHoldHours === undefined ? 0 : row.onHoldHours * HOUR_MS;
      c.down[k] = row.serviceDown ? 1 : 0;
      c.outageStart[k] = row.outageStart ?? NaN;
      c.outageEnd[k] = row.outageEnd ?? NaN;
      c.contract[k] = row.contractRef === undefined ? -1 : contract(row.contractRef);
      c.supplierLogged[k] = row.supplierLogged ?? NaN;
      c.supplierResponded[k] = row.supplierResponded ?? NaN;
      c.supplierFixed[k] = row.supplierFixed ?? NaN;
    }
    c.row[k] = r + 1;
    k++;
  }
  return trim(c, k, (i) => (iRef >= 0 ? String(values[c.row[i] - 1][iRef] ?? '') : ''), holds);
}
