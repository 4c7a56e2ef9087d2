import { CLOCK_FORMATS, CLOCK_STATE_COLUMN, OPEN_ITEMS_CELLS, clockRowRules } from '../core/monitor/openItemsView';
import { CLOCK_HEADER } from '../core/monitor/clock';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Gives a newly made Open items tab its number formats and the row colours at 75% and 100% (conditional
 * formatting keyed on the State column, so they follow the spilled table as it grows and shrinks). The
 * user's own rules on the tab are kept.
 */
export function formatOpenItems(sheet: Sheet): void {
  const first = OPEN_ITEMS_CELLS.tableRow + 1;
  const rows = Math.max(1, sheet.getMaxRows() - first + 1);
  const width = Math.max(CLOCK_STATE_COLUMN, CLOCK_HEADER.length);
  CLOCK_HEADER.forEach((h, i) => {
    const format = CLOCK_FORMATS[h];
    if (format) sheet.getRange(first, i + 1, rows, 1).setNumberFormat(format);
  });
  sheet.getRange(OPEN_ITEMS_CELLS.asOf).setNumberFormat('d mmm yyyy hh:mm');
  sheet.getRange(OPEN_ITEMS_CELLS.tableRow, 1, 1, width).setFontWeight('bold');
  const body = sheet.getRange(first, 1, rows, width);
  const rules = clockRowRules(first).map((r) =>
    SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(r.formula).setBackground(r.background).setRanges([body]).build(),
  );
  sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), ...rules]);
  sheet.setFrozenRows(OPEN_ITEMS_CELLS.tableRow);
}
