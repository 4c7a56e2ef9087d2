/** Findings as a sheet table, as dialog HTML, and from ranges recognised by their header rows. */
import { analyseWorkbook } from '../../../src/core/findings/analyse';
import { describeRefs, findingsTable, FINDINGS_HEADER } from '../../../src/core/findings/table';
import { findingsHtml } from '../../../src/core/findings/html';
import { workbookFromRanges } from '../../../src/core/findings/ranges';
import type { Finding } from '../../../src/core/findings/types';
import { exampleValues, NOW, sheet, TZ } from './fixture';

const finding = (over: Partial<Finding> = {}): Finding => ({
  id: 'x',
  analysis: 'unknowns',
  severity: 'high',
  question: 'Other support issues',
  title: 'T',
  evidence: 'E',
  action: 'A',
  refs: [
    { tab: 'contracts', tabName: 'Contracts', row: 6, column: 'Support hours' },
    { tab: 'incidents', tabName: 'Incidents', row: 9 },
    { tab: 'incidents', tabName: 'Incidents', row: 10 },
    { tab: 'incidents', tabName: 'Incidents', row: 11 },
    { tab: 'incidents', tabName: 'Incidents', row: 14 },
  ],
  serviceIds: [],
  ...over,
});

describe('findings table', () => {
  test('a header row, then one row per finding with rows described by tab', () => {
    const t = findingsTable([finding()]);
    expect(t[0]).toEqual([...FINDINGS_HEADER]);
    expect(t[1]).toEqual(['High', 'Other support issues', 'T', 'E', 'A', 'Contracts row 6; Incidents rows 9-11, 14']);
    expect(describeRefs([])).toBe('');
  });

  test("text that looks like a formula is returned unchanged (a custom function's result is a value; an apostrophe would show)", () => {
    expect(findingsTable([finding({ title: '=HYPERLINK("x")', evidence: '+1', action: '-' })])[1].slice(2, 5)).toEqual(['=HYPERLINK("x")', '+1', '-']);
  });
});

describe('findings dialog', () => {
  test('every sheet text is escaped and rows are links', () => {
    const html = findingsHtml(
      [finding({ title: '<img src=x onerror=alert(1)>', evidence: 'a & b', action: '"quoted"' }), finding({ id: 'y', severity: 'info' })],
      { goToFunction: 'selectCell' },
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('a &amp; b');
    expect(html).toContain('&quot;quoted&quot;');
    expect(html).toContain('onclick="go(&quot;contracts&quot;,6,&quot;Support hours&quot;)"');
    expect(html.indexOf('High (1)')).toBeLessThan(html.indexOf('Info (1)'));
    expect(findingsHtml([], { goToFunction: 'f' })).toContain('No findings');
  });

  test('counts are worded as plain plurals', () => {
    expect(findingsHtml([finding()], { goToFunction: 'f', problems: 1 })).toMatch(/<p>1 finding\. .*<p class="k">1 cell could not be read/);
    expect(findingsHtml([finding(), finding({ id: 'y' })], { goToFunction: 'f', problems: 3 })).toMatch(/<p>2 findings\. .*3 cells could not be read/);
  });
});

describe('ranges recognised by header', () => {
  test('the example school from ranges in any order gives the same findings as from the workbook', () => {
    const v = exampleValues();
    const ranges = [v.incidents, v.contracts, v.services, v.sla, v.targets, v.equipment, v.calendars, v.closures, v.people];
    const { workbook } = workbookFromRanges(ranges, TZ);
    const fromRanges = analyseWorkbook(workbook, { now: NOW });
    expect(fromRanges.map((f) => f.id)).toContain('coverage:PRN-01:PRINT');
    expect(fromRanges.length).toBeGreaterThan(20);
  });

  test('bad ranges give a message naming the argument', () => {
    const services = sheet('services', [{ serviceId: 'A', name: 'A', rank: 1, status: 'Supported' }]);
    expect(() => workbookFromRanges([services, [['What', 'is', 'this']]], TZ)).toThrow(
      new Error(
        'range 2: its first row is not the header of a Services, Equipment, SLA, Targets, Contracts, Incidents, Calendars, Closures, People, Settings tab',
      ),
    );
    expect(() => workbookFromRanges([services, services], TZ)).toThrow('range 2: a second Services range');
    expect(() => workbookFromRanges([sheet('contracts', [])], TZ)).toThrow('ranges: no Services range given');
    expect(() => workbookFromRanges([services, 'text'], TZ)).toThrow('range 2: expected a range');
  });
});
