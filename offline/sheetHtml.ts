/**
 * Renders tabs of an offline spreadsheet as a page that looks like Sheets shows them: column letters and
 * row numbers, column widths, display values (number formats applied), bold, fills, wrapping, text that
 * overflows into empty cells to its right, numbers and dates aligned right, conditional colours, the line
 * under frozen rows, and formula errors with their messages (a formula that could not be evaluated is
 * listed at the top, never shown as a blank). Embedded charts are drawn where they are anchored, from the
 * ranges they read, as the project's own SVG line chart draws a trend table (the rows and columns they cover
 * are shown, as Sheets shows the empty grid under a chart).
 */
import { columnLetters } from './cells';
import { escapeHtml } from './html';
import { isDate } from './realm';
import { formulaErrorAt, type FormulaProblem } from './recalc';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import { DEFAULT_COLUMN_WIDTH } from './sheet';
import type { FakeEmbeddedChart } from './charts';
import { lineChartSvg } from '../src/core/monitor/trendChart';

const STYLE = `
body { font: 13px Arial, Helvetica, sans-serif; color: #202124; margin: 0; background: #f8f9fa; }
header { background: #fff; border-bottom: 1px solid #dadce0; padding: 10px 16px; }
header h1 { font-size: 18px; font-weight: normal; margin: 0; }
.tab { margin: 16px; width: max-content; }
.tab h2 { background: #e8f0fe; border-radius: 4px 4px 0 0; color: #1a73e8; display: inline-block; font-size: 14px; margin: 0; padding: 6px 14px; }
.grid { background: #fff; border-collapse: collapse; table-layout: fixed; }
.grid td, .grid th { border: 1px solid #e2e3e3; height: 20px; line-height: 17px; overflow: hidden; padding: 1px 3px; vertical-align: bottom; white-space: pre; }
.grid th { background: #f8f9fa; color: #5f6368; font-weight: normal; text-align: center; vertical-align: middle; }
.grid td.overflow { overflow: visible; position: relative; }
.grid td.wrap { white-space: pre-wrap; overflow-wrap: anywhere; }
.grid td.num { text-align: right; }
.grid td.bool { text-align: center; }
.grid tr.frozen-last td, .grid tr.frozen-last th { border-bottom: 3px solid #c0c0c0; }
.grid td.error { color: #a50e0e; }
.grid td.error::after { border-left: 6px solid transparent; border-top: 6px solid #d93025; content: ''; position: absolute; right: 0; top: 0; }
.grid td.error { position: relative; }
.grid td.anchor { overflow: visible; position: relative; }
.grid td.anchor .chart { background: #fff; box-shadow: 0 0 0 1px #dadce0; position: absolute; z-index: 2; }
.grid td.anchor .chart .other { align-items: center; color: #5f6368; display: flex; height: 100%; justify-content: center; white-space: normal; }
.problems { background: #fce8e6; border: 1px solid #d93025; margin: 16px; padding: 8px 16px; }
`;

interface RuleView {
  rows: [number, number];
  cols: [number, number];
  matches(display: string, value: unknown): boolean | undefined;
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

function rulesOf(sheet: FakeSheet): RuleView[] {
  return sheet.conditionalRules.flatMap((rule) => {
    const condition = rule.condition();
    if (!condition) return [];
    const { background, fontColor, bold } = rule.state;
    return rule.state.ranges.map((r) => ({
      rows: [r.row, r.row + r.numRows - 1] as [number, number],
      cols: [r.col, r.col + r.numCols - 1] as [number, number],
      matches: (d: string, v: unknown) => condition.matches(d, v),
      background,
      fontColor,
      bold,
    }));
  });
}

/** A grid row's height in the page: 20 px and its border. */
const ROW_HEIGHT = 21;
/** Sheets' size for a chart that was given none. */
const DEFAULT_CHART = { width: 600, height: 371 };

interface PlacedChart {
  row: number;
  col: number;
  html: string;
  lastRow: number;
  lastCol: number;
}

/** The values a chart reads: its ranges side by side, read from its sheet (a header row, then the data). */
function chartTable(chart: FakeEmbeddedChart): Array<Array<string | number>> {
  const grids = chart.state.ranges.map((r) =>
    Array.from({ length: r.numRows }, (_, i) =>
      Array.from({ length: r.numCols }, (_, j) => {
        const v = r.sheet.values.get(r.row + i, r.col + j);
        return typeof v === 'number' || typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
      }),
    ),
  );
  const rows = Math.max(0, ...grids.map((g) => g.length));
  return Array.from({ length: rows }, (_, i) => grids.flatMap((g, k) => (k === 0 ? (g[i] ?? []) : (g[i] ?? []).slice(1))));
}

/** Each chart of the tab, drawn, with its anchor cell and the last row and column it covers. */
function placeCharts(sheet: FakeSheet, width: (c: number) => number): PlacedChart[] {
  return sheet.charts.map((chart) => {
    const { row, column, offsetX, offsetY } = chart.state.position;
    const w = Number(chart.state.options.get('width') ?? DEFAULT_CHART.width);
    const h = Number(chart.state.options.get('height') ?? DEFAULT_CHART.height);
    const title = String(chart.state.options.get('title') ?? '');
    const inner =
      chart.state.type === 'LINE'
        ? lineChartSvg(title, chartTable(chart), w, h)
        : `<div class="other">${escapeHtml(`${title || 'Chart'}: a ${String(chart.state.type ?? 'untyped').toLowerCase()} chart, not drawn offline`)}</div>`;
    let lastCol = column;
    for (let x = width(column) - offsetX; x < w; x += width(lastCol)) lastCol++;
    return {
      row,
      col: column,
      lastRow: row + Math.ceil((offsetY + h) / ROW_HEIGHT),
      lastCol,
      html: `<div class="chart" style="left:${offsetX}px;top:${offsetY}px;width:${w}px;height:${h}px">${inner}</div>`,
    };
  });
}

/** One tab as a grid of its used cells and the cells its charts cover. */
export function renderSheet(sheet: FakeSheet): string {
  const width = (c: number) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
  const charts = placeCharts(sheet, width);
  const rows = Math.max(1, sheet.lastRowIndex(), ...charts.map((c) => c.lastRow));
  const cols = Math.max(1, sheet.lastColumnIndex(), ...charts.map((c) => c.lastCol));
  const rules = rulesOf(sheet);
  const out: string[] = [
    `<table class="grid" style="width:${46 + Array.from({ length: cols }, (_, i) => width(i + 1)).reduce((a, b) => a + b, 0)}px">`,
    '<colgroup><col style="width:46px">',
    ...Array.from({ length: cols }, (_, i) => `<col style="width:${width(i + 1)}px">`),
    '</colgroup>',
    '<tr><th></th>',
    ...Array.from({ length: cols }, (_, i) => `<th>${columnLetters(i + 1)}</th>`),
    '</tr>',
  ];
  for (let r = 1; r <= rows; r++) {
    out.push(`<tr${r === sheet.frozenRows ? ' class="frozen-last"' : ''}><th>${r}</th>`);
    for (let c = 1; c <= cols; c++) {
      const value = sheet.values.get(r, c);
      const display = sheet.displayAt(r, c);
      const classes: string[] = [];
      const style: string[] = [];
      const error = formulaErrorAt(sheet, r, c);
      const wrap = sheet.wraps.get(r, c) === true;
      if (error) classes.push('error');
      else if (typeof value === 'number' || isDate(value)) classes.push('num');
      else if (typeof value === 'boolean') classes.push('bool');
      if (wrap) classes.push('wrap');
      else if (display !== '' && !error && c < cols && sheet.displayAt(r, c + 1) === '' && !classes.includes('num')) classes.push('overflow');
      let background = sheet.backgrounds.get(r, c) ?? null;
      let color: string | null = null;
      let bold = sheet.fontWeights.get(r, c) === 'bold';
      // The first rule that matches a cell formats it, as in Sheets.
      const rule = rules.find((x) => r >= x.rows[0] && r <= x.rows[1] && c >= x.cols[0] && c <= x.cols[1] && x.matches(display, value));
      if (rule) {
        background = rule.background ?? background;
        color = rule.fontColor;
        bold = rule.bold ?? bold;
      }
      const align = sheet.verticalAlignments.get(r, c);
      if (align) style.push(`vertical-align:${align}`);
      if (background) style.push(`background:${escapeHtml(background)}`);
      if (color) style.push(`color:${escapeHtml(color)}`);
      if (bold) style.push('font-weight:bold');
      const title = error ? ` title="${escapeHtml(`${error.code} ${error.message}`)}"` : '';
      const anchored = charts.filter((x) => x.row === r && x.col === c);
      if (anchored.length) classes.push('anchor');
      out.push(
        `<td${classes.length ? ` class="${classes.join(' ')}"` : ''}${style.length ? ` style="${style.join(';')}"` : ''}${title}>${escapeHtml(display)}${anchored.map((x) => x.html).join('')}</td>`,
      );
    }
    out.push('</tr>');
  }
  out.push('</table>');
  return out.join('');
}

/** A page of `tabs` (by name), with any formula that did not evaluate listed first. */
export function renderTabsPage(ss: FakeSpreadsheet, tabs: readonly string[], problems: readonly FormulaProblem[], title: string): string {
  const listed = problems.filter((p) => tabs.includes(p.tab));
  const notice =
    listed.length === 0
      ? ''
      : `<section class="problems"><h2>Formulas that did not evaluate</h2><ul>${listed
          .map(
            (p) =>
              `<li>${escapeHtml(`${p.tab}!${p.cell} ${p.formula}: ${p.error} ${p.message}${p.unsupported ? ' (Sheets would compute it; the offline runtime cannot)' : ''}`)}</li>`,
          )
          .join('')}</ul></section>`;
  const sections = tabs.map((name) => `<section class="tab"><h2>${escapeHtml(name)}</h2>${renderSheet(ss.sheet(name))}</section>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<header><h1>${escapeHtml(title)}</h1></header>`,
    notice,
    ...sections,
    '</body></html>',
  ].join('\n');
}
