/**
 * The Start here checklist: the FITS steps a school follows to start service level management, each with
 * its state worked out from the workbook (done, or what is missing) and where to do it. The Start here
 * tab (through SLM_START) and Help show the same steps.
 */
import type { Workbook } from '../workbook/parseWorkbook';
import { joinWords, longDate, plural } from '../text';

/** A step of the checklist as Help and the tab show it. */
export interface StartStep {
  readonly title: string;
  /** What to do, in a sentence. */
  readonly how: string;
  /** Where to do it: a tab, or a menu item under Extensions → SLM Workbook. */
  readonly where: string;
  /** The tab the step's link opens, when it is done on a tab. */
  readonly tab?: string;
}

const MENU = 'Extensions → SLM Workbook →';

export const START_STEPS: readonly StartStep[] = [
  {
    title: 'List your services',
    how: 'One row per service users know (printing, email, internet access…), not per piece of equipment; what each depends on goes on Equipment.',
    where: 'Services tab',
    tab: 'Services',
  },
  {
    title: 'Rank them by importance',
    how: 'Give each service a priority rank (1 is the most important), so that in a clash support staff know what comes first.',
    where: 'Services tab, Priority rank',
    tab: 'Services',
  },
  {
    title: 'Set their hours',
    how: 'When each service must be available and when it is supported ("Mon-Fri 08:00-18:00", or a calendar), and the days the school is closed.',
    where: 'Services, Calendars and Closures tabs',
    tab: 'Services',
  },
  {
    title: 'Agree service levels and targets',
    how: 'One SLA row per service with its availability target and its points, and response and fix targets on Targets; mark it Agreed once the representatives agree.',
    where: 'SLA and Targets tabs',
    tab: 'SLA',
  },
  {
    title: 'Bring in your calls',
    how: "Import your helpdesk's export, let staff log calls with a form, or type them.",
    where: `${MENU} Import incidents, or Create call-logging form`,
    tab: 'Incidents',
  },
  {
    title: 'Generate and sign the SLA',
    how: 'Make the SLA document, agree it with the representatives and the head teacher, and sign it.',
    where: `${MENU} Generate SLA`,
    tab: 'Documents',
  },
  {
    title: 'Review each term',
    how: 'Make the service review for the termly meeting with the representatives, and record its findings and actions.',
    where: `${MENU} Generate service review; Reviews tab`,
    tab: 'Reviews',
  },
];

export interface StepState {
  readonly done: boolean;
  /** What the workbook shows for the step, in a few words. */
  readonly detail: string;
}

/** The largest of many numbers, without spreading them into arguments (a long list would overflow the stack). */
// biome-ignore lint/complexity/useMathMinMax: a NaN is passed over here, where Math.max would return NaN.
const largest = (xs: readonly number[]): number => xs.reduce((m, x) => (x > m ? x : m), -Infinity);

const live = (status: string) => status !== 'Retired' && status !== 'Unsupported';

/** Each step's state, in the order of START_STEPS. */
function startStates(workbook: Workbook): StepState[] {
  const services = workbook.services.filter((s) => live(s.status));
  const names = (list: readonly { name: string }[]) => joinWords(list.slice(0, 3).map((s) => s.name)) + (list.length > 3 ? ` and ${list.length - 3} more` : '');
  const states: StepState[] = [];

  states.push(
    workbook.services.length === 0
      ? { done: false, detail: 'No services yet.' }
      : {
          done: true,
          detail: `${plural(workbook.services.length, 'service')} listed${services.length < workbook.services.length ? ` (${services.length} supported)` : ''}.`,
        },
  );

  const byRank = new Map<number, string[]>();
  for (const s of services) byRank.set(s.rank, [...(byRank.get(s.rank) ?? []), s.name]);
  const shared = [...byRank.entries()].filter(([, n]) => n.length > 1);
  states.push(
    services.length === 0
      ? { done: false, detail: 'List the services first.' }
      : shared.length
        ? { done: false, detail: `${joinWords(shared[0][1])} share rank ${shared[0][0]}: give each its own.` }
        : { done: true, detail: `Ranked 1 to ${largest(services.map((s) => s.rank))}.` },
  );

  const noHours = services.filter((s) => !s.serviceHours);
  states.push(
    services.length === 0
      ? { done: false, detail: 'List the services first.' }
      : noHours.length
        ? { done: false, detail: `No service hours for ${names(noHours)}.` }
        : { done: true, detail: `Hours set for every service${workbook.closures.length ? `, ${plural(workbook.closures.length, 'closure')} recorded` : ''}.` },
  );

  const slaOf = new Map(workbook.sla.map((s) => [s.serviceId.toUpperCase(), s]));
  const targeted = (id: string) => workbook.targets.some((t) => t.serviceId.toUpperCase() === id.toUpperCase() || t.serviceId.toUpperCase() === 'ALL');
  const noSla = services.filter((s) => !slaOf.has(s.serviceId.toUpperCase()));
  const noTargets = services.filter((s) => !targeted(s.serviceId));
  const negotiating = services.filter((s) => slaOf.get(s.serviceId.toUpperCase())?.status === 'Negotiation');
  const agreed = services.length - noSla.length - negotiating.length;
  states.push(
    services.length === 0
      ? { done: false, detail: 'List the services first.' }
      : noSla.length || noTargets.length
        ? {
            done: false,
            detail: [noSla.length && `No SLA row for ${names(noSla)}.`, noTargets.length && `No targets for ${names(noTargets)}.`].filter(Boolean).join(' '),
          }
        : negotiating.length
          ? { done: false, detail: `${agreed} of ${services.length} agreed; still being negotiated: ${names(negotiating)}.` }
          : { done: true, detail: `All ${services.length} agreed.` },
  );

  const opened = workbook.incidents.map((i) => i.opened).filter((t): t is number => typeof t === 'number');
  states.push(
    opened.length === 0
      ? { done: false, detail: 'No calls yet.' }
      : { done: true, detail: `${plural(opened.length, 'call')}, the latest opened on ${longDate(largest(opened), workbook.timeZone)}.` },
  );

  const slas = workbook.documents.filter((d) => d.type === 'SLA');
  const lastSla = slas[slas.length - 1];
  // Versions 0.x are drafts (a service still being negotiated); 1.0 and after are the agreed SLA.
  const generated = lastSla && `Version ${lastSla.label ?? '?'} generated on ${longDate(lastSla.created, workbook.timeZone)}`;
  states.push(
    !lastSla
      ? { done: false, detail: 'Not generated yet.' }
      : /^0\./.test(lastSla.label ?? '')
        ? { done: false, detail: `${generated}: a draft until every service is agreed (then version 1.0).` }
        : { done: true, detail: `${generated}.` },
  );

  const reviews = workbook.reviews.map((r) => r.reviewDate);
  const open = workbook.reviews.filter((r) => r.status === 'Open' || r.status === 'In progress').length;
  states.push(
    reviews.length === 0
      ? { done: false, detail: 'No review recorded yet.' }
      : { done: true, detail: `Last review on ${longDate(largest(reviews), workbook.timeZone)}${open ? `; ${plural(open, 'action')} still open` : ''}.` },
  );
  return states;
}

export const START_HEADER = ['Step', 'Done', 'What the workbook shows', 'Where'] as const;

/** The checklist as the Start here tab shows it: a header row, then one row per step. */
export function startTable(workbook: Workbook): string[][] {
  const states = startStates(workbook);
  return [[...START_HEADER], ...START_STEPS.map((s, i) => [`${i + 1}. ${s.title}`, states[i].done ? '✓' : 'To do', states[i].detail, s.where])];
}
