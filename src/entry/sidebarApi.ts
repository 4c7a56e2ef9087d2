/**
 * The sidebar's own server functions: opening the panel, the overview for a period, and going to a cell.
 * Everything returned is plain data (dates as ISO strings) so it crosses google.script.run unchanged.
 */
import type { CommentsView, Overview, PeriodRequest, PeriodView, ServiceView, TargetView, TrustProgressView } from '../api';
import type { AttainmentReport, TargetAttainment } from '../core/attainment/types';
import { periodWording, statusReason, targetReason } from '../core/attainment/status';
import type { SlaLifecycle } from '../core/findings/lifecycle';
import type { PeriodOption } from '../core/periods';
import { periodOverview } from '../core/usecases/overview';
import { idKey } from '../core/schema/ids';
import { localDateKey, localDayNumber, localToUtc, civilFromDays } from '../core/time/zone';
import { LEFT_OUT } from '../core/workbook/parseTab';
import type { Problem } from '../core/workbook/problems';
import type { Workbook } from '../core/workbook/parseWorkbook';
import { activateCell, readWorkbook } from '../adapters/sheets';
import { settingValues } from '../core/settings/definitions';
import { commentCounts } from '../core/comments/counts';
import { longDate } from '../core/text';
import { periodArg, rowArg, textArg } from './arguments';

/** How many rows the figures leave out, each named by Check workbook. */
const leftOutRows = (problems: readonly Problem[]): number =>
  new Set(problems.filter((p) => p.message.endsWith(LEFT_OUT)).map((p) => `${p.tab}|${p.row}`)).size;

const TITLE = 'SLM Workbook';

/** Opens the SLM panel (the built Sidebar.html) beside the sheet. */
export function menuOpenPanel(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * An instant as ISO text: the local calendar date ("2026-09-01") when it is a local midnight, as every
 * period boundary the picker offers is; otherwise the full UTC instant.
 */
function isoOf(ms: number, timeZone: string): string {
  const { y, m, d } = civilFromDays(localDayNumber(ms, timeZone));
  return localToUtc(y, m, d, 0, timeZone) === ms ? localDateKey(ms, timeZone) : new Date(ms).toISOString();
}

const periodView = (p: PeriodOption, tz: string): PeriodView => ({ kind: p.kind, label: p.label, start: isoOf(p.start, tz), end: isoOf(p.end, tz) });

const targetView = (t: TargetAttainment): TargetView => ({
  type: t.type,
  priority: t.priority ?? 'Any',
  measure: t.measure,
  targetHours: t.targetHours,
  compliance: t.compliance,
  met: t.met,
  breached: t.breached,
  pending: t.pending,
  share: t.share ?? null,
  status: t.status ?? null,
  fewest: t.fewest,
  reason: targetReason(t),
  noResponseTime: t.noResponseTime,
});

/** Each measured service with its SLA's stage, in the order of the catalogue's priority rank. */
function serviceViews(wb: Workbook, report: AttainmentReport, lifecycle: readonly SlaLifecycle[]): ServiceView[] {
  const stages = new Map(lifecycle.map((l) => [idKey(l.serviceId), l]));
  return report.services.map((s) => {
    const sla = stages.get(idKey(s.serviceId));
    return {
      serviceId: s.serviceId,
      name: s.name,
      rank: s.rank,
      slaStatus: sla ? sla.status : 'No SLA',
      nextReview: sla?.nextReview === undefined ? null : localDateKey(sla.nextReview, wb.timeZone),
      reviewDue: !!sla && (sla.stage === 'Review due' || sla.stage === 'Review overdue' || sla.status === 'Review'),
      reviewOverdue: sla?.stage === 'Review overdue',
      availability: s.availability ?? null,
      availabilityTarget: s.availabilityTarget ?? null,
      availabilityStatus: s.availabilityStatus ?? null,
      status: s.status ?? null,
      statusDriver: s.statusDriver ?? null,
      reason: statusReason(s),
      met: s.met,
      breached: s.breached,
      pending: s.pending,
      noResponseTime: s.noResponseTime,
      plannedMaintenance: {
        items: s.plannedMaintenance.items,
        announcedHours: s.plannedMaintenance.announcedHours,
        unannounced: s.plannedMaintenance.unannounced.map((u) => u.ref),
      },
      targets: s.targets.map(targetView),
    };
  });
}

/** The overview as plain data: from a parsed workbook, at instant `now` (not exported: every export is a server function). */
function overviewOf(wb: Workbook, problems: readonly Problem[], request: PeriodRequest, now: number): Overview {
  const { period, periods, report, stages } = periodOverview(wb, request, now);
  return {
    period: periodView(period, wb.timeZone),
    periodWording: periodWording(period, now),
    periods: periods.map((p) => periodView(p, wb.timeZone)),
    services: serviceViews(wb, report, stages),
    problemCount: problems.length,
    leftOut: leftOutRows(problems),
    settings: settingValues(wb.assumptions),
    comments: commentsView(wb),
  };
}

function commentsView(wb: Workbook): CommentsView {
  const c = commentCounts(wb);
  return {
    total: c.total,
    unresolved: c.unresolved,
    sinceReview: c.sinceReview,
    lastReview: c.lastReview === undefined ? null : longDate(c.lastReview, wb.timeZone),
  };
}

/**
 * The attainment of every service for a period, each SLA's stage, the periods on offer and how many
 * problems the workbook has: one getValues() per tab, nothing written.
 */
export function getOverview(period: PeriodRequest): Overview {
  const request = periodArg(period, { kind: 'thisTerm' });
  const { workbook, problems } = readWorkbook(SpreadsheetApp.getActive());
  return overviewOf(workbook, problems, request, Date.now());
}

/** Shows the user the cell a problem points at (row 0 or no column: the whole row or the tab). */
export function selectCell(tab: string, row: number, column: string): void {
  activateCell(SpreadsheetApp.getActive(), textArg(tab, 'tab', '"Incidents"'), rowArg(row), textArg(column, 'column', '"Opened"'));
}

/** A school's copy serves no trust workbook: the panel shows nothing of a trust (the trust's copy answers with its refresh). */
export function getTrustProgress(): TrustProgressView | null {
  return null;
}
