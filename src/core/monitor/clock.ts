/**
 * The clock of every open item: when it must be responded to and fixed by (in its service's support
 * hours), how much of its target time is used, how long is left, and a state that warns at 75% and 100%,
 * as service desks do. Pure: the log's typed columns, the resolved model and the instant to judge at.
 */
import { heldMs } from '../attainment/holds';
import { KINDS, type AttainmentModel, ITEM_TYPES, PRIORITIES } from '../attainment/model';
import type { IncidentColumns } from '../attainment/columns';
import { HOUR_MS } from '../time/zone';

/** Share of a target's time used at which an item is flagged (the second flag is 100%: no time left). */
const WARN_AT = 0.75;

const CLOCK_STATES = ['Breached', '75% used', 'On track'] as const;
export type ClockState = (typeof CLOCK_STATES)[number] | 'No target';

export interface ItemClock {
  readonly ref: string;
  /** Row of the Incidents tab. */
  readonly row: number;
  readonly serviceId: string;
  readonly type: string;
  readonly priority: string;
  readonly opened: number;
  /** Respond-by instant while no response is recorded; undefined once responded or without a response target. */
  readonly respondBy?: number;
  /** Fix-by instant (time on hold pushes it back); undefined without a resolution target. */
  readonly fixBy?: number;
  /** Working hours until the nearest deadline still running; negative once past it. */
  readonly leftHours?: number;
  /** Share of the target time used (the larger of the measures still running); 1 or more is breached. */
  readonly used?: number;
  readonly state: ClockState;
  /** Why an item has no clock: no known service, no readable type or priority, no target, unreadable hours. */
  readonly reason?: string;
}

/** The state of an item that has used `used` of its target time: a deadline that has arrived is breached. */
const clockState = (used: number): ClockState => (used >= 1 ? 'Breached' : used >= WARN_AT ? '75% used' : 'On track');

/**
 * Clocks of the items still open at `asOf` (no Resolved time, or one after `asOf`), most urgent first:
 * breached, then by share used; items without a clock last, each with its reason.
 */
export function openItemClocks(cols: IncidentColumns, model: AttainmentModel, asOf: number): ItemClock[] {
  const out: ItemClock[] = [];
  const { service, kind, opened, responded, resolved, onHold, holds } = cols;
  for (let i = 0; i < cols.length; i++) {
    if (resolved[i] <= asOf) continue; // NaN (open) compares false
    const o = opened[i];
    const s = service[i];
    const k = kind[i];
    const serviceId = s >= 0 ? model.services[s].serviceId : '';
    const type = k >= 0 ? ITEM_TYPES[(k / PRIORITIES.length) | 0] : '';
    const priority = k >= 0 ? PRIORITIES[k % PRIORITIES.length] : '';
    const item = (state: ClockState, used?: number, leftMs?: number, respondBy?: number, fixBy?: number, reason?: string): ItemClock => ({
      ref: cols.ref(i),
      row: cols.row[i],
      serviceId,
      type,
      priority,
      opened: o,
      respondBy: finite(respondBy),
      fixBy: finite(fixBy),
      leftHours: leftMs === undefined ? undefined : leftMs / HOUR_MS,
      used,
      state,
      reason,
    });
    const none = (reason: string) => out.push(item('No target', undefined, undefined, undefined, undefined, reason));
    if (s < 0) {
      none('the Service ID is blank or not on the Services tab');
      continue;
    }
    if (cols.planned[i] === 1) {
      none('planned maintenance is not judged against response or fix targets');
      continue;
    }
    if (k < 0) {
      none('the type or priority is blank or not one of the choices');
      continue;
    }
    const t = model.targetFor[s * KINDS + k];
    if (t < 0) {
      none(`no row of the Targets tab applies to ${serviceId} ${type} ${priority}`);
      continue;
    }
    const cal = model.supportCalendars[s];
    if (!cal) {
      none(model.hoursErrors[s] ?? 'the support hours cannot be read');
      continue;
    }
    const target = model.targets[t];
    const worked = cal.workingMs(o, asOf);
    let used = -1;
    let left = Infinity;
    let respondBy: number | undefined;
    let fixBy: number | undefined;
    if (target.respondHours !== undefined && !(responded[i] <= asOf)) {
      const ms = target.respondHours * HOUR_MS;
      respondBy = cal.dueMs(o, ms);
      used = share(worked, ms);
      left = ms - worked;
    }
    if (target.resolveHours !== undefined) {
      const ms = target.resolveHours * HOUR_MS;
      // Hold intervals so far (overlaps once, an open one to now), else the typed hours, as attainment counts them.
      const spans = holds === undefined ? undefined : holds.get(i);
      const hold = spans === undefined ? onHold[i] : heldMs(spans, o, asOf, (x, y) => cal.workingMs(x, y));
      fixBy = cal.dueMs(o, ms + hold);
      const spent = Math.max(0, worked - hold);
      used = Math.max(used, share(spent, ms));
      left = Math.min(left, ms - spent);
    }
    if (used < 0) {
      none(`the Targets row ${target.row} gives no response or resolution time`);
      continue;
    }
    out.push(item(clockState(used), used, left, respondBy, fixBy));
  }
  // Sorted through an index on plain numbers: comparing 20,000 objects directly is far slower.
  const key = new Float64Array(out.length);
  out.forEach((c, j) => {
    key[j] = c.used === undefined ? -1 : Math.min(c.used, 1e9);
  });
  const order = Array.from(out.keys()).sort((a, b) => key[b] - key[a] || out[a].opened - out[b].opened);
  return order.map((j) => out[j]);
}

/** Share of a target used; a zero target is used up the moment it starts. */
const share = (spentMs: number, targetMs: number): number => (targetMs > 0 ? spentMs / targetMs : spentMs > 0 ? Infinity : 1);

const finite = (ms: number | undefined) => (ms !== undefined && Number.isFinite(ms) ? ms : undefined);

export const CLOCK_HEADER = ['Ref', 'Service ID', 'Type', 'Priority', 'Opened', 'Respond by', 'Fix by', 'Time left (h)', 'Used', 'State'] as const;

type Cell = string | number | Date;

/**
 * The clocks as a table under a header: dates as Date (Sheets shows them in the spreadsheet's zone), time
 * left rounded to minutes, used as a fraction (formatted as a percentage), and the reason in the state
 * cell of an item without a clock. `DateOf` builds dates in the caller's realm.
 */
export function clockTable(clocks: readonly ItemClock[], DateOf: DateConstructor = Date): Cell[][] {
  const date = (ms: number | undefined): Cell => (ms === undefined || Number.isNaN(ms) ? '' : new DateOf(ms));
  const rows: Cell[][] = [[...CLOCK_HEADER]];
  for (const c of clocks) {
    rows.push([
      c.ref,
      c.serviceId,
      c.type,
      c.priority,
      date(c.opened),
      date(c.respondBy),
      date(c.fixBy),
      c.leftHours === undefined || !Number.isFinite(c.leftHours) ? '' : Math.round(c.leftHours * 60) / 60,
      c.used === undefined || !Number.isFinite(c.used) ? '' : Math.round(c.used * 1000) / 1000,
      c.reason ? `No target: ${c.reason}` : c.state,
    ]);
  }
  return rows;
}
