/**
 * The sidebar's server functions (getOverview, selectCell, menuOpenPanel) through the built bundle in the
 * offline runtime. `npm test` builds first; run `npm run build` before running this file on its own.
 */
import { assertPlain } from '../../offline/scriptRun';
import { computeAttainment } from '../../src/core/attainment/compute';
import { listPeriods } from '../../src/core/periods';
import { tabOrder } from '../../src/core/schema/workbook';
import { parseWorkbook } from '../../src/core/workbook/parseWorkbook';
import { readWorkbookValues } from '../../src/adapters/sheets';
import { exampleRuntime, loadedRuntime, NOW } from '../support/offline';
import type { Overview } from '../../src/api';
import { analyseWorkbook } from '../../src/core/findings/analyse';
import type { Finding } from '../../src/core/findings/types';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The example school with the bundle's clock at NOW. */
function runtime() {
  const rt = exampleRuntime();
  rt.run(`Date.now = function () { return ${NOW}; };`);
  return rt;
}

const active = (rt: ReturnType<typeof runtime>) => {
  const ss = rt.spreadsheet as unknown as Spreadsheet;
  const r = ss.getActiveRange();
  return r ? `${r.getSheet().getName()}!${r.getA1Notation()}` : `${ss.getActiveSheet().getName()}`;
};

describe('getOverview', () => {
  test('answers plain data only (dates as ISO text), read with one getValues() per tab and nothing written', () => {
    const rt = runtime();
    const overview: Overview = rt.global.getOverview({ kind: 'thisTerm' });
    expect(() => assertPlain(overview)).not.toThrow();
    expect(rt.calls.count('Range.getValues')).toBeLessThanOrEqual(tabOrder().length);
    expect(rt.calls.count('Range.setValues') + rt.calls.count('Range.setValue')).toBe(0);
    expect(overview.period).toEqual({ kind: 'thisTerm', label: 'Autumn term 2026', start: '2026-09-03', end: '2026-12-19' });
    for (const p of overview.periods) expect(p.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test("figures per service are the attainment engine's for the period, with each SLA's stage", () => {
    const rt = runtime();
    const ss = rt.spreadsheet as unknown as Spreadsheet;
    const { workbook, problems } = parseWorkbook(readWorkbookValues(ss), ss.getSpreadsheetTimeZone());
    const october = listPeriods(workbook, NOW).find((p) => p.kind === 'lastMonth')!;
    const report = computeAttainment(workbook, october, { asOf: NOW });
    const overview: Overview = rt.global.getOverview({ kind: 'lastMonth' });
    expect(overview.period.label).toBe('October 2026');
    expect(overview.problemCount).toBe(problems.length);
    expect(overview.services.map((s) => [s.serviceId, s.status, s.met, s.breached, s.pending, s.availability])).toEqual(
      report.services.map((s) => [s.serviceId, s.status ?? null, s.met, s.breached, s.pending, s.availability ?? null]),
    );
    const email = overview.services.find((s) => s.serviceId === 'EMAIL')!;
    const engine = report.services.find((s) => s.serviceId === 'EMAIL')!;
    expect(email.targets.map((t) => [t.measure, t.targetHours, t.met, t.breached, t.share, t.status])).toEqual(
      engine.targets.map((t) => [t.measure, t.targetHours, t.met, t.breached, t.share ?? null, t.status ?? null]),
    );
    const bySla = Object.fromEntries(overview.services.map((s) => [s.serviceId, [s.slaStatus, s.reviewDue, s.nextReview]]));
    // Word processing's review date has passed; the whiteboards SLA is still being negotiated; colour printing has none.
    expect(bySla.WP).toEqual(['Monitoring', true, '2026-11-06']);
    // Its date is before NOW: overdue, not merely due; an SLA whose review is ahead is neither.
    expect(overview.services.find((s) => s.serviceId === 'WP')!.reviewOverdue).toBe(true);
    expect(overview.services.filter((s) => s.reviewOverdue).every((s) => s.reviewDue && s.nextReview! < '2026-11-18')).toBe(true);
    expect(email.reviewOverdue).toBe(false);
    expect(bySla.WHITEBOARD).toEqual(['Negotiation', false, null]);
    expect(bySla.COLOURPRINT).toEqual(['No SLA', false, null]);
    expect(bySla.EMAIL[1]).toBe(false);
  });

  test('custom dates are local dates, end exclusive; dates the wrong way round are refused in words', () => {
    const rt = runtime();
    const sept: Overview = rt.global.getOverview({ kind: 'custom', start: '2026-09-01', end: '2026-10-01' });
    expect(sept.period).toEqual({ kind: 'custom', label: '1 Sep 2026 to 30 Sep 2026', start: '2026-09-01', end: '2026-10-01' });
    expect(() => rt.global.getOverview({ kind: 'custom', start: '2026-10-01', end: '2026-09-01' })).toThrow(/must end after it starts/);
    expect(() => rt.global.getOverview({ kind: 'custom', start: 'soon', end: '2026-09-01' })).toThrow(/"soon" is not a date/);
  });

  test('an empty workbook has no services and no division by zero', () => {
    const rt = loadedRuntime();
    rt.global.setUpWorkbook();
    const overview: Overview = rt.global.getOverview({ kind: 'thisMonth' });
    expect(overview.services).toEqual([]);
    expect(overview.period.kind).toBe('thisMonth');
  });
});

describe('getFindings', () => {
  test('measures suppliers over the period asked for, and over the year to today when none is given', () => {
    const rt = runtime();
    const ss = rt.spreadsheet as unknown as Spreadsheet;
    const { workbook } = parseWorkbook(readWorkbookValues(ss), ss.getSpreadsheetTimeZone());
    const october = listPeriods(workbook, NOW).find((p) => p.kind === 'lastMonth')!;
    const evidence = (findings: Finding[]) => findings.filter((f) => f.analysis === 'supplierPerformance').map((f) => f.evidence);
    const inOctober = evidence(rt.global.getFindings({ kind: 'lastMonth' }));
    expect(inOctober.length).toBeGreaterThan(0);
    expect(inOctober.every((e) => e.startsWith(`In ${october.label},`))).toBe(true);
    expect(rt.global.getFindings({ kind: 'lastMonth' })).toEqual(analyseWorkbook(workbook, { now: NOW, period: october }));
    const yearToDate: Finding[] = rt.global.getFindings();
    expect(yearToDate).toEqual(analyseWorkbook(workbook, { now: NOW }));
    expect(evidence(yearToDate).some((e) => e.startsWith(`In ${october.label},`))).toBe(false);
  });
});

describe('selectCell', () => {
  test('selects the cell under the named header, wherever the column is', () => {
    const rt = runtime();
    const ss = rt.spreadsheet as unknown as Spreadsheet;
    const sheet = ss.getSheetByName('Incidents')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const col = header.indexOf('Service ID') + 1;
    rt.global.selectCell('Incidents', 134, 'Service ID');
    expect(active(rt)).toBe(`Incidents!${String.fromCharCode(64 + col)}134`);
    // The header's spelling need not match exactly (case, spaces, punctuation).
    rt.global.selectCell('incidents', 12, 'service id');
    expect(active(rt)).toBe(`Incidents!${String.fromCharCode(64 + col)}12`);
    // A school that reorders its columns: the cell follows the header, not the position.
    const moved = [...header];
    [moved[0], moved[col - 1]] = [moved[col - 1], moved[0]];
    sheet.getRange(1, 1, 1, moved.length).setValues([moved]);
    rt.global.selectCell('Incidents', 5, 'Service ID');
    expect(active(rt)).toBe('Incidents!A5');
  });

  test('a problem about a whole row selects the row; an unknown tab is said in words', () => {
    const rt = runtime();
    rt.global.selectCell('Services', 3, '');
    expect(active(rt)).toMatch(/^Services!A3:[A-Z]+3$/);
    expect(() => rt.global.selectCell('Budget', 2, 'Cost')).toThrow(
      'There is no "Budget" tab in this workbook. Run "Set up workbook" to add the missing tabs.',
    );
  });
});
