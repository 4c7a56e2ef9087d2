/**
 * The example school, dated around `now` so a new user sees live figures: the fixed catalogue, this
 * and neighbouring academic years' closures, and about four months of incidents and requests drawn
 * from profiles that reproduce the guidance's review findings (software answered more slowly than
 * hardware, a whiteboard supplier that is slow to respond, an ISP far faster than needed...).
 */
import type { TabKey } from '../schema/types';
import { makeCalendar, type Closure, type ServiceCalendar } from '../time/calendar';
import { parseHours } from '../time/hours';
import { dayOfKey, localDayNumber, localDayToUtc, zoneOf } from '../time/zone';
import { academicYearOf } from '../periods/terms';
import { academicYearClosures, weekday } from './calendar';
import type * as cat from './catalogue';
import type { ExampleData } from './data';
import type { IncidentProfile } from './profiles';
import { HOUR_MS } from '../time/zone';

/** The data file's name in dist/ (without .html), as HtmlService.createHtmlOutputFromFile reads it. */
export const EXAMPLE_FILE = 'ExampleSchool';

export type ExampleSchool = { [K in TabKey]: cat.Draft<K>[] };

/** How far back the example log reaches. */
const LOG_DAYS = 130;
/** Scales every profile's weekly rate: a busy secondary school's log, a few hundred rows a term. */
const LOG_RATE = 1.8;

/** Small, fast, seeded generator: the same `now` always gives the same school. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The example school from its data (shipped beside the bundle, not in it: custom functions never need
 * it) dated around `now`.
 */
export function buildExampleSchool(data: ExampleData, now: number, timeZone: string): ExampleSchool {
  const zone = zoneOf(timeZone);
  const today = localDayNumber(now, timeZone);
  const atDay = (day: number, hour = 0) => localDayToUtc(day, hour * 60, zone);
  const year = academicYearOf(today);
  const termClosures = [year - 1, year, year + 1].flatMap(academicYearClosures);
  const closures: cat.Draft<'closures'>[] = termClosures.map((c) => ({
    calendar: 'School day', from: atDay(keyDay(c.from)), to: c.to === c.from ? undefined : atDay(keyDay(c.to)), reason: c.reason,
  }));
  const closed: Closure[] = termClosures.map(({ from, to }) => ({ from, to }));
  const schoolDay = makeCalendar(parseHours('Mon-Fri 08:00-18:00'), closed, timeZone);
  const calendars: Record<string, ServiceCalendar> = {
    'School day': schoolDay,
    'Mon-Fri 08:00-18:00': makeCalendar(parseHours('Mon-Fri 08:00-18:00'), [], timeZone),
    'Mon-Fri 09:00-17:00': makeCalendar(parseHours('Mon-Fri 09:00-17:00'), [], timeZone),
    '24x7': makeCalendar(parseHours('24x7'), [], timeZone),
  };
  const closedDays = new Set<number>();
  for (const c of termClosures) for (let d = keyDay(c.from); d <= keyDay(c.to); d++) closedDays.add(d);

  const rnd = random(20250901);
  const incidents: cat.Draft<'incidents'>[] = [];
  let ref = 1000;
  for (let day = today - LOG_DAYS; day <= today; day++) {
    if (weekday(day) >= 5 || closedDays.has(day)) continue;
    for (const profile of data.profiles) {
      let expected = (profile.perWeek * LOG_RATE) / 5;
      while (expected > 0) {
        if (rnd() < Math.min(1, expected)) {
          const item = makeItem(profile, `INC${++ref}`, atDay(day, 8 + rnd() * 9.5), rnd, calendars, now);
          if (item) incidents.push(item);
        }
        expected -= 1;
      }
    }
  }

  const dayAt = (offset: number) => atDay(today + offset);
  return {
    services: data.services,
    equipment: data.equipment,
    sla: data.slas.map((s) => ({
      ...s,
      agreedOn: s.status === 'Negotiation' ? undefined : dayAt(-320),
      nextReview: s.serviceId === 'WP' ? dayAt(-12) : s.status === 'Negotiation' ? undefined : dayAt(45),
    })),
    targets: data.targets,
    contracts: data.contracts.map((c) => ({
      ...c,
      start: dayAt(c.contractRef === 'ISP-01' ? -300 : -500),
      renewal: c.contractRef === 'ISP-01' ? dayAt(60) : c.contractRef === 'CLR-01' ? dayAt(140) : dayAt(230),
    })),
    incidents,
    holds: [],
    calendars: data.calendars,
    closures,
    people: data.people,
    reviews: data.reviews.map(({ reviewDay, dueDay, ...r }) => ({ ...r, reviewDate: dayAt(reviewDay), due: dayAt(dueDay) })),
    documents: [],
  };
}

function makeItem(p: IncidentProfile, ref: string, opened: number, rnd: () => number, cals: Record<string, ServiceCalendar>, now: number): cat.Draft<'incidents'> | undefined {
  const between = ([lo, hi]: readonly [number, number]) => lo + rnd() * (hi - lo);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const support = cals[p.supportCalendar];
  const isRequest = rnd() < p.requestShare;
  const priority = isRequest ? 'Medium' : pick(p.priorities);
  const respondH = between(isRequest ? p.requestRespond : p.respond);
  const onHold = rnd() < 0.1 ? Math.round(between([1, 4])) : 0;
  const resolveH = Math.max(respondH, between(isRequest ? p.requestResolve : p.resolve)) + onHold;
  const responded = support.dueMs(opened, respondH * HOUR_MS);
  const resolved = support.dueMs(opened, resolveH * HOUR_MS);
  if (opened > now) return undefined;
  const down = !isRequest && priority === 'Critical' && rnd() < p.downShare;
  const supplier = p.contract && !isRequest && rnd() < p.contract.share ? p.contract : undefined;
  let supplierLogged: number | undefined, supplierResponded: number | undefined, supplierFixed: number | undefined;
  if (supplier) {
    const cal = cals[supplier.calendar];
    supplierLogged = opened + 0.25 * HOUR_MS;
    supplierResponded = cal.dueMs(supplierLogged, between(supplier.respond) * HOUR_MS);
    supplierFixed = cal.dueMs(supplierLogged, between(supplier.fix) * HOUR_MS);
  }
  const known = (t: number | undefined) => (t !== undefined && t <= now ? t : undefined);
  const isResolved = resolved <= now;
  return {
    ref, serviceId: p.serviceId, type: isRequest ? 'Request' : 'Incident', priority,
    summary: pick(isRequest ? p.requests : p.summaries), component: isRequest ? undefined : pick(p.kinds),
    opened, responded: known(responded), resolved: known(resolved), onHoldHours: onHold || undefined,
    serviceDown: down ? true : undefined,
    outageStart: down && rnd() < 0.5 ? opened - 0.1 * HOUR_MS : undefined,
    outageEnd: down && isResolved && rnd() < 0.5 ? resolved - 0.2 * HOUR_MS : undefined,
    contractRef: supplier?.ref, supplierLogged: known(supplierLogged), supplierResponded: known(supplierResponded), supplierFixed: known(supplierFixed),
  };
}

const keyDay = (key: string): number => dayOfKey(key)!;
