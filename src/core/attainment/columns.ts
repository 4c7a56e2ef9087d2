import { tabDef } from '../schema/workbook';
import type { ColumnDef } from '../schema/types';
import type { Incident } from '../schema/records';
import { incidentTimeFaults } from '../workbook/parseWorkbook';
import { locateColumns } from '../workbook/columns';
import { rowReader, type RowReader } from '../workbook/parseTab';
import type { Problem } from '../workbook/problems';
import { appendAll } from '../values';
import type { AttainmentModel } from './model';
import { ITEM_TYPES, PRIORITIES, kindOf } from './model';
import { DAY_MS, HOUR_MS, MAX_SUPPORTED_MS, MIN_SUPPORTED_MS } from '../time/zone';
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

/** Taken once: a global look-up per cell is slow when the bundle runs in a vm realm. */
const INFINITY = 1 / 0;
const NOTHING = 0 / 0;
const [FIRST_MS, LAST_MS] = [MIN_SUPPORTED_MS + DAY_MS, MAX_SUPPORTED_MS - DAY_MS];

const isBlankCell = (v: unknown): boolean => v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const isDateLike = (v: unknown): v is Date => typeof v === 'object' && v !== null && typeof (v as Date).getTime === 'function';

type Values = readonly (readonly unknown[])[];

/** How the fast path reads a column: each kind accepts only cells the row parser reads without complaint. */
const enum Read {
  /** An ID only checked (Ref): any number or non-blank text. */
  Id,
  /** An ID coded through the model (Service ID, Contract ref): -1 when unknown or blank. */
  Code,
  /** A choice: only its values. */
  Choice,
  /** A date or date and time inside the supported years. */
  Time,
  /** A number of 0 or more, as ms of hours. */
  Hours,
  YesNo,
  /** Any other type: only blanks. */
  Other,
}

const YES_NO = new Map([['yes', 1], ['y', 1], ['true', 1], ['no', 0], ['n', 0], ['false', 0]]);

const readOf = (col: ColumnDef): Read | undefined => {
  switch (col.type) {
    case 'text':
    case 'hours':
      return undefined;
    case 'id':
    case 'ref':
      return col.key === 'serviceId' || col.key === 'contractRef' ? Read.Code : Read.Id;
    case 'enum':
      return Read.Choice;
    case 'date':
    case 'datetime':
      return Read.Time;
    case 'number':
      return Read.Hours;
    case 'yesno':
      return Read.YesNo;
    default:
      return Read.Other;
  }
};

/**
 * Columns straight from sheet values (header row first), without building row objects: the custom
 * function's path. Columns are found by header name. A row the row parser would leave out (a bad cell,
 * times that run backwards) is left out here too, and its problems, the row parser's own, are added to
 * `problems`. Each row is read in one tight loop over its columns (no call per cell), accepting only cells
 * the row parser reads without complaint and to the same value; any other row goes through the row parser,
 * so the two never disagree.
 */
export function columnsFromValues(values: Values, model: AttainmentModel, holds: readonly HoldRow[] = [], problems: Problem[] = []): IncidentColumns {
  const def = tabDef('incidents');
  const header = values[0] ?? [];
  const { index } = locateColumns(header, def);
  const n = Math.max(0, values.length - 1);
  const c = allocate(n);
  const tz = model.timeZone;
  const iRef = index.ref ?? -1;
  if (index.serviceId === undefined || index.opened === undefined) return trim(c, 0, () => '');
  // The plan: one entry per located column the fast path checks; `got[j]` holds entry j's value for the row.
  const plan = def.columns.filter((d) => index[d.key] !== undefined && readOf(d) !== undefined);
  const m = plan.length;
  const cis = Int32Array.from(plan, (d) => index[d.key]);
  const reads = Int8Array.from(plan, (d) => readOf(d)!);
  const blankOk = Uint8Array.from(plan, (d) => (d.required ? 0 : 1));
  const canon = plan.map((d) => (d.type === 'enum' ? lowerMap(d.values ?? []) : d.key === 'contractRef' ? model.contractIndex : d.key === 'serviceId' ? model.serviceIndex : YES_NO));
  const memos = plan.map(() => new Map<unknown, number>());
  const got = new Float64Array(m);
  const j = (key: string): number => plan.findIndex((d) => d.key === key);
  const [jService, jType, jPrio, jOpened, jResp, jResolved, jHold, jDown, jOS, jOE, jContract, jSL, jSR, jSF] = [
    'serviceId', 'type', 'priority', 'opened', 'responded', 'resolved', 'onHoldHours', 'serviceDown', 'outageStart', 'outageEnd',
    'contractRef', 'supplierLogged', 'supplierResponded', 'supplierFixed',
  ].map(j);
  const service = coder(model.serviceIndex);
  const contract = coder(model.contractIndex);
  const typeIx = new Map(ITEM_TYPES.map((t, i) => [t as string, i]));
  const prioIx = new Map(PRIORITIES.map((p, i) => [p as string, i]));
  let slowRow: RowReader<'incidents'> | undefined;
  let k = 0;
  for (let r = 1; r <= n; r++) {
    const line = values[r];
    let quick = true;
    for (let q = 0; q < m && quick; q++) {
      const v = line[cis[q]];
      let x = NOTHING;
      switch (reads[q]) {
        case Read.Time:
          if (isDateLike(v)) {
            x = v.getTime();
            if (!(x >= FIRST_MS && x < LAST_MS)) quick = false;
          } else if (!(blankOk[q] && isBlankCell(v))) quick = false;
          break;
        case Read.Id:
          if (!(typeof v === 'string' ? blankOk[q] || v.trim() !== '' : typeof v === 'number' ? v - v === 0 : blankOk[q] && isBlankCell(v))) quick = false;
          break;
        case Read.Code:
        case Read.Choice:
        case Read.YesNo: {
          if (v === true || v === false) {
            if (reads[q] === Read.YesNo) x = v ? 1 : 0;
            else quick = false;
            break;
          }
          const memo = memos[q];
          let code = memo.get(v);
          if (code === undefined) {
            // -1: blank, or an ID the model does not know; -2: a cell the row parser refuses.
            if (isBlankCell(v)) code = blankOk[q] ? (reads[q] === Read.YesNo ? 0 : -1) : -2;
            else if (typeof v === 'string' || (typeof v === 'number' && v - v === 0)) {
              code = canon[q].get(idKey(String(v))) ?? -1;
              if (code < 0 && reads[q] !== Read.Code) code = -2;
            } else code = -2;
            if (typeof v === 'string' || typeof v === 'number') memo.set(v, code);
          }
          if (code === -2) quick = false;
          x = code;
          break;
        }
        case Read.Hours:
          if (typeof v === 'number' && v >= 0 && v < INFINITY) x = v * HOUR_MS;
          else if (blankOk[q] && isBlankCell(v)) x = 0;
          else quick = false;
          break;
        default:
          if (!(blankOk[q] && isBlankCell(v))) quick = false;
      }
      got[q] = x;
    }
    if (quick) {
      const opened = got[jOpened];
      const responded = jResp >= 0 ? got[jResp] : NOTHING;
      const resolved = jResolved >= 0 ? got[jResolved] : NOTHING;
      const outageStart = jOS >= 0 ? got[jOS] : NOTHING;
      const outageEnd = jOE >= 0 ? got[jOE] : NOTHING;
      const logged = jSL >= 0 ? got[jSL] : NOTHING;
      const supplierResponded = jSR >= 0 ? got[jSR] : NOTHING;
      const fixed = jSF >= 0 ? got[jSF] : NOTHING;
      // Comparisons with NaN (a blank) are false, so only two times both given can run backwards.
      if (resolved < opened || responded < opened || outageEnd < (outageStart === outageStart ? outageStart : opened)
        || supplierResponded < logged || fixed < logged) quick = false;
      else {
        c.service[k] = got[jService];
        const type = jType >= 0 ? got[jType] : 0;
        const prio = jPrio >= 0 ? got[jPrio] : 0;
        c.kind[k] = kindOf(type < 0 ? 0 : type, prio < 0 ? 0 : prio);
        c.opened[k] = opened;
        c.responded[k] = responded;
        c.resolved[k] = resolved;
        c.onHold[k] = jHold >= 0 ? got[jHold] : 0;
        c.down[k] = jDown >= 0 ? got[jDown] : 0;
        c.outageStart[k] = outageStart;
        c.outageEnd[k] = outageEnd;
        c.contract[k] = jContract >= 0 ? got[jContract] : -1;
        c.supplierLogged[k] = logged;
        c.supplierResponded[k] = supplierResponded;
        c.supplierFixed[k] = fixed;
      }
    }
    if (!quick) {
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
