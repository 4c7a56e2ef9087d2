/** The trend table drawn as SVG and said in words: gaps stay gaps, every text is escaped. */
import { chartDescription, lineChartSvg } from '../../../src/core/monitor/trendChart';
import { TARGET_HEADER } from '../../../src/core/monitor/trends';

const TABLE = [
  ['Month', 'Email', 'Printing <b>&</b>', TARGET_HEADER],
  ['Jan 2026', 0.8, '', 0.95],
  ['Feb 2026', '', 0.5, 0.95],
  ['Mar 2026', 0.9, '', 0.95],
  ['Apr 2026', 0.95, '', 0.95],
];
const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;
const seriesOf = (svg: string, name: string) => svg.slice(svg.indexOf(`data-series="${name}"`), svg.indexOf('</g>', svg.indexOf(`data-series="${name}"`)));

describe('lineChartSvg', () => {
  const svg = lineChartSvg('Items met per month', TABLE);

  test('a month without a figure is a gap: lines join only neighbouring months, a lone month is a dot', () => {
    const email = seriesOf(svg, 'Email');
    expect(count(email, /<polyline/g)).toBe(1);
    expect(/points="([^"]*)"/.exec(email)![1].split(' ')).toHaveLength(2);
    expect(count(email, /<circle/g)).toBe(3);
    const printing = seriesOf(svg, 'Printing &lt;b&gt;&amp;&lt;/b&gt;');
    expect(count(printing, /<polyline/g)).toBe(0);
    expect(count(printing, /<circle/g)).toBe(1);
    // No dot sits on the 0% line for the blanks: the axis starts at 50% here, the lowest figure.
    expect(svg).not.toMatch(/>0%</);
    expect(svg).toMatch(/>50%</);
  });

  test('the target is one dashed line without dots; the title and description make it accessible', () => {
    const target = seriesOf(svg, TARGET_HEADER);
    expect(count(target, /stroke-dasharray/g)).toBe(1);
    expect(count(target, /<circle/g)).toBe(0);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*><title>Items met per month<\/title><desc>Jan 2026 to Apr 2026/);
  });

  test('every text from the sheet is escaped', () => {
    const hostile = lineChartSvg('<img src=x onerror=alert(1)>', [['Month', '"><script>x</script>'], ['Jan 2026', 1]]);
    expect(hostile).not.toMatch(/<script|<img/);
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hostile).toContain('&quot;&gt;&lt;script&gt;');
  });

  test('nothing to draw says so instead of drawing zeros', () => {
    const empty = lineChartSvg('Availability per month', [['Month', 'Email'], ['Jan 2026', ''], ['Feb 2026', '']]);
    expect(empty).toContain('No month has a figure yet');
    expect(count(empty, /<circle|<polyline/g)).toBe(0);
  });
});

describe('chartDescription', () => {
  test('says the span, each line\'s latest and lowest figure and how many months have figures, and the target', () => {
    expect(chartDescription(TABLE)).toBe('Jan 2026 to Apr 2026, one line per service; a month without figures is a gap. '
      + 'Email: 95% in Apr 2026, lowest 80% in Jan 2026 (figures in 3 of 4 months); '
      + 'Printing <b>&</b>: 50% in Feb 2026 (figures in 1 of 4 months). Strictest agreed target: 95%.');
  });
  test('a table with no figure at all says so', () => {
    expect(chartDescription([['Month', 'Email'], ['Jan 2026', '']])).toBe('Jan 2026 to Jan 2026: no month has a figure yet.');
  });
});
