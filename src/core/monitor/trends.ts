/**
 * Monthly trends per service over the last twelve months: the share of items met and availability. A month
 * with nothing to judge is a gap (undefined), never a zero: no item met or breached, or, for availability,
 * no service hours or a month before the log's first item (no record is not the same as no outage).
 */
import { partLabel } from '../attainment/status';
import { attainmentOf } from '../attainment/compute';
import type { AttainmentReport } from '../attainment/types';
import type { Period } from '../periods/period';
import type { AttainmentModel } from '../attainment/model';
import type { IncidentColumns } from '../attainment/columns';
import { civilFromDays, localDayNumber, localToUtc } from '../time/zone';

export const TREND_MONTHS = 12;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface ServiceTrend {
  readonly serviceId: string;
  readonly name: string;
  /** Share of items met (0..1) per month, oldest first; undefined where nothing was judged. */
  readonly met: ReadonlyArray<number | undefined>;
  /** Availability (0..1) per month; undefined where there is no figure. */
  readonly availability: ReadonlyArray<number | undefined>;
  /** The strictest and the loosest compliance target (%) among the service's targets, and its availability target (%). */
  readonly metTarget: number | undefined;
  readonly metTargetLowest: number | undefined;
  readonly availabilityTarget: number | undefined;
}

export interface Trends {
  /** "Dec 2025" … "Nov 2026 (to date)"; the month of `now` is labelled as running. */
  readonly months: readonly string[];
  readonly services: readonly ServiceTrend[];
}

/** The twelve months ending with the one holding `now`, each [start, end) in the model's zone. */
function trendMonths(now: number, timeZone: string, count = TREND_MONTHS): Array<{ start: number; end: number; label: string }> {
  const { y, m } = civilFromDays(localDayNumber(now, timeZone));
  const base = y * 12 + m - 1;
  return Array.from({ length: count }, (_, k) => {
    const i = base - count + 1 + k;
    const at = (n: number) => localToUtc(Math.floor(n / 12), (n % 12) + 1, 1, 0, timeZone);
    return { start: at(i), end: at(i + 1), label: `${MONTH_NAMES[i % 12]} ${Math.floor(i / 12)}` };
  });
}

/**
 * The twelve months ending with the one holding `lastMonthAt` (default: `now`, the Dashboard's view; a review
 * ends them with its period), each judged as of `now`. `reportOf` gives a month's attainment (default: measured
 * here; a use case passes its own, so a month it has already measured is not measured again).
 */
export function monthlyTrends(
  model: AttainmentModel,
  cols: IncidentColumns,
  now: number,
  lastMonthAt = now,
  reportOf: (month: Period) => AttainmentReport = (p) => attainmentOf(model, cols, p, { asOf: now, breaches: false }),
): Trends {
  const months = trendMonths(Math.min(lastMonthAt, now), model.timeZone);
  let firstItem = Infinity;
  for (let i = 0; i < cols.length; i++) if (cols.opened[i] < firstItem) firstItem = cols.opened[i];
  const reports = months.map(reportOf);
  const services = model.services.map((s, k) => {
    const compliance = model.targets.length ? reports.flatMap((r) => r.services[k].targets.map((t) => t.compliance)) : [];
    return {
      serviceId: s.serviceId,
      name: s.name,
      met: reports.map((r) => {
        const x = r.services[k];
        return x.met + x.breached > 0 ? x.met / (x.met + x.breached) : undefined;
      }),
      availability: reports.map((r, j) => (months[j].end <= firstItem ? undefined : r.services[k].availability)),
      metTarget: compliance.length ? compliance.reduce((a, b) => Math.max(a, b)) : undefined,
      metTargetLowest: compliance.length ? compliance.reduce((a, b) => Math.min(a, b)) : undefined,
      availabilityTarget: model.availabilityTargets[k],
    };
  });
  // The month holding `now` is part of a month: its point says so ("Nov 2026 (to date)").
  return { months: months.map((m) => partLabel(m.label, m.end > now)), services };
}

export type TrendMeasure = 'met' | 'availability';

/** "Shared data storage (target 98%)", "Internet access (target 85–95%)": each line says its own target. */
function seriesName(s: ServiceTrend, measure: TrendMeasure): string {
  const pct = (v: number) => `${Number(v.toFixed(2))}%`;
  const hi = measure === 'met' ? s.metTarget : s.availabilityTarget;
  const lo = measure === 'met' ? s.metTargetLowest : hi;
  if (hi === undefined) return s.name;
  return `${s.name} (target ${lo !== undefined && lo < hi ? `${Number(lo.toFixed(2))}–` : ''}${pct(hi)})`;
}

/** True when a line would sit at 100% in every month it has a figure (and has one). */
const alwaysFull = (values: ReadonlyArray<number | undefined>): boolean =>
  values.some((v) => v !== undefined) && values.every((v) => v === undefined || v >= 1);

/**
 * One measure as a table for a chart: a Month column and one column per service with a figure in any month,
 * named with its own target; a service with no figure in the twelve months has no line. Services at 100% in
 * every month they have a figure share one column ("Email, Printing: 100% in every month measured"): drawn apart they
 * would lie on one another, and a legend entry whose line cannot be seen reads as a line that is missing.
 * There is no single target line: targets differ from service to service, and one line at the strictest
 * would make a service that met its own target look as if it missed. Gaps are blank cells, which a Sheets
 * line chart leaves as gaps.
 */
export function trendTable(t: Trends, measure: TrendMeasure): (string | number)[][] {
  const shown = t.services.filter((s) => s[measure].some((v) => v !== undefined));
  const full = shown.filter((s) => alwaysFull(s[measure]));
  const columns: Array<{ name: string; values: ReadonlyArray<number | undefined> }> =
    full.length > 1
      ? [
          ...shown.filter((s) => !full.includes(s)).map((s) => ({ name: seriesName(s, measure), values: s[measure] })),
          {
            name: `${full.map((s) => s.name).join(', ')}: ${FULL_EVERY_MONTH}`,
            values: t.months.map((_, j) => (full.some((s) => s[measure][j] !== undefined) ? 1 : undefined)),
          },
        ]
      : shown.map((s) => ({ name: seriesName(s, measure), values: s[measure] }));
  return [['Month', ...columns.map((c) => c.name)], ...t.months.map((label, j) => [label, ...columns.map((c) => c.values[j] ?? '')])];
}

/** How the shared column of services at 100% throughout ends its name. */
export const FULL_EVERY_MONTH = '100% in every month measured';
