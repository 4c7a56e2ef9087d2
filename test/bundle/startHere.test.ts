/** The Start here tab and Help on the built bundle: the steps, their state from the workbook, links to the tabs. */
import { START_STEPS } from '../../src/core/start/steps';
import { START_TAB } from '../../src/core/start/tab';
import { recalculateRuntime } from '../../offline/recalcRuntime';
import { exampleWithFormulas } from '../support/formulas';
import { loadedRuntime, NOW } from '../support/offline';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

const checklist = (ss: Ss) => {
  const shown = ss.getSheetByName(START_TAB)!.getDataRange().getDisplayValues();
  const header = shown.findIndex((r) => r[0] === 'Step');
  return { header: shown[header], rows: shown.slice(header + 1, header + 1 + START_STEPS.length) };
};

describe('Start here', () => {
  test('is the first tab, active after Set up, and lists the seven steps with what an empty workbook lacks', () => {
    const rt = loadedRuntime();
    rt.run(`Date.now = function () { return ${NOW}; };`);
    rt.global.setUpWorkbook();
    const ss = rt.spreadsheet as unknown as Ss;
    expect(ss.getSheets()[0].getName()).toBe(START_TAB);
    expect(ss.getActiveSheet().getName()).toBe(START_TAB);
    expect(recalculateRuntime(rt, NOW)).toEqual([]);
    const { header, rows } = checklist(ss);
    expect(header.slice(0, 5)).toEqual(['Step', 'Done', 'What the workbook shows', 'Where', 'Go to']);
    expect(rows.map((r) => r[0])).toEqual(START_STEPS.map((s, i) => `${i + 1}. ${s.title}`));
    expect(rows.map((r) => r[1])).toEqual(START_STEPS.map(() => 'To do'));
    expect(rows[0][2]).toBe('No services yet.');
    expect(rows[4][2]).toBe('No calls yet.');
    expect(rows[4][3]).toMatch(/Import incidents/);
    // Each step links to its tab by the tab's own id.
    const services = ss.getSheetByName('Services')!.getSheetId();
    expect(ss.getSheetByName(START_TAB)!.getRange(6, 5).getFormula()).toBe(`=HYPERLINK("#gid=${services}","Open Services")`);
  });

  test('with the example school: the steps done are ticked, and what is missing is named', () => {
    const { rt, problems } = exampleWithFormulas();
    expect(problems).toEqual([]);
    const { rows } = checklist(rt.spreadsheet as unknown as Ss);
    const state = Object.fromEntries(rows.map((r) => [r[0].replace(/^\d+\. /, ''), [r[1], r[2]]]));
    expect(state['List your services']).toEqual(['✓', '9 services listed (8 supported).']);
    expect(state['Rank them by importance'][0]).toBe('✓');
    expect(state['Set their hours'][0]).toBe('✓');
    expect(state['Bring in your calls'][1]).toMatch(/^\d+ calls, the latest opened on /);
    expect(state['Generate and sign the SLA']).toEqual(['To do', 'Not generated yet.']);
    // A service typed without hours turns its step back to To do, naming it.
    const ss = rt.spreadsheet as unknown as Ss;
    const sheet = ss.getSheetByName('Services')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const row = header.map(
      (h) => (({ 'Service ID': 'LIBRARY', Service: 'Library system', 'Priority rank': 10, Status: 'Supported' }) as Record<string, unknown>)[String(h)] ?? '',
    );
    sheet.getRange(sheet.getLastRow() + 1, 1, 1, row.length).setValues([row]);
    recalculateRuntime(rt, NOW);
    const after = checklist(ss).rows;
    expect(after[2].slice(1, 3)).toEqual(['To do', 'No service hours for Library system.']);
  });

  test('Help shows the same steps', () => {
    const rt = loadedRuntime();
    rt.global.menuHelp();
    const html = rt.ui.shown.at(-1)!.output.getContent();
    for (const step of START_STEPS) expect(html).toContain(step.title);
    expect(html).toContain('Clear example school');
  });
});
