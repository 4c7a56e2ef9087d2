/** SLM_FINDINGS, Check contracts and the sidebar's findings, run through the built bundle in the offline runtime. */
import { analyseWorkbook } from '../../src/core/findings/analyse';
import { findingsTable } from '../../src/core/findings/table';
import { tabOrder, workbookSchema } from '../../src/core/schema/workbook';
import type { TabKey } from '../../src/core/schema/types';
import { parseWorkbook, type WorkbookValues } from '../../src/core/workbook/parseWorkbook';
import { exampleRuntime, NOW } from '../support/offline';
import { thrownMessage } from '../support/thrown';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
const TZ = 'Europe/London';

/** The example school, with the bundle's clock set to the moment it was loaded at. */
function school(mode: 'script' | 'customFunction' = 'script') {
  const rt = exampleRuntime();
  rt.run(`Date.now = () => ${NOW};`);
  const ss = rt.spreadsheet as unknown as Ss;
  const values = {} as Record<TabKey, unknown[][]>;
  for (const key of tabOrder()) values[key] = ss.getSheetByName(workbookSchema()[key].name)!.getDataRange().getValues();
  rt.calls.reset();
  rt.mode = mode;
  return { rt, ss, values };
}

describe('SLM_FINDINGS on the built bundle', () => {
  test("ranges in any order give the same table as the core, with the guidance's findings", () => {
    const { rt, values } = school('customFunction');
    const v = values;
    const table = rt.global.SLM_FINDINGS(v.incidents, v.contracts, v.services, v.sla, v.targets, v.equipment, v.calendars, v.closures, v.people) as string[][];
    const expected = findingsTable(analyseWorkbook(parseWorkbook(values as WorkbookValues, TZ).workbook, { now: NOW }));
    expect(table).toEqual(expected);
    expect(table[0]).toEqual(['Severity', 'Question', 'Finding', 'Evidence', 'Action', 'Rows']);
    const titles = table.slice(1).map((r) => r[2]);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Whiteboard Supplier Ltd (WB-01): support hours unknown',
        'PrintCare Maintenance (PRN-01) leaves 10 h a week of Printing hours uncovered',
        "Office Software Helpdesk (SW-01) cannot fix Email within the 4 h target: after 1 h of the school's own handling, its 24 h fix, counted in its own hours (Mon-Fri 09:00-17:00), can take up to 31 h of Email's support hours",
        'Colour printing has no known users but costs £1,450 a year in contracts',
        'Language exam software is in use but unsupported, with unknown licences',
      ]),
    );
    expect(titles.some((t) => t.startsWith('FastNet ISP (ISP-01) gives more than Internet access needs') && t.includes('£6,400'))).toBe(true);
    expect(titles.some((t) => /^PrintCare Maintenance \(PRN-01\) missed its response time on \d+ of \d+ calls/.test(t))).toBe(true);
    expect(titles.some((t) => /logged against LIBRARY, which is not in the catalogue/.test(t))).toBe(true);
    // A custom function reads nothing from the spreadsheet but its zone.
    expect(rt.calls.count('Range.getValues')).toBe(0);
  });

  test('an explicit time zone is accepted last; bad arguments give a plain message', () => {
    const { rt, values } = school('customFunction');
    const withZone = rt.global.SLM_FINDINGS(values.services, values.contracts, 'Europe/London') as string[][];
    expect(withZone.slice(1).map((r) => r[2])).toContain('Whiteboard Supplier Ltd (WB-01): support hours unknown');
    const message = thrownMessage;
    expect(message(() => rt.global.SLM_FINDINGS(values.services, 'Mars/Base'))).toBe(
      'time zone (last argument): "Mars/Base" is not a time zone; use a name such as Europe/London',
    );
    expect(message(() => rt.global.SLM_FINDINGS(values.contracts))).toBe('ranges: no Services range given (each range is recognised by its header row)');
    expect(
      message(() =>
        rt.global.SLM_FINDINGS(values.services, [
          ['Nothing', 'known'],
          [1, 2],
        ]),
      ),
    ).toMatch(/^range 2: its first row is not the header of a Services, Equipment/);
    expect(message(() => rt.global.SLM_FINDINGS())).toBe('ranges: no Services range given (each range is recognised by its header row)');
  });

  test('a services range alone still answers, and blank rows are ignored', () => {
    const { rt, values } = school('customFunction');
    const table = rt.global.SLM_FINDINGS([...values.services, ['', '', '', '', '', '', '', '', '', '', '']]) as string[][];
    expect(table[0][0]).toBe('Severity');
    expect(table.slice(1).map((r) => r[2])).toContain('Colour printing has no SLA');
  });
});

describe('Check contracts and the sidebar API on the built bundle', () => {
  test('the dialog lists findings by severity, escaped, after one read per tab', () => {
    const { rt, ss } = school();
    const services = ss.getSheetByName('Services')!;
    // A service name with markup: it must reach the dialog as text.
    services.getRange(9, 2).setValue('<b>Colour</b> printing');
    rt.calls.reset();
    rt.global.menuCheckContracts();
    expect(rt.calls.count('Range.getValues')).toBeLessThanOrEqual(tabOrder().length);
    expect(rt.calls.count('Range.setValues') + rt.calls.count('Range.setValue')).toBe(0);
    const shown = rt.ui.shown[rt.ui.shown.length - 1];
    expect(shown.kind).toBe('modal');
    expect(shown.title).toMatch(/^Check contracts: \d+ findings, \d+ to act on$/);
    const html = shown.output.getContent();
    expect(html).toContain('Whiteboard Supplier Ltd (WB-01): support hours unknown');
    expect(html).toContain('&lt;b&gt;Colour&lt;/b&gt; printing');
    expect(html).not.toContain('<b>Colour</b>');
    expect(html.indexOf('High (')).toBeLessThan(html.indexOf('Medium ('));
  });

  test('getFindings returns plain data, and selectCell selects the cell a finding refers to', () => {
    const { rt, ss } = school();
    const findings = rt.global.getFindings() as Array<{ id: string; refs: Array<{ tab: string; row: number; column?: string }> }>;
    expect(JSON.parse(JSON.stringify(findings))).toEqual(findings);
    const wb = findings.find((f) => f.id === 'coverage:WB-01:unknown')!;
    const ref = wb.refs[0];
    rt.global.selectCell(ref.tab, ref.row, ref.column);
    const col = workbookSchema().contracts.columns.findIndex((c) => c.header === 'Support hours') + 1;
    const active = ss.getActiveRange()!;
    expect([active.getSheet().getName(), active.getRow(), active.getColumn()]).toEqual(['Contracts', 6, col]);
    expect(() => rt.global.selectCell('nowhere', 2)).toThrow('There is no "nowhere" tab in this workbook.');
  });
});
