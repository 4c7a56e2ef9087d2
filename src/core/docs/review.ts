/**
 * The service-review report for one period: summary, attainment per service and target with its status
 * from the attainment engine, breaches with references, trends against the previous period, supplier
 * performance, the five review questions with the workbook's evidence and the findings and actions
 * recorded on the Reviews tab, open actions carried over, and the date of the next review.
 */
import type { AttainmentReport, Rag, ServiceAttainment, SupplierAttainment } from '../attainment/types';
import type { Finding } from '../findings/types';
import type { Incident, ReviewItem } from '../schema';
import type { Workbook } from '../workbook';
import { hoursText, joinWords, longDate, percentText, plural, shareText } from '../text';
import { heading, paragraph, table, TO_BE_AGREED, type Block, type DocModel } from './model';
import { REVIEW_QUESTIONS } from './questions';
import { minOf } from '../values';
import { idKey } from '../schema';

export interface ReviewOptions {
  /** The instant the report is dated. */
  readonly now: number;
  readonly school: string;
  /** Attainment over the period before, for trends. */
  readonly previous?: AttainmentReport;
  /** Date of the next review; default the earliest next review on the SLA tab from `now` on. */
  readonly nextReview?: number;
}

export interface ReviewDocument extends DocModel {
  readonly type: 'Service review';
  readonly baseName: string;
}

const isOpen = (r: ReviewItem): boolean => (r.status === undefined ? !!r.action : r.status === 'Open' || r.status === 'In progress');
const rag = (s: Rag | undefined): string => s ?? 'Not measured';

/** Met share over all of a service's targets, 0..1. */
function metShare(s: ServiceAttainment): number | undefined {
  return s.met + s.breached > 0 ? s.met / (s.met + s.breached) : undefined;
}

/**
 * "Better", "Worse" or "Steady" from the share met, then availability when the shares are level or
 * neither period measured anything; never from availability alone when only one period was measured.
 */
function trendWord(now: ServiceAttainment, before: ServiceAttainment | undefined): string {
  const a = metShare(now);
  const b = before && metShare(before);
  if (!before || (a === undefined) !== (b === undefined)) return b === undefined ? 'No earlier figures' : 'Nothing measured now';
  const cmp = (x: number | undefined, y: number | undefined): number | undefined =>
    x === undefined || y === undefined ? undefined : Math.abs(x - y) < 0.005 ? 0 : Math.sign(x - y);
  const share = cmp(a, b);
  const c = share || (cmp(now.availability, before.availability) ?? share);
  return c === undefined ? 'No figures' : c > 0 ? 'Better' : c < 0 ? 'Worse' : 'Steady';
}

const arrow = (before: string, now: string): string => `${before} → ${now}`;

/** What the review reports, gathered from the workbook and the attainment report before any block is written. */
interface ReviewFacts {
  readonly wb: Workbook;
  readonly report: AttainmentReport;
  readonly findings: readonly Finding[];
  readonly opts: ReviewOptions;
  readonly tz: string;
  readonly incidentByRef: ReadonlyMap<string, Incident>;
  readonly managers: string[];
  readonly reps: string[];
  readonly nextReview: number | undefined;
  /** Review rows dated in the period. */
  readonly recorded: ReviewItem[];
  /** Open actions of reviews before the period. */
  readonly carried: ReviewItem[];
}

function gatherReview(wb: Workbook, report: AttainmentReport, findings: readonly Finding[], opts: ReviewOptions): ReviewFacts {
  const { period } = report;
  const incidentByRef = new Map<string, Incident>();
  for (const i of wb.incidents) if (!incidentByRef.has(idKey(i.ref))) incidentByRef.set(idKey(i.ref), i);
  const futureReviews = wb.sla.map((r) => r.nextReview).filter((d): d is number => d !== undefined && d >= opts.now);
  return {
    wb, report, findings, opts, tz: wb.timeZone, incidentByRef,
    managers: wb.people.filter((p) => p.role === 'Service manager').map((p) => p.name),
    reps: wb.people.filter((p) => p.role === 'End-user representative').map((p) => p.name),
    nextReview: opts.nextReview ?? minOf(futureReviews),
    recorded: wb.reviews.filter((r) => r.reviewDate >= period.start && r.reviewDate < period.end),
    carried: wb.reviews.filter((r) => r.reviewDate < period.start && isOpen(r)),
  };
}

function titleSection(f: ReviewFacts): Block[] {
  const { period } = f.report;
  const { tz, opts } = f;
  return [
    { kind: 'title', text: `Service review: ${period.label}` }, { kind: 'subtitle', text: opts.school },
    table(['Report', 'Service review'], [
      ['School', opts.school],
      ['Period', `${period.label}: ${longDate(period.start, tz)} to ${longDate(period.end - 1, tz)}`],
      ['Prepared on', longDate(opts.now, tz)],
      ['Service manager', f.managers.length ? joinWords(f.managers) : TO_BE_AGREED],
      ['Representatives', f.reps.length ? joinWords(f.reps) : TO_BE_AGREED],
      ['Next review', f.nextReview !== undefined ? longDate(f.nextReview, tz) : TO_BE_AGREED],
    ]),
  ];
}

function summarySection(f: ReviewFacts): Block[] {
  const services = f.report.services;
  const count = (s: Rag) => services.filter((x) => x.status === s).length;
  const items = services.reduce((n, s) => n + s.items, 0);
  const breached = services.reduce((n, s) => n + s.breached, 0);
  const pending = services.reduce((n, s) => n + s.pending, 0);
  const unmeasured = services.filter((s) => s.status === undefined).length;
  const toAct = f.findings.filter((x) => x.severity === 'high' || x.severity === 'medium').length;
  const atRisk = count('At risk');
  return [heading(1, '1. Summary'), paragraph(
    `Of ${services.length} services, ${count('Met')} met every target, ${atRisk} ${atRisk === 1 ? 'was' : 'were'} at risk and ${count('Breached')} breached a target`
    + `${unmeasured ? `; ${unmeasured} could not be measured` : ''}. `
    + `${plural(items, 'incident or request was', 'incidents and requests were')} opened in the period: ${breached} breached a target and ${pending} ${pending === 1 ? 'is' : 'are'} still pending. `
    + `The workbook shows ${plural(f.findings.length, 'finding')} for the review, ${toAct} of them to act on.`,
  )];
}

function attainmentSection(f: ReviewFacts): Block[] {
  const services = f.report.services;
  const blocks: Block[] = [heading(1, '2. Attainment by service'),
    table(['Rank', 'Service', 'Availability', 'Target', 'Availability status', 'Items', 'Met', 'Breached', 'Pending', 'Overall status'],
      services.map((s) => [
        String(s.rank), s.name, shareText(s.availability), percentText(s.availabilityTarget), rag(s.availabilityStatus),
        String(s.items), String(s.met), String(s.breached), String(s.pending), rag(s.status),
      ]),
      [4, 9],
    )];
  const hoursErrors = services.filter((s) => s.hoursError);
  if (hoursErrors.length) {
    blocks.push({ kind: 'callout', tone: 'warning', text: `Not measured because their hours cannot be read: ${hoursErrors.map((s) => `${s.name} (${s.hoursError})`).join('; ')}.` });
  }
  const targetRows = services.flatMap((s) => s.targets.map((t) => [
    s.name, t.type, t.priority ?? 'Any', t.measure === 'response' ? 'Response' : 'Resolution', hoursText(t.targetHours),
    percentText(t.compliance), String(t.met), String(t.breached), String(t.pending), shareText(t.share), rag(t.status),
  ]));
  blocks.push(heading(2, 'Against each target'));
  if (targetRows.length === 0) blocks.push(paragraph('No incident or request was measured against a target in this period.'));
  else blocks.push(table(['Service', 'Type', 'Priority', 'Measure', 'Target', 'Required', 'Met', 'Breached', 'Pending', 'Achieved', 'Status'], targetRows, [10]));
  return blocks;
}

function breachesSection(f: ReviewFacts): Block[] {
  const breaches = f.report.services.flatMap((s) => s.targets.flatMap((t) => t.breaches.map((b) => ({ s, t, b }))));
  breaches.sort((x, y) => x.s.rank - y.s.rank || x.b.ref.localeCompare(y.b.ref) || x.b.measure.localeCompare(y.b.measure));
  if (breaches.length === 0) return [heading(1, '3. Breaches'), paragraph('No target was breached in this period.')];
  return [heading(1, '3. Breaches'), table(['Ref', 'Service', 'Type', 'Priority', 'Summary', 'Measure', 'Took', 'Target', 'Still open'],
    breaches.map(({ s, t, b }) => {
      const i = f.incidentByRef.get(idKey(b.ref));
      return [b.ref, s.name, t.type, i?.priority ?? t.priority ?? '', i?.summary ?? '', b.measure === 'response' ? 'Response' : 'Resolution',
        hoursText(b.actualHours), hoursText(b.targetHours), b.open ? 'Yes' : 'No'];
    }),
  )];
}

function trendsSection(f: ReviewFacts): Block[] {
  const previous = f.opts.previous;
  if (!previous) return [heading(1, '4. Trends'), paragraph('No earlier period to compare with.')];
  const prev = new Map(previous.services.map((s) => [idKey(s.serviceId), s]));
  return [
    heading(1, '4. Trends'),
    paragraph(`Compared with ${previous.period.label} (${longDate(previous.period.start, f.tz)} to ${longDate(previous.period.end - 1, f.tz)}).`),
    table(['Service', 'Availability', 'Share met', 'Items', 'Breached', 'Trend'],
      f.report.services.map((s) => {
        const b = prev.get(idKey(s.serviceId));
        return [s.name, arrow(shareText(b?.availability), shareText(s.availability)), arrow(shareText(b && metShare(b)), shareText(metShare(s))),
          arrow(b ? String(b.items) : '—', String(s.items)), arrow(b ? String(b.breached) : '—', String(s.breached)), trendWord(s, b)];
      }),
    ),
  ];
}

function suppliersSection(f: ReviewFacts): Block[] {
  const supplierOf = new Map<string, SupplierAttainment>(f.report.suppliers.map((s) => [idKey(s.contractRef), s]));
  if (f.wb.contracts.length === 0) return [heading(1, '5. Supplier performance'), paragraph('No contract or OLA is recorded.')];
  const note = (a: SupplierAttainment): string => (a.hoursKnown
    ? (a.responseBreached + a.fixBreached > 0 ? 'Breaches to take up with the supplier' : 'Within contract')
    : 'Support hours unknown: calls cannot be judged');
  return [heading(1, '5. Supplier performance'), table(['Contract', 'Supplier', 'Calls', 'Response met', 'Response breached', 'Fix met', 'Fix breached', 'Pending', 'Note'],
    f.wb.contracts.map((c) => {
      const a = supplierOf.get(idKey(c.contractRef));
      if (!a) return [c.contractRef, c.supplier, '0', '—', '—', '—', '—', '—', 'No calls logged in the period'];
      return [c.contractRef, c.supplier, String(a.calls), String(a.responseMet), String(a.responseBreached), String(a.fixMet), String(a.fixBreached),
        String(a.pending), note(a)];
    }),
  )];
}

/** A Reviews row as the tables show it, overdue actions marked. */
function reviewRow(f: ReviewFacts, r: ReviewItem): string[] {
  return [longDate(r.reviewDate, f.tz), r.serviceId ?? '', r.finding, r.action ?? '', r.owner ?? '',
    r.due !== undefined ? longDate(r.due, f.tz) : '', `${r.status ?? ''}${isOpen(r) && (r.due ?? Infinity) < f.opts.now ? ' (overdue)' : ''}`];
}

function questionsSection(f: ReviewFacts): Block[] {
  // Reviews dated in the period; open actions of earlier reviews follow in section 7.
  return [heading(1, '6. Review questions'), ...REVIEW_QUESTIONS.flatMap((q, k): Block[] => {
    const evidence = f.findings.filter((x) => x.question === q);
    const rows = f.recorded.filter((r) => r.question === q);
    return [
      heading(2, `6.${k + 1} ${q}`),
      paragraph('What the workbook shows:', 'strong'),
      evidence.length === 0
        ? paragraph('Nothing in the workbook points to this.', 'quiet')
        : { kind: 'list', ordered: false, items: evidence.map((x) => `${x.title}. ${x.evidence} Suggested action: ${x.action}`) },
      paragraph('Findings and actions recorded:', 'strong'),
      rows.length === 0
        ? paragraph('None recorded yet: add them on the Reviews tab during the meeting.', 'quiet')
        : table(REVIEW_HEADER, rows.map((r) => reviewRow(f, r))),
    ];
  })];
}

function carriedSection(f: ReviewFacts): Block[] {
  const blocks: Block[] = [heading(1, '7. Open actions carried over')];
  const openNow = f.recorded.filter(isOpen).length;
  if (f.carried.length) blocks.push(table(['Question', ...REVIEW_HEADER], f.carried.map((r) => [r.question, ...reviewRow(f, r)])));
  const note = `${f.carried.length ? '' : 'No action from before the period is still open. '}${openNow ? `Still open from reviews in the period: ${openNow} (see section 6).` : ''}`;
  if (note) blocks.push(paragraph(note.trim()));
  return blocks;
}

const nextReviewSection = (f: ReviewFacts): Block[] => [heading(1, '8. Next review'), paragraph(f.nextReview !== undefined
  ? `The next review is due on ${longDate(f.nextReview, f.tz)}.`
  : `The date of the next review is ${TO_BE_AGREED.toLowerCase()}: set it on the SLA tab.`)];

export function buildReviewDocument(wb: Workbook, report: AttainmentReport, findings: readonly Finding[], opts: ReviewOptions): ReviewDocument {
  const f = gatherReview(wb, report, findings, opts);
  const blocks: Block[] = [
    ...titleSection(f), ...summarySection(f), ...attainmentSection(f), ...breachesSection(f), ...trendsSection(f),
    ...suppliersSection(f), ...questionsSection(f), ...carriedSection(f), ...nextReviewSection(f),
  ];
  const { period } = report;
  return {
    type: 'Service review', label: period.label, title: `Service review, ${period.label}`, blocks,
    baseName: `Service review – ${period.label} – ${opts.school}`,
  };
}

const REVIEW_HEADER = ['Date', 'Service', 'Finding', 'Action', 'Owner', 'Due', 'Status'];
