/**
 * The example school, dated around `now` so a new user sees live figures: the fixed catalogue, this
 * and neighbouring academic years' closures, and the incidents and requests of last term and this one, drawn
 * from profiles that reproduce the guidance's review findings (software answered more slowly than
 * hardware, a whiteboard supplier that is slow to respond, an ISP far faster than needed...).
 */
import type { TabKey } from '../schema/types';
import { makeCalendar, type Closure, type ServiceCalendar } from '../time/calendar';
import { parseHours } from '../time/hours';
import { civilFromDays, dayOfKey, localDayNumber, localDayToUtc, zoneOf } from '../time/zone';
import { academicYearOf } from '../periods/terms';
import { listPeriods } from '../periods';
import { academicYearClosures, weekday } from './calendar';
import type * as cat from './catalogue';
import type { ExampleData } from './data';
import type { ExampleCall, IncidentProfile } from './profiles';
import { HOUR_MS } from '../time/zone';
import { missingSettingRows } from '../settings/parse';

/** The data file's name in dist/ (without .html), as HtmlService.createHtmlOutputFromFile reads it. */
export const EXAMPLE_FILE = 'ExampleSchool';

export type ExampleSchool = { [K in TabKey]: cat.Draft<K>[] };

/** The log starts this many days before the term before this one, so "last term" is always complete. */
const LOG_LEAD_DAYS = 7;

/** Share of an item's target time it takes when on time, and when late: software is slower than the rest. */
const PACE = { software: [0.3, 0.9], other: [0.05, 0.55], late: [1.15, 2.5] } as const;

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

/** Response and resolution hours of the target row a call falls under (most specific row first), for pacing the call. */
function paceTarget(targets: readonly cat.Draft<'targets'>[], serviceId: string, call: ExampleCall): { respond: number; resolve: number } {
  const rank = (t: cat.Draft<'targets'>) => (t.serviceId === serviceId ? 0 : t.serviceId === 'ALL' ? 2 : 9) + (t.priority === undefined ? 1 : 0);
  const fits = targets.filter((t) => t.type === call.type && (t.priority === undefined || t.priority === call.priority) && rank(t) < 9);
  const best = fits.sort((a, b) => rank(a) - rank(b))[0];
  return { respond: best?.respondHours ?? 8, resolve: best?.resolveHours ?? 40 };
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
    calendar: 'School day',
    from: atDay(keyDay(c.from)),
    to: c.to === c.from ? undefined : atDay(keyDay(c.to)),
    reason: c.reason,
  }));
  const closed: Closure[] = termClosures.map(({ from, to }) => ({ from, to }));
  const calendars: Record<string, ServiceCalendar> = {
    'School day': makeCalendar(parseHours('Mon-Fri 08:00-18:00'), closed, timeZone),
    'Mon-Fri 09:00-17:00': makeCalendar(parseHours('Mon-Fri 09:00-17:00'), [], timeZone),
    '24x7': makeCalendar(parseHours('24x7'), [], timeZone),
  };
  const closedDays = new Set<number>();
  for (const c of termClosures) for (let d = keyDay(c.from); d <= keyDay(c.to); d++) closedDays.add(d);
  const isSchoolDay = (day: number) => weekday(day) < 5 && !closedDays.has(day);

  const rnd = random(20250901);
  const incidents: cat.Draft<'incidents'>[] = [];
  let ref = 1000;
  // From just before last term (or this one, early in the first term on record) to today.
  const periods = listPeriods({ timeZone, closures: closures.map((c, i) => ({ ...c, row: i + 2 })) }, now);
  const first = periods.find((p) => p.kind === 'lastTerm') ?? periods.find((p) => p.kind === 'thisTerm');
  const logStart = (first ? localDayNumber(first.start, timeZone) : today - 120) - LOG_LEAD_DAYS;
  // A projector left waiting on the whiteboard supplier since two school days ago: open and past its
  // target, so the clocks and the daily digest have something to warn about whatever day it is.
  let waitingDay = today - 1;
  for (let seen = isSchoolDay(waitingDay) ? 1 : 0; seen < 2; seen += isSchoolDay(waitingDay) ? 1 : 0) waitingDay--;
  // Planned maintenance: the MIS upgrade on the third Wednesday of each month, announced two school days ahead,
  // and one emergency storage patch logged only after it had begun (downtime), ten school days ago.
  let patchDay = today - 1;
  for (let seen = isSchoolDay(patchDay) ? 1 : 0; seen < 10; seen += isSchoolDay(patchDay) ? 1 : 0) patchDay--;
  let maintenance = 0;
  for (let day = logStart; day <= today; day++) {
    if (!isSchoolDay(day)) continue;
    if (weekday(day) === 2 && civilFromDays(day).d >= 15 && civilFromDays(day).d <= 21 && atDay(day, 18) <= now) {
      let logged = day - 1;
      for (let seen = isSchoolDay(logged) ? 1 : 0; seen < 2; seen += isSchoolDay(logged) ? 1 : 0) logged--;
      incidents.push(
        plannedMaintenance(
          `PM${++maintenance}`,
          'MIS',
          'Planned MIS upgrade (announced to staff two school days ahead)',
          atDay(logged, 10),
          atDay(day, 16.5),
          atDay(day, 18),
        ),
      );
    }
    if (day === patchDay)
      incidents.push(
        plannedMaintenance(
          `PM${++maintenance}`,
          'STORAGE',
          'Emergency security patch of the file server (logged after it began)',
          atDay(day, 12.75),
          atDay(day, 12.5),
          atDay(day, 13),
        ),
      );
    if (day === waitingDay) incidents.push(waitingOnSupplier(`INC${++ref}`, atDay(day, 14)));
    for (const profile of data.profiles) {
      let expected = profile.perWeek / 5;
      while (expected > 0) {
        if (rnd() < Math.min(1, expected)) {
          const item = makeItem(profile, data.targets, `INC${++ref}`, atDay(day, 8 + rnd() * 9.5), rnd, calendars, now);
          if (item) incidents.push(item);
        }
        expected -= 1;
      }
    }
  }

  // Meetings, reviews, renewals and due dates fall on school days (a weekday outside the closures), never a Saturday.
  const dayAt = (offset: number) => {
    let day = today + offset;
    while (!isSchoolDay(day)) day++;
    return atDay(day);
  };
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
    comments: [],
    documents: [],
    settings: missingSettingRows([]),
  };
}

/** A planned maintenance item: its outage given, never judged against a response or fix target. */
function plannedMaintenance(ref: string, serviceId: string, summary: string, opened: number, from: number, until: number): cat.Draft<'incidents'> {
  return {
    ref,
    serviceId,
    type: 'Planned maintenance',
    priority: 'Low',
    summary,
    component: undefined,
    opened,
    responded: undefined,
    resolved: until,
    onHoldHours: undefined,
    serviceDown: true,
    outageStart: from,
    outageEnd: until,
    contractRef: undefined,
    supplierLogged: undefined,
    supplierResponded: undefined,
    supplierFixed: undefined,
  };
}

function waitingOnSupplier(ref: string, opened: number): cat.Draft<'incidents'> {
  return {
    ref,
    serviceId: 'WHITEBOARD',
    type: 'Incident',
    priority: 'High',
    summary: 'Projector bulb failed',
    component: 'Hardware',
    opened,
    responded: opened + 0.3 * HOUR_MS,
    resolved: undefined,
    onHoldHours: undefined,
    serviceDown: undefined,
    outageStart: undefined,
    outageEnd: undefined,
    contractRef: 'WB-01',
    supplierLogged: opened + 0.5 * HOUR_MS,
    supplierResponded: undefined,
    supplierFixed: undefined,
  };
}

function makeItem(
  p: IncidentProfile,
  targets: readonly cat.Draft<'targets'>[],
  ref: string,
  opened: number,
  rnd: () => number,
  cals: Record<string, ServiceCalendar>,
  now: number,
): cat.Draft<'incidents'> | undefined {
  const between = ([lo, hi]: readonly [number, number]) => lo + rnd() * (hi - lo);
  let pick = rnd() * p.calls.reduce((t, c) => t + c.weight, 0);
  const call =
    p.calls.find((c) => {
      pick -= c.weight;
      return pick < 0;
    }) ?? p.calls[p.calls.length - 1];
  const isRequest = call.type === 'Request';
  const target = paceTarget(targets, p.serviceId, call);
  const pace = call.component === 'Software' ? PACE.software : PACE.other;
  const late = (share: number) => rnd() < (isRequest ? (p.lateRequest ?? 0.01) : share);
  const respondH = target.respond * between(late(p.lateRespond) ? PACE.late : pace);
  // Nothing waits on a user while the whole service is down.
  const onHold = !call.down && rnd() < 0.1 ? Math.round(between([1, 4])) : 0;
  const plannedH = Math.max(respondH, target.resolve * between(late(p.lateResolve) ? PACE.late : pace)) + onHold;
  const school = cals['School day'];
  const responded = school.dueMs(opened, respondH * HOUR_MS);
  let resolved = school.dueMs(opened, plannedH * HOUR_MS);
  if (opened > now) return undefined;
  const supplier = p.contract && !isRequest && rnd() < p.contract.share ? p.contract : undefined;
  let supplierLogged: number | undefined, supplierResponded: number | undefined, supplierFixed: number | undefined;
  if (supplier) {
    // Logged once the desk has looked at it; the call is resolved only once the supplier has fixed it.
    const cal = cals[supplier.calendar];
    supplierLogged = responded + 0.25 * HOUR_MS;
    supplierResponded = cal.dueMs(supplierLogged, between(supplier.respond) * HOUR_MS);
    supplierFixed = cal.dueMs(supplierLogged, between(supplier.fix) * HOUR_MS);
    resolved = Math.max(resolved, supplierFixed + 0.5 * HOUR_MS);
  }
  const known = (t: number | undefined) => (t !== undefined && t <= now ? t : undefined);
  const isResolved = resolved <= now;
  const down = call.down === true;
  return {
    ref,
    serviceId: p.serviceId,
    type: call.type,
    priority: call.priority,
    summary: call.summary,
    component: call.component,
    opened,
    responded: known(responded),
    resolved: known(resolved),
    onHoldHours: onHold || undefined,
    serviceDown: down ? true : undefined,
    outageStart: down && rnd() < 0.5 ? opened - 0.1 * HOUR_MS : undefined,
    outageEnd: down && isResolved && rnd() < 0.5 ? resolved - 0.2 * HOUR_MS : undefined,
    contractRef: supplier?.ref,
    supplierLogged: known(supplierLogged),
    supplierResponded: known(supplierResponded),
    supplierFixed: known(supplierFixed),
  };
}

const keyDay = (key: string): number => dayOfKey(key)!;
