/**
 * The service-review paper for one period's meeting. A front page (period, attendees, the headline,
 * decisions needed, top actions); the five review questions as patterns with the findings and actions
 * recorded; new requirements; the previous review's actions with their status; then appendices
 * (attainment, each target, breaches grouped by cause, trends). The internal version adds supplier
 * performance, contract costs and every finding in full; the representatives' version has none of
 * that and no incident summaries (they may name staff).
 *
 * Facts are gathered once (`gatherReview`); each section is a function of those facts returning blocks.
 */
import { PLANNED_MAINTENANCE } from '../attainment/model';
import { unreadSection } from './unread';
import type { AttainmentReport, ServiceAttainment } from '../attainment/types';
import type { Finding } from '../findings/types';
import type { ReviewItem, Service } from '../schema/records';
import type { Workbook } from '../workbook/parseWorkbook';
import { joinWords, longDate, plural } from '../text';
import { heading, paragraph, table, TO_BE_AGREED, type Block, type DocModel } from './model';
import { REVIEW_QUESTIONS } from './questions';
import { comparisonCaveat, isRunning, periodWording, SERVICE_AT_RISK_WHY, TO_DATE, TOO_FEW } from '../attainment/status';
import { appendAll, maxOf } from '../values';
import { idKey } from '../schema/ids';
import { patternsOf, publicText, type Pattern } from './reviewPatterns';
import { nextReviewOf, reviewDueWords, slaOpenPoints } from './sla';
import { appendixSections, causeOf, internalSections, isNegotiating, metShare } from './reviewAppendix';
import type { Gap } from './services';
import type { Trends } from '../monitor/trends';
import { commentCounts } from '../comments/counts';

export interface ReviewOptions {
  /** The instant the report is dated. */
  readonly now: number;
  readonly school: string;
  /** Attainment over the period before, for trends. */
  readonly previous?: AttainmentReport;
  /** Date of the next review; default the earliest next review on the SLA tab from `now` on. */
  readonly nextReview?: number;
  /** The internal version: supplier performance, contract costs and every finding in full. */
  readonly internal?: boolean;
  /** The twelve months up to the period's last, as the Dashboard's charts draw them. */
  readonly trends?: Trends;
  /** Cells the reading could not use ("Incidents row 30 (Opened)"), named at the end. */
  readonly unread?: readonly string[];
  /** The points the SLA still leaves to be agreed, when the use case has worked them out (default: worked out here). */
  readonly slaGaps?: readonly Gap[];
}

export interface ReviewDocument extends DocModel {
  readonly type: 'Service review';
  readonly baseName: string;
  readonly internal: boolean;
}

const isOpen = (r: ReviewItem): boolean => (r.status === undefined ? !!r.action : r.status === 'Open' || r.status === 'In progress');
const isOverdue = (r: ReviewItem, now: number): boolean => isOpen(r) && r.due !== undefined && r.due < now;

/** Words of four letters or more, lower case, for matching a recorded finding with a reported one. */
const wordsOf = (text: string): Set<string> => new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? []);

/** A recorded action marked done whose finding the workbook still shows. */
interface DoneConflict {
  readonly item: ReviewItem;
  readonly finding: Finding;
}

/** What the review reports, gathered from the workbook and the attainment report before any block is written. */
export interface ReviewFacts {
  readonly wb: Workbook;
  readonly report: AttainmentReport;
  readonly findings: readonly Finding[];
  readonly patterns: Pattern[];
  readonly opts: ReviewOptions;
  readonly tz: string;
  readonly attendees: string[];
  /** The next review: as the SLA says it for the representatives (a date still to come); overdue ones first in the internal version. */
  readonly nextReview: string;
  /** Calls opened in the period: all of them, those of services in the catalogue (the ones measured), and the IDs of the others. */
  readonly calls: { all: number; catalogued: number; outside: string[] };
  /** Review rows dated in the period. */
  readonly recorded: ReviewItem[];
  /** Date of the last review meeting before now, and its rows. */
  readonly lastReview: { date: number; items: ReviewItem[] } | undefined;
  /** Open actions of meetings before the last one. */
  readonly carried: ReviewItem[];
  readonly conflicts: DoneConflict[];
  readonly newRequirements: string[][];
}

/** The attendees: the service manager, the head teacher and the representatives, by role. */
function attendeesOf(wb: Workbook): string[] {
  return (['Service manager', 'Head teacher', 'End-user representative'] as const).flatMap((role) =>
    wb.people
      .filter((p) => p.role === role)
      .map((p) => `${p.name} (${role === 'End-user representative' ? `representative${p.area ? `, ${p.area}` : ''}` : role.toLowerCase()})`),
  );
}

/** Services asked for, or agreed only in part: what the meeting may raise as new requirements. */
function newRequirementsOf(wb: Workbook): string[][] {
  const slaOf = (s: Service) => wb.sla.find((r) => idKey(r.serviceId) === idKey(s.serviceId));
  const rows: string[][] = [];
  for (const s of [...wb.services].sort((a, b) => a.rank - b.rank)) {
    const where =
      s.status === 'Proposed'
        ? 'Proposed, not yet supported'
        : s.status === 'Supported' && !slaOf(s)
          ? 'Supported, nothing agreed'
          : slaOf(s)?.status === 'Negotiation'
            ? 'Being negotiated'
            : '';
    if (where) rows.push([s.name, where]);
  }
  return rows;
}

/** The next review: the date given, else the SLA tab's; an overdue one is the service manager's warning, said only internally. */
function nextReviewWords(wb: Workbook, opts: ReviewOptions, nameOf: (id: string) => string): string {
  if (opts.nextReview !== undefined) return longDate(opts.nextReview, wb.timeZone);
  if (opts.internal)
    return reviewDueWords(
      wb.sla.map((r) => ({ name: nameOf(r.serviceId), nextReview: r.nextReview })),
      opts.now,
      wb.timeZone,
    );
  const next = nextReviewOf(
    wb.sla.map((r) => r.nextReview),
    opts.now,
  );
  return next === undefined ? TO_BE_AGREED : longDate(next, wb.timeZone);
}

function gatherReview(wb: Workbook, report: AttainmentReport, findings: readonly Finding[], opts: ReviewOptions): ReviewFacts {
  const { period } = report;
  const nameOf = (id: string) => wb.services.find((s) => idKey(s.serviceId) === idKey(id))?.name ?? id;
  const inPeriod = (t: number) => t >= period.start && t < period.end;
  const known = new Set(wb.services.map((s) => idKey(s.serviceId)));
  const opened = wb.incidents.filter((i) => inPeriod(i.opened) && i.type !== PLANNED_MAINTENANCE);
  const lastDate = maxOf(wb.reviews.map((r) => r.reviewDate).filter((d) => d <= opts.now));
  const lastItems = lastDate === undefined ? [] : wb.reviews.filter((r) => r.reviewDate === lastDate);
  const conflicts: DoneConflict[] = [];
  for (const item of wb.reviews) {
    if (item.status !== 'Done' || !item.serviceId) continue;
    // The finding still reported about the same service and question that shares most words with the one recorded.
    const words = wordsOf(item.finding);
    let best: { finding: Finding; score: number } | undefined;
    for (const f of findings) {
      if (f.question !== item.question || f.severity === 'info' || !f.serviceIds.some((id) => idKey(id) === idKey(item.serviceId!))) continue;
      const score = [...wordsOf(f.title)].filter((w) => words.has(w)).length;
      if (score >= 2 && (!best || score > best.score)) best = { finding: f, score };
    }
    if (best) conflicts.push({ item, finding: best.finding });
  }
  return {
    wb,
    report,
    findings,
    patterns: patternsOf(findings, wb),
    opts,
    tz: wb.timeZone,
    attendees: attendeesOf(wb),
    nextReview: nextReviewWords(wb, opts, nameOf),
    calls: {
      all: opened.length,
      catalogued: opened.filter((i) => known.has(idKey(i.serviceId))).length,
      outside: [...new Set(opened.filter((i) => !known.has(idKey(i.serviceId))).map((i) => i.serviceId.trim()))],
    },
    recorded: wb.reviews.filter((r) => inPeriod(r.reviewDate)),
    lastReview: lastDate === undefined ? undefined : { date: lastDate, items: lastItems },
    carried: wb.reviews.filter((r) => (lastDate === undefined || r.reviewDate < lastDate) && isOpen(r)),
    conflicts,
    newRequirements: newRequirementsOf(wb),
  };
}

// ---------------------------------------------------------------- front page

/** "3 September to 18 December 2026", the year said once when both dates share it. */
function dateRange(from: number, to: number, tz: string): string {
  const [a, b] = [longDate(from, tz), longDate(to, tz)];
  const year = / \d{4}$/.exec(b)?.[0];
  return `${year && a.endsWith(year) ? a.slice(0, -year.length) : a} to ${b}`;
}

const names = (list: readonly ServiceAttainment[]): string => joinWords(list.map((s) => s.name));

/** What was met, what was missed, what changed since last time, in a few lines. */
function headline(f: ReviewFacts): string[] {
  const services = f.report.services;
  const by = (status: ServiceAttainment['status']) => services.filter((s) => s.status === status && (status === undefined || !isNegotiating(f, s.serviceId)));
  const lines: string[] = [];
  const met = by('Met');
  const atRisk = by('At risk');
  const breached = by('Breached');
  const unmeasured = by(undefined);
  const tooFew = by(TOO_FEW);
  const proposed = services.filter((s) => isNegotiating(f, s.serviceId) && s.status !== undefined);
  lines.push(
    `${met.length ? `Met every target: ${names(met)}.` : 'No service met every target.'}${atRisk.length ? ` At risk (${SERVICE_AT_RISK_WHY}): ${names(atRisk)}.` : ''}`,
  );
  // A service still being agreed is measured against its proposed targets, never listed among the missed.
  const against = proposed.map((s) => {
    const below = s.targets.filter((t) => t.status === 'Breached').length;
    return `${s.name} ${below ? `below ${below} of its ${s.targets.length}` : `within all ${s.targets.length} of its`} proposed targets (still being agreed)`;
  });
  if (breached.length || against.length)
    lines.push([breached.length ? `Missed: ${names(breached)}.` : '', ...against.map((a) => `${a[0].toUpperCase()}${a.slice(1)}.`)].filter(Boolean).join(' '));
  if (tooFew.length) lines.push(`${TOO_FEW} (too few calls yet to say): ${names(tooFew)}.`);
  const { all, catalogued } = f.calls;
  const outside = all - catalogued;
  lines.push(
    `${plural(all, 'call', 'calls')} logged${outside ? `, ${outside} of them for ${joinWords(f.calls.outside)} (not in the catalogue)` : ''}${unmeasured.length ? `; not measured: ${names(unmeasured)}` : ''}.`,
  );
  const previous = f.opts.previous;
  // Compared only with a period that has data: an empty one would invent "better" and "worse".
  if (previous && !previous.services.some((s) => s.items > 0)) lines.push(`Nothing to compare with: no calls were logged in ${previous.period.label}.`);
  else if (previous) {
    const before = new Map(previous.services.map((s) => [idKey(s.serviceId), s]));
    // By the share of calls met, where both periods measured some (half a point either way is no change).
    const moved = (sign: number) =>
      services.filter((s) => {
        const b = before.get(idKey(s.serviceId));
        const d = (metShare(s) ?? NaN) - (b ? (metShare(b) ?? NaN) : NaN);
        return Math.abs(d) >= 0.005 && Math.sign(d) === sign;
      });
    const [better, worse] = [moved(1), moved(-1)];
    const caveat = comparisonCaveat(f.report.period, previous.period, f.opts.now);
    lines.push(
      `${caveat ? `Against all of ${previous.period.label} (this period ${TO_DATE})` : `Since ${previous.period.label}`}: ${better.length ? `better for ${names(better)}` : 'no service better'}; ${worse.length ? `worse for ${names(worse)}` : 'no service worse'}.`,
    );
  }
  return lines;
}

/** What the meeting is asked to decide: open agreements, unknown services, targets missed, supplier gaps, conflicts. */
function decisions(f: ReviewFacts): string[] {
  const out: string[] = [];
  const nameOf = (id: string) => f.wb.services.find((s) => idKey(s.serviceId) === idKey(id))?.name ?? id;
  const unknown = [...new Set(f.patterns.filter((p) => p.question === 'Services we did not know existed').flatMap((p) => p.serviceIds))];
  if (unknown.length) out.push(`Support, replace or remove what is used outside the catalogue: ${joinWords(unknown.map(nameOf))}?`);
  const agreeing = f.newRequirements.map((r) => r[0]);
  const unsettled = unsettledPoints(f, new Set(agreeing));
  if (agreeing.length || unsettled.services.length) {
    // The services with open points are named in the SLA's own list; the front page counts them.
    const settle = unsettled.services.length ? `${plural(unsettled.count, 'open SLA point')} of ${plural(unsettled.services.length, 'other service')}` : '';
    out.push(
      agreeing.length ? `Agree ${joinWords(agreeing)}${settle ? `, and settle ${settle}` : ''}.` : `Settle ${settle}: ${joinWords(unsettled.services)}.`,
    );
  }
  appendAll(out, missedDecisions(f));
  const waited = supplierMisses(f);
  if (!waited.length && f.patterns.some((p) => ['coverage', 'targetChain'].includes(p.analysis))) {
    out.push(
      'Supplier hours or fix times fall short of the SLA, though no target was missed because of it in this period: pay for more, or agree with the users that such faults wait?',
    );
  }
  for (const c of f.conflicts) {
    const shown = f.opts.internal ? c.finding.title : publicText(c.finding, f.wb, false);
    out.push(`Is "${(c.item.action ?? c.item.finding).replace(/\.$/, '')}" done? The workbook still shows: ${shown.replace(/\.?$/, '.')}`);
  }
  return out;
}

/**
 * The services whose SLA points are still open (the SLA lists them at its end), and
 * how many of their points are open; services being agreed as a whole (`whole`) are left to the decision
 * that names them.
 */
function unsettledPoints(f: ReviewFacts, whole: ReadonlySet<string>): { services: string[]; count: number } {
  const gaps = f.opts.slaGaps ?? slaOpenPoints(f.wb, f.opts.now);
  const by = new Set<string>();
  let count = 0;
  for (const g of gaps) {
    if (!g.serviceId || whole.has(g.service)) continue;
    by.add(g.service);
    count += 1;
  }
  // Only the points of the services named: those being agreed as a whole are counted in their own decision.
  return { services: [...by], count };
}

/** What a missed target's late calls had in common, and the question it puts to the meeting. */
const CAUSE_WORDS: Record<string, { lead: string; ask: string }> = {
  'Waiting on a supplier': { lead: 'Late while waiting on a supplier', ask: 'pay for faster supplier support, or agree that such faults wait?' },
  'Software fault': { lead: 'Late on software faults', ask: 'more staff time or skills for software faults, or different targets?' },
  'Hardware fault': { lead: 'Late on hardware faults', ask: 'spares or faster repairs, or different targets?' },
  Request: { lead: 'Late on requests', ask: 'more staff time for requests, or different targets?' },
};
const UNRECORDED = {
  lead: 'Late, cause not recorded',
  ask: 'record what each call was waiting on (Incidents tab, Component and Contract ref), so the next review can say why?',
};

/** One breached service as a decision names it: its worst missed target, with how many of that target's late calls had the main cause. */
interface MissedService {
  readonly cause: string;
  readonly text: string;
}

function missedService(f: ReviewFacts, s: ServiceAttainment): MissedService {
  const byRef = new Map(f.wb.incidents.map((i) => [idKey(i.ref), i] as const));
  const breached = s.targets.filter((t) => t.status === 'Breached');
  // The worst missed target speaks for the service (Appendix B lists every one).
  const t = [...breached].sort((a, b) => (a.share ?? 0) - (b.share ?? 0))[0];
  const count = new Map<string, number>();
  for (const b of t.breaches) {
    const c = causeOf(byRef.get(idKey(b.ref)), t.type);
    count.set(c, (count.get(c) ?? 0) + 1);
  }
  const [cause, n] = [...count].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const total = t.breaches.length;
  // Counts only: the target and its share are in Appendix B.
  const what = `${t.priority ? `${t.priority} ` : ''}${t.type === 'Request' ? 'request ' : ''}${t.measure === 'response' ? 'first response' : 'fix'}`;
  const known = CAUSE_WORDS[cause] !== undefined;
  const late = total === 1 ? `the late ${what}` : `${known && n < total ? `${n} of ${total}` : `all ${total}`} late ${what}${what.endsWith('x') ? 'es' : 's'}`;
  const proposed = isNegotiating(f, s.serviceId) ? ', against proposed targets' : '';
  return { cause: known ? cause : '', text: `${s.name}${proposed} (${late})` };
}

/**
 * The decisions the breached services ask for, one per real cause: what most late calls of each service's worst
 * missed target had in common (a supplier, a kind of fault, requests) and the question that cause puts. Pay for
 * faster supplier support is asked only where the calls were late because they waited on a supplier.
 */
function missedDecisions(f: ReviewFacts): string[] {
  const by = new Map<string, string[]>();
  for (const s of f.report.services.filter((x) => x.status === 'Breached')) {
    const m = missedService(f, s);
    by.set(m.cause, [...(by.get(m.cause) ?? []), m.text]);
  }
  return [...by].map(([cause, list]) => {
    const words = CAUSE_WORDS[cause] ?? UNRECORDED;
    return `${words.lead}: ${joinWords(list)}: ${words.ask}`;
  });
}

/** Services with a target missed on a call that waited on a supplier (Appendix C's "Waiting on a supplier"). */
function supplierMisses(f: ReviewFacts): string[] {
  const waited = new Set(f.wb.incidents.filter((i) => i.contractRef).map((i) => idKey(i.ref)));
  return f.report.services.filter((s) => s.targets.some((t) => t.breaches.some((b) => waited.has(idKey(b.ref))))).map((s) => s.name);
}

/** The most pressing recorded actions: overdue first, then by due date. */
function topActions(f: ReviewFacts): ReviewItem[] {
  const open = f.wb.reviews.filter((r) => isOpen(r) && r.action);
  return open.sort((a, b) => Number(isOverdue(b, f.opts.now)) - Number(isOverdue(a, f.opts.now)) || (a.due ?? Infinity) - (b.due ?? Infinity));
}

function actionLine(f: ReviewFacts, r: ReviewItem): string {
  const who = [r.owner, r.due !== undefined && `due ${longDate(r.due, f.tz)}${isOverdue(r, f.opts.now) ? ', overdue' : ''}`].filter(Boolean).join(', ');
  const service = r.serviceId ? `${serviceName(f, r.serviceId)}: ` : '';
  return `${service}${r.action!.replace(/\.$/, '')}${who ? ` — ${who}` : ''}.`;
}

function frontPage(f: ReviewFacts): Block[] {
  const { period } = f.report;
  const { tz, opts } = f;
  const actions = topActions(f);
  const decide = decisions(f);
  return [
    { kind: 'title', text: `${opts.internal ? 'Internal review' : 'Service review'}: ${periodWording(period, opts.now)}` },
    { kind: 'subtitle', text: `${opts.school}, prepared on ${longDate(opts.now, tz)}` },
    table(
      [
        'Period',
        `${dateRange(period.start, period.end - 1, tz)}${isRunning(period, opts.now) ? ` (figures ${TO_DATE}: up to ${longDate(opts.now, tz)})` : ''}`,
      ],
      [
        ['Attendees', f.attendees.length ? f.attendees.join('; ') : TO_BE_AGREED],
        ['Next review', f.nextReview === TO_BE_AGREED ? `${TO_BE_AGREED} (SLA tab)` : f.nextReview],
      ],
    ),
    heading(2, 'Headline'),
    { kind: 'list', ordered: false, items: headline(f) },
    heading(2, 'Decisions needed'),
    decide.length ? { kind: 'list', ordered: true, items: decide.slice(0, 6) } : paragraph('None.', 'quiet'),
    heading(2, 'Top actions'),
    actions.length ? { kind: 'list', ordered: false, items: actions.slice(0, 4).map((r) => actionLine(f, r)) } : paragraph('No open action.', 'quiet'),
    // The representatives' front page stands alone; the internal annex runs on to save paper.
    ...(opts.internal ? [] : [{ kind: 'pageBreak' } as const]),
  ];
}

// ---------------------------------------------------------------- body

const REVIEW_HEADER = ['Service', 'Finding', 'Action', 'Owner', 'Due', 'Status'];

/** A service's name from its ID, or the ID when the catalogue does not list it. */
const serviceName = (f: ReviewFacts, id: string): string => f.wb.services.find((s) => idKey(s.serviceId) === idKey(id))?.name ?? id.trim();

/** A Reviews row as the tables show it, overdue actions and done-but-still-found conflicts marked. */
function reviewRow(f: ReviewFacts, r: ReviewItem): string[] {
  const conflict = f.conflicts.some((c) => c.item === r);
  const status = conflict ? 'Marked done, but the workbook still shows the problem' : `${r.status ?? ''}${isOverdue(r, f.opts.now) ? ' (overdue)' : ''}`;
  return [r.serviceId ? serviceName(f, r.serviceId) : '', r.finding, r.action ?? '', r.owner ?? '', r.due !== undefined ? longDate(r.due, f.tz) : '', status];
}

function questionsSection(f: ReviewFacts): Block[] {
  return [
    heading(1, '1. The review questions'),
    ...REVIEW_QUESTIONS.flatMap((q, k): Block[] => {
      const patterns = f.patterns.filter((p) => p.question === q);
      const rows = f.recorded.filter((r) => r.question === q);
      return [
        heading(2, `1.${k + 1} ${q}`),
        patterns.length === 0
          ? paragraph('The workbook shows nothing here.', 'quiet')
          : // The period is said once, on the front page: a finding does not repeat it.
            {
              kind: 'list',
              ordered: false,
              items: patterns.map((p) =>
                p.text
                  .split(` in ${periodWording(f.report.period, f.opts.now)}`)
                  .join('')
                  .replace(/\.?$/, '.'),
              ),
            },
        rows.length === 0
          ? paragraph('No finding or action is recorded on the Reviews tab for this question yet.', 'quiet')
          : table(
              REVIEW_HEADER,
              rows.map((r) => reviewRow(f, r)),
            ),
      ];
    }),
  ];
}

function newRequirementsSection(f: ReviewFacts): Block[] {
  return [
    heading(1, '2. New requirements'),
    paragraph('Raise new services, hours, targets or users here; record each on the Reviews tab under "Other support issues".'),
    f.newRequirements.length ? table(['Service', 'Where it stands'], f.newRequirements) : paragraph('None waiting.', 'quiet'),
  ];
}

function previousActionsSection(f: ReviewFacts): Block[] {
  const blocks: Block[] = [heading(1, '3. Actions from the previous review')];
  if (!f.lastReview) return [...blocks, paragraph('No earlier review is recorded on the Reviews tab.', 'quiet')];
  blocks.push(
    paragraph(`From the review of ${longDate(f.lastReview.date, f.tz)}:`),
    table(
      REVIEW_HEADER,
      f.lastReview.items.map((r) => reviewRow(f, r)),
    ),
  );
  if (f.carried.length)
    blocks.push(
      paragraph('Still open from earlier reviews:'),
      table(
        REVIEW_HEADER,
        f.carried.map((r) => reviewRow(f, r)),
      ),
    );
  return blocks;
}

/** The most comments the review lists; the rest are on the Comments tab. */
const MAX_COMMENTS = 30;

/**
 * What the representatives said since the last review, so this one can answer it: the comments collected
 * onto the Comments tab made after the newest review was generated (every comment before the first).
 */
function commentsSection(f: ReviewFacts): Block[] {
  const blocks: Block[] = [heading(1, '4. Comments from representatives')];
  const { lastReview } = commentCounts(f.wb);
  const since = f.wb.comments.filter((c) => lastReview === undefined || c.date > lastReview).sort((a, b) => a.date - b.date);
  if (since.length === 0) {
    return [
      ...blocks,
      paragraph(`No comments were collected${lastReview === undefined ? '' : ` since the last review (${longDate(lastReview, f.tz)})`}.`, 'quiet'),
    ];
  }
  const name = new Map(f.wb.services.map((s) => [idKey(s.serviceId), s.name]));
  blocks.push(
    paragraph(`Each to be answered at this meeting${lastReview === undefined ? '' : `: made since the last review (${longDate(lastReview, f.tz)})`}.`),
    table(
      ['Date', 'From', 'On', 'Service', 'Comment', 'Resolved'],
      since
        .slice(0, MAX_COMMENTS)
        .map((c) => [
          longDate(c.date, f.tz),
          c.author ?? '',
          c.document,
          c.serviceId ? (name.get(idKey(c.serviceId)) ?? c.serviceId) : '',
          c.comment,
          c.resolved ? 'Yes' : 'No',
        ]),
    ),
  );
  if (since.length > MAX_COMMENTS) blocks.push(paragraph(`And ${since.length - MAX_COMMENTS} more on the Comments tab.`, 'quiet'));
  return blocks;
}

export function buildReviewDocument(wb: Workbook, report: AttainmentReport, findings: readonly Finding[], opts: ReviewOptions): ReviewDocument {
  const f = gatherReview(wb, report, findings, opts);
  const blocks: Block[] = [
    ...frontPage(f),
    // The internal version is the service manager's annex to the representatives' paper: it does not repeat its body.
    ...(opts.internal
      ? internalSections(f)
      : [...questionsSection(f), ...newRequirementsSection(f), ...previousActionsSection(f), ...commentsSection(f), ...appendixSections(f)]),
    ...unreadSection(opts.unread),
  ];
  const { period } = report;
  const internal = !!opts.internal;
  return {
    type: 'Service review',
    label: `${period.label}${internal ? ' (internal)' : ''}`,
    title: `Service review, ${period.label}${internal ? ' (internal)' : ''}`,
    blocks,
    baseName: `Service review${internal ? ' (internal)' : ''} – ${period.label} – ${opts.school}`,
    internal,
  };
}
