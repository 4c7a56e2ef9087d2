/** The Settings tab on the built bundle: its defaults, what changing one changes, a bad value, and Set up leaving a user's values alone. */
import { loadedRuntime } from '../support/offline';
import type { OfflineRuntime } from '../../offline/runtime';

type Api = Record<string, (...args: unknown[]) => any>;
type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
interface Finding {
  id: string;
  title: string;
  evidence: string;
  severity: string;
}
interface Section {
  title: string;
  lines: string[];
}

const api = (rt: OfflineRuntime) => rt.global as unknown as Api;
const sheetOf = (rt: OfflineRuntime, tab: string) => (rt.spreadsheet as unknown as Ss).getSheetByName(tab)!;
const values = (rt: OfflineRuntime, tab: string) => sheetOf(rt, tab).getDataRange().getValues();
/**
 * Check contracts measures renewals and reviews from the clock, so the example school is dated around the
 * clock too (not a fixed day) and the digest is previewed for the same instant.
 */
const AT = Date.now();
const iso = new Date(AT).toISOString();

function exampleRuntime(): OfflineRuntime {
  const rt = loadedRuntime();
  rt.global.setUpWorkbook();
  rt.global.loadExampleSchool(AT);
  return rt;
}

/** Types a value into the Value cell of a setting's row, as a user would; returns the sheet row. */
function setSetting(rt: OfflineRuntime, name: string, value: unknown): number {
  const rows = values(rt, 'Settings');
  const r = rows.findIndex((line) => line[0] === name);
  expect(r).toBeGreaterThan(0);
  sheetOf(rt, 'Settings')
    .getRange(r + 1, rows[0].indexOf('Value') + 1)
    .setValue(value);
  return r + 1;
}

const findings = (rt: OfflineRuntime): Finding[] => api(rt).getFindings();
const finding = (rt: OfflineRuntime, id: string): Finding | undefined => findings(rt).find((f) => f.id === id);
/** The digest's sections as read (titles and lines; links name the spreadsheet, which differs between runtimes). */
const digestTitles = (rt: OfflineRuntime): string[] => (api(rt).previewDigest(iso)?.sections ?? []).map((s: Section) => s.title);
const digestLines = (rt: OfflineRuntime): string[][] => (api(rt).previewDigest(iso)?.sections ?? []).map((s: Section) => [s.title, ...s.lines]);

describe('the Settings tab, on the built bundle with the example school', () => {
  test('Set up writes every setting once with its default and meaning; loading the example school adds no second row', () => {
    const rt = exampleRuntime();
    const rows = values(rt, 'Settings');
    expect(rows[0]).toEqual(['Setting', 'Value', 'Meaning']);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['School handling before a supplier (h)', '1'],
      ['Review warning (days)', '30'],
      ['Renewal warning (days)', '90'],
      ['High priority rank', '3'],
      ['Fewest items to judge a target', '10'],
    ]);
    expect(rows[3][2]).toMatch(/renewing within this many days.*Default: 90\.$/);
    expect(
      api(rt)
        .checkWorkbook()
        .filter((p: { tab: string }) => p.tab === 'Settings'),
    ).toEqual([]);
  });

  test("the school's own handling time changes the target-chain findings, in Check contracts and in SLM_FINDINGS", () => {
    const rt = exampleRuntime();
    expect(finding(rt, 'targetChain:LA-01:INTERNET')!.title).toMatch(/after 1 h of the school's own handling, its 4 h fix can take up to 5 h$/);
    setSetting(rt, 'School handling before a supplier (h)', '2.5');
    const chain = finding(rt, 'targetChain:LA-01:INTERNET')!;
    expect(chain.title).toMatch(/after 2\.5 h of the school's own handling, its 4 h fix can take up to 6\.5 h$/);
    expect(chain.evidence).toContain('The school\'s own handling is taken as 2.5 h (Settings tab, "School handling before a supplier (h)").');
    // With no handling at all, a fix time equal to the target fits: that finding goes, and no sentence speaks of 0 h.
    setSetting(rt, 'School handling before a supplier (h)', 0);
    expect(finding(rt, 'targetChain:LA-01:INTERNET')).toBeUndefined();
    expect(
      findings(rt)
        .filter((f) => f.id.startsWith('targetChain:'))
        .every((f) => !/after 0 /.test(f.title)),
    ).toBe(true);

    // The custom function reads the Settings range it is given, like any other; without it, the defaults.
    const ranges = ['Services', 'Equipment', 'SLA', 'Targets', 'Contracts', 'Incidents', 'Calendars', 'Closures', 'People'].map((t) => values(rt, t));
    setSetting(rt, 'School handling before a supplier (h)', 3);
    const titles = (table: unknown[][]) =>
      table
        .slice(1)
        .map((r) => String(r[2]))
        .filter((t) => t.startsWith('County Council ICT (LA-01) cannot fix Internet access'));
    expect(titles(api(rt).SLM_FINDINGS(...ranges, values(rt, 'Settings')))).toEqual([
      expect.stringMatching(/after 3 h of the school's own handling, its 4 h fix can take up to 7 h$/),
    ]);
    expect(titles(api(rt).SLM_FINDINGS(...ranges))).toEqual([expect.stringMatching(/after 1 h of the school's own handling, its 4 h fix can take up to 5 h$/)]);
  });

  test('the high priority rank changes the severity of a gap and who needs a representative', () => {
    const rt = exampleRuntime();
    // Email is ranked 3: high priority by default (its hours gap is Low: the users agreed an exception; its fix-time gap is not).
    expect(finding(rt, 'targetChain:SW-01:EMAIL')!.severity).toBe('high');
    setSetting(rt, 'High priority rank', 2);
    expect(finding(rt, 'targetChain:SW-01:EMAIL')!.severity).toBe('medium');
  });

  test('the review and renewal warnings change the daily digest and the findings', () => {
    const rt = exampleRuntime();
    const lines = (): string[] => (api(rt).previewDigest(iso)?.sections ?? []).flatMap((x: Section) => x.lines);
    // The example's ISP contract renews within the default 90 days (Check contracts says so).
    const isp = finding(rt, 'unknowns:renewal:ISP-01')!;
    const renewal = values(rt, 'Contracts').find((r) => r[0] === 'ISP-01')![values(rt, 'Contracts')[0].indexOf('Renewal')] as Date;
    const days = Math.ceil((renewal.getTime() - AT) / 86_400_000);
    expect(isp.evidence).toMatch(/^It renews within 90 days/);
    // A reminder comes on the day the window opens and weekly after: a window of exactly `days` opens today.
    const reminded = () => lines().some((l) => l.startsWith('ISP-01 ') && l.includes(`renews in ${days} days`));
    setSetting(rt, 'Renewal warning (days)', days);
    expect(reminded()).toBe(true);
    expect(finding(rt, 'unknowns:renewal:ISP-01')!.evidence).toMatch(
      new RegExp(`^It renews within ${days} days \\(Settings tab, "Renewal warning \\(days\\)"\\)\\.`),
    );
    // One day shorter: not yet in the window; six days longer: it opened six days ago (said then, and on any
    // closed day since, counted as the next open day's), so not again until tomorrow, a week after.
    setSetting(rt, 'Renewal warning (days)', days - 1);
    expect(reminded()).toBe(false);
    expect(finding(rt, 'unknowns:renewal:ISP-01')).toBeUndefined();
    setSetting(rt, 'Renewal warning (days)', days + 6);
    expect(reminded()).toBe(false);
    setSetting(rt, 'Renewal warning (days)', days + 7);
    expect(reminded()).toBe(true);
    // The review warning likewise: Internet access's review, on the day its window opens.
    const review = Number(/due in (\d+) days$/.exec(finding(rt, 'lifecycle:due:INTERNET')?.title ?? '')?.[1] ?? NaN);
    setSetting(rt, 'Review warning (days)', 400);
    const due = Number(/^Internet access: SLA review due in (\d+) days$/.exec(finding(rt, 'lifecycle:due:INTERNET')!.title)![1]);
    expect(Number.isNaN(review) || review === due).toBe(true);
    const reviewReminded = () => lines().some((l) => l.startsWith(`Internet access: SLA review due in ${due} days`));
    setSetting(rt, 'Review warning (days)', due);
    expect(reviewReminded()).toBe(true);
    setSetting(rt, 'Review warning (days)', due + 6);
    expect(reviewReminded()).toBe(false);
  });

  test('a bad value is named by tab, row and column, and the default is used and said', () => {
    const rt = exampleRuntime();
    const row = setSetting(rt, 'Review warning (days)', 'soon');
    setSetting(rt, 'Renewal warning (days)', 12.5);
    const problems = api(rt)
      .checkWorkbook()
      .filter((p: { tab: string }) => p.tab === 'Settings');
    expect(problems).toEqual([
      {
        tab: 'Settings',
        row,
        column: 'Value',
        value: 'soon',
        severity: 'error',
        message: '"soon" is not valid for "Review warning (days)": expected a whole number of days from 0 to 730. The default, 30, is used.',
      },
      expect.objectContaining({ row: row + 1, column: 'Value', value: '12.5', message: expect.stringMatching(/The default, 90, is used\.$/) }),
    ]);
    // The digest is the one the defaults give.
    expect(digestLines(rt)).toEqual(digestLines(exampleRuntime()));
    expect(digestTitles(rt).length).toBeGreaterThan(0);
  });

  test('a Value is read as strictly as a function argument: "0x1E" and "1e2" are refused, named by tab, row and column', () => {
    const rt = exampleRuntime();
    const hex = setSetting(rt, 'Review warning (days)', '0x1E');
    const exp = setSetting(rt, 'Renewal warning (days)', '1e2');
    const problems = api(rt)
      .checkWorkbook()
      .filter((p: { tab: string }) => p.tab === 'Settings');
    expect(
      problems.map((p: { row: number; column: string; value: string; message: string }) => [p.row, p.column, p.value, p.message.replace(/:.*/, '')]),
    ).toEqual([
      [hex, 'Value', '0x1E', '"0x1E" is not valid for "Review warning (days)"'],
      [exp, 'Value', '1e2', '"1e2" is not valid for "Renewal warning (days)"'],
    ]);
    expect(problems.map((p: { message: string }) => p.message.replace(/^.*\. /, ''))).toEqual(['The default, 30, is used.', 'The default, 90, is used.']);
  });

  test('a missing row or tab gives the defaults, and says so', () => {
    const rt = exampleRuntime();
    sheetOf(rt, 'Settings').deleteRows(5, 1);
    expect(api(rt).checkWorkbook()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          tab: 'Settings',
          row: 0,
          message: 'There is no "High priority rank" row, so its default, 3, is used. Run "Set up workbook" to add the row.',
        }),
      ]),
    );
    (rt.spreadsheet as unknown as Ss).deleteSheet(sheetOf(rt, 'Settings'));
    expect(api(rt).checkWorkbook()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          tab: 'Settings',
          row: 0,
          message: expect.stringMatching(/^The Settings tab is missing, so every setting has its default\./),
        }),
      ]),
    );
    expect(finding(rt, 'targetChain:SW-01:EMAIL')!.severity).toBe('high');
  });
});

describe('Set up workbook and the Settings tab', () => {
  test("adds only the rows that are missing, never overwriting a user's value or row", () => {
    const rt = exampleRuntime();
    const sheet = sheetOf(rt, 'Settings');
    setSetting(rt, 'School handling before a supplier (h)', '2');
    setSetting(rt, 'Review warning (days)', '');
    sheet.getRange(2, 3).setValue('Our own wording');
    sheet.getRange(7, 1, 1, 3).setValues([['Our own note', 'x', 'kept']]);
    sheet.deleteRows(4, 1); // Renewal warning (days)
    const before = values(rt, 'Settings');
    const report = api(rt).setUpWorkbook();
    expect(report.addedSettings).toEqual(['Renewal warning (days)']);
    const after = values(rt, 'Settings');
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((r) => [r[0], r[1]])).toEqual([['Renewal warning (days)', '90']]);
    // Twice changes nothing; the blank value is the default, and the user's own row is only warned about.
    expect(api(rt).setUpWorkbook().addedSettings).toEqual([]);
    expect(values(rt, 'Settings')).toEqual(after);
    expect(digestLines(rt)).toEqual(digestLines(exampleRuntime()));
    expect(
      api(rt)
        .checkWorkbook()
        .filter((p: { tab: string }) => p.tab === 'Settings'),
    ).toEqual([
      expect.objectContaining({
        row: 6,
        column: 'Setting',
        severity: 'warning',
        message: expect.stringMatching(/^"Our own note" is not a setting, so this row is not used\./),
      }),
    ]);
  });

  test("a Findings tab made before the Settings tab existed is given the Settings range; a formula of the user's own is left alone", () => {
    const rt = exampleRuntime();
    const cell = sheetOf(rt, 'Findings').getRange(4, 1);
    expect(cell.getFormula()).toMatch(/,SLM_Settings\)$/);
    const earlier = cell.getFormula().replace(',SLM_Settings)', ')');
    cell.setFormula(earlier);
    expect(api(rt).setUpWorkbook().repairedTabs).toContain('Findings');
    expect(cell.getFormula()).toBe(earlier.replace(/\)$/, ',SLM_Settings)'));
    const own = earlier.replace('SLM_People', 'SLM_People,C1');
    cell.setFormula(own);
    expect(api(rt).setUpWorkbook().repairedTabs).not.toContain('Findings');
    expect(cell.getFormula()).toBe(own);
  });

  test("a tab of the user's own already called Settings is left as it is", () => {
    const rt = loadedRuntime();
    const own = (rt.spreadsheet as unknown as Ss).insertSheet('Settings');
    own.getRange(1, 1, 2, 2).setValues([
      ['Printer', 'Room'],
      ['HP 400', 'L2'],
    ]);
    const report = api(rt).setUpWorkbook();
    expect(report.addedSettings).toEqual([]);
    expect(report.leftAlone).toEqual([expect.stringMatching(/^Settings: row 1 holds none of the tab's headers/)]);
    expect(values(rt, 'Settings')).toEqual([
      ['Printer', 'Room'],
      ['HP 400', 'L2'],
    ]);
  });

  test('on a new spreadsheet it writes the defaults and still offers the example school', () => {
    const rt = loadedRuntime();
    rt.ui.respond('NO');
    rt.global.menuSetUpWorkbook();
    expect(rt.ui.alerts[0].prompt).toMatch(/Added 5 settings with their defaults to the Settings tab\..*\n\nThe workbook is empty\./s);
    expect(values(rt, 'Settings')).toHaveLength(6);
  });
});
