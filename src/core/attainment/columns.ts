import { tabDef } from '../schema/workbook';
import type { ColumnDef } from '../schema/types';
import type { Incident } from '../schema/records';
import { incidentGridOf, incidentTimeFaults, type Workbook } from '../workbook/parseWorkbook';
import { locateColumns } from '../workbook/columns';
import { readCell } from '../workbook/cells';
import { AVAILABILITY_ONLY, cellProblem, measuredRowEnding } from '../workbook/parseTab';
import type { Problem } from '../workbook/problems';
import { recordsToRows } from '../workbook/toCells';
import { appendAll } from '../values';
import type { AttainmentModel } from './model';
import { kindOf, PLANNED_MAINTENANCE } from './model';
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
  /** 1 for an item of Type "Planned maintenance" (its kind is then -1: no target applies). */
  readonly planned: Uint8Array;
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

/** The columns of n rows, in three buffers (one per element type): a few large allocations rather than fifteen. */
function allocate(n: number) {
  const f64 = new Float64Array(9 * n);
  const i32 = new Int32Array(3 * n);
  const u8 = new Uint8Array(3 * n);
  // down, planned, then kind (signed) over the last third.
  let a = 0;
  let b = 0;
  let d = 0;
  const times = () => {
    a += n;
    return f64.subarray(a - n, a);
  };
  const ints = () => {
    b += n;
    return i32.subarray(b - n, b);
  };
  const bytes = () => {
    d += n;
    return u8.subarray(d - n, d);
  };
  const kind = new Int8Array(u8.buffer, 2 * n, n);
  return {
    service: ints(),
    kind,
    opened: times(),
    responded: times(),
    resolved: times(),
    onHold: times(),
    down: bytes(),
    planned: bytes(),
    outageStart: times(),
    outageEnd: times(),
    contract: ints(),
    supplierLogged: times(),
    supplierResponded: times(),
    supplierFixed: times(),
    row: ints(),
  };
}

type Mutable = ReturnType<typeof allocate>;

function trim(c: Mutable, n: number, ref: (i: number) => string, holdRows: readonly HoldRow[] = []): IncidentColumns {
  const cut = <T extends { subarray(a: number, b: number): T; length: number }>(a: T): T => (a.length === n ? a : a.subarray(0, n));
  return {
    length: n,
    service: cut(c.service),
    kind: cut(c.kind),
    opened: cut(c.opened),
    responded: cut(c.responded),
    resolved: cut(c.resolved),
    onHold: cut(c.onHold),
    down: cut(c.down),
    planned: cut(c.planned),
    outageStart: cut(c.outageStart),
    outageEnd: cut(c.outageEnd),
    contract: cut(c.contract),
    supplierLogged: cut(c.supplierLogged),
    supplierResponded: cut(c.supplierResponded),
    supplierFixed: cut(c.supplierFixed),
    row: cut(c.row),
    ref,
    holds: holdsByItem(holdRows, n, ref),
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
enum Read {
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

const YES_NO = new Map([
  ['yes', 1],
  ['y', 1],
  ['true', 1],
  ['no', 0],
  ['n', 0],
  ['false', 0],
]);

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
 * A cell the quick test did not take, read as the row parser reads it (readCell, the same blank rule):
 * its value as the columns hold it, or undefined when it cannot be read (a required cell left blank too).
 */
function readSlow(col: ColumnDef, read: Read, canon: ReadonlyMap<string, number>, v: unknown, timeZone: string): number | undefined {
  if (isBlankCell(v)) {
    if (col.required) return undefined;
    return read === Read.Code || read === Read.Choice ? -1 : read === Read.Hours || read === Read.YesNo ? 0 : NOTHING;
  }
  const r = readCell(col, v, timeZone);
  if (!r.ok) return undefined;
  switch (read) {
    case Read.Time:
      return r.value as number;
    case Read.Hours:
      return (r.value as number) * HOUR_MS;
    case Read.YesNo:
      return r.value ? 1 : 0;
    case Read.Code:
      return canon.get(idKey(String(r.value))) ?? -1;
    case Read.Choice:
      return canon.get(String(r.value).toLowerCase()) ?? -1;
    default:
      return NOTHING;
  }
}

/** What a cell that could not be read should have held ('' for a required cell left blank). */
const expectedOf = (col: ColumnDef, v: unknown, timeZone: string): string => {
  if (isBlankCell(v)) return '';
  const r = readCell(col, v, timeZone);
  return r.ok ? '' : r.expected;
};

const u = (x: number): number | undefined => (x === x ? x : undefined);

/**
 * The incident log as columns, straight from sheet values (header row first, columns found by name): the one
 * reader of the log for every figure (custom functions, panel, documents, digest). Each cell is taken by a
 * quick test where it can be (a date cell, a known choice or ID, a number) and otherwise read as the row
 * parser reads it, with the same blank rule, so both read a cell to the same value and refuse the same cells.
 *
 * What happens to a row with a cell that cannot be read (each such cell is added to `problems`, in the row
 * parser's words): a bad Type or Priority keeps the row for availability only (its outage counts; it is judged
 * against no target and no supplier contract); any other bad cell, or times that run backwards, leaves the row
 * out. A row whose every cell is blank is skipped silently. `sheetRows` gives each line's sheet row number
 * when the lines are not the sheet's own (default: line r is sheet row r + 1). Without `words`, a problem of
 * times that run backwards names only its cell (all a custom function's last line says).
 */
export function readIncidentColumns(
  values: Values,
  model: AttainmentModel,
  holds: readonly HoldRow[] = [],
  problems: Problem[] = [],
  sheetRows?: ArrayLike<number>,
  words = true,
): IncidentColumns {
  const def = tabDef('incidents');
  const header = values[0] ?? [];
  const { index } = locateColumns(header, def);
  const n = Math.max(0, values.length - 1);
  const c = allocate(n);
  const lineOf = new Int32Array(n);
  const tz = model.timeZone;
  const iRef = index.ref ?? -1;
  if (index.serviceId === undefined || index.opened === undefined) return trim(c, 0, () => '');
  const located = def.columns.filter((d) => index[d.key] !== undefined).map((d) => index[d.key]);
  // The plan: one entry per located column that is read; `got[j]` holds entry j's value for the row.
  const plan = def.columns.filter((d) => index[d.key] !== undefined && readOf(d) !== undefined);
  const m = plan.length;
  const cis = Int32Array.from(plan, (d) => index[d.key]);
  const reads = Int8Array.from(plan, (d) => readOf(d)!);
  const blankOk = Uint8Array.from(plan, (d) => (d.required ? 0 : 1));
  const canon = plan.map((d) =>
    d.type === 'enum' ? lowerMap(d.values ?? []) : d.key === 'contractRef' ? model.contractIndex : d.key === 'serviceId' ? model.serviceIndex : YES_NO,
  );
  const memos = plan.map(() => new Map<unknown, number>());
  const got = new Float64Array(m);
  const j = (key: string): number => plan.findIndex((d) => d.key === key);
  const PLANNED = (def.columns.find((d) => d.key === 'type')!.values ?? []).indexOf(PLANNED_MAINTENANCE);
  const [jService, jType, jPrio, jOpened, jResp, jResolved, jHold, jDown, jOS, jOE, jContract, jSL, jSR, jSF] = [
    'serviceId',
    'type',
    'priority',
    'opened',
    'responded',
    'resolved',
    'onHoldHours',
    'serviceDown',
    'outageStart',
    'outageEnd',
    'contractRef',
    'supplierLogged',
    'supplierResponded',
    'supplierFixed',
  ].map(j);
  let k = 0;
  for (let r = 1; r <= n; r++) {
    const line = values[r];
    let bad: number[] | undefined;
    for (let q = 0; q < m; q++) {
      const v = line[cis[q]];
      let x = NOTHING;
      let ok = true;
      switch (reads[q]) {
        case Read.Time:
          if (isDateLike(v)) {
            x = v.getTime();
            if (!(x >= FIRST_MS && x < LAST_MS)) ok = false;
          } else if (!(blankOk[q] && isBlankCell(v))) ok = false;
          break;
        case Read.Id:
          if (!(typeof v === 'string' ? blankOk[q] || v.trim() !== '' : typeof v === 'number' ? v - v === 0 : blankOk[q] && isBlankCell(v))) ok = false;
          break;
        case Read.Code:
        case Read.Choice:
        case Read.YesNo: {
          if (v === true || v === false) {
            if (reads[q] === Read.YesNo) x = v ? 1 : 0;
            else ok = false;
            break;
          }
          const memo = memos[q];
          let code = memo.get(v);
          if (code === undefined) {
            // -1: blank, or an ID the model does not know; -2: a cell the quick test does not take.
            if (isBlankCell(v)) code = blankOk[q] ? (reads[q] === Read.YesNo ? 0 : -1) : -2;
            else if (typeof v === 'string' || (typeof v === 'number' && v - v === 0)) {
              code = canon[q].get(idKey(String(v))) ?? -1;
              if (code < 0 && reads[q] !== Read.Code) code = -2;
            } else code = -2;
            if (typeof v === 'string' || typeof v === 'number') memo.set(v, code);
          }
          if (code === -2) ok = false;
          x = code;
          break;
        }
        case Read.Hours:
          if (typeof v === 'number' && v >= 0 && v < INFINITY) x = v * HOUR_MS;
          else if (blankOk[q] && isBlankCell(v)) x = 0;
          else ok = false;
          break;
        default:
          if (!(blankOk[q] && isBlankCell(v))) ok = false;
      }
      if (!ok) {
        const y = readSlow(plan[q], reads[q], canon[q], v, tz);
        if (y === undefined) {
          bad ??= [];
          bad.push(q);
        } else x = y;
      }
      got[q] = x;
    }
    const sheetRow = sheetRows === undefined ? r + 1 : sheetRows[r - 1];
    let availabilityOnly = false;
    if (bad !== undefined) {
      if (located.every((ci) => isBlankCell(line[ci]))) continue;
      const ending = measuredRowEnding(bad.map((q) => plan[q].key));
      for (const q of bad) problems.push(cellProblem(def.name, plan[q], line[cis[q]], sheetRow, expectedOf(plan[q], line[cis[q]], tz), tz, ending));
      if (ending !== AVAILABILITY_ONLY) continue;
      availabilityOnly = true;
    }
    const opened = got[jOpened];
    const responded = jResp >= 0 ? got[jResp] : NOTHING;
    const resolved = jResolved >= 0 ? got[jResolved] : NOTHING;
    const outageStart = jOS >= 0 ? got[jOS] : NOTHING;
    const outageEnd = jOE >= 0 ? got[jOE] : NOTHING;
    const logged = jSL >= 0 ? got[jSL] : NOTHING;
    const supplierResponded = jSR >= 0 ? got[jSR] : NOTHING;
    const fixed = jSF >= 0 ? got[jSF] : NOTHING;
    // Comparisons with NaN (a blank) are false, so only two times both given can run backwards.
    if (
      resolved < opened ||
      responded < opened ||
      outageEnd < (outageStart === outageStart ? outageStart : opened) ||
      supplierResponded < logged ||
      fixed < logged
    ) {
      const times = {
        row: sheetRow,
        opened,
        responded: u(responded),
        resolved: u(resolved),
        outageStart: u(outageStart),
        outageEnd: u(outageEnd),
        supplierLogged: u(logged),
        supplierResponded: u(supplierResponded),
        supplierFixed: u(fixed),
      } as Incident;
      appendAll(problems, incidentTimeFaults(times, tz, words));
      continue;
    }
    c.service[k] = got[jService];
    const type = jType >= 0 ? got[jType] : 0;
    const prio = jPrio >= 0 ? got[jPrio] : 0;
    // Planned maintenance has no target, whatever its priority; neither has a row whose Type or Priority is unreadable.
    const planned = type === PLANNED ? 1 : 0;
    c.planned[k] = planned;
    c.kind[k] = availabilityOnly || planned ? -1 : kindOf(type < 0 ? 0 : type, prio < 0 ? 0 : prio);
    c.opened[k] = opened;
    c.responded[k] = responded;
    c.resolved[k] = resolved;
    c.onHold[k] = jHold >= 0 ? got[jHold] : 0;
    c.down[k] = jDown >= 0 ? got[jDown] : 0;
    c.outageStart[k] = outageStart;
    c.outageEnd[k] = outageEnd;
    c.contract[k] = jContract >= 0 && !availabilityOnly && !planned ? got[jContract] : -1;
    c.supplierLogged[k] = logged;
    c.supplierResponded[k] = supplierResponded;
    c.supplierFixed[k] = fixed;
    c.row[k] = sheetRow;
    lineOf[k] = r;
    k++;
  }
  return trim(c, k, (i) => (iRef >= 0 ? String(values[lineOf[i]][iRef] ?? '').trim() : ''), holds);
}

/**
 * The columns of a read workbook's incident log, through the one reader: from the very cells the log was
 * parsed from (rows a figure can still use, such as an outage with an unreadable Priority, included), or, for
 * rows made in code, from those rows laid out as cells.
 */
export function workbookColumns(wb: Pick<Workbook, 'incidents' | 'holds'>, model: AttainmentModel): IncidentColumns {
  const grid = incidentGridOf(wb.incidents);
  // Check workbook says what the log's problems are; here they are not kept, so no time is formatted for them.
  if (grid) return readIncidentColumns(grid, model, wb.holds, [], undefined, false);
  const def = tabDef('incidents');
  const header = def.columns.map((d) => d.header);
  return readIncidentColumns(
    [header, ...recordsToRows(def, header, wb.incidents)],
    model,
    wb.holds,
    [],
    wb.incidents.map((i) => i.row),
    false,
  );
}
