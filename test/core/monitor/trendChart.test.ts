/** The trend table drawn as SVG and said in words: gaps stay gaps, every text is escaped. */
import { chartDescription, lineChartSvg, TREND_COLOURS } from '../../../src/core/monitor/trendChart';

const TABLE = [
  ['Month', 'Email (target 85%)', 'Printing <b>&</b>'],
  ['Jan 2026', 0.8, ''],
  ['Feb 2026', '', 0.5],
  ['Mar 2026', 0.9, ''],
  ['Apr 2026', 0.95, ''],
];
const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;
const seriesOf = (svg: string, name: string) => svg.slice(svg.indexOf(`data-series="${name}"`), svg.indexOf('</g>', svg.indexOf(`data-series="${name}"`)));

describe('lineChartSvg', () => {
  const svg = lineChartSvg('Items met per month', TABLE);

  test('a month without a figure is a gap: lines join only neighbouring months, a lone month is a dot', () => {
    const email = seriesOf(svg, 'Email (target 85%)');
    expect(count(email, /<polyline/g)).toBe(1);
    expect(/points="([^"]*)"/.exec(email)![1].split(' ')).toHaveLength(2);
    expect(count(email, /<circle/g)).toBe(3);
    const printing = seriesOf(svg, 'Printing &lt;b&gt;&amp;&lt;/b&gt;');
    expect(count(printing, /<polyline/g)).toBe(0);
    expect(count(printing, /<circle/g)).toBe(1);
    // No dot sits on the 0% line for the blanks, nor the lowest figure (50%) on the foot: the axis starts at 40%.
    expect(svg).not.toMatch(/>0%</);
    expect(svg).toMatch(/>40%</);
    const foot = Math.max(...[...svg.matchAll(/<line x1="52" x2="\d+" y1="([\d.]+)"/g)].map((m) => Number(m[1])));
    const lowest = Math.max(...[...svg.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1])));
    expect(foot - lowest).toBeGreaterThan(20);
  });

  test('no single target line (targets differ by service); the legend sits under the plot; title and description make it accessible', () => {
    expect(svg).not.toMatch(/stroke-dasharray|Target \(strictest/);
    expect(count(svg, /<g class="series"/g)).toBe(2);
    const legendY = [...svg.matchAll(/<text x="\d+(?:\.\d+)?" y="([\d.]+)" font-size="11" fill="#202124">/g)].map((m) => Number(m[1]));
    const lowestDot = Math.max(...[...svg.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1])));
    expect(legendY).toHaveLength(2);
    for (const ly of legendY) expect(ly).toBeGreaterThan(lowestDot);
    // The plot spans the chart's width (no legend column at the right).
    const xs = [...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...xs)).toBeGreaterThan(500);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*><title>Items met per month<\/title><desc>Jan 2026 to Apr 2026/);
  });

  test('a long name takes a second line in the legend, and is shortened only past that, never its target', () => {
    const two = lineChartSvg(
      'Availability per month',
      [
        ['Month', 'Internet access, Management information system, Email, Printing, Word processing: 100% in every month measured'],
        ['Jan 2026', 1],
      ],
      400,
    );
    const lines = [...two.matchAll(/<text x="34" y="[\d.]+" font-size="11" fill="#202124">([^<]*)</g)].map((m) => m[1]);
    expect(lines.join(' ')).toBe('Internet access, Management information system, Email, Printing, Word processing: 100% in every month measured');
    expect(lines).toHaveLength(2);
    const long = lineChartSvg(
      'Availability per month',
      [
        ['Month', `${'Management information system '.repeat(5)}(target 99%)`, 'Email'],
        ['Jan 2026', 1, 1],
      ],
      400,
    );
    expect(long).toMatch(/>Management[^<]*… \(target 99%\)</);
  });

  test('a running month is partial: its point hollow, reached by a dashed segment, and the legend says what that means', () => {
    const t = [
      ['Month', 'Email (target 90%)', 'Printing (target 85%)'],
      ['Oct 2026', 0.9, 1],
      ['Nov 2026', 0.95, ''],
      ['Dec 2026 (to date)', 0.5, 1],
    ];
    const chart = lineChartSvg('Items met per month', t);
    const email = seriesOf(chart, 'Email (target 90%)');
    // The whole months are a solid line; the step into December is dashed, December's point hollow.
    expect(/points="([^"]*)"/.exec(email)![1].split(' ')).toHaveLength(2);
    expect(count(email, /<line class="partial"[^>]*stroke-dasharray/g)).toBe(1);
    expect(email).toMatch(/<circle [^>]*fill="#fff" stroke="#0072B2"[^>]*><title>Email \(target 90%\), Dec 2026 \(to date\): 50%<\/title>/);
    expect(count(email, /fill="#fff"/g)).toBe(1);
    // A lone running-month dot (Printing has no November) is hollow too, with no segment into it.
    const printing = seriesOf(chart, 'Printing (target 85%)');
    expect(count(printing, /<line class="partial"/g)).toBe(0);
    expect(count(printing, /fill="#fff"/g)).toBe(1);
    expect(chart).toContain('>Dec to date: may still change<');
    expect(chart).toMatch(/>Dec<\/text><text [^>]*>to date</);
    // A table without a running month has no such key.
    expect(svg).not.toContain('to date: may still change');
  });

  test('colour-blind-safe colours (Okabe–Ito), the same list the native charts are given; a line with no figure is not drawn nor listed', () => {
    expect(TREND_COLOURS.slice(0, 3)).toEqual(['#0072B2', '#E69F00', '#009E73']);
    expect(new Set(TREND_COLOURS).size).toBe(TREND_COLOURS.length);
    const t = [
      ['Month', 'Email', 'Colour printing', 'Printing'],
      ['Jan 2026', 0.9, '', 1],
      ['Feb 2026', 0.8, '', 1],
    ];
    const chart = lineChartSvg('Items met per month', t);
    expect(count(chart, /<g class="series"/g)).toBe(2);
    expect(chart).not.toContain('Colour printing');
    expect(seriesOf(chart, 'Printing')).toContain(`stroke="${TREND_COLOURS[1]}"`);
  });

  test('every text from the sheet is escaped', () => {
    const hostile = lineChartSvg('<img src=x onerror=alert(1)>', [
      ['Month', '"><script>x</script>'],
      ['Jan 2026', 1],
    ]);
    expect(hostile).not.toMatch(/<script|<img/);
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hostile).toContain('&quot;&gt;&lt;script&gt;');
  });

  test('nothing to draw says so instead of drawing zeros', () => {
    const empty = lineChartSvg('Availability per month', [
      ['Month', 'Email'],
      ['Jan 2026', ''],
      ['Feb 2026', ''],
    ]);
    expect(empty).toContain('No month has a figure yet');
    expect(count(empty, /<circle|<polyline/g)).toBe(0);
  });
});

describe('chartDescription', () => {
  test("says the span, each line's latest and lowest figure, the months under its own target and how many months have figures", () => {
    expect(chartDescription(TABLE)).toBe(
      'Jan 2026 to Apr 2026, one line per service, each named with its own target; a month without figures is a gap. ' +
        'Email (target 85%): 95% in Apr 2026, lowest 80% in Jan 2026, under its target in Jan 2026 (figures in 3 of 4 months); ' +
        'Printing <b>&</b>: 50% in Feb 2026 (figures in 1 of 4 months).',
    );
  });
  test("a figure at its own target is not under it: Storage at 98.8% against 98% met, whatever other services' targets are", () => {
    const t = [
      ['Month', 'Internet access (target 99%)', 'Shared data storage (target 98%)'],
      ['Jun 2026', 0.995, 0.988],
    ];
    expect(chartDescription(t)).toContain('Shared data storage (target 98%): 98.8% in Jun 2026, never under its target');
    expect(chartDescription(t)).toContain('Internet access (target 99%): 99.5% in Jun 2026, never under its target');
  });
  test('lines at 100% every month lie on one another, and the words say which', () => {
    const t = [
      ['Month', 'Internet access', 'Email', 'Printing', 'Colour'],
      ['Jan 2026', 0.97, 1, 1, ''],
      ['Feb 2026', 1, 1, '', ''],
      ['Mar 2026', 0.99, 1, 1, ''],
    ];
    expect(chartDescription(t)).toMatch(/ At 100% in every month with a figure, so their lines lie on one another: Email, Printing\.$/);
    expect(chartDescription(t.map((r) => r.slice(0, 3)))).not.toMatch(/lie on one another/);
  });
  test('a table with no figure at all says so', () => {
    expect(
      chartDescription([
        ['Month', 'Email'],
        ['Jan 2026', ''],
      ]),
    ).toBe('Jan 2026 to Jan 2026: no month has a figure yet.');
  });
});
