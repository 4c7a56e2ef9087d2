/** The Sheets advanced service's values.batchUpdate, as the REST reference describes it (offline/sheetsAdvanced.ts). */
import { createOfflineRuntime } from '../../offline';

function runtime() {
  const rt = createOfflineRuntime({ timeZone: 'Europe/London' });
  const ss = rt.spreadsheet;
  const sheet = ss.getSheets()[0];
  sheet.setName('Log');
  return { rt, ss, sheet, values: rt.services.Sheets.Spreadsheets.Values };
}

describe('Sheets.Spreadsheets.Values.batchUpdate', () => {
  test('RAW stores text as given, even a formula or a date; USER_ENTERED reads it as typed, dates in the spreadsheet zone with their milliseconds', () => {
    const { ss, sheet, values } = runtime();
    values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: "'Log'!A1:C1", values: [['=1+1', '2026-07-01 09:30:00', 7]] }] }, ss.getId());
    values.batchUpdate(
      { valueInputOption: 'USER_ENTERED', data: [{ range: "'Log'!A2:C2", values: [['=1+1', '2026-07-01 09:30:00.250', 'TRUE']] }] },
      ss.getId(),
    );
    const got = sheet.getRange(1, 1, 2, 3).getValues();
    expect(got[0]).toEqual(['=1+1', '2026-07-01 09:30:00', 7]);
    expect(sheet.getRange(1, 1).getFormula()).toBe('');
    expect(sheet.getRange(2, 1).getFormula()).toBe('=1+1');
    expect((got[1][1] as Date).getTime()).toBe(Date.UTC(2026, 6, 1, 8, 30, 0, 250));
    expect(got[1][2]).toBe(true);
  });

  test('null leaves a cell as it is and "" empties it; the answer counts what was written', () => {
    const { ss, sheet, values } = runtime();
    sheet.getRange(1, 1, 1, 3).setValues([['keep', 'clear', 'old']]);
    const answer = values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: 'Log!A1:C1', values: [[null, '', 'new']] }] }, ss.getId());
    expect(sheet.getRange(1, 1, 1, 3).getValues()).toEqual([['keep', '', 'new']]);
    expect(answer).toMatchObject({ spreadsheetId: ss.getId(), totalUpdatedCells: 2, totalUpdatedRows: 1, totalUpdatedColumns: 2, totalUpdatedSheets: 1 });
  });

  test('columns given as COLUMNS are written down the range', () => {
    const { ss, sheet, values } = runtime();
    values.batchUpdate(
      {
        valueInputOption: 'RAW',
        data: [
          {
            range: 'Log!A1:B2',
            majorDimension: 'COLUMNS',
            values: [
              ['a', 'b'],
              ['c', 'd'],
            ],
          },
        ],
      },
      ss.getId(),
    );
    expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
  });

  test('a bad range, values past the range, a missing option or spreadsheet are refused, and nothing of the request is written', () => {
    const { rt, ss, sheet, values } = runtime();
    const good = { range: 'Log!A1', values: [['written?']] };
    const refused = (resource: unknown, id = ss.getId()) =>
      expect(() => values.batchUpdate(resource as never, id)).toThrow(/^API call to sheets\.spreadsheets\.values\.batchUpdate failed/);
    refused({ valueInputOption: 'RAW', data: [good, { range: 'Nowhere!A1', values: [['x']] }] });
    refused({ valueInputOption: 'RAW', data: [good, { range: 'Log!A1:A1', values: [['x', 'y']] }] });
    refused({ valueInputOption: 'RAW', data: [good, { range: 'Log!A1', values: [[{ not: 'a value' }]] }] });
    refused({ data: [good] });
    refused({ valueInputOption: 'RAW', data: [good] }, 'no-such-spreadsheet');
    expect(sheet.getRange(1, 1).getValue()).toBe('');
    expect(rt.calls.count('Sheets.Spreadsheets.Values.batchUpdate')).toBe(5);
  });
});

describe('a date-time typed in the spreadsheet zone (USER_ENTERED, setValue)', () => {
  test("in the hour the clocks go back it is the earlier of the two instants, as the add-in's own reading of local times; in the skipped hour, the one after the change", () => {
    const { ss, sheet, values } = runtime();
    values.batchUpdate(
      { valueInputOption: 'USER_ENTERED', data: [{ range: 'Log!A1:B1', values: [['2025-10-26 01:20:00', '2026-03-29 01:30:00']] }] },
      ss.getId(),
    );
    const [repeated, skipped] = sheet.getRange(1, 1, 1, 2).getValues()[0] as Date[];
    expect(repeated.toISOString()).toBe('2025-10-26T00:20:00.000Z');
    expect(skipped.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});
