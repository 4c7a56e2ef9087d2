import { CallCounter, FakeSpreadsheet, newEnv } from '../../offline';

const make = (tz = 'Europe/London') => {
  const env = newEnv({ calls: new CallCounter(), timeZone: tz });
  const ss = new FakeSpreadsheet(env, 'Test');
  return { env, ss, sheet: ss.insertSheet('Data') };
};

describe('ranges are 1-based with Sheets errors', () => {
  it('maps row/column to A1 and back', () => {
    const { sheet } = make();
    const r = sheet.getRange(2, 3, 4, 2);
    expect(r.getA1Notation()).toBe('C2:D5');
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 3, 4, 2]);
    expect(sheet.getRange('B1').getA1Notation()).toBe('B1');
    expect(sheet.getRange('A2:B3').getNumRows()).toBe(2);
    expect(sheet.getRange('C:C').getNumRows()).toBe(1000);
    expect(sheet.getRange('2:2').getNumColumns()).toBe(26);
    expect(sheet.getRange(1, 1).offset(1, 2).getA1Notation()).toBe('C2');
  });

  it("rejects zero and out-of-range coordinates with Google's messages", () => {
    const { sheet } = make();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });
});

describe('values', () => {
  it('returns numbers, booleans, "" for blanks and Dates', () => {
    const { sheet } = make();
    const when = new Date(Date.UTC(2024, 8, 2, 8, 0));
    sheet.getRange(1, 1, 2, 3).setValues([
      [1.5, true, 'text'],
      [when, null, ''],
    ]);
    const v = sheet.getRange(1, 1, 3, 3).getValues();
    expect(v[0]).toEqual([1.5, true, 'text']);
    expect(Object.prototype.toString.call(v[1][0])).toBe('[object Date]');
    expect(v[1][0].getTime()).toBe(when.getTime());
    expect(v[1][0]).not.toBe(when);
    expect(v[1].slice(1)).toEqual(['', '']);
    expect(v[2]).toEqual(['', '', '']);
  });

  it("throws Google's messages for a wrong shape", () => {
    const { sheet } = make();
    expect(() =>
      sheet.getRange(1, 1, 3, 2).setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.');
    expect(() =>
      sheet.getRange(1, 1, 2, 3).setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.');
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([1, 2] as unknown as unknown[][])).toThrow(
      "The parameters (Object[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  it('parses text like a user typing, unless the cell is plain text (@)', () => {
    const { sheet } = make();
    sheet.getRange('A1:F1').setValues([['42', '1,234.5', '12%', 'TRUE', '2024-03-01', "'007"]]);
    const [row] = sheet.getRange('A1:F1').getValues();
    expect(row.slice(0, 4)).toEqual([42, 1234.5, 0.12, true]);
    expect(Object.prototype.toString.call(row[4])).toBe('[object Date]');
    expect(row[4].toISOString()).toBe('2024-03-01T00:00:00.000Z'); // midnight in London (GMT in March)
    expect(row[5]).toBe('007');
    sheet
      .getRange('A2:B2')
      .setNumberFormat('@')
      .setValues([['42', '=1+1']]);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['42', '=1+1']]);
    expect(sheet.getRange('A2:B2').getFormulas()).toEqual([['', '']]);
  });

  it('stores strings starting with = as formulas; value "" until a result is supplied', () => {
    const { ss, sheet } = make();
    sheet.getRange('A1:B1').setValues([['=SUM(C1:C3)', 'plain']]);
    sheet.getRange('A2').setValue('=NOW()');
    expect(sheet.getRange('A1:B2').getFormulas()).toEqual([
      ['=SUM(C1:C3)', ''],
      ['=NOW()', ''],
    ]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', 'plain']]);
    expect(sheet.getLastRow()).toBe(2);
    ss.sheet('Data').setComputedValue(1, 1, 6);
    expect(sheet.getRange('A1').getValue()).toBe(6);
    ss.setFormulaEvaluator((f) => (f === '=2*21' ? 42 : undefined));
    sheet.getRange('C1').setFormula('=2*21');
    expect(sheet.getRange('C1').getValue()).toBe(42);
    sheet.getRange('A1').setValue('x');
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  it('formats display values', () => {
    const { sheet } = make();
    sheet.getRange('A1:D1').setValues([[0.953, 1234.5, new Date(Date.UTC(2024, 6, 1, 7, 5)), true]]);
    sheet.getRange('A1').setNumberFormat('0.0%');
    sheet.getRange('B1').setNumberFormat('#,##0.00');
    sheet.getRange('C1').setNumberFormat('dd/mm/yyyy hh:mm');
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['95.3%', '1,234.50', '01/07/2024 08:05', 'TRUE']]);
    expect(sheet.getRange('A1:D1').getNumberFormats()).toEqual([['0.0%', '#,##0.00', 'dd/mm/yyyy hh:mm', '']]);
  });

  it('"#" places drop insignificant zeros and keep the point, as Sheets does', () => {
    const { sheet } = make();
    sheet
      .getRange('A1:D1')
      .setValues([[4, 0.25, 1.5, 2.345]])
      .setNumberFormat('0.##');
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['4.', '0.25', '1.5', '2.35']]);
    sheet.getRange('A2:B2').setValues([[4, 0.25]]);
    expect(sheet.getRange('A2:B2').getDisplayValues()).toEqual([['4', '0.25']]);
  });
});

describe('sheets', () => {
  it("refuses a duplicate name with Google's message, case-insensitively", () => {
    const { ss } = make();
    expect(() => ss.insertSheet('Data')).toThrow('A sheet with the name "Data" already exists. Please enter another name.');
    expect(() => ss.insertSheet('DATA')).toThrow('A sheet with the name "DATA" already exists. Please enter another name.');
    const other = ss.insertSheet('Other', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Other', 'Sheet1', 'Data']);
    expect(() => other.setName('sheet1')).toThrow('A sheet with the name "sheet1" already exists.');
    expect(ss.getActiveSheet().getName()).toBe('Other');
    expect(ss.getSheetByName('data')?.getName()).toBe('Data');
    expect(ss.getSheetByName('Nope')).toBeNull();
  });

  it('renaming a tab keeps its named ranges and rewrites the formulas that refer to it, as Sheets does', () => {
    const { ss, sheet } = make();
    const other = ss.insertSheet('Sums');
    ss.setNamedRange('SLM_Data', sheet.getRange('A:C'));
    other.getRange('A1:A3').setFormulas([['=Data!A2'], ["=SUM('Data'!B:B)+Database!A1"], ['=SLM_Data']]);
    sheet.getRange('B1').setFormula('=A1');
    sheet.setName('Incident log');
    expect(other.getRange('A1:A3').getFormulas()).toEqual([["='Incident log'!A2"], ["=SUM('Incident log'!B:B)+Database!A1"], ['=SLM_Data']]);
    expect(sheet.getRange('B1').getFormula()).toBe('=A1');
    expect(ss.getRangeByName('SLM_Data')!.getSheet().getName()).toBe('Incident log');
    sheet.setName('Incidents');
    expect(other.getRange('A1').getFormula()).toBe('=Incidents!A2');
  });

  it('deletes sheets but never the last one', () => {
    const { ss, sheet } = make();
    ss.deleteSheet(sheet);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow("You can't remove all the sheets in a document.");
  });

  it('grows when appending past the edge; inserts shift cells', () => {
    const { sheet } = make();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['a', 'b']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1, 1, 2).getValues()).toEqual([['a', 'b']]);
    sheet.appendRow(new Array(30).fill(1));
    expect(sheet.getMaxColumns()).toBe(30);
    sheet.getRange('A1:C1').setValues([['x', 'y', 'z']]);
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['x', '', '', 'y', 'z']]);
    expect(sheet.getMaxColumns()).toBe(32);
    sheet.insertColumnAfter(5);
    expect(sheet.getMaxColumns()).toBe(33);
    sheet.insertRowsAfter(1, 3);
    expect(sheet.getMaxRows()).toBe(1005);
    expect(sheet.getRange(1005, 1).getValue()).toBe(1);
  });

  it('reports last row/column and the data range', () => {
    const { sheet } = make();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('B2:C4').setValues([
      [1, 2],
      [3, ''],
      ['', ''],
    ]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C3');
    sheet.getRange('B2:C3').clearContent();
    expect(sheet.getLastRow()).toBe(0);
  });

  it('records frozen rows, widths, tab colour, hiding and protections', () => {
    const { ss, sheet, env } = make();
    expect(sheet.setFrozenRows(1)).toBeUndefined();
    sheet.setColumnWidth(2, 240).setColumnWidths(3, 2, 80).setTabColor('#00ff00');
    expect([sheet.getFrozenRows(), sheet.getColumnWidth(1), sheet.getColumnWidth(2), sheet.getColumnWidth(4)]).toEqual([1, 100, 240, 80]);
    const p = sheet.getRange('A1:Z1').protect().setDescription('Header').setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    const sp = sheet.protect().setDescription('Whole tab');
    sp.removeEditors(sp.getEditors());
    sp.addEditor('rep@school.example');
    expect(sheet.getProtections(ss.getSheets()[0].protect().getProtectionType()).length).toBe(1);
    expect(ss.getProtections('RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType).map((x) => x.getDescription())).toEqual(['Header']);
    expect(sp.getEditors().map((u) => u.getEmail())).toEqual(['rep@school.example']);
    expect(sheet.protect()).toBe(sp);
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    expect(env.userEmail).toBe('service.manager@school.example');
  });
});

describe('data validation, notes and styles', () => {
  it('builds rules and reads them back', () => {
    const { env, sheet } = make();
    const { FakeSpreadsheetApp } = jest.requireActual('../../offline');
    const app = new FakeSpreadsheetApp(env, new FakeSpreadsheet(env, 'X'), {} as GoogleAppsScript.Base.Ui);
    const rule = app.newDataValidation().requireValueInList(['Open', 'Closed'], true).setAllowInvalid(false).setHelpText('Pick one').build();
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['Open', 'Closed'], true]);
    expect([rule.getHelpText(), rule.getAllowInvalid()]).toEqual(['Pick one', false]);
    const between = app.newDataValidation().requireNumberBetween(0, 100).build();
    expect([between.getCriteriaType(), between.getCriteriaValues(), between.getAllowInvalid(), between.getHelpText()]).toEqual([
      'NUMBER_BETWEEN',
      [0, 100],
      true,
      null,
    ]);
    expect(app.newDataValidation().requireDate().build().getCriteriaType()).toBe('DATE_IS_VALID_DATE');
    expect(app.newDataValidation().requireCheckbox().build().getCriteriaValues()).toEqual([]);
    expect(() => app.newDataValidation().build()).toThrow();
    sheet.getRange('A2:A3').setDataValidation(rule);
    const got = sheet.getRange('A1:A3').getDataValidations();
    expect(got[0][0]).toBeNull();
    expect(got[1][0]?.getCriteriaValues()[0]).toEqual(['Open', 'Closed']);
    sheet.getRange('A2').setDataValidation(null);
    expect(sheet.getRange('A2').getDataValidation()).toBeNull();
  });

  it('keeps notes, font weight, background and wrap', () => {
    const { sheet } = make();
    sheet
      .getRange('A1:B1')
      .setNotes([['Help A', null]])
      .setFontWeight('bold')
      .setBackground('#EEEEEE')
      .setWrap(true);
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['Help A', '']]);
    expect(sheet.getRange('A1:B2').getFontWeights()).toEqual([
      ['bold', 'bold'],
      ['normal', 'normal'],
    ]);
    expect(sheet.getRange('B1').getBackground()).toBe('#eeeeee');
    expect(sheet.getRange('A1').getWrap()).toBe(true);
    expect(() => sheet.getRange('A1:B1').setNotes([['one']])).toThrow('The number of columns in the data does not match');
  });
});

describe('spreadsheet', () => {
  it('keeps time zone, named ranges, toasts, active selection and sharing', () => {
    const { ss, sheet } = make();
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/London');
    ss.setSpreadsheetTimeZone('Asia/Tokyo');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
    expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow();
    ss.setNamedRange('Targets', sheet.getRange('A1:B5'));
    expect(ss.getRangeByName('Targets')?.getA1Notation()).toBe('A1:B5');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Targets']);
    expect(ss.getRangeByName('Nope')).toBeNull();
    ss.toast('Done', 'SLM', 3);
    expect(ss.toasts).toEqual([{ message: 'Done', title: 'SLM', timeoutSeconds: 3 }]);
    ss.setActiveSelection('B2:C3');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('B2:C3');
    ss.getSheets()[0].getRange('D4').activate();
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('D4');
    ss.addEditor('rep@school.example').addViewer('head@school.example').addViewer('rep@school.example');
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['service.manager@school.example', 'rep@school.example']);
    expect(ss.getViewers().map((u) => u.getEmail())).toEqual(['head@school.example']);
    ss.removeEditor('rep@school.example');
    expect(ss.getEditors().length).toBe(1);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
  });

  it('counts every call', () => {
    const { env, sheet } = make();
    env.calls.reset();
    sheet.getRange(1, 1, 2, 2).setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange(1, 1, 2, 2).getValues();
    sheet.getRange('A1').getValue();
    expect(env.calls.count('Sheet.getRange')).toBe(3);
    expect(env.calls.count('Range.setValues')).toBe(1);
    expect(env.calls.count('Range.getValues')).toBe(1);
    expect(env.calls.count('Range.*')).toBe(3);
    expect(env.calls.total()).toBe(6);
    expect(env.calls.snapshot()).toEqual({ 'Range.getValue': 1, 'Range.getValues': 1, 'Range.setValues': 1, 'Sheet.getRange': 3 });
  });
});
