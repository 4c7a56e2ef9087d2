/** Resolution times of logged items in their service's support hours, as attainment measures them. */
import { PLANNED_MAINTENANCE } from '../attainment/model';
import type { Incident } from '../schema/records';
import type { Context } from './context';
import { HOUR_MS } from '../time/zone';
import { idKey } from '../schema/ids';
import { heldMs, holdsByItem } from '../attainment/holds';

export interface Resolved {
  readonly incident: Incident;
  /** Working hours from opened to resolved in the service's support hours, less time on hold. */
  readonly hours: number;
  /** Working hours from opened to responded, when responded is logged. */
  readonly respond?: number;
}

/**
 * Items opened in the context's period and resolved, for catalogue services whose hours are given and
 * readable (a service with no hours at all has no working time to measure in, so none is invented).
 */
export function resolvedItems(ctx: Context): Resolved[] {
  const out: Resolved[] = [];
  const { model, period } = ctx;
  const items = ctx.wb.incidents;
  const holds = holdsByItem(ctx.wb.holds ?? [], items.length, (k) => items[k].ref);
  for (let k = 0; k < items.length; k++) {
    const i = items[k];
    if (i.resolved === undefined || i.opened < period.start || i.opened >= period.end || i.type === PLANNED_MAINTENANCE) continue;
    const si = model.serviceIndex.get(idKey(i.serviceId));
    if (si === undefined || ctx.supportHours(model.services[si]).kind !== 'ok') continue;
    const cal = model.supportCalendars[si];
    if (!cal) continue;
    // Hold intervals when the item has any (as attainment counts them), else the typed hours.
    const spans = holds?.get(k);
    const held = spans ? heldMs(spans, i.opened, i.resolved, (x, y) => cal.workingMs(x, y)) / HOUR_MS : (i.onHoldHours ?? 0);
    const hours = Math.max(0, cal.workingMs(i.opened, i.resolved) / HOUR_MS - held);
    out.push({ incident: i, hours, respond: i.responded === undefined ? undefined : cal.workingMs(i.opened, i.responded) / HOUR_MS });
  }
  return out;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
