import { workbookSchema } from '../../../src/core/schema/workbook';
import type { TabKey } from '../../../src/core/schema/types';
import { parseWorkbook, type WorkbookValues } from '../../../src/core/workbook/parseWorkbook';
import { missingSettingRows } from '../../../src/core/settings/parse';

const TZ = 'Europe/London';
const header = (tab: TabKey) => workbookSchema()[tab].columns.map((c) => c.header);
/** A row laid out under the schema's header, from a partial record of header → value. */
const row = (tab: TabKey, cells: Record<string, unknown>) => header(tab).map((h) => cells[h] ?? '');

function minimal(): WorkbookValues {
  return {
    services: [
      header('services'),
      row('services', { 'Service ID': 'EMAIL', Service: 'Email', 'Priority rank': 1, Status: 'Supported', 'Service hours': 'Mon-Fri 08:00-18:00' }),
    ],
    equipment: [header('equipment')],
    sla: [header('sla')],
    targets: [header('targets')],
    contracts: [header('contracts')],
    incidents: [header('incidents')],
    holds: [header('holds')],
    calendars: [header('calendars')],
    closures: [header('closures')],
    people: [header('people')],
    reviews: [header('reviews')],
    comments: [header('comments')],
    documents: [header('documents')],
    settings: [header('settings'), ...missingSettingRows([]).map((r) => [r.setting, r.value, r.meaning])],
  };
}

const incident = (cells: Record<string, unknown>) =>
  row('incidents', { Ref: 'INC1', 'Service ID': 'EMAIL', Type: 'Incident', Priority: 'High', Opened: new Date(Date.UTC(2025, 0, 6, 9)), ...cells });

describe('parseWorkbook', () => {
  test('a clean workbook has no problems and typed rows with sheet row numbers', () => {
    const values = minimal();
    values.incidents = [header('incidents'), incident({ Resolved: new Date(Date.UTC(2025, 0, 6, 11)), 'Service down': 'Yes' })];
    const { workbook, problems } = parseWorkbook(values, TZ);
    expect(problems).toEqual([]);
    expect(workbook.services[0]).toMatchObject({ serviceId: 'EMAIL', rank: 1, status: 'Supported', row: 2 });
    expect(workbook.incidents[0]).toMatchObject({ ref: 'INC1', resolved: Date.UTC(2025, 0, 6, 11), serviceDown: true, row: 2 });
  });

  test('columns are found by name: reordered and extra columns are fine', () => {
    const values = minimal();
    const h = header('services');
    const reordered = [...h].reverse();
    const map = Object.fromEntries(h.map((name, i) => [name, values.services![1][i]]));
    values.services = [
      ['My notes', ...reordered],
      ['keep me', ...reordered.map((name) => map[name])],
    ];
    const { workbook, problems } = parseWorkbook(values, TZ);
    expect(problems).toEqual([]);
    expect(workbook.services[0]).toMatchObject({ serviceId: 'EMAIL', name: 'Email', rank: 1 });
  });

  test('each problem names the tab, row, column and value, and bad rows are never fatal', () => {
    const values = minimal();
    values.incidents = [
      header('incidents'),
      incident({ Ref: 'INC1', Resolved: new Date(Date.UTC(2025, 0, 5, 9)) }),
      incident({ Ref: 'INC1' }),
      incident({ Ref: 'INC3', Opened: 'yesterday' }),
      incident({ Ref: 'INC4', 'Service ID': 'NOPE' }),
      incident({ Ref: 'INC5', 'On hold (h)': -2 }),
    ];
    values.sla = [header('sla'), row('sla', { 'Service ID': 'EMAIL', 'SLA status': 'Agreed', 'Availability target %': 140 })];
    values.services = [
      ...values.services!,
      row('services', { 'Service ID': 'PRINT', Service: 'Printing', 'Priority rank': 2, Status: 'Supported', 'Service hours': 'Mon-Fry 8-6' }),
    ];
    const { workbook, problems } = parseWorkbook(values, TZ);
    const find = (tab: string, r: number, column: string) => problems.find((p) => p.tab === tab && p.row === r && p.column === column);
    expect(find('Incidents', 2, 'Resolved')?.message).toMatch(/before Opened/);
    expect(find('Incidents', 3, 'Ref')?.message).toMatch(/already used on row 2/);
    expect(find('Incidents', 4, 'Opened')).toMatchObject({ value: 'yesterday', severity: 'error' });
    expect(find('Incidents', 5, 'Service ID')).toMatchObject({ value: 'NOPE', severity: 'warning' });
    expect(find('Incidents', 6, 'On hold (h)')?.message).toMatch(/0 or more/);
    expect(find('SLA', 2, 'Availability target %')?.message).toMatch(/0 to 100/);
    expect(find('Services', 3, 'Service hours')?.message).toMatch(/Mon-Fry 8-6/);
    // An incident with any unreadable cell, or times that run backwards, is left out of the figures and said so.
    expect(workbook.incidents.map((i) => i.ref)).toEqual(['INC1', 'INC4']);
    for (const [r, column] of [
      [2, 'Resolved'],
      [4, 'Opened'],
      [6, 'On hold (h)'],
    ] as const)
      expect(find('Incidents', r, column)?.message).toMatch(/The row is left out of the figures\.$/);
  });

  test('blank rows are skipped and required blanks are reported', () => {
    const values = minimal();
    values.incidents = [header('incidents'), header('incidents').map(() => ''), incident({ Priority: '' })];
    const { problems } = parseWorkbook(values, TZ);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      tab: 'Incidents',
      row: 3,
      column: 'Priority',
      message: 'Priority is required but blank. The row counts only for availability (its outage), not for response, fix or supplier figures.',
    });
  });

  test('missing tabs and columns are reported, not fatal', () => {
    const values = minimal();
    delete values.reviews;
    values.targets = [header('targets').filter((h) => h !== 'Type')];
    const { problems } = parseWorkbook(values, TZ);
    expect(problems).toContainEqual(expect.objectContaining({ tab: 'Reviews', row: 0, message: expect.stringMatching(/Set up workbook/) }));
    expect(problems).toContainEqual(expect.objectContaining({ tab: 'Targets', row: 1, column: 'Type', severity: 'error' }));
  });

  test('hours may name a calendar; a calendar with a bad zone or bad hours is reported', () => {
    const values = minimal();
    values.services = [
      values.services![0],
      row('services', { 'Service ID': 'EMAIL', Service: 'Email', 'Priority rank': 1, Status: 'Supported', 'Service hours': 'school day' }),
    ];
    values.calendars = [
      header('calendars'),
      row('calendars', { Calendar: 'School day', Hours: 'Mon-Fri 08:00-18:00', 'Time zone': 'Europe/London' }),
      row('calendars', { Calendar: 'Night', Hours: 'whenever', 'Time zone': 'Mars/Olympus' }),
    ];
    const { problems } = parseWorkbook(values, TZ);
    expect(problems.map((p) => [p.tab, p.row, p.column])).toEqual([
      ['Calendars', 3, 'Time zone'],
      ['Calendars', 3, 'Hours'],
    ]);
  });

  test('closures ending before they start, and references to unknown calendars, are reported', () => {
    const values = minimal();
    values.closures = [header('closures'), row('closures', { Calendar: 'Term', From: new Date(Date.UTC(2025, 1, 20)), To: new Date(Date.UTC(2025, 1, 14)) })];
    const { problems } = parseWorkbook(values, TZ);
    expect(problems.map((p) => p.column).sort()).toEqual(['Calendar', 'To']);
  });
});
