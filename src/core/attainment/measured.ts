/**
 * A workbook as attainment reads it, built once per operation: the model (services, targets, calendars,
 * contracts) and the incident columns, and each period's attainment computed once however many parts of
 * a use case ask for it (the period, its comparison period, the trend months, supplier performance).
 */
import type { Workbook } from '../workbook/parseWorkbook';
import type { Period } from '../periods/period';
import { workbookColumns, type IncidentColumns } from './columns';
import { attainmentOf } from './compute';
import { buildModel, type AttainmentModel } from './model';
import type { AttainmentReport } from './types';

export interface MeasuredWorkbook {
  readonly wb: Workbook;
  readonly model: AttainmentModel;
  /** The incident log's columns, built on first use. */
  readonly cols: IncidentColumns;
  /**
   * Attainment over a period as of `asOf` (items still open judged then). Computed once per period and
   * instant; `breaches` (default true) lists each breach, and a report that lists them also serves a
   * caller that does not need them. Ask with breaches first when a use case needs both.
   */
  attainment(period: Period, options: { readonly asOf: number; readonly breaches?: boolean }): AttainmentReport;
}

export function measureWorkbook(wb: Workbook, model: AttainmentModel = buildModel(wb)): MeasuredWorkbook {
  let cols: IncidentColumns | undefined;
  const reports = new Map<string, { report: AttainmentReport; breaches: boolean }>();
  const measured: MeasuredWorkbook = {
    wb,
    model,
    get cols() {
      cols ??= workbookColumns(wb, model);
      return cols;
    },
    attainment(period, { asOf, breaches = true }) {
      const key = `${period.start}|${period.end}|${asOf}`;
      const known = reports.get(key);
      if (known && (known.breaches || !breaches)) return known.report.period === period ? known.report : { ...known.report, period };
      const report = attainmentOf(model, measured.cols, period, { asOf, breaches });
      reports.set(key, { report, breaches });
      return report;
    },
  };
  return measured;
}
