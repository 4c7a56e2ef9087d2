import { CHART_ROWS, CHART_SIZE, TREND_CHARTS, TREND_CHART_COLUMNS, TREND_TABLE_ROWS } from '../core/monitor/trendsView';
import { TREND_MONTHS } from '../core/monitor/trends';
import { TREND_COLOURS, type ChartTable } from '../core/monitor/trendChart';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Native line charts on `tab` (the Trend charts tab), one under the other at column A, one per trend table of
 * `trends` (a month per point, a line per service, each named with its own target), in the colour-blind-safe
 * colours every other drawing of the trends uses. Blank cells stay gaps (interpolateNulls off), so a month
 * without data is never drawn as 0. The legend sits above the plot, on up to four lines, so the plot keeps
 * the chart's width.
 */
export function addTrendCharts(tab: Sheet, trends: Sheet): void {
  TREND_CHARTS.forEach((c, i) => {
    const range = trends.getRange(TREND_TABLE_ROWS[c.measure], 1, TREND_MONTHS + 1, TREND_CHART_COLUMNS);
    const chart = tab
      .newChart()
      .addRange(range)
      .setNumHeaders(1)
      .setPosition(CHART_ROWS[i], 1, 0, 0)
      .setOption('interpolateNulls', false)
      .setOption('vAxis.format', '0%')
      .setOption('width', CHART_SIZE.width)
      .setOption('height', CHART_SIZE.height)
      .setOption('legend.maxLines', 4)
      .asLineChart()
      .setTitle(c.title)
      .setLegendPosition(Charts.Position.TOP)
      .setPointStyle(Charts.PointStyle.MEDIUM)
      .setColors([...TREND_COLOURS])
      .build();
    tab.insertChart(chart);
  });
}

/** The size of a chart in a document: the width of an A4 page's text. */
const DOC_CHART = { width: 600, height: 320 };

/**
 * A trend table as a PNG line chart (Charts service: a DataTable, a line chart, getAs('image/png')), for a
 * document. Blanks become nulls, which the chart leaves as gaps.
 */
export function chartPng(title: string, table: ChartTable): GoogleAppsScript.Base.Blob {
  const [header, ...rows] = table;
  const data = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, String(header[0] ?? ''));
  for (const h of header.slice(1)) data.addColumn(Charts.ColumnType.NUMBER, String(h ?? ''));
  for (const r of rows) data.addRow(header.map((_, k) => (k === 0 ? String(r[0] ?? '') : typeof r[k] === 'number' ? r[k] : null)));
  return Charts.newLineChart()
    .setDataTable(data)
    .setTitle(title)
    .setDimensions(DOC_CHART.width, DOC_CHART.height)
    .setOption('interpolateNulls', false)
    .setOption('vAxis.format', '0%')
    .setOption('legend.maxLines', 4)
    .setLegendPosition(Charts.Position.TOP)
    .setColors([...TREND_COLOURS])
    .setPointStyle(Charts.PointStyle.MEDIUM)
    .build()
    .getAs('image/png');
}
