import { NO_FIGURE, TO_DATE, isRunning, statusText, targetLine, worstRag } from './status';
import type { AttainmentReport, ServiceAttainment, TargetAttainment } from './types';
import { hoursText } from '../text';

/** Header of the attainment table the Dashboard shows (SLM_ATTAINMENT's first row). */
export const ATTAINMENT_HEADER = [
  'Service ID',
  'Service',
  'Rank',
  'Availability',
  'Availability target',
  'Availability status',
  'Response met',
  'Response status',
  'Resolution met',
  'Resolution status',
  'Met',
  'Breached',
  'Pending',
  'No response time',
  'Status',
  'Status set by',
  'Targets',
] as const;

/** The columns of ATTAINMENT_HEADER that hold a fraction (0..1), shown as percentages. */
export const ATTAINMENT_FRACTIONS: readonly (typeof ATTAINMENT_HEADER)[number][] = ['Availability', 'Availability target', 'Response met', 'Resolution met'];

/** Columns whose header says "to date" while the period is still running. */
const RUNNING_COLUMNS: ReadonlySet<string> = new Set(['Availability', 'Status']);

type Cell = string | number;

const blank = (v: number | string | undefined): Cell => (v === undefined ? '' : v);

/** Share met over a measure's targets, 0..1, or blank when nothing was judged. */
function shareOf(targets: readonly TargetAttainment[]): Cell {
  let met = 0;
  let breached = 0;
  for (const t of targets) {
    met += t.met;
    breached += t.breached;
  }
  return met + breached > 0 ? met / (met + breached) : '';
}

/** A target's line, with the items whose response was not judged for want of a Responded time. */
const lineOf = (t: TargetAttainment): string => (t.noResponseTime ? `${targetLine(t)}; ${noResponseText(t.noResponseTime)}` : targetLine(t));

/** "12 resolved with no Responded time, response not judged". */
const noResponseText = (n: number): string => `${n} resolved with no Responded time, response not judged`;

/** Planned maintenance in words, for the explanation beside a service's figures; undefined when there was none. */
function plannedMaintenanceText(p: ServiceAttainment['plannedMaintenance']): string | undefined {
  const parts: string[] = [];
  if (p.items || p.announcedHours)
    parts.push(
      `Planned maintenance: ${p.items} ${p.items === 1 ? 'item' : 'items'}${p.announcedHours ? `, ${hoursText(p.announcedHours)} announced beforehand (not downtime)` : ''}`,
    );
  if (p.unannounced.length)
    parts.push(`Planned maintenance logged after its outage began, counted as downtime: ${p.unannounced.map((u) => `${u.ref} (row ${u.row})`).join(', ')}`);
  return parts.length ? parts.join('\n') : undefined;
}

/**
 * One row per service, in rank order, under a header row: the whole dashboard table in one array. While
 * the period runs at `now`, the availability and status headers say "to date". No service hours: "—"; no
 * status: "Not measured", as the review and the panel say.
 */
export function attainmentTable(report: AttainmentReport, now = report.period.end): Cell[][] {
  const running = isRunning(report.period, now);
  const rows: Cell[][] = [ATTAINMENT_HEADER.map((h) => (running && RUNNING_COLUMNS.has(h) ? `${h} ${TO_DATE}` : h))];
  for (const s of report.services) {
    const response = s.targets.filter((t) => t.measure === 'response');
    const resolution = s.targets.filter((t) => t.measure === 'resolution');
    rows.push([
      s.serviceId,
      s.name,
      s.rank,
      s.availability ?? NO_FIGURE,
      s.availabilityTarget === undefined ? '' : s.availabilityTarget / 100,
      statusText(s.availabilityStatus),
      shareOf(response),
      blank(worstRag(response.map((t) => t.status))),
      shareOf(resolution),
      blank(worstRag(resolution.map((t) => t.status))),
      s.met,
      s.breached,
      s.pending,
      s.noResponseTime,
      statusText(s.status),
      blank(s.statusDriver),
      s.hoursError ?? [...s.targets.map(lineOf), plannedMaintenanceText(s.plannedMaintenance)].filter((x) => x).join('\n'),
    ]);
  }
  return rows;
}
