/**
 * Issue 9's fuzz test, on the built bundle: workbooks built from the example school with bad values
 * injected into every column of every tab (impossible years, text in numbers and dates, duplicate IDs,
 * reversed times, 50,000-character cells, formula-looking text, misspelt zones and choices), columns
 * moved, the log grown past row 1,000 and tabs renamed; then every menu action, sidebar server function
 * and custom function runs. Properties:
 * - nothing throws but a clear, located message (a tab, row, column or argument; never a TypeError);
 * - no cell of user data changes (the Documents tab gains rows, the sharer's Access cell and the import's
 *   new rows are what those actions are for; Set up may fill a blank header cell);
 * - every bad value is named by tab, row and column in Check workbook, and the cells SLM_ATTAINMENT,
 *   SLM_FINDINGS, SLM_CLOCK and SLM_TRENDS leave out are named in their own last line, and those of the
 *   generated SLA and review at their end, exactly as Check workbook names them;
 * - no figure or table cell is NaN, undefined or "[object Object]".
 * Then the way in (issue 23): careless CSV exports (stray and unclosed quotes, separators, line breaks,
 * encodings) imported, edited by a person and imported again, and call-form answers sent while the
 * workbook is disrupted: nothing lost, every skip named, a person's edits kept, every answer written once.
 * `npm test` runs a few workbooks with a fixed seed; `npm run fuzz` runs FUZZ_RUNS (default 100) with
 * FUZZ_SEED (default: a new one each time), and prints the seed so a failure can be run again.
 */
import fc from 'fast-check';
import type { OfflineRuntime } from '../../offline/runtime';
import { runEveryAction, runWritingActions, type Outcome } from '../support/everyAction';
import { applyDamage, damageArb, type Damage, type Expected } from '../support/fuzzWorkbook';
import { csvCaseArb, formCaseArb, writeCsv, type CsvCase, type FormCase } from '../support/fuzzImport';
import { exampleRuntime, NOW } from '../support/offline';
import { tabDef, tabOrder } from '../../src/core/schema/workbook';
import type { TabKey } from '../../src/core/schema/types';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Problem = { tab: string; row: number; column: string; value: string; severity: string; message: string };

const fuzzing = process.env.npm_lifecycle_event === 'fuzz';
const RUNS = Number(process.env.FUZZ_RUNS ?? (fuzzing ? 100 : 10));
const SEED = Number(process.env.FUZZ_SEED ?? (fuzzing ? Date.now() % 2_147_483_647 : 20261126));

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const shown = (v: unknown): string =>
  isDate(v) ? `Date(${v.getTime()})` : typeof v === 'string' ? JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v) : String(v);

/** Every tab's values and formulas, cell by cell, by the tab's id (Set up may give a renamed tab its name back). */
function snapshot(rt: OfflineRuntime): Map<number, { name: string; values: unknown[][]; formulas: string[][] }> {
  const out = new Map<number, { name: string; values: unknown[][]; formulas: string[][] }>();
  for (const sheet of (rt.spreadsheet as unknown as Ss).getSheets()) {
    const range = sheet.getDataRange();
    out.set(sheet.getSheetId(), { name: sheet.getName(), values: range.getValues(), formulas: range.getFormulas() });
  }
  return out;
}

/** The user's cells that changed: every cell there was before, except what the actions are meant to write. */
function changedCells(before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>): string[] {
  const changes: string[] = [];
  for (const [id, was] of before) {
    const name = was.name;
    const now = after.get(id);
    if (!now) {
      changes.push(`${name}: the tab is gone`);
      continue;
    }
    const header = (was.values[0] ?? []).map(String);
    const sharer = (r: number) => header.includes('Access') && was.values[r][header.indexOf('Name')] === 'Jo Harris';
    was.values.forEach((row, r) => {
      row.forEach((v, c) => {
        const w = now.values[r]?.[c] ?? '';
        const f = now.formulas[r]?.[c] ?? '';
        if (was.formulas[r][c] !== '' && was.formulas[r][c] === f) return;
        // Set up may give a blank header cell its column's name; sharing records the sharer's access.
        if (r === 0 && v === '') return;
        if (header[c] === 'Access' && sharer(r)) return;
        if (shown(v) !== shown(w) || was.formulas[r][c] !== f)
          changes.push(`${name}!R${r + 1}C${c + 1}: ${shown(v)} became ${shown(w)}${f ? ` (formula ${f})` : ''}`);
      });
    });
  }
  return changes;
}

/** A message that says where: a tab, a row, a column, or the argument it is about; never a script's own error. */
const INTERNAL =
  /TypeError|ReferenceError|RangeError|SyntaxError|is not a function|Cannot read propert|is not defined|Maximum call stack|Invalid time value|\bundefined\b|\bNaN\b|\[object /;
const TABS = tabOrder().map((k) => tabDef(k).name);
const located = (m: string): boolean =>
  !INTERNAL.test(m) && (/\brow \d+|\bcolumn\b|\btab\b/i.test(m) || /^[a-z_]+(, row \d+)?: /i.test(m) || TABS.some((t) => m.includes(t)));

/** Cells of a result that are a script's leftovers rather than figures or words. */
function artefacts(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'number' && !Number.isFinite(value)) out.push(`${path} = ${value}`);
  else if (typeof value === 'string' && /\bNaN\b|\bundefined\b|\[object |Invalid Date/.test(value)) out.push(`${path} = ${shown(value)}`);
  else if (isDate(value) && Number.isNaN(value.getTime())) out.push(`${path} = Invalid Date`);
  else if (Array.isArray(value))
    value.forEach((v, i) => {
      artefacts(v, `${path}[${i}]`, out);
    });
  else if (value && typeof value === 'object' && !isDate(value) && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) artefacts(v, `${path}.${k}`, out);
  }
}

/** "Incidents|30|Opened" for each cell SLM_ATTAINMENT's last line names; undefined when it answered no table or counts the rest. */
function notReadBy(outcome: Outcome | undefined): string[] | undefined {
  const table = outcome?.result as unknown[][] | undefined;
  if (!Array.isArray(table)) return undefined;
  const last = String(table?.[table.length - 1]?.[0] ?? '');
  if (!last.startsWith('Not read')) return [];
  if (/ and \d+ more\. /.test(last)) return undefined;
  return [...last.matchAll(/(\w[\w ]*?) row (\d+) \(((?:[^()]|\([^()]*\))+)\)/g)].map((m) => `${m[1].replace(/^.*: /, '')}|${m[2]}|${m[3]}`);
}

function check(damages: readonly Damage[]): void {
  const rt = exampleRuntime();
  rt.run(`Date.now = () => ${NOW};`);
  const expected: Expected[] = applyDamage(rt, damages);
  const before = snapshot(rt);
  const problems = rt.global.checkWorkbook() as Problem[];
  const outcomes = [...runEveryAction(rt), ...runWritingActions(rt)];
  const after = snapshot(rt);

  const unclear = outcomes.filter((o) => o.error !== undefined && !located(o.error)).map((o) => `${o.action}: ${o.error}`);
  expect(unclear).toEqual([]);

  expect(changedCells(before, after)).toEqual([]);

  const leftovers: string[] = [];
  for (const o of outcomes) artefacts(o.result, o.action, leftovers);
  expect(leftovers).toEqual([]);

  if (problems.length <= 500) {
    const named = (e: Expected) => problems.some((p) => p.tab === e.tab && p.row === e.row && (e.column === undefined || p.column === e.column));
    expect(expected.filter((e) => !named(e))).toEqual([]);
    // What a custom function could not read, it names in its last line, as Check workbook names it.
    const inCheck = new Set(problems.map((p) => `${p.tab}|${p.row}|${p.column}`));
    for (const fn of ['SLM_ATTAINMENT', 'SLM_FINDINGS', 'SLM_CLOCK', 'SLM_TRENDS met', 'SLM_TRENDS availability']) {
      const notRead = notReadBy(outcomes.find((o) => o.action === fn));
      if (notRead) expect({ fn, unknown: notRead.filter((n) => !inCheck.has(n)) }).toEqual({ fn, unknown: [] });
    }
    const errorsIn = (tabs: readonly TabKey[], only = (p: Problem) => p.severity === 'error') =>
      problems.filter((p) => p.row > 1 && only(p) && tabs.some((k) => tabDef(k).name === p.tab)).map((p) => `${p.tab}|${p.row}|${p.column}`);
    const attainment = notReadBy(outcomes.find((o) => o.action === 'SLM_ATTAINMENT'));
    if (attainment) {
      const leftOut = errorsIn(['incidents'], (p) => / left out of the figures\.$/.test(p.message));
      expect(leftOut.filter((n) => !attainment.includes(n))).toEqual([]);
    }
    // The documents end by naming the cells their figures could not use.
    const unread = problems.filter((p) => p.severity === 'error' && p.row > 1).map((p) => `${p.tab} row ${p.row} (${p.column})`);
    for (const fn of ['generateSla', 'generateReview']) {
      const id = (outcomes.find((o) => o.action === fn)?.result as { id?: string } | undefined)?.id;
      if (!id || unread.length > 20) continue;
      const text = rt.services.DocumentApp.bodyOf(id).getText();
      expect({ fn, missing: unread.filter((c) => !text.includes(c)) }).toEqual({ fn, missing: [] });
    }
    const findings = notReadBy(outcomes.find((o) => o.action === 'SLM_FINDINGS'));
    if (findings)
      expect(
        errorsIn(['services', 'equipment', 'sla', 'targets', 'contracts', 'incidents', 'calendars', 'closures', 'people']).filter((n) => !findings.includes(n)),
      ).toEqual([]);
  }
}

test(
  `damaged example workbooks: no unclear failure, no user cell changed, every bad value named (${RUNS} runs, seed ${SEED})`,
  () => {
    // eslint-disable-next-line no-console
    if (fuzzing) console.log(`fuzz: ${RUNS} runs, seed ${SEED} (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npm run fuzz runs them again)`);
    fc.assert(
      fc.property(fc.array(damageArb, { minLength: 1, maxLength: 10 }), (damages) => {
        check(damages);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: !fuzzing },
    );
  },
  fuzzing ? 24 * 3_600_000 : 60_000,
);

/** Issue 23's promises on the way in: nothing lost, every skip named, a person's edits kept, the same file twice changes nothing. */
const IMPORT_RUNS = Number(process.env.FUZZ_RUNS ?? (fuzzing ? 100 : 5));
const FORM_RUNS = Number(process.env.FUZZ_RUNS ?? (fuzzing ? 100 : 3));

function incidentRows(rt: OfflineRuntime): { header: string[]; rows: unknown[][]; formulas: string[][] } {
  const range = (rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')!.getDataRange();
  const [header, ...rows] = range.getValues();
  return { header: header.map(String), rows, formulas: range.getFormulas().slice(1) };
}

function checkCsv(c: CsvCase): void {
  const rt = exampleRuntime();
  const { text, lines } = writeCsv(c);
  const first = rt.global.importIncidents(text, null) as { skipped: Array<{ line: number; reason: string }>; notes: Array<{ line: number; reason: string }> };
  const named = (m: { line: number; reason: string }) => m.line >= 2 && m.reason.trim() !== '' && !INTERNAL.test(m.reason);
  expect([...first.skipped, ...first.notes].filter((m) => !named(m))).toEqual([]);
  const { header, rows, formulas } = incidentRows(rt);
  const refAt = header.indexOf('Ref');
  const onTab = new Set(rows.map((r) => String(r[refAt])));
  // Nothing lost: every record of the file is on the tab, or its line is named with the reason it was skipped.
  const skippedLines = new Set(first.skipped.map((s) => s.line));
  expect(c.records.map((r, i) => ({ ref: r.ref, line: lines[i] })).filter((r) => !onTab.has(r.ref) && !skippedLines.has(r.line))).toEqual([]);
  // Text stays text, and no cell is over Sheets' limit.
  expect(
    formulas.flatMap((r, i) => r.flatMap((f, j) => (f && String(rows[i][refAt]).startsWith('F') ? [`${rows[i][refAt]} ${header[j]}: ${f}`] : []))),
  ).toEqual([]);
  expect(rows.flatMap((r) => r.filter((v) => typeof v === 'string' && v.length > 50_000))).toEqual([]);

  // A person's edits, then a later export (Refs in another case, priorities changed): the edits are kept.
  const sheet = (rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')!;
  const typed = new Map<string, string>();
  for (const e of c.edits) {
    const ref = c.records[e.at].ref;
    const r = rows.findIndex((x) => x[refAt] === ref);
    if (r < 0) continue;
    // A value other than the cell's, so it is an edit.
    const [one, other] = { Priority: ['Critical', 'Low'], Summary: ['Typed by a person', 'Typed again'], 'Service ID': ['STORAGE', 'MIS'] }[e.column];
    const cell = sheet.getRange(r + 2, header.indexOf(e.column) + 1);
    const value = cell.getValue() === one ? other : one;
    cell.setValue(value);
    typed.set(`${ref}|${e.column}`, value);
  }
  const later = c.records.map((r, i) => {
    const change = c.changes.find((x) => x.at === i);
    return { ...r, ref: c.changes.length % 2 ? r.ref.toLowerCase() : r.ref, priority: change ? change.priority : r.priority };
  });
  const laterText = writeCsv(c, later).text;
  rt.global.importIncidents(laterText, null);
  const after = incidentRows(rt);
  const cellOf = (ref: string, column: string) => String(after.rows.find((x) => x[refAt] === ref)?.[after.header.indexOf(column)]);
  expect([...typed].map(([k]) => [k, cellOf(k.split('|')[0], k.split('|')[1])]).filter(([k, v]) => v !== typed.get(k))).toEqual([]);
  // Refs are never rewritten, and no row is added twice.
  const refsNow = after.rows.map((r) => String(r[refAt]));
  expect([...onTab].filter((r) => /^F\d+$/.test(r) && !refsNow.includes(r))).toEqual([]);
  expect(refsNow.filter((r) => /^f\d+$/.test(r) && onTab.has(r.toUpperCase()))).toEqual([]);
  expect(refsNow.filter((r, i) => r.startsWith('F') && refsNow.indexOf(r) !== i)).toEqual([]);
  // The same file again changes nothing, and writes nothing.
  rt.calls.reset();
  expect(rt.global.importIncidents(laterText, null)).toMatchObject({ added: 0, updated: 0 });
  expect(rt.calls.count('Range.setValues')).toBe(0);
}

function checkForm(c: FormCase): void {
  const rt = exampleRuntime();
  rt.global.createCallForm();
  const ss = rt.spreadsheet as unknown as Ss;
  const form = [...rt.services.FormApp.forms.values()][0];
  const [serviceItem, typeItem, impactItem, summaryItem] = form.getItems();
  const names = serviceItem.getChoices().map((ch) => ch.getValue());
  const expected: string[] = [];
  for (const a of c.answers) {
    const name = names[a.service % names.length];
    const services = ss.getSheetByName('Services')!;
    const at =
      services
        .getRange(1, 1, services.getLastRow(), 2)
        .getValues()
        .findIndex((r) => r[1] === name) + 1;
    if (a.disruption === 'renameIncidents') ss.getSheetByName('Incidents')!.setName('Calls (old)');
    if (a.disruption === 'lock') rt.services.LockService.holdByAnotherProcess('document');
    if (a.disruption === 'renameService') services.getRange(at, 2).setValue(`${name} (new)`);
    const response = form.createResponse();
    response
      .withItemResponse(serviceItem.createResponse(name))
      .withItemResponse(typeItem.createResponse(typeItem.getChoices()[0].getValue()))
      .withItemResponse(impactItem.createResponse(impactItem.getChoices()[1].getValue()))
      .withItemResponse(summaryItem.createResponse(a.summary));
    response.submit();
    const sheet = form.destination!;
    rt.fireTrigger('onCallLogged', { range: sheet.getRange(sheet.getLastRow(), 1, 1, sheet.getLastColumn()), namedValues: {} });
    expected.push(`${a.summary.trim()} (from service.manager@school.example)`);
    if (a.disruption === 'renameIncidents') ss.getSheetByName('Calls (old)')!.setName('Incidents');
    if (a.disruption === 'lock') rt.services.LockService.releaseByAnotherProcess('document');
    if (a.disruption === 'renameService') services.getRange(at, 2).setValue(name);
  }
  // The next menu action writes whatever still waits; every answer is on the tab once, each with its own Ref.
  rt.global.menuCheckWorkbook();
  const { header, rows } = incidentRows(rt);
  const calls = rows.filter((r) => String(r[header.indexOf('Ref')]).startsWith('CALL-'));
  expect(calls.map((r) => String(r[header.indexOf('Summary')])).sort()).toEqual([...expected].sort());
  expect(new Set(calls.map((r) => r[header.indexOf('Ref')])).size).toBe(calls.length);
  expect(rt.global.getCallForm()).toMatchObject({ waiting: 0 });
}

test(
  `CSV exports written carelessly, edited between imports: nothing lost, every skip named, edits kept (${IMPORT_RUNS} runs, seed ${SEED})`,
  () => {
    fc.assert(
      fc.property(csvCaseArb, (c) => {
        checkCsv(c);
      }),
      { numRuns: IMPORT_RUNS, seed: SEED, endOnFailure: !fuzzing },
    );
  },
  fuzzing ? 24 * 3_600_000 : 60_000,
);

test(
  `call-form answers sent while the workbook is disrupted: each written once (${FORM_RUNS} runs, seed ${SEED})`,
  () => {
    fc.assert(
      fc.property(formCaseArb, (c) => {
        checkForm(c);
      }),
      { numRuns: FORM_RUNS, seed: SEED, endOnFailure: !fuzzing },
    );
  },
  fuzzing ? 24 * 3_600_000 : 60_000,
);
