/** The Charts service's own charts and the images Docs takes, as the offline runtime fakes them. */
import * as os from 'node:os';
import { createOfflineRuntime } from '../../offline';
import { PLACEHOLDER_PNG } from '../../offline/charts';

const runtime = () => createOfflineRuntime({ distDir: os.tmpdir() });

describe('Charts: data tables and line charts', () => {
  test("a data table checks each value against its column's type, null being a missing value; an empty one does not build", () => {
    const { Charts } = runtime().services;
    const data = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'Month').addColumn(Charts.ColumnType.NUMBER, 'Email');
    expect(() => data.addRow(['Jan 2026', '95%'])).toThrow(/does not suit its type NUMBER/);
    expect(() => Charts.newDataTable().addColumn('PERCENT', 'x')).toThrow(/Invalid argument: type/);
    data.addRow(['Jan 2026', 0.95]).addRow(['Feb 2026', null]);
    expect(data.build()).toEqual({
      columns: [
        { type: 'STRING', label: 'Month' },
        { type: 'NUMBER', label: 'Email' },
      ],
      rows: [
        ['Jan 2026', 0.95],
        ['Feb 2026', null],
      ],
    });
    expect(() => Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'Month').build()).toThrow(/empty/);
  });

  test('a line chart needs its data; its PNG is a placeholder that remembers the chart; other picture types are refused', () => {
    const rt = runtime();
    const { Charts } = rt.services;
    expect(() => Charts.newLineChart().setTitle('x').build()).toThrow(/Data table is not set/);
    const data = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'Month').addColumn(Charts.ColumnType.NUMBER, 'Email').addRow(['Jan 2026', 1]);
    const chart = Charts.newLineChart().setDataTable(data).setTitle('Availability').setDimensions(600, 320).setOption('interpolateNulls', false).build();
    const png = chart.getAs('image/png');
    expect(png.getContentType()).toBe('image/png');
    expect(Buffer.from(png.getBytes().map((b) => (b + 256) % 256)).equals(PLACEHOLDER_PNG)).toBe(true);
    expect(png.chart?.options.get('title')).toBe('Availability');
    expect(png.chart?.data.rows).toEqual([['Jan 2026', 1]]);
    expect(() => chart.getAs('application/pdf')).toThrow(/not supported/);
    expect(rt.calls.count('LineChartBuilder.*')).toBeGreaterThanOrEqual(5);
  });
});

describe('DocumentApp: inline images', () => {
  test("appendImage takes a PNG, JPEG or GIF blob into a new paragraph, keeps its alt text, and a chart's picture is drawn as SVG", () => {
    const rt = runtime();
    const { Charts, DocumentApp, Utilities } = rt.services;
    const doc = DocumentApp.create('Review');
    const body = doc.getBody();
    expect(() => body.appendImage(Utilities.newBlob('<svg/>', 'image/svg+xml', 'x.svg') as never)).toThrow(/PNG, JPEG or GIF/);
    const data = Charts.newDataTable()
      .addColumn(Charts.ColumnType.STRING, 'Month')
      .addColumn(Charts.ColumnType.NUMBER, 'Email <b>')
      .addRow(['Jan 2026', 0.9])
      .addRow(['Feb 2026', null])
      .addRow(['Mar 2026', 1]);
    const png = Charts.newLineChart().setDataTable(data).setTitle('Items met').setDimensions(600, 320).build().getAs('image/png');
    const image = body
      .appendImage(png as never)
      .setAltTitle('Items met')
      .setAltDescription('Email: 100% in Mar 2026.');
    expect([image.getWidth(), image.getHeight(), image.getAltTitle()]).toEqual([600, 320, 'Items met']);
    expect(body.getNumChildren()).toBe(2);
    const fake = DocumentApp.bodyOf(doc.getId());
    expect(fake.structure()[1]).toEqual({
      type: 'image',
      contentType: 'image/png',
      altTitle: 'Items met',
      altDescription: 'Email: 100% in Mar 2026.',
      width: 600,
      height: 320,
      chart: {
        type: 'LINE',
        title: 'Items met',
        columns: ['Month', 'Email <b>'],
        rows: [
          ['Jan 2026', 0.9],
          ['Feb 2026', null],
          ['Mar 2026', 1],
        ],
      },
    });
    const html = fake.renderHtml();
    expect(html).toMatch(/<figure class="image chart"><svg [^>]*role="img"[^>]*><title>Items met<\/title>/);
    expect(html).toContain('data-series="Email &lt;b&gt;"');
    // Two dots, no line: February has no figure, so January and March are not joined.
    expect((html.match(/<circle/g) ?? []).length).toBe(2);
    expect(html).not.toMatch(/<polyline/);
    const plain = body.appendImage(Utilities.newBlob(Array.from(PLACEHOLDER_PNG), 'image/png', 'dot.png') as never);
    expect([plain.getWidth(), plain.getHeight()]).toEqual([1, 1]);
    expect(fake.renderHtml()).toMatch(/<img src="data:image\/png;base64,iVBOR[^"]*" alt="" width="1" height="1">/);
  });
});
