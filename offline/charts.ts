/**
 * Embedded charts as Sheet.newChart() builds them and Sheet.insertChart() places them
 * (developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder and embedded-chart):
 * a chart is a type, its source ranges, options and an anchor cell; nothing is drawn until Sheets renders
 * it, so the fake records what a test needs to check (ranges, type, options, position).
 */
import type { OfflineEnv } from './env';
import type { FakeRange } from './range';

type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** Charts.ChartType (developers.google.com/apps-script/reference/charts/chart-type). */
export const ChartType = Object.freeze({
  AREA: 'AREA', BAR: 'BAR', BUBBLE: 'BUBBLE', CANDLESTICK: 'CANDLESTICK', COLUMN: 'COLUMN', COMBO: 'COMBO', GAUGE: 'GAUGE',
  GEO: 'GEO', HISTOGRAM: 'HISTOGRAM', LINE: 'LINE', ORG: 'ORG', PIE: 'PIE', RADAR: 'RADAR', SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE', STEPPED_AREA: 'STEPPED_AREA', TABLE: 'TABLE', TIMELINE: 'TIMELINE', TREEMAP: 'TREEMAP', WATERFALL: 'WATERFALL',
});

/** Charts.Position and Charts.PointStyle (developers.google.com/apps-script/reference/charts/position, point-style). */
export const Position = Object.freeze({ TOP: 'TOP', RIGHT: 'RIGHT', BOTTOM: 'BOTTOM', NONE: 'NONE' });
export const PointStyle = Object.freeze({ NONE: 'NONE', TINY: 'TINY', MEDIUM: 'MEDIUM', LARGE: 'LARGE', HUGE: 'HUGE' });

export interface ChartState {
  type: string | null;
  ranges: FakeRange[];
  options: Map<string, unknown>;
  /** Anchor row and column (1-based) and pixel offsets. */
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

const copyState = (s: ChartState): ChartState => ({ ...s, ranges: [...s.ranges], options: new Map(s.options), position: { ...s.position } });

/** The builder; the typed builders asLineChart() and the rest return are this same object, as in Apps Script. */
export class FakeEmbeddedChartBuilder {
  constructor(private readonly env: OfflineEnv, private readonly state: ChartState, private readonly chartId: number | null = null) {}
  private me(method: string, change: (s: ChartState) => void = () => {}): GBuilder {
    this.env.calls.hit(`EmbeddedChartBuilder.${method}`);
    change(this.state);
    return this as unknown as GBuilder;
  }
  addRange(range: GoogleAppsScript.Spreadsheet.Range): GBuilder { return this.me('addRange', (s) => s.ranges.push(range as unknown as FakeRange)); }
  removeRange(range: GoogleAppsScript.Spreadsheet.Range): GBuilder {
    return this.me('removeRange', (s) => { s.ranges = s.ranges.filter((r) => r !== (range as unknown as FakeRange)); });
  }
  clearRanges(): GBuilder { return this.me('clearRanges', (s) => { s.ranges = []; }); }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] { this.env.calls.hit('EmbeddedChartBuilder.getRanges'); return [...this.state.ranges] as never; }
  setChartType(type: string): GBuilder { return this.me('setChartType', (s) => { s.type = String(type); }); }
  getChartType(): string | null { this.env.calls.hit('EmbeddedChartBuilder.getChartType'); return this.state.type; }
  asLineChart(): GBuilder { return this.me('asLineChart', (s) => { s.type = ChartType.LINE; }); }
  asColumnChart(): GBuilder { return this.me('asColumnChart', (s) => { s.type = ChartType.COLUMN; }); }
  asAreaChart(): GBuilder { return this.me('asAreaChart', (s) => { s.type = ChartType.AREA; }); }
  asBarChart(): GBuilder { return this.me('asBarChart', (s) => { s.type = ChartType.BAR; }); }
  setOption(option: string, value: unknown): GBuilder { return this.me('setOption', (s) => s.options.set(String(option), value)); }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GBuilder {
    return this.me('setPosition', (s) => { s.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY }; });
  }
  setNumHeaders(headers: number): GBuilder { return this.me('setNumHeaders', (s) => s.options.set('numHeaders', headers)); }
  // The typed builders' conveniences are options under their Gviz names.
  setTitle(title: string): GBuilder { return this.me('setTitle', (s) => s.options.set('title', title)); }
  setXAxisTitle(title: string): GBuilder { return this.me('setXAxisTitle', (s) => s.options.set('hAxis.title', title)); }
  setYAxisTitle(title: string): GBuilder { return this.me('setYAxisTitle', (s) => s.options.set('vAxis.title', title)); }
  setRange(start: number, end: number): GBuilder {
    return this.me('setRange', (s) => { s.options.set('vAxis.viewWindow.min', start); s.options.set('vAxis.viewWindow.max', end); });
  }
  setLegendPosition(position: string): GBuilder { return this.me('setLegendPosition', (s) => s.options.set('legend.position', String(position).toLowerCase())); }
  setPointStyle(style: string): GBuilder { return this.me('setPointStyle', (s) => s.options.set('pointStyle', String(style))); }
  setColors(colors: string[]): GBuilder { return this.me('setColors', (s) => s.options.set('colors', [...colors])); }
  build(): GChart {
    this.env.calls.hit('EmbeddedChartBuilder.build');
    return new FakeEmbeddedChart(this.env, copyState(this.state), this.chartId) as unknown as GChart;
  }
}

export class FakeEmbeddedChart {
  constructor(private readonly env: OfflineEnv, readonly state: ChartState, public chartId: number | null) {}
  private hit(method: string): void { this.env.calls.hit(`EmbeddedChart.${method}`); }
  /** Null until the chart is inserted into a sheet, as in Apps Script. */
  getChartId(): number | null { this.hit('getChartId'); return this.chartId; }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] { this.hit('getRanges'); return [...this.state.ranges] as never; }
  getOptions(): { get(option: string): unknown } {
    this.hit('getOptions');
    const options = new Map(this.state.options);
    return { get: (option: string) => options.get(option) ?? null };
  }
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number; getOffsetX(): number; getOffsetY(): number } {
    this.hit('getContainerInfo');
    const p = this.state.position;
    return { getAnchorRow: () => p.row, getAnchorColumn: () => p.column, getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY };
  }
  modify(): GBuilder { this.hit('modify'); return new FakeEmbeddedChartBuilder(this.env, copyState(this.state), this.chartId) as unknown as GBuilder; }
}

/** A new builder for a sheet: no type, no ranges, anchored at A1. */
export const newChartBuilder = (env: OfflineEnv): FakeEmbeddedChartBuilder =>
  new FakeEmbeddedChartBuilder(env, { type: null, ranges: [], options: new Map(), position: { row: 1, column: 1, offsetX: 0, offsetY: 0 } });
