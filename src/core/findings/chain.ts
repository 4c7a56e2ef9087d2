/**
 * How long a fault can take, in a service's support hours, when part of the fix waits on a supplier:
 * the school's own handling first (in the service's hours), then the supplier's fix time in its own hours.
 * The worst case over every start in a plain week (closures aside) is what the SLA must allow for.
 */
import { makeCalendar } from '../time/calendar';
import type { WeeklyHours } from '../time/hours';
import { DAY_MS, HOUR_MS } from '../time/zone';

/** A Monday, in UTC: the reference week the patterns are laid on. */
const REFERENCE_MONDAY = Date.UTC(2024, 0, 1);
const WEEK_MS = 7 * DAY_MS;
/** Calls are tried starting every this many minutes of the service's support hours. */
const STEP_MIN = 15;

/**
 * Worst working time, in `support` hours, from a call to the supplier's fix: `handlingHours` of the
 * school's own time, then `fixHours` of the contract's. Both patterns are in the same zone. Infinity
 * when the contract has no hours; handling + fix when its hours are unknown (the best case).
 */
export function worstCaseHours(support: WeeklyHours, contract: WeeklyHours | undefined, handlingHours: number, fixHours: number): number {
  if (!contract) return handlingHours + fixHours;
  const sCal = makeCalendar(support, [], 'UTC');
  const cCal = makeCalendar(contract, [], 'UTC');
  const base = REFERENCE_MONDAY + WEEK_MS;
  let worst = 0;
  support.days.forEach((ranges, d) => {
    for (const [s, e] of ranges) {
      for (let m = s; m < e; m += STEP_MIN) {
        const t = base + (d * 1440 + m) * 60_000;
        const logged = sCal.dueMs(t, handlingHours * HOUR_MS);
        const fixed = cCal.dueMs(logged, fixHours * HOUR_MS);
        if (!Number.isFinite(fixed)) {
          worst = Infinity;
          return;
        }
        worst = Math.max(worst, sCal.workingMs(t, fixed) / HOUR_MS);
      }
    }
  });
  return worst;
}
