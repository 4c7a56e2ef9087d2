import { heldMs } from './holds';
import type { IncidentColumns } from './columns';
import type { AttainmentModel } from './model';
import { KINDS } from './model';
import type { Breach } from './types';
import { HOUR_MS } from '../time/zone';

/** Outcome codes per measure, as stored in the counters; a higher code is a worse outcome. */
export const MET = 0;
export const PENDING = 1;
export const BREACHED = 2;

/** The counts one pass over the log produces. */
export interface Tally {
  /** Per (service, target row, measure): counts at ((s * T + t) * 2 + m) * 3 + outcome code. */
  readonly targetCounts: Int32Array;
  /** Per service: items counted, then items met, breached, pending, at s * 4. */
  readonly serviceCounts: Int32Array;
  /** Per service: downtime in ms within the service hours of the period. */
  readonly downtimeMs: Float64Array;
  /** Per service: service hours in the period, in ms. */
  readonly serviceMs: Float64Array;
  /** Per (service, target row, measure) slot: its breaches, when asked for. */
  readonly breaches: Map<number, Breach[]> | undefined;
  /** Per (service, target row): items resolved with no Responded time, whose response was not judged, at s * T + t. */
  readonly noResponse: Int32Array;
  /** Per service: planned maintenance items opened in the period. */
  readonly plannedItems: Int32Array;
  /** Per service: announced planned maintenance (logged before its outage began) within the service hours of the period, in ms; not downtime. */
  readonly plannedMs: Float64Array;
  /** Per service: planned maintenance items logged after their outage began, counted as downtime (item indexes). */
  readonly unannounced: Array<number[] | undefined>;
  /** Per contract: calls, response met, breached, fix met, breached, pending, response not judged (fixed with no Supplier responded time), at c * 7. */
  readonly supplierCounts: Int32Array;
  readonly supplierBreaches: Map<number, Breach[]> | undefined;
}

export interface MeasureOptions {
  /** Collect every breach with its item (for reports); the dashboard table only needs counts. */
  readonly breaches?: boolean;
  /** The instant "now": items still open then are judged as of it, and availability is measured up to it. Default: the period's end. */
  readonly now?: number;
  /** When given, each item's outcome per measure (MET, PENDING, BREACHED; -1 not judged) and the Targets row index that applied (-1 none). */
  readonly outcomes?: ItemOutcomes;
}

/** Per-item outcomes, one slot per item of the incident columns. */
export interface ItemOutcomes {
  readonly response: Int8Array;
  readonly resolution: Int8Array;
  readonly target: Int32Array;
}

/**
 * Measures every item opened in [start, end) against its target, and every service's availability.
 * Items are judged on what actually happened, whenever it happened: a response or resolution recorded
 * after the period ended counts with its real time. An item still open at `opts.now` is breached once it
 * is past its target, otherwise pending. Availability runs from `start` to the earlier of `end` and now.
 */
export function measure(cols: IncidentColumns, model: AttainmentModel, start: number, periodEnd: number, opts: MeasureOptions = {}): Tally {
  const now = opts.now ?? periodEnd;
  const upTo = Math.max(start, Math.min(periodEnd, now));
  const S = model.services.length;
  const T = model.targets.length;
  const targetCounts = new Int32Array(S * T * 6);
  const serviceCounts = new Int32Array(S * 4);
  const breaches = opts.breaches ? new Map<number, Breach[]>() : undefined;
  const respondMs = new Float64Array(T).fill(NaN);
  const resolveMs = new Float64Array(T).fill(NaN);
  model.targets.forEach((t, i) => {
    if (t.respondHours !== undefined) respondMs[i] = t.respondHours * HOUR_MS;
    if (t.resolveHours !== undefined) resolveMs[i] = t.resolveHours * HOUR_MS;
  });
  const noResponse = new Int32Array(S * T);
  const plannedItems = new Int32Array(S);
  const unannounced: Array<number[] | undefined> = new Array(S);
  const { service, kind, opened, responded, resolved, onHold, holds, planned } = cols;
  const targetFor = model.targetFor;
  const calendars = model.supportCalendars;
  const outages: Array<number[] | undefined> = new Array(S);
  const announced: Array<number[] | undefined> = new Array(S);
  const down = cols.down;
  const n = cols.length;
  const out = opts.outcomes;

  for (let i = 0; i < n; i++) {
    const s = service[i];
    if (s < 0) continue;
    const o = opened[i];
    if (down[i] === 1) {
      // Outage start blank → opened; end blank → resolved; still open → now (or the period's end).
      let a = cols.outageStart[i];
      if (a !== a) a = o;
      let b = cols.outageEnd[i];
      if (b !== b) b = resolved[i];
      if (b !== b || b > upTo) b = upTo;
      // Planned maintenance logged before its outage began was announced: not downtime.
      const wasAnnounced = planned[i] === 1 && o < a;
      if (a < start) a = start;
      if (b > a) {
        if (wasAnnounced) {
          announced[s] ??= [];
          announced[s].push(a, b);
        } else {
          outages[s] ??= [];
          outages[s].push(a, b);
          if (planned[i] === 1) {
            unannounced[s] ??= [];
            unannounced[s].push(i);
          }
        }
      }
    }
    // Items count in the period they were opened in.
    if (!(o >= start && o < periodEnd)) continue;
    // Planned maintenance is reported on its own, never judged against a response or fix target.
    if (planned[i] === 1) {
      plannedItems[s]++;
      continue;
    }
    const k = kind[i];
    if (k < 0) continue; // no readable type or priority: as the parsed log, which leaves such rows out
    const sc = s * 4;
    serviceCounts[sc]++;
    const t = targetFor[s * KINDS + k];
    if (t < 0) continue;
    if (out !== undefined) out.target[i] = t;
    const cal = calendars[s];
    const base = (s * T + t) * 2;
    // Worst outcome of the item's measures: breached over pending over met.
    let worst = -1;
    if (cal === undefined) {
      worst = PENDING;
      if (respondMs[t] === respondMs[t]) {
        targetCounts[base * 3 + PENDING]++;
        if (out !== undefined) out.response[i] = PENDING;
      }
      if (resolveMs[t] === resolveMs[t]) {
        targetCounts[(base + 1) * 3 + PENDING]++;
        if (out !== undefined) out.resolution[i] = PENDING;
      }
    } else {
      const rs = resolved[i];
      const closed = rs <= now;
      let toEnd = -1;
      const target1 = respondMs[t];
      const r = responded[i];
      // A response is never judged on a time nobody recorded: resolved with no Responded time, it is counted apart.
      if (target1 === target1 && r !== r && closed) noResponse[s * T + t]++;
      else if (target1 === target1) {
        let outcome: number;
        let w: number;
        if (r <= now) {
          w = cal.workingMs(o, r);
          outcome = w <= target1 ? MET : BREACHED;
        } else {
          // Not answered yet (or not as of now): breached once past its due time, else pending.
          w = toEnd = cal.workingMs(o, now);
          outcome = w > target1 ? BREACHED : PENDING;
        }
        targetCounts[base * 3 + outcome]++;
        if (out !== undefined) out.response[i] = outcome;
        if (outcome > worst) worst = outcome;
        if (outcome === BREACHED && breaches) addBreach(breaches, base, cols, i, 'response', w, target1, !(r <= now));
      }
      const target2 = resolveMs[t];
      if (target2 === target2) {
        let outcome: number;
        // Hold intervals, when the item has any, in the same support hours and within its life; else typed hours.
        const spans = holds === undefined ? undefined : holds.get(i);
        const held = spans === undefined ? onHold[i] : heldMs(spans, o, closed ? rs : now, (x, y) => cal.workingMs(x, y));
        let w = (closed ? cal.workingMs(o, rs) : toEnd >= 0 ? toEnd : cal.workingMs(o, now)) - held;
        if (w < 0) w = 0;
        if (closed) outcome = w <= target2 ? MET : BREACHED;
        else outcome = w > target2 ? BREACHED : PENDING;
        targetCounts[(base + 1) * 3 + outcome]++;
        if (out !== undefined) out.resolution[i] = outcome;
        if (outcome > worst) worst = outcome;
        if (outcome === BREACHED && breaches) addBreach(breaches, base + 1, cols, i, 'resolution', w, target2, !closed);
      }
    }
    // An item is breached when any measure is, pending when any is still open, met otherwise.
    if (worst >= 0) serviceCounts[sc + 1 + (worst === MET ? 0 : worst === BREACHED ? 1 : 2)]++;
  }

  const serviceMs = new Float64Array(S);
  const downtimeMs = new Float64Array(S);
  const plannedMs = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    const cal = model.serviceCalendars[s];
    if (!cal) continue;
    serviceMs[s] = cal.workingMs(start, upTo);
    const list = outages[s];
    if (list) downtimeMs[s] = unionWorkingMs(list, (a, b) => cal.workingMs(a, b));
    const ahead = announced[s];
    if (ahead) plannedMs[s] = unionWorkingMs(ahead, (a, b) => cal.workingMs(a, b));
  }

  const supplier = measureSuppliers(cols, model, start, periodEnd, now, !!opts.breaches);
  return {
    targetCounts,
    serviceCounts,
    downtimeMs,
    serviceMs,
    breaches,
    noResponse,
    plannedItems,
    plannedMs,
    unannounced,
    supplierCounts: supplier.counts,
    supplierBreaches: supplier.breaches,
  };
}

/** Adds item i's breach to the list kept under `key`. */
function addBreach(
  map: Map<number, Breach[]>,
  key: number,
  cols: IncidentColumns,
  i: number,
  measure: Breach['measure'],
  actual: number,
  target: number,
  open: boolean,
): void {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  list.push({ ref: cols.ref(i), row: cols.row[i], measure, actualHours: actual / HOUR_MS, targetHours: target / HOUR_MS, open });
}

/** Working time of the union of intervals given flat as [a0, b0, a1, b1, ...]: overlaps count once. */
function unionWorkingMs(flat: readonly number[], working: (a: number, b: number) => number): number {
  const idx = Array.from({ length: flat.length / 2 }, (_, k) => k).sort((x, y) => flat[2 * x] - flat[2 * y]);
  let total = 0;
  let curA = NaN;
  let curB = NaN;
  for (const k of idx) {
    const a = flat[2 * k];
    const b = flat[2 * k + 1];
    if (curB === curB && a <= curB) {
      if (b > curB) curB = b;
      continue;
    }
    if (curB === curB) total += working(curA, curB);
    curA = a;
    curB = b;
  }
  if (curB === curB) total += working(curA, curB);
  return total;
}

/**
 * Supplier calls (items opened in the period with a contract ref) against the contract's own support
 * hours and respond/fix targets, judged as items are (real times, or as of now while open).
 * Without known hours or a logged time a call cannot be measured: pending.
 */
function measureSuppliers(cols: IncidentColumns, model: AttainmentModel, start: number, periodEnd: number, now: number, keep: boolean) {
  const C = model.contracts.length;
  const counts = new Int32Array(C * 7);
  const breaches = keep ? new Map<number, Breach[]>() : undefined;
  if (C === 0) return { counts, breaches };
  const respond = model.contracts.map((c) => (c.respondHours === undefined ? NaN : c.respondHours * HOUR_MS));
  const fix = model.contracts.map((c) => (c.fixHours === undefined ? NaN : c.fixHours * HOUR_MS));
  const add = (c: number, i: number, m: Breach['measure'], actual: number, target: number, open: boolean) =>
    breaches && addBreach(breaches, c, cols, i, m, actual, target, open);
  const { contract, opened, supplierLogged, supplierResponded, supplierFixed } = cols;
  for (let i = 0; i < cols.length; i++) {
    const c = contract[i];
    if (c < 0) continue;
    const o = opened[i];
    if (!(o >= start && o < periodEnd)) continue;
    const base = c * 7;
    counts[base]++;
    const cal = model.contractCalendars[c];
    const logged = supplierLogged[i];
    if (!cal || logged !== logged) {
      counts[base + 5]++;
      continue;
    }
    let pending = false;
    const fixed = supplierFixed[i];
    const judge = (at: number, target: number, metSlot: number, m: 'response' | 'resolution') => {
      if (target !== target) return;
      if (at <= now) {
        const w = cal.workingMs(logged, at);
        if (w <= target) counts[base + metSlot]++;
        else {
          counts[base + metSlot + 1]++;
          add(c, i, m, w, target, false);
        }
      } else {
        const w = cal.workingMs(logged, now);
        if (w > target) {
          counts[base + metSlot + 1]++;
          add(c, i, m, w, target, true);
        } else pending = true;
      }
    };
    const r = supplierResponded[i];
    // Fixed with no Supplier responded time: the response is not judged on a time nobody recorded.
    if (r !== r && fixed <= now) {
      if (respond[c] === respond[c]) counts[base + 6]++;
    } else judge(r, respond[c], 1, 'response');
    judge(fixed, fix[c], 3, 'resolution');
    if (pending) counts[base + 5]++;
  }
  return { counts, breaches };
}
