import { isDefaultBackground, isDefaultNumberFormat, type CellStyle, type FormulaTabLayout } from '../core/dashboard/layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;

/** Sheets' width of a column nobody has resized. */
const DEFAULT_WIDTH = 100;

/**
 * The function the table's formula calls ("=SLM_ATTAINMENT" for the Dashboard); the template uploaded from
 * .xlsx holds it as an array formula, which Sheets wraps in ARRAYFORMULA.
 */
const callOf = (formula: string): string =>
  formula
    .replace(/\s/g, '')
    .toUpperCase()
    .replace(/^=ARRAYFORMULA\(/, '=')
    .split('(')[0];

/**
 * Puts `to` in a cell that still holds exactly `from` (spaces and case aside), so an earlier template's
 * formula is brought up to date and a formula the user changed is left alone. True when it changed.
 */
export function updateFormula(sheet: Sheet, row: number, col: number, from: string, to: string): boolean {
  const cell = sheet.getRange(row, col);
  const same = (a: string, b: string) => a.replace(/\s/g, '').toUpperCase() === b.replace(/\s/g, '').toUpperCase();
  if (!same(cell.getFormula(), from)) return false;
  cell.setFormula(to);
  return true;
}

/**
 * Formats a Dashboard or Findings tab as its layout says, while its table cell still holds the template's
 * formula. A cell the user has changed is left alone: only cells whose number format is still automatic
 * and whose fill is still white are formatted; a resized column keeps its width, frozen rows stay, and a
 * colour rule for a word already coloured is not added again. Five reads and at most five writes for the
 * cells. True when anything changed.
 */
export function formatFormulaTab(sheet: Sheet, layout: FormulaTabLayout): boolean {
  const { table } = layout;
  if (callOf(sheet.getRange(table.row, table.col).getFormula()) !== callOf(table.formula)) return false;
  const maxRows = sheet.getMaxRows();
  const cols = Math.min(
    sheet.getMaxColumns(),
    layout.blocks.reduce((n, b) => Math.max(n, b.col + b.cols - 1), layout.widths.length),
  );
  const area = sheet.getRange(1, 1, maxRows, cols);
  const formats = area.getNumberFormats();
  const backgrounds = area.getBackgrounds();
  const weights = area.getFontWeights() as (FontWeight | null)[][];
  const wraps = area.getWraps();
  const aligns = area.getVerticalAlignments() as ('top' | 'middle' | 'bottom' | null)[][];
  const untouched = formats.map((row, i) => row.map((f, j) => isDefaultNumberFormat(f) && isDefaultBackground(backgrounds[i][j])));
  const changed = { formats: false, backgrounds: false, weights: false, wraps: false, aligns: false };
  const set = <T>(grid: T[][], i: number, j: number, v: T, key: keyof typeof changed) => {
    if (grid[i][j] !== v) {
      grid[i][j] = v;
      changed[key] = true;
    }
  };
  for (const block of layout.blocks) {
    const style: CellStyle = block.style;
    const last = Math.min(maxRows, block.rows === undefined ? maxRows : block.row + block.rows - 1);
    for (let i = block.row - 1; i < last; i++) {
      for (let j = block.col - 1; j < Math.min(cols, block.col + block.cols - 1); j++) {
        if (!untouched[i][j]) continue;
        if (style.numberFormat !== undefined) set(formats, i, j, style.numberFormat, 'formats');
        if (style.background !== undefined) set(backgrounds, i, j, style.background, 'backgrounds');
        if (style.bold) set(weights, i, j, 'bold' as FontWeight, 'weights');
        if (style.wrap) set(wraps, i, j, true, 'wraps');
        if (style.top) set(aligns, i, j, 'top' as const, 'aligns');
      }
    }
  }
  if (changed.formats) area.setNumberFormats(formats);
  if (changed.backgrounds) area.setBackgrounds(backgrounds);
  if (changed.weights) area.setFontWeights(weights);
  if (changed.wraps) area.setWraps(wraps);
  if (changed.aligns) area.setVerticalAlignments(aligns);
  let other = false;
  layout.widths.forEach((px, k) => {
    if (k < cols && px !== DEFAULT_WIDTH && sheet.getColumnWidth(k + 1) === DEFAULT_WIDTH) {
      sheet.setColumnWidth(k + 1, px);
      other = true;
    }
  });
  if (sheet.getFrozenRows() === 0) {
    sheet.setFrozenRows(layout.frozenRows);
    other = true;
  }
  return addColourRules(sheet, layout, maxRows) || other || Object.values(changed).some(Boolean);
}

/** One rule per coloured word over the coloured columns, unless a rule for that word is already there. */
function addColourRules(sheet: Sheet, layout: FormulaTabLayout, maxRows: number): boolean {
  const rules = sheet.getConditionalFormatRules();
  const present = new Set(
    rules
      .map((r) => r.getBooleanCondition())
      .filter((c) => c && String(c.getCriteriaType()) === 'TEXT_EQUAL_TO')
      .map((c) => String(c!.getCriteriaValues()[0]).toLowerCase()),
  );
  const ranges = layout.colouredColumns.map(({ row, col }) => sheet.getRange(row, col, maxRows - row + 1, 1));
  const added = layout.colours
    .filter((c) => !present.has(c.text.toLowerCase()))
    .map((c) => SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(c.text).setBackground(c.background).setFontColor(c.color).setRanges(ranges).build());
  if (added.length > 0) sheet.setConditionalFormatRules([...rules, ...added]);
  return added.length > 0;
}
