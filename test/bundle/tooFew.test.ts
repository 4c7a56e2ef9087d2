/**
 * Too few to judge (DESIGN.md, status words), on the built bundle: the worked examples at a 90% target with
 * the default minimum of 10 items, through SLM_ATTAINMENT, the panel's API, the recalculated Dashboard and
 * the review document; and the Settings row changing them.
 */
import type { Overview } from '../../src/api';
import type { TabKey } from '../../src/core/schema/types';
import { localToUtc } from '../../src/core/time/zone';
import { attainmentFormula, attainmentFormulaWithoutSettings, DASHBOARD_CELLS } from '../../src/core/dashboard';
import { recalculateRuntime } from '../../offline/recalcRuntime';
import type { OfflineRuntime } from '../../offline/runtime';
import { appendTo, sheetOf, tabValues } from '../support/tabRows';
import { loadedRuntime } from '../support/offline';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
const TZ = 'Europe/London';
/** 10 November 2026: last month is October. */
const NOW = Date.parse('2026-11-10T12:00:00Z');

/** The worked examples: service → [met, late]. */
const EXAMPLES: ReadonlyArray<[string, string, number, number, string]> = [
  ['ONE', 'One of one', 1, 0, 'Too few to judge'],
  ['TWO', 'Two of three', 2, 1, 'Too few to judge'],
  ['ZERO', 'None of three', 0, 3, 'Breached'],
  ['NINE', 'Nine of ten', 9, 1, 'At risk'],
  ['TWELVE', 'Twelve of twelve', 12, 0, 'Met'],
];

function workbook(): OfflineRuntime {
  const rt = loadedRuntime();
  rt.run(`Date.now = function () { return ${NOW}; };`);
  rt.global.setUpWorkbook();
  appendTo(
    rt,
    'services',
    EXAMPLES.map(([id, name], i) => ({ serviceId: id, name, rank: i + 1, status: 'Supported', serviceHours: '24x7' })),
  );
  appendTo(
    rt,
    'sla',
    EXAMPLES.map(([id]) => ({ serviceId: id, status: 'Agreed', availabilityTarget: 0.99 })),
  );
  appendTo(rt, 'targets', [{ serviceId: 'ALL', type: 'Incident', resolveHours: 4, compliance: 0.9 }]);
  const calls: Record<string, unknown>[] = [];
  for (const [id, , met, late] of EXAMPLES) {
    for (let k = 0; k < met + late; k++) {
      const opened = localToUtc(2026, 10, 1 + k, 9 * 60, TZ);
      calls.push({
        ref: `${id}${k}`,
        serviceId: id,
        type: 'Incident',
        priority: 'High',
        summary: `Call ${k}`,
        opened: new rt.env.realm.Date(opened),
        resolved: new rt.env.realm.Date(opened + (k < met ? 1 : 10) * 3_600_000),
      });
    }
  }
  appendTo(rt, 'incidents', calls);
  return rt;
}

const october = (rt: OfflineRuntime) => [new rt.env.realm.Date(localToUtc(2026, 10, 1, 0, TZ)), new rt.env.realm.Date(localToUtc(2026, 10, 31, 0, TZ))];

function attainment(rt: OfflineRuntime, withSettings = true): Map<string, Record<string, unknown>> {
  const tabs: TabKey[] = ['services', 'sla', 'targets', 'incidents', 'calendars', 'closures', ...(withSettings ? ['settings' as TabKey] : [])];
  const table = rt.global.SLM_ATTAINMENT(...october(rt), ...tabs.map((k) => tabValues(rt, k)), TZ) as unknown[][];
  const header = table[0] as string[];
  return new Map(table.slice(1).map((r) => [String(r[0]), Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
}

describe('Too few to judge: the worked examples at 90% with the default minimum of 10', () => {
  const rt = workbook();

  test('SLM_ATTAINMENT gives each example its word and its counts', () => {
    const rows = attainment(rt);
    expect(EXAMPLES.map(([id]) => [id, rows.get(id)!.Status, rows.get(id)!['Resolution status']])).toEqual(
      EXAMPLES.map(([id, , , , word]) => [id, word, word]),
    );
    expect(rows.get('TWO')!.Targets).toMatch(/: 2 of 3 met \(66\.7%, target 90%\) Too few to judge$/);
    expect(rows.get('ONE')!.Targets).toMatch(/: 1 of 1 met \(100%, target 90%\) Too few to judge$/);
    // Without the Settings range the default (10) applies too.
    expect([...attainment(rt, false).values()].map((r) => r.Status)).toEqual(EXAMPLES.map((e) => e[4]));
  });

  test("the panel's API gives the same words, with the counts and a plain reason", () => {
    const overview: Overview = rt.global.getOverview({ kind: 'lastMonth' });
    expect(overview.periodWording).toBe('October 2026');
    const byId = new Map(overview.services.map((s) => [s.serviceId, s]));
    expect(EXAMPLES.map(([id]) => [id, byId.get(id)!.status])).toEqual(EXAMPLES.map(([id, , , , word]) => [id, word]));
    expect(byId.get('TWO')!.targets[0]).toMatchObject({
      met: 2,
      breached: 1,
      status: 'Too few to judge',
      fewest: 10,
      reason: '2 of 3 fixed within 4 h: too few to judge (10 needed)',
    });
    expect(byId.get('ZERO')!.reason).toBe('3 late fixes (0 of 3 fixed within 4 h, target 90%): cannot reach 90% even if the next 7 are on time');
    expect(byId.get('NINE')!.reason).toBe('1 late fix (9 of 10 fixed within 4 h, target 90%): one more would take it below 90%');
    expect(byId.get('TWELVE')!.reason).toBe('12 of 12 calls on time, every target met');
    expect(byId.get('ONE')!.reason).toBe('1 of 1 call on time: too few to judge (10 needed)');
  });

  test('the Dashboard, recalculated as Sheets would, shows the words in a neutral colour', () => {
    const problems = recalculateRuntime(rt, NOW);
    expect(problems).toEqual([]);
    const dashboard = (rt.spreadsheet as unknown as Ss).getSheetByName('Dashboard')!;
    const shown = dashboard.getDataRange().getDisplayValues();
    const at = shown.findIndex((r) => r[0] === 'Service ID');
    const status = shown[at].findIndex((h) => /^Status/.test(h));
    const rows = new Map(
      shown
        .slice(at + 1)
        .filter((r) => r[0])
        .map((r) => [r[0], r[status]]),
    );
    expect(EXAMPLES.map(([id]) => rows.get(id))).toEqual(EXAMPLES.map((e) => e[4]));
    const rule = dashboard
      .getConditionalFormatRules()
      .map((r) => r.getBooleanCondition()!)
      .find((c) => c.getCriteriaValues()[0] === 'Too few to judge')!;
    expect([rule.getBackground(), rule.getFontColor()]).toEqual(['#f1f3f4', '#3c4043']);
  });

  test('the review document gives the same words, and names the services too few to judge on its front page', () => {
    const review = rt.global.generateReview({ kind: 'lastMonth' });
    const text = rt.services.DocumentApp.bodyOf(review.id).getText();
    expect(text).toContain('Too few to judge (too few calls yet to say): One of one and Two of three.');
    expect(text).toMatch(/Missed: None of three\./);
    const tables = rt.services.DocumentApp.bodyOf(review.id)
      .getTables()
      .map((t) => Array.from({ length: t.getNumRows() }, (_, r) => Array.from({ length: t.getRow(r).getNumCells() }, (_, c) => t.getCell(r, c).getText())));
    const appendix = tables.find((t) => t[0][0] === 'Rank')!;
    expect(EXAMPLES.map(([, name]) => appendix.find((r) => r[1] === name)![9])).toEqual(EXAMPLES.map((e) => e[4]));
  });

  test('the Settings row changes the minimum: at 1 every target is judged, as before', () => {
    const settings = sheetOf(rt, 'settings');
    const row =
      settings
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'Fewest items to judge a target') + 1;
    expect(row).toBeGreaterThan(1);
    settings.getRange(row, 2).setValue(1);
    const rows = attainment(rt);
    expect(EXAMPLES.map(([id]) => rows.get(id)!.Status)).toEqual(['At risk', 'Breached', 'Breached', 'At risk', 'Met']);
    const overview: Overview = rt.global.getOverview({ kind: 'lastMonth' });
    expect(overview.services.map((s) => s.status)).toEqual(['At risk', 'Breached', 'Breached', 'At risk', 'Met']);
  });
});

test('Set up gives a Dashboard made before statuses read the Settings tab the Settings range, and leaves a formula the user changed', () => {
  const rt = workbook();
  const cell = (rt.spreadsheet as unknown as Ss).getSheetByName('Dashboard')!.getRange(DASHBOARD_CELLS.table);
  expect(cell.getFormula()).toBe(attainmentFormula());
  expect(attainmentFormula()).toContain('Settings');
  cell.setFormula(attainmentFormulaWithoutSettings());
  expect(rt.global.setUpWorkbook().repairedTabs).toContain('Dashboard');
  expect(cell.getFormula()).toBe(attainmentFormula());
  const own = attainmentFormulaWithoutSettings().replace('B4', 'C4');
  cell.setFormula(own);
  rt.global.setUpWorkbook();
  expect(cell.getFormula()).toBe(own);
});
