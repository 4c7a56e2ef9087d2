import { tabDef, type Incident } from '../schema';
import { locateColumns, parseLocalDateTime } from '../workbook';
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

/**
 * Columns straight from sheet values (header row first), without building row objects: the custom
 * function's path. Columns are found by header name. Rows without a readable opened time are left out
 * (the workbook check reports them).
 */
export function columnsFromValues(values: readonly (readonly unknown[])[], model: AttainmentModel, holds: readonly HoldRow[] = []): IncidentColumns {
  const { index } = locateColumns(values[0] ?? [], tabDef('incidents'));
  const n = Math.max(0, values.length - 1);
  const c = allocate(n);
  const tz = model.timeZone;
  const col = (key: string): number => index[key] ?? -1;
  const [iService, iType, iPrio, iOpened, iResp, iResolved, iHold, iDown, iOS, iOE, iContract, iSL, iSR, iSF, iRef] = [
    'serviceId', 'type', 'priority', 'opened', 'responded', 'resolved', 'onHoldHours', 'serviceDown', 'outageStart', 'outageEnd',
    'contractRef', 'supplierLogged', 'supplierResponded', 'supplierFixed', 'ref',
  ].map(col);
  const service = coder(model.serviceIndex);
  const contract = coder(model.contractIndex);
  const type = coder(lowerMap(ITEM_TYPES));
  const prio = coder(lowerMap(PRIORITIES));
  const yes = coder(new Map([['yes', 1], ['y', 1], ['true', 1]]));
  const none = () => -1;
  const typeOf = iType >= 0 ? (v: unknown) => type(v) : none;
  const prioOf = iPrio >= 0 ? (v: unknown) => prio(v) : none;
  const time = (v: unknown): number => {
    if (typeof v === 'object' && v !== null && typeof (v as Date).getTime === 'function') return (v as Date).getTime();
    if (typeof v === 'string' && v !== '') return parseLocalDateTime(v, tz, true) ?? NaN;
    return NaN;
  };
  if (iService < 0 || iOpened < 0) return trim(c, 0, () => '');
  let k = 0;
  for (let r = 1; r <= n; r++) {
    const line = values[r];
    const opened = time(line[iOpened]);
    if (opened !== opened) continue;
    const t = typeOf(line[iType]);
    const p = prioOf(line[iPrio]);
    c.service[k] = service(line[iService]);
    // An unreadable type or priority leaves the item without a target, but its outage still counts.
    c.kind[k] = t < 0 || p < 0 ? -1 : kindOf(t, p);
    c.opened[k] = opened;
    if (iResp >= 0) c.responded[k] = time(line[iResp]);
    if (iResolved >= 0) c.resolved[k] = time(line[iResolved]);
    if (iHold >= 0) {
      const h = line[iHold];
      const hours = typeof h === 'number' ? h : typeof h === 'string' && h.trim() !== '' ? Number(h) : 0;
      c.onHold[k] = hours > 0 ? hours * HOUR_MS : 0;
    }
    if (iDown >= 0) {
      const d = line[iDown];
      c.down[k] = d === true ? 1 : typeof d === 'string' && d !== '' ? (yes(d) === 1 ? 1 : 0) : 0;
    }
    if (c.down[k] === 1) {
      if (iOS >= 0) c.outageStart[k] = time(line[iOS]);
      if (iOE >= 0) c.outageEnd[k] = time(line[iOE]);
    }
    c.contract[k] = iContract >= 0 ? contract(line[iContract]) : -1;
    if (c.contract[k] >= 0) {
      if (iSL >= 0) c.supplierLogged[k] = time(line[iSL]);
      if (iSR >= 0) c.supplierResponded[k] = time(line[iSR]);
      if (iSF >= 0) c.supplierFixed[k] = time(line[iSF]);
    }
    c.row[k] = r + 1;
    k++;
  }
  return trim(c, k, (i) => (iRef >= 0 ? String(values[c.row[i] - 1][iRef] ?? '') : ''), holds);
}
