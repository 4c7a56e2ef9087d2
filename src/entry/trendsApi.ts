/** The panel's 12-month trend per service (plain data: months as labels, gaps as null). */
import type { TrendsView } from '../api';
import { recentTrends } from '../core/usecases/trends';
import { readWorkbook } from '../adapters/sheets';

export function getTrends(): TrendsView {
  const wb = readWorkbook(SpreadsheetApp.getActive()).workbook;
  const t = recentTrends(wb, Date.now());
  const nulls = (xs: ReadonlyArray<number | undefined>) => xs.map((x) => (x === undefined ? null : x));
  return {
    months: [...t.months],
    services: t.services.map((s) => ({
      serviceId: s.serviceId,
      met: nulls(s.met),
      availability: nulls(s.availability),
      metTarget: s.metTarget ?? null,
      availabilityTarget: s.availabilityTarget ?? null,
    })),
  };
}
