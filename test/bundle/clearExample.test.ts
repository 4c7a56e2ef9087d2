/** Clear example school on the built bundle: exactly the example's rows go, everything the school typed stays. */
import { tabDef } from '../../src/core/schema/workbook';
import { EXAMPLE_ROWS_TAB } from '../../src/core/example/clear';
import { exampleRuntime } from '../support/offline';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

const rowsOf = (ss: Ss, tab: string) =>
  ss
    .getSheetByName(tab)!
    .getDataRange()
    .getValues()
    .slice(1)
    .filter((r) => r.some((v) => v !== ''));
const column = (ss: Ss, tab: string, header: string) => {
  const values = ss.getSheetByName(tab)!.getDataRange().getValues();
  const at = values[0].indexOf(header);
  return values
    .slice(1)
    .map((r) => r[at])
    .filter((v) => v !== '');
};

/** Appends one row by header, as a person typing it would. */
function typeRow(ss: Ss, tab: string, cells: Record<string, unknown>): number {
  const sheet = ss.getSheetByName(tab)!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const row = sheet.getLastRow() + 1;
  sheet.getRange(row, 1, 1, header.length).setValues([header.map((h) => cells[String(h)] ?? '')]);
  return row;
}

describe('Clear example school', () => {
  test("removes every example row and keeps the school's own service and incident, after asking with the list", () => {
    const rt = exampleRuntime();
    const ss = rt.spreadsheet as unknown as Ss;
    const services = tabDef('services').name;
    const incidents = tabDef('incidents').name;
    expect(ss.getSheetByName(EXAMPLE_ROWS_TAB)?.isSheetHidden()).toBe(true);
    const exampleIncidents = rowsOf(ss, incidents).length;
    expect(exampleIncidents).toBeGreaterThan(100);
    // The school's own service, and an incident on an example service (Printing), typed by hand.
    typeRow(ss, services, { 'Service ID': 'LIBRARY', Service: 'Library system', 'Priority rank': 10, Status: 'Supported' });
    const ownRow = typeRow(ss, incidents, {
      Ref: 'OWN-1',
      'Service ID': 'PRINT',
      Type: 'Incident',
      Priority: 'High',
      Summary: 'Library printer jams',
      Opened: new Date('2026-11-30T09:00:00Z'),
    });
    // An example row the school corrected stays too: it holds something the school typed.
    const summaryCol = ss.getSheetByName(incidents)!.getDataRange().getValues()[0].indexOf('Summary') + 1;
    ss.getSheetByName(incidents)!.getRange(2, summaryCol).setValue('Corrected by the school');

    rt.ui.respond('YES');
    rt.global.menuClearExample();
    const [ask, done] = rt.ui.alerts;
    expect(ask.prompt).toMatch(/This removes the \d+ rows the example school added: Services 9, Equipment \d+/);
    expect(ask.prompt).toContain(`Incidents row ${ownRow} (PRINT)`);
    expect(ask.prompt).toContain('Incidents row 2 (');
    expect(done.prompt).toMatch(/^Removed \d+ example rows/);

    expect(column(ss, services, 'Service ID')).toEqual(['LIBRARY']);
    expect(column(ss, incidents, 'Ref')).toHaveLength(2);
    expect(column(ss, incidents, 'Summary').sort()).toEqual(['Corrected by the school', 'Library printer jams']);
    for (const key of ['equipment', 'sla', 'targets', 'contracts', 'calendars', 'closures', 'people', 'reviews'] as const) {
      expect([key, rowsOf(ss, tabDef(key).name).length]).toEqual([key, 0]);
    }
    // The school's assumptions stay, and the record of the example goes.
    expect(rowsOf(ss, tabDef('settings').name).length).toBeGreaterThan(0);
    expect(ss.getSheetByName(EXAMPLE_ROWS_TAB)).toBeNull();
    // The workbook still reads: Check workbook names the school's service ID that now has no SLA, nothing breaks.
    expect(() => rt.global.checkWorkbook()).not.toThrow();
  });

  test('answering No removes nothing; a workbook with no record says so and removes nothing', () => {
    const rt = exampleRuntime();
    const ss = rt.spreadsheet as unknown as Ss;
    const before = rowsOf(ss, 'Incidents').length;
    rt.ui.respond('NO');
    rt.global.menuClearExample();
    expect(rowsOf(ss, 'Incidents')).toHaveLength(before);
    ss.deleteSheet(ss.getSheetByName(EXAMPLE_ROWS_TAB)!);
    rt.global.menuClearExample();
    expect(rt.ui.alerts.at(-1)!.prompt).toMatch(/holds no record of the example school/);
    expect(rowsOf(ss, 'Incidents')).toHaveLength(before);
  });
});
