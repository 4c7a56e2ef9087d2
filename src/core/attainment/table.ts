import { NO_FIGURE, TO_DATE, isRunning, statusText, targetLine, worstRag } from './status';
import type { AttainmentReport, TargetAttainment } from './types';

/** Header of the attainment table the Dashboard shows (SLM_ATTAINMENT's first row). */
export const ATTAINMENT_HEADER = [
  'Service ID', 'Service', 'Rank', 'Availability', 'Availability target', 'Availability status',
  'Response met', 'Response status', 'Resolution met', 'Resolution status', 'Met', 'Breached', 'Pending', 'Status', 'Status set by', 'Targets',
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
      s.serviceId, s.name, s.rank, s.availability ?? NO_FIGURE, s.availabilityTarget === undefined ? '' : s.availabilityTarget / 100, statusText(s.availabilityStatus),
      shareOf(response), blank(worstRag(response.map((t) => t.status))), shareOf(resolution), blank(worstRag(resolution.map((t) => t.status))),
      s.met, s.breached, s.pending, statusText(s.status), blank(s.statusDriver), s.hoursError ?? s.targets.map(targetLine).join('\n'),
    ]);
  }
  return rows;
}
