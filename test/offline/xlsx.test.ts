import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CallCounter, FakeDataValidationBuilder, FakeSpreadsheet, newEnv, writeXlsx } from '../../offline';

describe('writeXlsx', () => {
  it('writes values, dates, formulas, formats, header, notes, dropdowns and widths that read back', async () => {
    const env = newEnv({ calls: new CallCounter(), timeZone: 'Europe/London' });
    const ss = new FakeSpreadsheet(env, 'Export');
    const sheet = ss.insertSheet('Incidents');
    sheet
      .getRange('A1:D1')
      .setValues([['Ref', 'Opened', 'Hours', 'Double']])
      .setFontWeight('bold')
      .setNotes([['Unique reference', '', '', '']]);
    sheet.setFrozenRows(1);
    sheet.getRange('B2:B3').setNumberFormat('dd/mm/yyyy hh:mm');
    sheet.getRange('C2:C3').setNumberFormat('0.00');
    sheet.getRange('A2:C3').setValues([
      ['INC-1', new Date(Date.UTC(2024, 6, 1, 8, 30)), 1.5],
      ['INC-2', new Date(Date.UTC(2024, 0, 9, 14, 0)), 4],
    ]);
    sheet.getRange('D2').setFormula('=C2*2');
    ss.sheet('Incidents').setComputedValue(2, 4, 3);
    const rule = (new FakeDataValidationBuilder(env) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder)
      .requireValueInList(['Open', 'Closed'], true)
      .setAllowInvalid(false)
      .setHelpText('Status')
      .build();
    sheet.getRange('E2:E3').setDataValidation(rule);
    sheet.setColumnWidth(1, 140);
    sheet.getRange('A1').setBackground('#d9ead3');
    ss.setNamedRange('SLM_Incidents', sheet.getRange('A1:D3') as unknown as GoogleAppsScript.Spreadsheet.Range);

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'slm-xlsx-')), 'out.xlsx');
    await writeXlsx(ss, file);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sheet1', 'Incidents']);
    const ws = wb.getWorksheet('Incidents')!;
    expect(ws.getCell('A1').value).toBe('Ref');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFD9EAD3' } });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const note = ws.getCell('A1').note;
    expect(typeof note === 'string' ? note : JSON.stringify(note)).toContain('Unique reference');
    // 08:30 UTC on 1 July is 09:30 in London: Excel gets the wall clock.
    const opened = ws.getCell('B2').value as Date;
    expect(Object.prototype.toString.call(opened)).toBe('[object Date]');
    expect(opened.toISOString()).toBe('2024-07-01T09:30:00.000Z');
    expect((ws.getCell('B3').value as Date).toISOString()).toBe('2024-01-09T14:00:00.000Z');
    expect(ws.getCell('B2').numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(ws.getCell('C2').value).toBe(1.5);
    expect(ws.getCell('C2').numFmt).toBe('0.00');
    expect(ws.getCell('D2').value).toMatchObject({ formula: 'C2*2', result: 3 });
    expect(ws.getCell('E3').dataValidation).toMatchObject({ type: 'list', formulae: ['"Open,Closed"'], showErrorMessage: true });
    expect(ws.getColumn(1).width).toBe(20);
    expect(wb.definedNames.model).toEqual([{ name: 'SLM_Incidents', ranges: ['Incidents!$A$1:$D$3'] }]);
  });
});
