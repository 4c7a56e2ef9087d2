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
import { hoursText, joinWords, longDate, percentText, plural, shareText } from './format';
import { heading, paragraph, table, TO_BE_AGREED, type Block, type DocModel } from './model';
import { REVIEW_QUESTIONS } from './questions';

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

const lower = (s: string): string => s.trim().toLowerCase();
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

export function buildReviewDocument(wb: Workbook, report: AttainmentReport, findings: readonly Finding[], opts: ReviewOptions): ReviewDocument {
  const tz = wb.timeZone;
  const { period } = report;
  const services = report.services;
  const blocks: Block[] = [];
  const incidentByRef = new Map<string, Incident>();
  for (const i of wb.incidents) if (!incidentByRef.has(lower(i.ref))) incidentByRef.set(lower(i.ref), i);
  const managers = wb.people.filter((p) => p.role === 'Service manager').map((p) => p.name);
  const reps = wb.people.filter((p) => p.role === 'End-user representative').map((p) => p.name);

  const futureReviews = wb.sla.map((r) => r.nextReview).filter((d): d is number => d !== undefined && d >= opts.now);
  const nextReview = opts.nextReview ?? (futureReviews.length ? Math.min(...futureReviews) : undefined);

  blocks.push({ kind: 'title', text: `Service review: ${period.label}` }, { kind: 'subtitle', text: opts.school });
  blocks.push(table(['Report', 'Service review'],
    [
      ['School', opts.school],
      ['Period', `${period.label}: ${longDate(period.start, tz)} to ${longDate(period.end - 1, tz)}`],
      ['Prepared on', longDate(opts.now, tz)],
      ['Service manager', managers.length ? joinWords(managers) : TO_BE_AGREED],
      ['Representatives', reps.length ? joinWords(reps) : TO_BE_AGREED],
      ['Next review', nextReview !== undefined ? longDate(nextReview, tz) : TO_BE_AGREED],
    ],
  ));

  // ---- summary
  const count = (s: Rag) => services.filter((x) => x.status === s).length;
  const items = services.reduce((n, s) => n + s.items, 0);
  const breached = services.reduce((n, s) => n + s.breached, 0);
  const pending = services.reduce((n, s) => n + s.pending, 0);
  const unmeasured = services.filter((s) => s.status === undefined).length;
  const toAct = findings.filter((f) => f.severity === 'high' || f.severity === 'medium').length;
  blocks.push(heading(1, '1. Summary'), paragraph(`Of ${services.length} services, ${count('Met')} met every target, ${count('At risk')} ${count('At risk') === 1 ? 'was' : 'were'} at risk and ${count('Breached')} breached a target${unmeasured ? `; ${unmeasured} could not be measured` : ''}. ${plural(items, 'incident or request was', 'incidents and requests were')} opened in the period: ${breached} breached a target and ${pending} ${pending === 1 ? 'is' : 'are'} still pending. The workbook shows ${plural(findings.length, 'finding')} for the review, ${toAct} of them to act on.`));

  // ---- attainment
  blocks.push(heading(1, '2. Attainment by service'));
  blocks.push(table(['Rank', 'Service', 'Availability', 'Target', 'Availability status', 'Items', 'Met', 'Breached', 'Pending', 'Overall status'],
    services.map((s) => [
      String(s.rank), s.name, shareText(s.availability), percentText(s.availabilityTarget), rag(s.availabilityStatus),
      String(s.items), String(s.met), String(s.breached), String(s.pending), rag(s.status),
    ]),
    [4, 9],
  ));
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
  else {
    blocks.push(table(['Service', 'Type', 'Priority', 'Measure', 'Target', 'Required', 'Met', 'Breached', 'Pending', 'Achieved', 'Status'],
      targetRows, [10]));
  }

  // ---- breaches
  const breaches = services.flatMap((s) => s.targets.flatMap((t) => t.breaches.map((b) => ({ s, t, b }))));
  breaches.sort((x, y) => x.s.rank - y.s.rank || x.b.ref.localeCompare(y.b.ref) || x.b.measure.localeCompare(y.b.measure));
  blocks.push(heading(1, '3. Breaches'));
  if (breaches.length === 0) blocks.push(paragraph('No target was breached in this period.'));
  else {
    blocks.push(table(['Ref', 'Service', 'Type', 'Priority', 'Summary', 'Measure', 'Took', 'Target', 'Still open'],
      breaches.map(({ s, t, b }) => {
        const i = incidentByRef.get(lower(b.ref));
        return [b.ref, s.name, t.type, i?.priority ?? t.priority ?? '', i?.summary ?? '', b.measure === 'response' ? 'Response' : 'Resolution',
          hoursText(b.actualHours), hoursText(b.targetHours), b.open ? 'Yes' : 'No'];
      }),
    ));
  }

  // ---- trends
  blocks.push(heading(1, '4. Trends'));
  if (!opts.previous) blocks.push(paragraph('No earlier period to compare with.'));
  else {
    const prev = new Map(opts.previous.services.map((s) => [lower(s.serviceId), s]));
    blocks.push(paragraph(`Compared with ${opts.previous.period.label} (${longDate(opts.previous.period.start, tz)} to ${longDate(opts.previous.period.end - 1, tz)}).`));
    blocks.push(table(['Service', 'Availability', 'Share met', 'Items', 'Breached', 'Trend'],
      services.map((s) => {
        const b = prev.get(lower(s.serviceId));
        return [s.name, arrow(shareText(b?.availability), shareText(s.availability)), arrow(shareText(b && metShare(b)), shareText(metShare(s))),
          arrow(b ? String(b.items) : '—', String(s.items)), arrow(b ? String(b.breached) : '—', String(s.breached)), trendWord(s, b)];
      }),
    ));
  }

  // ---- suppliers
  blocks.push(heading(1, '5. Supplier performance'));
  const supplierOf = new Map<string, SupplierAttainment>(report.suppliers.map((s) => [lower(s.contractRef), s]));
  if (wb.contracts.length === 0) blocks.push(paragraph('No contract or OLA is recorded.'));
  else {
    blocks.push(table(['Contract', 'Supplier', 'Calls', 'Response met', 'Response breached', 'Fix met', 'Fix breached', 'Pending', 'Note'],
      wb.contracts.map((c) => {
        const a = supplierOf.get(lower(c.contractRef));
        if (!a) return [c.contractRef, c.supplier, '0', '—', '—', '—', '—', '—', 'No calls logged in the period'];
        return [c.contractRef, c.supplier, String(a.calls), String(a.responseMet), String(a.responseBreached), String(a.fixMet), String(a.fixBreached),
          String(a.pending), a.hoursKnown ? (a.responseBreached + a.fixBreached > 0 ? 'Breaches to take up with the supplier' : 'Within contract') : 'Support hours unknown: calls cannot be judged'];
      }),
    ));
  }

  // ---- the five questions
  blocks.push(heading(1, '6. Review questions'));
  // Reviews dated in the period; open actions of earlier reviews follow in section 7.
  const recorded = wb.reviews.filter((r) => r.reviewDate >= period.start && r.reviewDate < period.end);
  const row = (r: ReviewItem): string[] => [longDate(r.reviewDate, tz), r.serviceId ?? '', r.finding, r.action ?? '', r.owner ?? '',
    r.due !== undefined ? longDate(r.due, tz) : '', `${r.status ?? ''}${isOpen(r) && (r.due ?? Infinity) < opts.now ? ' (overdue)' : ''}`];
  REVIEW_QUESTIONS.forEach((q, k) => {
    blocks.push(heading(2, `6.${k + 1} ${q}`));
    const evidence = findings.filter((f) => f.question === q);
    blocks.push(paragraph('What the workbook shows:', 'strong'));
    if (evidence.length === 0) blocks.push(paragraph('Nothing in the workbook points to this.', 'quiet'));
    else blocks.push({ kind: 'list', ordered: false, items: evidence.map((f) => `${f.title}. ${f.evidence} Suggested action: ${f.action}`) });
    const rows = recorded.filter((r) => r.question === q);
    blocks.push(paragraph('Findings and actions recorded:', 'strong'));
    if (rows.length === 0) blocks.push(paragraph('None recorded yet: add them on the Reviews tab during the meeting.', 'quiet'));
    else blocks.push(table(REVIEW_HEADER, rows.map(row)));
  });

  // ---- carried over
  blocks.push(heading(1, '7. Open actions carried over'));
  const carried = wb.reviews.filter((r) => r.reviewDate < period.start && isOpen(r));
  const openNow = recorded.filter(isOpen).length;
  if (carried.length) blocks.push(table(['Question', ...REVIEW_HEADER], carried.map((r) => [r.question, ...row(r)])));
  const note = `${carried.length ? '' : 'No action from before the period is still open. '}${openNow ? `Still open from reviews in the period: ${openNow} (see section 6).` : ''}`;
  if (note) blocks.push(paragraph(note.trim()));

  blocks.push(heading(1, '8. Next review'), paragraph(nextReview !== undefined ? `The next review is due on ${longDate(nextReview, tz)}.` : `The date of the next review is ${TO_BE_AGREED.toLowerCase()}: set it on the SLA tab.`));

  return {
    type: 'Service review', label: period.label, title: `Service review, ${period.label}`, blocks,
    baseName: `Service review – ${period.label} – ${opts.school}`,
  };
}

const REVIEW_HEADER = ['Date', 'Service', 'Finding', 'Action', 'Owner', 'Due', 'Status'];
