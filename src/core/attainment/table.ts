import { worstRag } from './status';
import type { AttainmentReport, TargetAttainment } from './types';

/** Header of the attainment table the Dashboard shows (SLM_ATTAINMENT's first row). */
export const ATTAINMENT_HEADER = [
  'Service ID', 'Service', 'Rank', 'Availability', 'Availability target', 'Availability status',
  'Response met', 'Response status', 'Resolution met', 'Resolution status', 'Met', 'Breached', 'Pending', 'Status', 'Targets',
] as const;

/** The columns of ATTAINMENT_HEADER that hold a fraction (0..1), shown as percentages. */
export const ATTAINMENT_FRACTIONS: readonly (typeof ATTAINMENT_HEADER)[number][] = ['Availability', 'Availability target', 'Response met', 'Resolution met'];

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

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

/** "Incident High response 4/5 met (80%, target 95%) At risk", one line per target. */
function describe(t: TargetAttainment): string {
  const who = [t.type, t.priority ?? 'any priority', t.measure].join(' ');
  const judged = t.met + t.breached;
  const share = t.share === undefined ? 'none judged' : `${t.met}/${judged} met (${pct(t.share)}, target ${t.compliance}%)`;
  const pending = t.pending ? `, ${t.pending} pending` : '';
  return `${who} within ${t.targetHours} h: ${share}${pending}${t.status ? ` ${t.status}` : ''}`;
}

/** One row per service, in rank order, under a header row: the whole dashboard table in one array. */
export function attainmentTable(report: AttainmentReport): Cell[][] {
  const rows: Cell[][] = [[...ATTAINMENT_HEADER]];
  for (const s of report.services) {
    const response = s.targets.filter((t) => t.measure === 'response');
    const resolution = s.targets.filter((t) => t.measure === 'resolution');
    rows.push([
      s.serviceId, s.name, s.rank, blank(s.availability), s.availabilityTarget === undefined ? '' : s.availabilityTarget / 100, blank(s.availabilityStatus),
      shareOf(response), blank(worstRag(response.map((t) => t.status))), shareOf(resolution), blank(worstRag(resolution.map((t) => t.status))),
      s.met, s.breached, s.pending, blank(s.status), s.hoursError ?? s.targets.map(describe).join('\n'),
    ]);
  }
  return rows;
}
