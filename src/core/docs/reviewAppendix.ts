/**
 * The review's appendices: attainment by service, each target, breaches grouped by cause, trends; and
 * the internal version's own sections: supplier performance, every finding in full with the rows it
 * cites, contract costs, and the breach list with incident summaries.
 */
import type { ServiceAttainment, SupplierAttainment } from '../attainment/types';
import type { Incident } from '../schema/records';
import { hoursText, joinWords, longDate, moneyText, percentText, shareText } from '../text';
import { heading, paragraph, table, type Block } from './model';
import { idKey } from '../schema/ids';
import type { ReviewFacts } from './review';
import { availabilityStatusText, comparisonCaveat, isRunning, periodWording, statusText, targetStatusText, TO_DATE } from '../attainment/status';
import { trendTable, type Trends } from '../monitor/trends';
import { TREND_CHARTS } from '../monitor/trendsView';
import { chartDescription } from '../monitor/trendChart';



/** Met share over all of a service's targets, 0..1. */
export function metShare(s: ServiceAttainment): number | undefined {
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
const measureWord = (m: 'response' | 'resolution'): string => (m === 'response' ? 'Response' : 'Fix');

/** Why a service's calls were neither met, missed nor pending: it is not supported, nothing is agreed, or no target covers them. */
function unjudgedWhy(f: ReviewFacts, s: ServiceAttainment): string {
  if (s.items === 0 || s.met + s.breached + s.pending > 0) return '';
  const status = f.wb.services.find((x) => idKey(x.serviceId) === idKey(s.serviceId))?.status;
  if (status === 'Unsupported' || status === 'Retired') return `Calls not judged: the service is ${status.toLowerCase()}, with no targets`;
  if (!f.wb.sla.some((r) => idKey(r.serviceId) === idKey(s.serviceId))) return 'Calls not judged: nothing is agreed for it yet';
  return 'Calls not judged: no target covers them';
}

function attainmentAppendix(f: ReviewFacts): Block[] {
  const services = f.report.services;
  const blocks: Block[] = [{ kind: 'pageBreak' }, heading(1, 'Appendix A. Attainment by service'),
    table(['Rank', 'Service', isRunning(f.report.period, f.opts.now) ? `Availability ${TO_DATE}` : 'Availability', 'Target', 'Availability status', 'Calls', 'Met', 'Missed', 'Pending', 'Overall status', 'Status set by'],
      services.map((s) => [
        String(s.rank), s.name, shareText(s.availability), percentText(s.availabilityTarget), availabilityStatusText(s.availabilityStatus),
        String(s.items), String(s.met), String(s.breached), String(s.pending), statusText(s.status), s.statusDriver ?? unjudgedWhy(f, s),
      ]),
      [4, 9],
    )];
  const unrecorded = services.filter((s) => s.noResponseTime > 0);
  if (unrecorded.length) {
    blocks.push(paragraph(`Response not judged for calls resolved with no Responded time (nobody recorded when they were answered): ${unrecorded.map((s) => `${s.name} ${s.noResponseTime}`).join(', ')}.`));
  }
  const planned = services.filter((s) => s.plannedMaintenance.items > 0 || s.plannedMaintenance.announcedHours > 0 || s.plannedMaintenance.unannounced.length > 0);
  if (planned.length) {
    const announced = planned.filter((s) => s.plannedMaintenance.announcedHours > 0);
    const late = planned.filter((s) => s.plannedMaintenance.unannounced.length > 0);
    blocks.push(paragraph([
      `Planned maintenance (not judged against response or fix targets): ${planned.map((s) => `${s.name} ${s.plannedMaintenance.items}`).join(', ')}.`,
      announced.length ? ` Announced beforehand, so not downtime: ${announced.map((s) => `${s.name} ${hoursText(s.plannedMaintenance.announcedHours)}`).join(', ')}.` : '',
      late.length ? ` Logged only after it began, so counted as downtime: ${late.map((s) => `${s.name} (${s.plannedMaintenance.unannounced.map((u) => u.ref).join(', ')})`).join(', ')}.` : '',
    ].join('')));
  }
  const hoursErrors = services.filter((s) => s.hoursError);
  if (hoursErrors.length) {
    blocks.push({ kind: 'callout', tone: 'warning', text: `Not measured because their hours cannot be read: ${hoursErrors.map((s) => `${s.name} (${s.hoursError})`).join('; ')}.` });
  }
  return blocks;
}

function targetsAppendix(f: ReviewFacts): Block[] {
  const rows = f.report.services.flatMap((s) => s.targets.map((t) => [
    s.name, t.type, t.priority ?? 'Any', measureWord(t.measure), hoursText(t.targetHours),
    percentText(t.compliance), String(t.met), String(t.breached), String(t.pending), shareText(t.share), targetStatusText(t.status, t.compliance),
  ]));
  return [heading(1, 'Appendix B. Each target'), rows.length === 0
    ? paragraph('Nothing measured.')
    : table(['Service', 'Type', 'Priority', 'Measure', 'Target', 'Required', 'Met', 'Missed', 'Pending', 'Achieved', 'Status'], rows, [10])];
}

interface BreachRow { s: ServiceAttainment; measure: 'response' | 'resolution'; ref: string; actual: number; target: number; open: boolean; incident?: Incident; type: string; priority: string }

function breachRows(f: ReviewFacts): BreachRow[] {
  const byRef = new Map<string, Incident>();
  for (const i of f.wb.incidents) if (!byRef.has(idKey(i.ref))) byRef.set(idKey(i.ref), i);
  const rows = f.report.services.flatMap((s) => s.targets.flatMap((t) => t.breaches.map((b): BreachRow => {
    const incident = byRef.get(idKey(b.ref));
    return { s, measure: b.measure, ref: b.ref, actual: b.actualHours, target: b.targetHours, open: b.open, incident, type: t.type, priority: incident?.priority ?? t.priority ?? '' };
  })));
  return rows.sort((x, y) => x.s.rank - y.s.rank || x.ref.localeCompare(y.ref) || x.measure.localeCompare(y.measure));
}

/** The cause a breach is grouped under: a supplier call, else the kind of component at fault, else the type of call. */
function causeOf(b: BreachRow): string {
  if (b.incident?.contractRef) return 'Waiting on a supplier';
  if (b.incident?.component) return `${b.incident.component} fault`;
  return b.type === 'Request' ? 'Request' : 'Cause not recorded';
}

function breachesAppendix(f: ReviewFacts): Block[] {
  const rows = breachRows(f);
  const blocks: Block[] = [heading(1, 'Appendix C. Missed targets, grouped by cause')];
  if (rows.length === 0) return [...blocks, paragraph('None missed.')];
  const groups = new Map<string, BreachRow[]>();
  for (const b of rows) {
    const key = `${b.s.name}\u0000${causeOf(b)}\u0000${measureWord(b.measure)}`;
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  blocks.push(
    paragraph(`${rows.length} missed targets, on ${new Set(rows.map((r) => r.ref)).size} calls (Incidents tab refs):`),
    table(['Service', 'Cause', 'Measure', 'Missed', 'Calls'], [...groups].map(([key, list]) => {
      const [service, cause, measure] = key.split('\u0000');
      const refs = list.map((b) => b.ref);
      return [service, cause, measure, String(list.length),
        joinWords(refs.length > 6 ? [...refs.slice(0, 6), `${refs.length - 6} more`] : refs)];
    })),
  );
  return blocks;
}

/** The Dashboard's two pictures over the twelve months up to the period's last: a chart, or why there is none. */
function trendCharts(trends: Trends | undefined): Block[] {
  if (!trends) return [];
  const months = trends.months;
  return [
    paragraph(`Month by month, ${months[0]} to ${months[months.length - 1]}, as the Dashboard's charts show it.`),
    ...TREND_CHARTS.map(({ measure, title }): Block => {
      const t = trendTable(trends, measure);
      return t[0].length < 2 ? paragraph(`${title}: no month has a figure yet.`, 'quiet')
        : { kind: 'chart', title, table: t, description: chartDescription(t) };
    }),
  ];
}

function trendsAppendix(f: ReviewFacts): Block[] {
  const previous = f.opts.previous;
  const charts = trendCharts(f.opts.trends);
  if (!previous) return [heading(1, 'Appendix D. Trends'), ...charts, paragraph('No earlier period to compare with.')];
  const prev = new Map(previous.services.map((s) => [idKey(s.serviceId), s]));
  const caveat = comparisonCaveat(f.report.period, previous.period, f.opts.now);
  // A running period's counts will still grow: marked so a fall in calls is not read into them.
  const count = (n: number) => `${n}${caveat ? ` ${TO_DATE}` : ''}`;
  return [
    heading(1, 'Appendix D. Trends'),
    ...charts,
    paragraph(`Compared with ${previous.period.label} (${longDate(previous.period.start, f.tz)} to ${longDate(previous.period.end - 1, f.tz)}).${caveat ? ` ${caveat}.` : ''}`),
    table(['Service', 'Availability', 'Share met', 'Calls', 'Missed', 'Trend'],
      f.report.services.map((s) => {
        const b = prev.get(idKey(s.serviceId));
        return [s.name, arrow(shareText(b?.availability), shareText(s.availability)), arrow(shareText(b && metShare(b)), shareText(metShare(s))),
          arrow(b ? String(b.items) : '—', count(s.items)), arrow(b ? String(b.breached) : '—', count(s.breached)), trendWord(s, b)];
      }),
    ),
  ];
}

export const appendixSections = (f: ReviewFacts): Block[] => [...attainmentAppendix(f), ...targetsAppendix(f), ...breachesAppendix(f), ...trendsAppendix(f)];

// ---------------------------------------------------------------- internal only

/** Each contract: its calls judged against it (those that cannot be judged apart from those not yet judged), its cost and renewal. */
function suppliersSection(f: ReviewFacts): Block[] {
  const supplierOf = new Map<string, SupplierAttainment>(f.report.suppliers.map((s) => [idKey(s.contractRef), s]));
  const { contracts } = f.wb;
  if (contracts.length === 0) return [{ kind: 'pageBreak' }, heading(1, 'Internal E. Suppliers and costs'), paragraph('No contract or OLA is recorded.')];
  return [{ kind: 'pageBreak' }, heading(1, 'Internal E. Suppliers and costs'),
    // The calls are the period's: the Findings tab counts the last 12 months, so the period is named here.
    paragraph(`Calls to each supplier in ${periodWording(f.report.period, f.opts.now)}, measured in its own hours.`),
    table(['Contract', 'Supplier', 'Calls', 'Response met', 'Response missed', 'Fix met', 'Fix missed', 'Not judged yet', 'Cannot be judged', 'Annual cost', 'Renewal'],
      contracts.map((c) => {
        const a = supplierOf.get(idKey(c.contractRef));
        // Calls of a contract whose hours are unknown are not "pending": they cannot be judged at all.
        const judged = a ? [a.calls, a.responseMet, a.responseBreached, a.fixMet, a.fixBreached, a.hoursKnown ? a.pending : 0, a.hoursKnown ? 0 : a.pending].map(String)
          : ['0', '—', '—', '—', '—', '—', '—'];
        return [c.contractRef, c.supplier, ...judged, moneyText(c.annualCost), c.renewal !== undefined ? longDate(c.renewal, f.tz) : '—'];
      })),
  ];
}

function findingsInFull(f: ReviewFacts): Block[] {
  // The claim to cite rows is left out: the rows are the finding's cells in the workbook, not in this document.
  const said = (x: ReviewFacts['findings'][number]) => `${x.title.replace(/\.$/, '')}. ${x.evidence.replace(/ The rows cited are[^.]*\./, '')} Suggested action: ${x.action}`;
  return [heading(1, 'Internal F. Findings in full'), f.findings.length ? { kind: 'list', ordered: false, items: f.findings.map(said) } : paragraph('None.')];
}

export const internalSections = (f: ReviewFacts): Block[] => [...suppliersSection(f), ...findingsInFull(f)];
