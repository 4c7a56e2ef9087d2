/**
 * The review's appendices: attainment by service, each target, breaches grouped by cause, trends; and
 * the internal version's own sections: supplier performance, every finding in full with the rows it
 * cites, contract costs, and the breach list with incident summaries.
 */
import type { ServiceAttainment, SupplierAttainment } from '../attainment/types';
import type { Incident } from '../schema/records';
import type { Finding } from '../findings/types';
import { fromSettings } from '../settings/definitions';
import { hoursText, joinWords, longDate, moneyText, percentText, plural, shareText } from '../text';
import { heading, paragraph, table, type Block } from './model';
import { idKey } from '../schema/ids';
import { minOf } from '../values';
import type { ReviewFacts } from './review';
import { availabilityStatusText, comparisonCaveat, isRunning, periodWording, statusText, targetStatusText, TO_DATE } from '../attainment/status';
import { trendTable, type Trends } from '../monitor/trends';
import { TREND_CHARTS } from '../monitor/trendsView';
import { chartDescription } from '../monitor/trendChart';

/** A service whose SLA is still being negotiated: its targets are proposals, so it is never reported as missed. */
export const isNegotiating = (f: Pick<ReviewFacts, 'wb'>, serviceId: string): boolean =>
  f.wb.sla.some((r) => idKey(r.serviceId) === idKey(serviceId) && r.status === 'Negotiation');

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

/** The internal annex's attainment: one line per service, without what set each status (the representatives' version says it). */
function attainmentBrief(f: ReviewFacts, title: string): Block[] {
  return [
    heading(1, title),
    table(
      [
        'Rank',
        'Service',
        isRunning(f.report.period, f.opts.now) ? `Availability ${TO_DATE}` : 'Availability',
        'Target',
        'Calls',
        'Met',
        'Missed',
        'Pending',
        'Status',
      ],
      f.report.services.map((s) => [
        String(s.rank),
        s.name,
        shareText(s.availability),
        percentText(s.availabilityTarget),
        String(s.items),
        String(s.met),
        String(s.breached),
        String(s.pending),
        statusText(s.status),
      ]),
      [8],
    ),
  ];
}

function attainmentAppendix(f: ReviewFacts, title = 'Appendix A. Attainment by service'): Block[] {
  const services = f.report.services;
  const blocks: Block[] = [
    { kind: 'pageBreak' },
    heading(1, title),
    table(
      [
        'Rank',
        'Service',
        isRunning(f.report.period, f.opts.now) ? `Availability ${TO_DATE}` : 'Availability',
        'Target',
        'Availability status',
        'Calls',
        'Met',
        'Missed',
        'Pending',
        'Overall status',
        'Status set by',
      ],
      services.map((s) => [
        String(s.rank),
        s.name,
        shareText(s.availability),
        percentText(s.availabilityTarget),
        availabilityStatusText(s.availabilityStatus),
        String(s.items),
        String(s.met),
        String(s.breached),
        String(s.pending),
        statusText(s.status),
        s.statusDriver ?? unjudgedWhy(f, s),
      ]),
      [4, 9],
    ),
  ];
  // A service still being agreed is judged against its proposed targets: said under the table, so each cell
  // keeps the one wording every surface shares.
  const proposed = services.filter((s) => s.status && isNegotiating(f, s.serviceId));
  if (proposed.length) blocks.push(paragraph(`Still being agreed, so judged against proposed targets: ${joinWords(proposed.map((s) => s.name))}.`));
  const unrecorded = services.filter((s) => s.noResponseTime > 0);
  if (unrecorded.length) {
    blocks.push(
      paragraph(
        `Response not judged for calls resolved with no Responded time (nobody recorded when they were answered): ${unrecorded.map((s) => `${s.name} ${s.noResponseTime}`).join(', ')}.`,
      ),
    );
  }
  const planned = services.filter(
    (s) => s.plannedMaintenance.items > 0 || s.plannedMaintenance.announcedHours > 0 || s.plannedMaintenance.unannounced.length > 0,
  );
  if (planned.length) {
    const announced = planned.filter((s) => s.plannedMaintenance.announcedHours > 0);
    const late = planned.filter((s) => s.plannedMaintenance.unannounced.length > 0);
    blocks.push(
      paragraph(
        [
          `Planned maintenance (not judged against response or fix targets): ${planned.map((s) => `${s.name} ${s.plannedMaintenance.items}`).join(', ')}.`,
          announced.length
            ? ` Announced beforehand, so not downtime: ${announced.map((s) => `${s.name} ${hoursText(s.plannedMaintenance.announcedHours)}`).join(', ')}.`
            : '',
          late.length
            ? ` Logged only after it began, so counted as downtime: ${late.map((s) => `${s.name} (${s.plannedMaintenance.unannounced.map((u) => u.ref).join(', ')})`).join(', ')}.`
            : '',
        ].join(''),
      ),
    );
  }
  const hoursErrors = services.filter((s) => s.hoursError);
  if (hoursErrors.length) {
    blocks.push({
      kind: 'callout',
      tone: 'warning',
      text: `Not measured because their hours cannot be read: ${hoursErrors.map((s) => `${s.name} (${s.hoursError})`).join('; ')}.`,
    });
  }
  return blocks;
}

function targetsAppendix(f: ReviewFacts): Block[] {
  const rows = f.report.services.flatMap((s) =>
    s.targets.map((t) => [
      s.name,
      t.type,
      t.priority ?? 'Any',
      measureWord(t.measure),
      hoursText(t.targetHours),
      percentText(t.compliance),
      String(t.met),
      String(t.breached),
      String(t.pending),
      shareText(t.share),
      targetStatusText(t.status, t.compliance),
    ]),
  );
  return [
    heading(1, 'Appendix B. Each target'),
    rows.length === 0
      ? paragraph('Nothing measured.')
      : table(['Service', 'Type', 'Priority', 'Measure', 'Target', 'Required', 'Met', 'Missed', 'Pending', 'Achieved', 'Status'], rows, [10]),
  ];
}

interface BreachRow {
  s: ServiceAttainment;
  measure: 'response' | 'resolution';
  ref: string;
  actual: number;
  target: number;
  open: boolean;
  incident?: Incident;
  type: string;
  priority: string;
}

function breachRows(f: ReviewFacts): BreachRow[] {
  const byRef = new Map<string, Incident>();
  for (const i of f.wb.incidents) if (!byRef.has(idKey(i.ref))) byRef.set(idKey(i.ref), i);
  const rows = f.report.services.flatMap((s) =>
    s.targets.flatMap((t) =>
      t.breaches.map((b): BreachRow => {
        const incident = byRef.get(idKey(b.ref));
        return {
          s,
          measure: b.measure,
          ref: b.ref,
          actual: b.actualHours,
          target: b.targetHours,
          open: b.open,
          incident,
          type: t.type,
          priority: incident?.priority ?? t.priority ?? '',
        };
      }),
    ),
  );
  return rows.sort((x, y) => x.s.rank - y.s.rank || x.ref.localeCompare(y.ref) || x.measure.localeCompare(y.measure));
}

/** The cause a breach is grouped under: a supplier call, else the kind of component at fault, else the type of call. */
export function causeOf(incident: Incident | undefined, type: string): string {
  if (incident?.contractRef) return 'Waiting on a supplier';
  if (incident?.component) return `${incident.component} fault`;
  return type === 'Request' ? 'Request' : 'Cause not recorded';
}

function breachesAppendix(f: ReviewFacts): Block[] {
  const rows = breachRows(f);
  const blocks: Block[] = [heading(1, 'Appendix C. Missed targets, grouped by cause')];
  if (rows.length === 0) return [...blocks, paragraph('None missed.')];
  const groups = new Map<string, BreachRow[]>();
  for (const b of rows) {
    const key = `${b.s.name}\u0000${causeOf(b.incident, b.type)}\u0000${measureWord(b.measure)}`;
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  blocks.push(
    paragraph(`${plural(new Set(rows.map((r) => r.ref)).size, 'call')} missed a target (${rows.length} misses in all), each listed by its call reference:`),
    table(
      ['Service', 'Cause', 'Measure', 'Missed', 'Calls'],
      [...groups].map(([key, list]) => {
        const [service, cause, measure] = key.split('\u0000');
        const refs = list.map((b) => b.ref);
        return [service, cause, measure, String(list.length), joinWords(refs.length > 6 ? [...refs.slice(0, 6), `${refs.length - 6} more`] : refs)];
      }),
    ),
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
      return t[0].length < 2
        ? paragraph(`${title}: no month has a figure yet.`, 'quiet')
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
    paragraph(
      `Compared with ${previous.period.label} (${longDate(previous.period.start, f.tz)} to ${longDate(previous.period.end - 1, f.tz)}).${caveat ? ` ${caveat}.` : ''}`,
    ),
    table(
      ['Service', 'Availability', 'Share met', 'Calls', 'Missed', 'Trend'],
      f.report.services.map((s) => {
        const b = prev.get(idKey(s.serviceId));
        return [
          s.name,
          arrow(shareText(b?.availability), shareText(s.availability)),
          arrow(shareText(b && metShare(b)), shareText(metShare(s))),
          arrow(b ? String(b.items) : '—', count(s.items)),
          arrow(b ? String(b.breached) : '—', count(s.breached)),
          trendWord(s, b),
        ];
      }),
    ),
  ];
}

export const appendixSections = (f: ReviewFacts): Block[] => [...attainmentAppendix(f), ...targetsAppendix(f), ...breachesAppendix(f), ...trendsAppendix(f)];

// ---------------------------------------------------------------- internal only

const SEVERITY_WORD: Record<Finding['severity'], string> = { high: 'High', medium: 'Medium', low: 'Low', info: 'For information' };
const SEVERITY_ORDER: readonly Finding['severity'][] = ['high', 'medium', 'low', 'info'];
const worstOf = (list: readonly Finding[]): Finding['severity'] =>
  SEVERITY_ORDER[minOf(list.map((x) => SEVERITY_ORDER.indexOf(x.severity))) ?? SEVERITY_ORDER.length - 1];
const upperFirst = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

/**
 * A finding's title as said inside a section that already names the supplier and the period: without the
 * supplier's label, the period (said once at the top) or the Settings sentence (said once too).
 */
function shortTitle(x: Finding, label: string | undefined, period: string): string {
  let t = x.title.replace(/\.$/, '').split(` in ${period}`).join('');
  if (label && t.startsWith(`${label} `)) t = t.slice(label.length + 1);
  else if (label && t.startsWith(`${label}: `)) t = t.slice(label.length + 2);
  return upperFirst(t);
}

/** "Cannot fix A within the 4 h target: X" and "Cannot fix B within the 4 h target: X" said once for A and B. */
function mergeSameReason(lines: readonly string[]): string[] {
  const out: string[] = [];
  const groups = new Map<string, string[]>();
  for (const line of lines) {
    const m = /^Cannot fix (.+?) within the (.+?) target: (.*)$/.exec(line);
    if (!m || /'s support hours$/.test(m[3])) {
      out.push(line);
      continue;
    }
    const key = `${m[2]}\u0000${m[3]}`;
    if (!groups.has(key)) out.push(key);
    groups.set(key, [...(groups.get(key) ?? []), m[1]]);
  }
  return out.map((l) => {
    const names = groups.get(l);
    if (!names) return l;
    const [target, why] = l.split('\u0000');
    return `Cannot fix ${joinWords(names)} within the ${target} target: ${why}`;
  });
}

/** What the internal version says once for every supplier: the period of the calls and the handling time assumed. */
function assumptionsOf(f: ReviewFacts): string {
  const handling = f.wb.assumptions.handlingHours;
  return (
    `Calls are those opened in ${periodWording(f.report.period, f.opts.now)}, measured in each supplier's own hours. ` +
    `Fix times include ${hoursText(handling)} of the school's own handling before a supplier is called ${fromSettings('handlingHours')}.`
  );
}

/**
 * One table per supplier: its severity (the worst of its findings), what it costs, the services it
 * underpins, its calls this period, the evidence (each finding once, in a line) and one action.
 */
function suppliersSection(f: ReviewFacts): Block[] {
  const supplierOf = new Map<string, SupplierAttainment>(f.report.suppliers.map((s) => [idKey(s.contractRef), s]));
  const { contracts } = f.wb;
  const blocks: Block[] = [heading(1, 'Internal 1. Suppliers')];
  if (contracts.length === 0) return [...blocks, paragraph('No contract or OLA is recorded.')];
  const period = periodWording(f.report.period, f.opts.now);
  const nameOf = (id: string) => f.wb.services.find((x) => idKey(x.serviceId) === idKey(id))?.name ?? id;
  const entries = contracts
    .map((c) => {
      const own = f.findings.filter((x) => x.contractRef !== undefined && idKey(x.contractRef) === idKey(c.contractRef));
      return { c, own, severity: own.length ? worstOf(own) : ('info' as const) };
    })
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  blocks.push(paragraph(`${assumptionsOf(f)} Suppliers are in order of severity.`, 'quiet'));
  for (const { c, own, severity } of entries) {
    const label = `${c.supplier} (${c.contractRef})`;
    const a = supplierOf.get(idKey(c.contractRef));
    const calls =
      !a || a.calls === 0
        ? 'None'
        : !a.hoursKnown
          ? `${a.calls}, none can be judged: its support hours are not known`
          : `${a.calls}: response met on ${a.responseMet} of ${a.responseMet + a.responseBreached}, fix met on ${a.fixMet} of ${a.fixMet + a.fixBreached}${a.pending ? `, ${a.pending} not judged yet` : ''}`;
    const evidence = mergeSameReason(
      own.filter((x) => !(x.analysis === 'supplierPerformance' && x.severity === 'info')).map((x) => shortTitle(x, label, period)),
    );
    const worst = own.find((x) => x.severity === severity);
    const cost = [
      c.annualCost !== undefined ? `${moneyText(c.annualCost)} a year` : 'Not recorded',
      c.renewal !== undefined ? `renews ${longDate(c.renewal, f.tz)}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    blocks.push(
      heading(2, label),
      table(
        ['Severity', SEVERITY_WORD[severity]],
        [
          ['Serves, cost', `${joinWords((c.services ?? []).map(nameOf)) || 'No service listed'}. ${cost}.`],
          ['Calls', calls],
          ['Evidence', evidence.length ? evidence.map((e) => `${e}.`).join(' ') : 'Nothing found.'],
          ['Action', worst?.action ?? 'Nothing to do; keep logging supplier times.'],
        ],
      ),
    );
  }
  return blocks;
}

/** The findings about no contract, grouped by severity: each said once, with its one action; information in a line each. */
function otherFindings(f: ReviewFacts): Block[] {
  const period = periodWording(f.report.period, f.opts.now);
  const rest = f.findings.filter((x) => x.contractRef === undefined);
  const blocks: Block[] = [heading(1, 'Internal 2. Other findings, by severity')];
  if (!rest.length) return [...blocks, paragraph('None.')];
  for (const severity of SEVERITY_ORDER) {
    const list = rest.filter((x) => x.severity === severity);
    if (!list.length) continue;
    blocks.push(heading(2, SEVERITY_WORD[severity]), {
      kind: 'list',
      ordered: false,
      items: list.map((x) => (severity === 'info' ? `${shortTitle(x, undefined, period)}.` : `${shortTitle(x, undefined, period)}. Action: ${x.action}`)),
    });
  }
  return blocks;
}

/** The internal version after its front page: suppliers, other findings and attainment in brief (the rest is in the representatives' version). */
export const internalSections = (f: ReviewFacts): Block[] => [
  ...suppliersSection(f),
  ...otherFindings(f),
  ...attainmentBrief(f, 'Internal 3. Attainment by service'),
];
