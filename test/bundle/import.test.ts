import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { exampleRuntime, workbookState } from '../support/offline';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
const sample = (name: string) => readFileSync(path.join(__dirname, '..', 'import', 'samples', name), 'utf8');

/** The Incidents rows whose Ref starts with `prefix`, as header → display text. */
function rowsOf(rt: ReturnType<typeof exampleRuntime>, prefix: string): Array<Record<string, string>> {
  const sheet = (rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')!;
  const [header, ...rows] = sheet.getDataRange().getDisplayValues();
  return rows.filter((r) => r[0].startsWith(prefix)).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const PRESETS = [
  { file: 'osticket.csv', preset: 'osticket', prefix: 'OST-', added: 5, skipped: 1 },
  { file: 'glpi.csv', preset: 'glpi', prefix: 'GLPI-', added: 5, skipped: 0 },
  { file: 'freshdesk.csv', preset: 'freshdesk', prefix: 'FD-', added: 4, skipped: 1 },
  { file: 'zammad.csv', preset: 'zammad', prefix: 'ZM-', added: 3, skipped: 1 },
];

describe('Import incidents, on the built bundle', () => {
  test.each(PRESETS)(
    '$preset: detected, previewed without a write, imported, and a second import changes nothing',
    ({ file, preset, prefix, added, skipped }) => {
      const rt = exampleRuntime();
      const text = sample(file);
      const before = workbookState(rt);
      const preview = rt.global.previewImport(text, null);
      expect(preview.source.preset).toBe(preset);
      expect(preview.error).toBeUndefined();
      expect([preview.added, preview.skippedCount]).toEqual([added, skipped]);
      expect(workbookState(rt)).toEqual(before);
      expect(rt.calls.count('Range.setValues') + rt.calls.count('Sheets.Spreadsheets.Values.batchUpdate')).toBe(0);

      rt.calls.reset();
      const first = rt.global.importIncidents(text, null);
      expect(first).toMatchObject({ added, updated: 0, unchanged: 0 });
      expect(first.skipped).toHaveLength(skipped);
      // One block of new rows on Incidents, one on the import's hidden memory: each written in at most two Sheets
      // API calls (its text as given, the rest as typed), never a call per cell or row.
      expect(rt.calls.count('Range.setValues')).toBe(0);
      expect(rt.calls.count('Sheets.Spreadsheets.Values.batchUpdate')).toBeGreaterThanOrEqual(2);
      expect(rt.calls.count('Sheets.Spreadsheets.Values.batchUpdate')).toBeLessThanOrEqual(4);
      expect(rt.calls.count('Range.getValues')).toBeLessThanOrEqual(2);
      expect(rowsOf(rt, prefix)).toHaveLength(added);

      const afterFirst = workbookState(rt);
      rt.calls.reset();
      const second = rt.global.importIncidents(text, null);
      expect(second).toMatchObject({ added: 0, updated: 0, unchanged: added });
      expect(rt.calls.count('Range.setValues') + rt.calls.count('Sheets.Spreadsheets.Values.batchUpdate')).toBe(0);
      expect(workbookState(rt)).toEqual(afterFirst);
    },
  );

  test('an export with no first-response time is imported with Responded blank, and the preview says how its response targets are judged', () => {
    const rt = exampleRuntime();
    const preview = rt.global.previewImport(sample('osticket.csv'), null);
    expect(preview.columns.find((c: { field: string }) => c.field === 'responded').header).toBeNull();
    expect(preview.warnings).toEqual([
      expect.stringMatching(
        /^This export has no first-response time: its calls are judged on their fix times only, and their response targets are not judged .*choose it for Responded below/,
      ),
    ]);
    rt.global.importIncidents(sample('osticket.csv'), null);
    expect(rowsOf(rt, 'OST-').map((r) => r.Responded)).toEqual(['', '', '', '', '']);
    // Exports with a first-response column fill Responded and warn of nothing.
    for (const file of ['freshdesk.csv', 'zammad.csv']) {
      const other = exampleRuntime();
      expect({ file, warnings: other.global.previewImport(sample(file), null).warnings }).toEqual({ file, warnings: [] });
    }
  });

  test('osTicket: columns, words and times land as ours; an unknown help topic is skipped with its line', () => {
    const rt = exampleRuntime();
    const result = rt.global.importIncidents(sample('osticket.csv'), null);
    expect(result.skipped).toEqual([{ line: 7, reason: expect.stringContaining('"General Inquiry" is not matched to a service') }]);
    const [printer, email, wifi, register] = rowsOf(rt, 'OST-');
    expect(printer).toMatchObject({
      Ref: 'OST-482913',
      'Service ID': 'PRINT',
      Type: 'Incident',
      Priority: 'High',
      Opened: '2026-11-02 08:41',
      Resolved: '2026-11-02 11:05',
    });
    expect(email).toMatchObject({ 'Service ID': 'EMAIL', Priority: 'Medium', Summary: 'Cannot send email with attachments, says "quota"' });
    expect(wifi).toMatchObject({ 'Service ID': 'INTERNET', Priority: 'Critical' });
    expect(register).toMatchObject({ 'Service ID': 'MIS', Resolved: '' });
  });

  test('GLPI: semicolons, day-first dates read from the file, categories by their last level, Request type', () => {
    const rt = exampleRuntime();
    const preview = rt.global.previewImport(sample('glpi.csv'), null);
    expect(preview.dates).toMatchObject({ order: 'dmy', from: 'file' });
    rt.global.importIncidents(sample('glpi.csv'), null);
    const rows = rowsOf(rt, 'GLPI-');
    expect(rows.map((r) => [r.Ref, r['Service ID'], r.Type, r.Priority, r.Opened, r.Resolved])).toEqual([
      ['GLPI-1041', 'PRINT', 'Incident', 'High', '2026-11-02 08:30', '2026-11-03 15:40'],
      ['GLPI-1042', 'EMAIL', 'Incident', 'Medium', '2026-11-03 14:02', '2026-11-03 16:45'],
      ['GLPI-1043', 'EMAIL', 'Request', 'Low', '2026-11-13 10:15', ''],
      ['GLPI-1044', 'INTERNET', 'Incident', 'Critical', '2026-11-16 08:05', '2026-11-16 10:35'],
      ['GLPI-1045', 'STORAGE', 'Incident', 'Critical', '2026-11-16 13:20', ''],
    ]);
  });

  test('Freshdesk: BOM, CRLF and a line break inside a quoted field; an unmatched group is mapped by the user and saved', () => {
    const rt = exampleRuntime();
    const preview = rt.global.previewImport(sample('freshdesk.csv'), null);
    expect(preview.header[0]).toBe('Ticket Id');
    expect(preview.skipped).toEqual([{ line: 7, reason: expect.stringContaining('"Network" is not matched') }]);
    expect(preview.values.services).toContainEqual({ value: 'Network', mapped: null, rows: 1 });
    const result = rt.global.importIncidents(sample('freshdesk.csv'), { services: { Network: 'INTERNET' } });
    expect(result).toMatchObject({ added: 5, skipped: [] });
    const rows = rowsOf(rt, 'FD-');
    expect(rows[0]).toMatchObject({ Ref: 'FD-201', Responded: '2026-11-09 08:40', Resolved: '2026-11-09 13:02' });
    expect(rows.map((r) => r.Type)).toEqual(['Incident', 'Incident', 'Request', 'Incident', 'Incident']);
    // The mapping is saved: next time the same file needs no choices.
    const again = rt.global.previewImport(sample('freshdesk.csv'), null);
    expect([again.added, again.unchanged, again.skippedCount]).toEqual([0, 5, 0]);
  });

  test('Zammad: tabs, "2 normal" priorities, a merged ticket left out, pending close resolved at its last update', () => {
    const rt = exampleRuntime();
    const result = rt.global.importIncidents(sample('zammad.csv'), null);
    expect(result.skipped).toEqual([{ line: 5, reason: expect.stringContaining('merged') }]);
    expect(rowsOf(rt, 'ZM-').map((r) => [r.Ref, r.Priority, r.Responded, r.Resolved])).toEqual([
      ['ZM-31001', 'High', '2026-11-16 08:31', '2026-11-16 09:55'],
      ['ZM-31002', 'Medium', '2026-11-17 09:00', ''],
      ['ZM-31003', 'Low', '2026-11-17 11:00', '2026-11-17 15:00'],
    ]);
  });

  test("a later export updates rows in place, adds the new one, and keeps the user's own columns and cells", () => {
    const rt = exampleRuntime();
    rt.global.importIncidents(sample('osticket.csv'), null);
    const sheet = (rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')!;
    const width = sheet.getLastColumn();
    sheet.getRange(1, width + 1).setValue('Notes');
    const header = sheet.getRange(1, 1, 1, width + 1).getValues()[0];
    const refs = sheet
      .getRange(1, 1, sheet.getLastRow(), 1)
      .getValues()
      .map((r) => r[0]);
    const row = refs.indexOf('OST-482916') + 1;
    sheet.getRange(row, width + 1).setValue('Called the MIS supplier');
    sheet.getRange(row, header.indexOf('On hold (h)') + 1).setValue(2);
    const lastBefore = sheet.getLastRow();

    const result = rt.global.importIncidents(sample('osticket-later.csv'), null);
    expect(result).toMatchObject({ added: 1, updated: 1, unchanged: 4 });
    expect(sheet.getLastRow()).toBe(lastBefore + 1);
    const updated = rowsOf(rt, 'OST-').find((r) => r.Ref === 'OST-482916')!;
    expect(updated).toMatchObject({ Priority: 'Critical', Resolved: '2026-11-06 14:10', 'On hold (h)': '2', Notes: 'Called the MIS supplier' });
    expect(sheet.getRange(row, 1).getValue()).toBe('OST-482916');
  });

  test('bad input: empty, header only, not UTF-8, no usable columns, duplicate Refs, dates both ways; nothing is written', () => {
    const rt = exampleRuntime();
    const before = workbookState(rt);
    const error = (text: string) => rt.global.previewImport(text, null).error;
    expect(() => rt.global.previewImport('', null)).toThrow(/Choose a CSV file/);
    expect(error('\n')).toMatch(/empty/);
    expect(error('Ticket Number,Date Created,Subject\n')).toMatch(/no tickets/);
    expect(() => rt.global.previewImport('Ticket\u0000 Id,Subject\n', null)).toThrow(/not UTF-8/);
    expect(error('Colour,Shape\nred,round\n')).toMatch(/No column was found for Ref.*Opened/);
    expect(error('Ref,Service ID,Priority,Opened\nA1,EMAIL,High,13/01/2026 09:00\nA2,EMAIL,High,01/13/2026 09:00\n')).toMatch(
      /day first and others only month first/,
    );
    const dup = rt.global.previewImport('Ref,Service ID,Priority,Opened\nA1,EMAIL,High,2026-01-05 09:00\nA1,EMAIL,Low,2026-01-06 09:00\n', null);
    expect(dup.skipped).toEqual([{ line: 3, reason: expect.stringContaining('twice (first on line 2)') }]);
    expect(() => rt.global.importIncidents('Colour,Shape\nred,round\n', null)).toThrow(/No column was found/);
    expect(() => rt.global.importIncidents('x', { fileId: 42 })).toThrow(/^options: expected the import choices the panel sends/);
    expect(workbookState(rt)).toEqual(before);
  });

  test('text that looks like a formula or a number is written as text, never read as one', () => {
    const rt = exampleRuntime();
    const csv =
      'Ref,Service ID,Priority,Opened,Summary\n00123,EMAIL,High,2026-01-05 09:00,"=1+1 is not a sum"\nA2,EMAIL,High,2026-01-05 09:00,- printer offline\n';
    rt.global.importIncidents(csv, null);
    const sheet = (rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')!;
    const [header, ...rows] = sheet.getDataRange().getValues();
    const at = (h: string) => header.indexOf(h);
    expect(rows.slice(-2).map((r) => [r[at('Ref')], r[at('Summary')]])).toEqual([
      ['00123', '=1+1 is not a sum'],
      ['A2', '- printer offline'],
    ]);
    expect(sheet.getRange(sheet.getLastRow() - 1, at('Summary') + 1).getFormula()).toBe('');
    // Importing again finds every cell as it was written.
    expect(rt.global.importIncidents(csv, null)).toMatchObject({ unchanged: 2, updated: 0 });
  });

  test('dates that read both ways follow the spreadsheet locale and the preview says so; a choice overrides it', () => {
    const rt = exampleRuntime();
    const text = 'Ref,Service ID,Priority,Opened\nA1,EMAIL,High,03/04/2026 09:00\n';
    const preview = rt.global.previewImport(text, null);
    expect(preview.dates).toMatchObject({ order: 'dmy', from: 'locale' });
    expect(preview.dates.text).toMatch(/either way.*en_GB/);
    expect(preview.sample[0].Opened).toBe('2026-04-03 09:00');
    const chosen = rt.global.previewImport(text, { dateOrder: 'mdy' });
    expect(chosen.sample[0].Opened).toBe('2026-03-04 09:00');
    (rt.spreadsheet as unknown as { locale: string }).locale = 'en_US';
    expect(rt.global.previewImport(text, null).dates).toMatchObject({ order: 'mdy', from: 'locale' });
  });

  test('the menu item opens the panel at Import incidents; a file over 10 MB is refused before it is read', () => {
    const rt = exampleRuntime();
    rt.global.menuImportIncidents();
    const sidebar = rt.ui.sidebar()!;
    expect(sidebar.content).toContain('id="import-section"');
    expect(sidebar.content).toMatch(/getElementById\("import-section"\);if\(s\)\{s\.open=true/);
    const big = rt.services.DriveApp.createFile('all-tickets.csv', `Ticket Id,Subject\n${'1,x\n'.repeat(13_500_000)}`, 'text/csv');
    rt.calls.reset();
    expect(() => rt.global.previewImport(null, { fileId: big.getId() })).toThrow(
      /The file is 51\.\d MB; an import reads at most 10 MB \(10,485,760 bytes\)\. Export a shorter period/,
    );
    expect(rt.calls.count('Blob.getDataAsString') + rt.calls.count('File.getBlob')).toBe(0);
  });

  test('a CSV file from Drive and a tab made with File > Import give the same rows', () => {
    const rt = exampleRuntime();
    const file = rt.services.DriveApp.createFile('glpi.csv', sample('glpi.csv'), 'text/csv');
    expect(rt.global.listImportFiles()).toEqual([{ id: file.getId(), name: 'glpi.csv' }]);
    expect(rt.global.importIncidents(null, { fileId: file.getUrl() })).toMatchObject({ added: 5 });
    const ss = rt.spreadsheet as unknown as Ss;
    const tab = ss.insertSheet('GLPI export');
    const rows = readFileSync(path.join(__dirname, '..', 'import', 'samples', 'glpi.csv'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(';').map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"')));
    tab.getRange(1, 1, rows.length, rows[0].length).setNumberFormat('@').setValues(rows);
    expect(rt.global.importIncidents(null, { tab: 'GLPI export' })).toMatchObject({ added: 0, unchanged: 5 });
  });
});
