/**
 * Writes an offline spreadsheet to .xlsx (exceljs) so a person can open what the offline run built:
 * values (dates as dates, in the spreadsheet's wall-clock time), formulas, number formats, bold,
 * backgrounds, wrapping, conditional colours of words, frozen rows, notes as comments, list validations as
 * dropdowns, column widths, spilled results as array formulas and named
 * ranges (so the Dashboard's and Findings' formulas still find their tabs once uploaded to Sheets).
 */
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { isDate } from './realm';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import type { FakeDataValidation } from './validation';
import { partsAt } from './zoned';
import { a1Of } from './cells';
import { spillsOf } from './recalc';

/** Sheets measures columns in pixels; Excel in characters of the default font (about 7 px each). */
const PIXELS_PER_CHARACTER = 7;
/** Excel keeps a list validation's inline formula to 255 characters. */
const MAX_INLINE_LIST = 255;

const argb = (color: string): string => {
  const hex = color.replace('#', '');
  return `FF${(
    hex.length === 3
      ? hex
          .split('')
          .map((c) => c + c)
          .join('')
      : hex
  ).toUpperCase()}`;
};

/** Excel has no time zones: store the wall clock the spreadsheet shows. */
const wallClock = (d: Date, timeZone: string): Date => {
  const p = partsAt(d.getTime(), timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond));
};

const validationOf = (rule: FakeDataValidation): ExcelJS.DataValidation | null => {
  const { criteria, args, allowInvalid, helpText } = rule.state;
  const common = {
    allowBlank: true,
    showErrorMessage: !allowInvalid,
    errorStyle: allowInvalid ? 'warning' : 'stop',
    showInputMessage: !!helpText,
    prompt: helpText ?? undefined,
  } as const;
  switch (criteria) {
    case 'VALUE_IN_LIST': {
      const list = (args[0] as string[]).map((v) => v.replace(/"/g, '""')).join(',');
      if (list.length + 2 > MAX_INLINE_LIST) return null;
      return { ...common, type: 'list', formulae: [`"${list}"`] };
    }
    case 'CHECKBOX':
      return { ...common, type: 'list', formulae: ['"TRUE,FALSE"'] };
    case 'NUMBER_BETWEEN':
      return { ...common, type: 'decimal', operator: 'between', formulae: [args[0] as number, args[1] as number] };
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [args[0] as number] };
    case 'DATE_IS_VALID_DATE':
      return { ...common, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))] };
    default:
      return null;
  }
};

const writeSheet = (wb: ExcelJS.Workbook, sheet: FakeSheet, timeZone: string): void => {
  const ws = wb.addWorksheet(sheet.name, {
    views: sheet.frozenRows || sheet.frozenColumns ? [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: sheet.frozenColumns }] : [],
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    state: sheet.hidden ? 'hidden' : 'visible',
  });
  const cell = (r: number, c: number) => ws.getCell(r, c);

  sheet.values.forEach((r, c, v) => {
    if (sheet.formulas.get(r, c)) return;
    cell(r, c).value = isDate(v) ? wallClock(v, timeZone) : (v as string | number | boolean);
  });
  sheet.formulas.forEach((r, c, f) => {
    const result = sheet.values.get(r, c);
    // A result that spilled is an array formula over its area, the other cells its cached values (so the
    // area is the formula's own and nothing there blocks it once uploaded).
    const spill = spillsOf(sheet).find((s) => s.row === r && s.col === c);
    cell(r, c).value = {
      formula: f.replace(/^=/, ''),
      result: result === undefined ? undefined : isDate(result) ? wallClock(result, timeZone) : (result as string | number | boolean),
      ...(spill ? { shareType: 'array', ref: a1Of(r, c, spill.rows, spill.cols) } : {}),
    } as ExcelJS.CellFormulaValue;
  });
  sheet.conditionalRules.forEach((rule, k) => {
    const { criteria, values, background, fontColor, bold, ranges } = rule.state;
    if (criteria !== 'TEXT_EQUAL_TO' || ranges.length === 0) return;
    ws.addConditionalFormatting({
      ref: ranges.map((x) => a1Of(x.row, x.col, x.numRows, x.numCols)).join(' '),
      rules: [
        {
          type: 'cellIs',
          operator: 'equal',
          priority: k + 1,
          formulae: [`"${String(values[0]).replace(/"/g, '""')}"`],
          style: {
            ...(background ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(background) } } } : {}),
            font: { ...(fontColor ? { color: { argb: argb(fontColor) } } : {}), ...(bold ? { bold: true } : {}) },
          },
        },
      ],
    });
  });
  sheet.formats.forEach((r, c, f) => {
    if (f) cell(r, c).numFmt = f;
  });
  // Dates without a number format still need one in Excel, or they show as serial numbers.
  sheet.values.forEach((r, c, v) => {
    if (isDate(v) && !sheet.formats.get(r, c)) cell(r, c).numFmt = 'yyyy-mm-dd hh:mm:ss';
  });
  sheet.fontWeights.forEach((r, c, w) => {
    if (w === 'bold') cell(r, c).font = { bold: true };
  });
  sheet.backgrounds.forEach((r, c, color) => {
    cell(r, c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(color) } };
  });
  sheet.wraps.forEach((r, c, wrap) => {
    if (wrap) cell(r, c).alignment = { wrapText: true };
  });
  sheet.verticalAlignments.forEach((r, c, v) => {
    cell(r, c).alignment = { ...cell(r, c).alignment, vertical: v as 'top' | 'middle' };
  });
  sheet.notes.forEach((r, c, note) => {
    cell(r, c).note = note;
  });
  sheet.validations.forEach((r, c, rule) => {
    const v = validationOf(rule);
    if (v) cell(r, c).dataValidation = v;
  });
  for (const [c, px] of sheet.columnWidths) ws.getColumn(c).width = Math.round((px / PIXELS_PER_CHARACTER) * 10) / 10;
};

/**
 * Writes every tab of `spreadsheet` to an .xlsx file at `file`, stamped `at` (the workbook's created and
 * modified dates and every zip entry's date), so the same workbook and `at` give the same bytes.
 */
export const writeXlsx = async (spreadsheet: FakeSpreadsheet, file: string, at = new Date()): Promise<void> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SLM Workbook';
  wb.created = at;
  wb.modified = at;
  wb.title = spreadsheet.name;
  for (const sheet of spreadsheet.sheets) writeSheet(wb, sheet, spreadsheet.timeZone);
  // The file opens on the tab that was active, as Sheets opens an uploaded workbook on its active tab.
  const active = spreadsheet.sheets.indexOf(spreadsheet.activeSheet);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: 'visible' }];
  for (const named of spreadsheet.namedRanges.values()) {
    const range = named.range as unknown as GoogleAppsScript.Spreadsheet.Range;
    // Bounded to the tab's rows: exceljs silently drops a whole-column name ('Services'!A:K), and Set up
    // workbook makes it whole columns again once the template is in Sheets.
    const bounded = range.getSheet().getRange(range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns());
    const absolute = bounded.getA1Notation().replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    wb.definedNames.add(`'${range.getSheet().getName().replace(/'/g, "''")}'!${absolute}`, named.name);
  }
  // exceljs dates each zip entry with the time of writing: restamp them.
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  zip.forEach((_, entry) => {
    entry.date = at;
  });
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
};
