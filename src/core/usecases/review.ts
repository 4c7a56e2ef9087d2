/**
 * The service review for a period, as one use case: the workbook as read once, measured once (one model,
 * one set of incident columns), each period's attainment computed once (the period with its breaches, the
 * period before for comparison, and the trend months), then the representatives' and the internal version.
 */
import { measureWorkbook } from '../attainment/measured';
import { buildReviewDocument, type ReviewDocument } from '../documents/review';
import { slaOpenPoints } from '../documents/sla';
import { analyseWorkbook } from '../findings/analyse';
import { monthlyTrends } from '../monitor/trends';
import { previousPeriod, resolvePeriod } from '../periods';
import type { PeriodRequest } from '../periods/period';
import type { Workbook } from '../workbook/parseWorkbook';

export interface ReviewRequest {
  readonly period: PeriodRequest;
  /** The instant the review is generated: periods, open items and dates are judged at it. */
  readonly now: number;
  readonly school: string;
  /** Cells the reading could not use, named at the end of the document. */
  readonly unread: readonly string[];
}

export interface ReviewDocuments {
  /** The representatives' version. */
  readonly shared: ReviewDocument;
  /** Supplier detail, contract costs and incident summaries: never shared with representatives. */
  readonly internal: ReviewDocument;
}

export function serviceReview(wb: Workbook, request: ReviewRequest): ReviewDocuments {
  const { now } = request;
  const measured = measureWorkbook(wb);
  const p = resolvePeriod(wb, now, request.period);
  const report = measured.attainment(p, { asOf: now });
  const previous = measured.attainment(previousPeriod(wb, p), { asOf: now, breaches: false });
  const findings = analyseWorkbook(wb, { now, period: p, measured });
  // The Dashboard's trend tables, ending with the period's last month.
  const trends = monthlyTrends(measured.model, measured.cols, now, p.end - 1, (month) => measured.attainment(month, { asOf: now, breaches: false }));
  const slaGaps = slaOpenPoints(wb, now, measured.model);
  const opts = { now, school: request.school, previous, trends, unread: request.unread, slaGaps };
  return {
    internal: buildReviewDocument(wb, report, findings, { ...opts, internal: true }),
    shared: buildReviewDocument(wb, report, findings, opts),
  };
}
