/**
 * Embedded charts as Sheet.newChart() builds them and Sheet.insertChart() places them
 * (developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder and embedded-chart):
 * a chart is a type, its source ranges, options and an anchor cell; nothing is drawn until Sheets renders
 * it, so the fake records what a test needs to check (ranges, type, options, position). The Charts service's
 * own charts (a DataTable drawn by Charts.newLineChart()) record their data and options likewise and answer a
 * placeholder PNG that remembers them, so a document the picture goes into can be drawn offline.
 */
import type { OfflineEnv } from './env';
import type { FakeRange } from './range';
import { FakeBlob } from './utilities';

type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** Charts.ChartType (developers.google.com/apps-script/reference/charts/chart-type). */
export const ChartType = Object.freeze({
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  RADAR: 'RADAR',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
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
  constructor(
    private readonly env: OfflineEnv,
    private readonly state: ChartState,
    private readonly chartId: number | null = null,
  ) {}
  private me(method: string, change: (s: ChartState) => void = () => {}): GBuilder {
    this.env.calls.hit(`EmbeddedChartBuilder.${method}`);
    change(this.state);
    return this as unknown as GBuilder;
  }
  addRange(range: GoogleAppsScript.Spreadsheet.Range): GBuilder {
    return this.me('addRange', (s) => s.ranges.push(range as unknown as FakeRange));
  }
  removeRange(range: GoogleAppsScript.Spreadsheet.Range): GBuilder {
    return this.me('removeRange', (s) => {
      s.ranges = s.ranges.filter((r) => r !== (range as unknown as FakeRange));
    });
  }
  clearRanges(): GBuilder {
    return this.me('clearRanges', (s) => {
      s.ranges = [];
    });
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    this.env.calls.hit('EmbeddedChartBuilder.getRanges');
    return [...this.state.ranges] as never;
  }
  setChartType(type: string): GBuilder {
    return this.me('setChartType', (s) => {
      s.type = String(type);
    });
  }
  getChartType(): string | null {
    this.env.calls.hit('EmbeddedChartBuilder.getChartType');
    return this.state.type;
  }
  asLineChart(): GBuilder {
    return this.me('asLineChart', (s) => {
      s.type = ChartType.LINE;
    });
  }
  asColumnChart(): GBuilder {
    return this.me('asColumnChart', (s) => {
      s.type = ChartType.COLUMN;
    });
  }
  asAreaChart(): GBuilder {
    return this.me('asAreaChart', (s) => {
      s.type = ChartType.AREA;
    });
  }
  asBarChart(): GBuilder {
    return this.me('asBarChart', (s) => {
      s.type = ChartType.BAR;
    });
  }
  setOption(option: string, value: unknown): GBuilder {
    return this.me('setOption', (s) => s.options.set(String(option), value));
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GBuilder {
    return this.me('setPosition', (s) => {
      s.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    });
  }
  setNumHeaders(headers: number): GBuilder {
    return this.me('setNumHeaders', (s) => s.options.set('numHeaders', headers));
  }
  // The typed builders' conveniences are options under their Gviz names.
  setTitle(title: string): GBuilder {
    return this.me('setTitle', (s) => s.options.set('title', title));
  }
  setXAxisTitle(title: string): GBuilder {
    return this.me('setXAxisTitle', (s) => s.options.set('hAxis.title', title));
  }
  setYAxisTitle(title: string): GBuilder {
    return this.me('setYAxisTitle', (s) => s.options.set('vAxis.title', title));
  }
  setRange(start: number, end: number): GBuilder {
    return this.me('setRange', (s) => {
      s.options.set('vAxis.viewWindow.min', start);
      s.options.set('vAxis.viewWindow.max', end);
    });
  }
  setLegendPosition(position: string): GBuilder {
    return this.me('setLegendPosition', (s) => s.options.set('legend.position', String(position).toLowerCase()));
  }
  setPointStyle(style: string): GBuilder {
    return this.me('setPointStyle', (s) => s.options.set('pointStyle', String(style)));
  }
  setColors(colors: string[]): GBuilder {
    return this.me('setColors', (s) => s.options.set('colors', [...colors]));
  }
  build(): GChart {
    this.env.calls.hit('EmbeddedChartBuilder.build');
    return new FakeEmbeddedChart(this.env, copyState(this.state), this.chartId) as unknown as GChart;
  }
}

export class FakeEmbeddedChart {
  constructor(
    private readonly env: OfflineEnv,
    readonly state: ChartState,
    public chartId: number | null,
  ) {}
  private hit(method: string): void {
    this.env.calls.hit(`EmbeddedChart.${method}`);
  }
  /** Null until the chart is inserted into a sheet, as in Apps Script. */
  getChartId(): number | null {
    this.hit('getChartId');
    return this.chartId;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    this.hit('getRanges');
    return [...this.state.ranges] as never;
  }
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
  modify(): GBuilder {
    this.hit('modify');
    return new FakeEmbeddedChartBuilder(this.env, copyState(this.state), this.chartId) as unknown as GBuilder;
  }
}

/** A new builder for a sheet: no type, no ranges, anchored at A1. */
export const newChartBuilder = (env: OfflineEnv): FakeEmbeddedChartBuilder =>
  new FakeEmbeddedChartBuilder(env, { type: null, ranges: [], options: new Map(), position: { row: 1, column: 1, offsetX: 0, offsetY: 0 } });

// ---------------------------------------------------------------- the Charts service's own charts

/** Charts.ColumnType (developers.google.com/apps-script/reference/charts/column-type). */
export const ColumnType = Object.freeze({ DATE: 'DATE', NUMBER: 'NUMBER', STRING: 'STRING' });

/** A built DataTable: columns (type, label) and rows, null where a value is missing. */
export interface DataTableSpec {
  readonly columns: ReadonlyArray<{ type: string; label: string }>;
  readonly rows: ReadonlyArray<ReadonlyArray<unknown>>;
}

/** What a chart built by Charts.newLineChart() and the like holds: enough to draw it (offline pages do, as SVG). */
export interface StandaloneChartSpec {
  readonly type: string;
  readonly data: DataTableSpec;
  readonly options: ReadonlyMap<string, unknown>;
}

/** The smallest valid PNG (1×1, transparent): Google draws the real picture; offline it stands in for it. */
export const PLACEHOLDER_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/**
 * Charts.newDataTable() (developers.google.com/apps-script/reference/charts/data-table-builder): columns first,
 * then rows in the columns' order; build() throws on an empty table. A value must suit its column's type
 * (null is a missing value).
 */
export class FakeDataTableBuilder {
  private readonly columns: Array<{ type: string; label: string }> = [];
  private readonly rows: unknown[][] = [];
  constructor(private readonly env: OfflineEnv) {}
  addColumn(type: string, label: string): this {
    this.env.calls.hit('DataTableBuilder.addColumn');
    if (!Object.values(ColumnType).includes(String(type) as never)) throw new Error(`Invalid argument: type (${type})`);
    this.columns.push({ type: String(type), label: String(label) });
    return this;
  }
  addRow(values: unknown[]): this {
    this.env.calls.hit('DataTableBuilder.addRow');
    if (!Array.isArray(values)) throw new Error("The parameters don't match the method signature for Charts.DataTableBuilder.addRow.");
    values.forEach((v, k) => {
      const type = this.columns[k]?.type;
      const ok = v === null || v === undefined || (type === 'NUMBER' ? typeof v === 'number' : type === 'STRING' ? typeof v === 'string' : type === 'DATE');
      if (!ok) throw new Error(`Invalid argument: value ${JSON.stringify(v)} in column ${k} does not suit its type ${type ?? '(no such column)'}`);
    });
    this.rows.push(values.map((v) => v ?? null));
    return this;
  }
  setValue(row: number, column: number, value: unknown): this {
    this.env.calls.hit('DataTableBuilder.setValue');
    while (this.rows.length <= row) this.rows.push([]);
    this.rows[row][column] = value;
    return this;
  }
  build(): DataTableSpec {
    this.env.calls.hit('DataTableBuilder.build');
    if (this.columns.length === 0 || this.rows.length === 0) throw new Error('The data table is empty.');
    return { columns: this.columns.map((c) => ({ ...c })), rows: this.rows.map((r) => this.columns.map((_, k) => r[k] ?? null)) };
  }
  /** The table so far, as setDataTable takes a builder too. */
  spec(): DataTableSpec {
    return { columns: [...this.columns], rows: this.rows.map((r) => this.columns.map((_, k) => r[k] ?? null)) };
  }
}

/**
 * Charts.newLineChart() and its kin (developers.google.com/apps-script/reference/charts/line-chart-builder):
 * options under their Gviz names; build() needs a data table.
 */
export class FakeChartBuilder {
  private data: DataTableSpec | null = null;
  private readonly options = new Map<string, unknown>();
  constructor(
    private readonly env: OfflineEnv,
    private readonly type: string,
  ) {}
  private me(method: string, change: () => void = () => {}): this {
    this.env.calls.hit(`${this.type === 'LINE' ? 'LineChartBuilder' : 'ChartBuilder'}.${method}`);
    change();
    return this;
  }
  setDataTable(table: DataTableSpec | FakeDataTableBuilder): this {
    return this.me('setDataTable', () => {
      this.data = table instanceof FakeDataTableBuilder ? table.spec() : table;
    });
  }
  setTitle(title: string): this {
    return this.me('setTitle', () => this.options.set('title', String(title)));
  }
  setDimensions(width: number, height: number): this {
    return this.me('setDimensions', () => {
      this.options.set('width', width);
      this.options.set('height', height);
    });
  }
  setOption(option: string, value: unknown): this {
    return this.me('setOption', () => this.options.set(String(option), value));
  }
  setLegendPosition(position: string): this {
    return this.me('setLegendPosition', () => this.options.set('legend.position', String(position).toLowerCase()));
  }
  setPointStyle(style: string): this {
    return this.me('setPointStyle', () => this.options.set('pointStyle', String(style)));
  }
  setColors(colors: string[]): this {
    return this.me('setColors', () => this.options.set('colors', [...colors]));
  }
  setXAxisTitle(title: string): this {
    return this.me('setXAxisTitle', () => this.options.set('hAxis.title', title));
  }
  setYAxisTitle(title: string): this {
    return this.me('setYAxisTitle', () => this.options.set('vAxis.title', title));
  }
  setRange(start: number, end: number): this {
    return this.me('setRange', () => {
      this.options.set('vAxis.viewWindow.min', start);
      this.options.set('vAxis.viewWindow.max', end);
    });
  }
  build(): FakeChart {
    this.env.calls.hit(`${this.type === 'LINE' ? 'LineChartBuilder' : 'ChartBuilder'}.build`);
    if (!this.data) throw new Error('Data table is not set.');
    return new FakeChart(this.env, { type: this.type, data: this.data, options: new Map(this.options) });
  }
}

/** A built chart (developers.google.com/apps-script/reference/charts/chart): its picture as a PNG blob. */
export class FakeChart {
  constructor(
    private readonly env: OfflineEnv,
    readonly spec: StandaloneChartSpec,
  ) {}
  getAs(contentType: string): FakeBlob {
    this.env.calls.hit('Chart.getAs');
    if (String(contentType) !== 'image/png') throw new Error(`Converting from ${this.spec.type} chart to ${contentType} is not supported.`);
    const blob = new FakeBlob(this.env, Buffer.from(PLACEHOLDER_PNG), 'image/png', String(this.spec.options.get('title') ?? 'chart'));
    blob.chart = this.spec;
    return blob;
  }
  getBlob(): FakeBlob {
    return this.getAs('image/png');
  }
}

/** The Charts service: the enums, and the builders scripts draw their own charts with. */
export const newChartsService = (env: OfflineEnv) => ({
  ChartType,
  Position,
  PointStyle,
  ColumnType,
  newDataTable: () => {
    env.calls.hit('Charts.newDataTable');
    return new FakeDataTableBuilder(env);
  },
  newLineChart: () => {
    env.calls.hit('Charts.newLineChart');
    return new FakeChartBuilder(env, ChartType.LINE);
  },
});
export type FakeCharts = ReturnType<typeof newChartsService>;
