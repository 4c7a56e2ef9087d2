/**
 * A trust's roll-up: a trust workbook lists its schools' SLM Workbooks; Refresh trust figures opens each by id,
 * reads it as the school's own actions do and computes its figures with the same use case as the school's panel,
 * then writes the school × service matrix, trust-wide figures per service and suppliers across schools. A refresh
 * reads schools for about 4.5 minutes (Apps Script stops a script at 6), keeps what it read, and continues from a
 * one-off trigger; each school's figures are written whole or not at all.
 */
import type { BigQueryResult, GeneratedDoc, PeriodRequest, TrustProgressView, TrustRefreshResult } from '../api';
import { trustReview } from '../core/trust/review';
import { schoolFigures, unreadableReason } from '../core/trust/figures';
import { trustFigures, type SchoolResult, type TrustFigures } from '../core/trust/rollup';
import type { SchoolEntry } from '../core/trust/schools';
import { schoolsTab } from '../core/schema/trust';
import { showPicker } from './picker';
import { trustTabs, type RefreshProgress, progressText } from '../core/trust/tabs';
import { createDocument, writeDocument } from '../adapters/docs';
import { withDocumentLock } from '../adapters/lock';
import { schoolName } from '../adapters/school';
import {
  readSchools,
  readSchoolWorkbook,
  readStore,
  readTrustSettings,
  setUpSchoolsTab,
  setUpTrustSettingsTab,
  writeStore,
  writeTrustTab,
  type StoredSchool,
} from '../adapters/trust';
import { triggersFor } from '../adapters/triggers';
import { periodArg } from './arguments';
import { incidentCsv, incidentTableSchema, tableIdFor } from '../core/trust/bigquery';
import { finishedLoad, startLoad, type StartedLoad } from '../adapters/bigquery';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TITLE = 'Trust figures';
/** Document property: the refresh under way (its run id, the period asked for, whether it has finished). */
const RUN_PROPERTY = 'SLM_TRUST_REFRESH';
const CONTINUE_HANDLER = 'continueTrustRefresh';
/** Apps Script stops a script at 6 minutes; a refresh stops reading schools at 4.5 and carries on later. */
const REFRESH_BUDGET_MS = 4.5 * 60 * 1000;
/** How soon the one-off trigger carries a refresh on. */
const CONTINUE_AFTER_MS = 60 * 1000;
/**
 * An add-on's time-driven triggers run at most once an hour
 * (https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers): when the minute's
 * trigger is refused, the refresh carries on an hour later, or sooner from the panel while it is open.
 */
const ADD_ON_CONTINUE_AFTER_MS = 60 * 60 * 1000;

/** Installs the one-off trigger that carries the refresh on: in a minute, or in an hour where an add-on may not sooner. */
function continueLater(): void {
  try {
    ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(CONTINUE_AFTER_MS).create();
  } catch {
    ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(ADD_ON_CONTINUE_AFTER_MS).create();
  }
}

interface RunState {
  readonly run: string;
  readonly request: PeriodRequest;
  readonly done: boolean;
}

const loadState = (): RunState | undefined => {
  const text = PropertiesService.getDocumentProperties().getProperty(RUN_PROPERTY);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as RunState;
  } catch {
    return undefined;
  }
};
const saveState = (state: RunState): void => {
  PropertiesService.getDocumentProperties().setProperty(RUN_PROPERTY, JSON.stringify(state));
};

/** Makes this spreadsheet a trust workbook: adds the Schools tab (nothing else is touched). */
export function setUpTrustWorkbook(): { created: boolean } {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActive();
    const created = setUpSchoolsTab(ss);
    setUpTrustSettingsTab(ss);
    return { created };
  });
}

/** Opens Google Picker on spreadsheets: each workbook chosen is added to the Schools tab. */
export function menuAddSchools(): void {
  showPicker('school');
}

export function menuSetUpTrustWorkbook(): void {
  const { created } = setUpTrustWorkbook();
  const ui = SpreadsheetApp.getUi();
  ui.alert(
    'Set up as trust workbook',
    `${created ? 'Added the Schools and Trust settings tabs.' : 'The Schools tab is already here.'} List each school with a link to its SLM Workbook (the school shares it with you; Viewer is enough), then choose Refresh trust figures.`,
    ui.ButtonSet.OK,
  );
}

/** The key a school's reading is kept under: its workbook's id, or its row when the row has no readable link. */
const keyOf = (s: SchoolEntry): string => s.workbookId ?? `row ${s.row}`;

/** Reads one school's workbook and computes its figures as of now; never throws. */
function readOne(school: SchoolEntry, state: RunState): StoredSchool {
  const base = { workbookId: keyOf(school), name: school.name, run: state.run };
  if (!school.workbookId) return { ...base, readAt: undefined, error: `the Schools tab's row ${school.row} has no link to its workbook` };
  const parsed = readSchoolWorkbook(school.workbookId);
  const now = Date.now();
  if ('error' in parsed) return { ...base, readAt: now, error: parsed.error };
  const reason = unreadableReason(parsed.problems);
  if (reason) return { ...base, readAt: now, error: reason };
  try {
    return { ...base, readAt: now, figures: schoolFigures(parsed.workbook, parsed.problems, state.request, now) };
  } catch (e) {
    return { ...base, readAt: now, error: `its figures could not be computed (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** The figures of every listed, included school as last read (a school not yet read this run keeps its last reading). */
function figuresOf(included: readonly SchoolEntry[], store: ReadonlyMap<string, StoredSchool>): TrustFigures {
  const results: SchoolResult[] = included.map((s) => store.get(keyOf(s)) ?? { workbookId: keyOf(s), name: s.name, readAt: undefined, error: 'not read yet' });
  // The Schools tab's name wins over the stored one (a school renamed there since).
  return trustFigures(results.map((r, i) => ({ ...r, name: included[i].name })));
}

/** One execution of a refresh: reads the schools this run has not read yet, until the time budget is spent. */
function refreshStep(ss: Spreadsheet, state: RunState, started: number): TrustRefreshResult {
  const { schools, problems } = readSchools(ss);
  const included = schools.filter((s) => s.included);
  const store = readStore(ss);
  const readNow: string[] = [];
  let longest = 0;
  for (const school of included) {
    if (store.get(keyOf(school))?.run === state.run) continue;
    // Stop while a school as slow as the slowest so far still fits: the rest continue in the next execution.
    if (Date.now() - started + longest > REFRESH_BUDGET_MS) break;
    const t0 = Date.now();
    store.set(keyOf(school), readOne(school, state));
    readNow.push(school.name);
    const took = Date.now() - t0;
    if (took > longest) longest = took;
  }
  const kept = included.map((s) => store.get(keyOf(s))).filter((s): s is StoredSchool => s !== undefined);
  writeStore(ss, kept);
  const read = kept.filter((s) => s.run === state.run).length;
  const running = read < included.length;
  const progress: RefreshProgress = { read, total: included.length, running };
  const figures = figuresOf(included, store);
  trustTabs(figures, progress, ss.getSpreadsheetTimeZone()).forEach((tab, i) => {
    writeTrustTab(ss, tab, i + 1);
  });
  for (const t of triggersFor(ss, CONTINUE_HANDLER)) ScriptApp.deleteTrigger(t);
  if (running) continueLater();
  saveState({ ...state, done: !running });
  return {
    read,
    total: included.length,
    running,
    readNow,
    unreadable: figures.unreadable.filter((s) => s.error !== 'not read yet').map((s) => ({ school: s.name, reason: s.error ?? 'not read' })),
    problems: problems.map((p) => `Schools row ${p.row}, ${p.column || 'tab'}: ${p.message}`),
  };
}

/** Starts a refresh of every included school's figures for the period (this term by default). */
export function refreshTrustFigures(period: PeriodRequest | null): TrustRefreshResult {
  const request = periodArg(period, { kind: 'thisTerm' });
  const started = Date.now();
  const ss = SpreadsheetApp.getActive();
  return withDocumentLock(() => {
    const state: RunState = { run: String(started), request, done: false };
    saveState(state);
    return refreshStep(ss, state, started);
  });
}

/** The one-off trigger's handler, and the panel's while it is open: carries an unfinished refresh on from where it stopped. */
export function continueTrustRefresh(): TrustRefreshResult | null {
  const started = Date.now();
  const ss = SpreadsheetApp.getActive();
  return withDocumentLock(() => {
    const state = loadState();
    if (!state || state.done) {
      for (const t of triggersFor(ss, CONTINUE_HANDLER)) ScriptApp.deleteTrigger(t);
      return null;
    }
    return refreshStep(ss, state, started);
  });
}

export function menuRefreshTrustFigures(): void {
  const r = refreshTrustFigures(null);
  const ui = SpreadsheetApp.getUi();
  const lines = [progressText(r, r.unreadable.length)];
  if (r.unreadable.length) lines.push(`Not read: ${r.unreadable.map((u) => `${u.school} (${u.reason})`).join('; ')}.`);
  if (r.problems.length) lines.push(`The Schools tab needs attention: ${r.problems.join('; ')}`);
  if (r.running)
    lines.push(
      'It carries on by itself (in a minute, or within the hour as a Marketplace add-on), and at once while the SLM panel is open; the Trust status tab says how far it has got.',
    );
  ui.alert(TITLE, lines.join('\n\n'), ui.ButtonSet.OK);
}

/** Plain data for the panel and tests: how far the refresh has got, and every school's figures as last read. */
export function getTrustFigures(): { progress: RefreshProgress; figures: TrustFigures } {
  const ss = SpreadsheetApp.getActive();
  const state = loadState();
  const included = readSchools(ss).schools.filter((s) => s.included);
  const store = readStore(ss);
  const read = state ? included.filter((s) => store.get(keyOf(s))?.run === state.run).length : 0;
  const figures = figuresOf(included, store);
  // Through JSON: only plain values cross google.script.run.
  return JSON.parse(JSON.stringify({ progress: { read, total: included.length, running: !!state && !state.done }, figures }));
}

/** The panel's view of a trust's refresh; null in a workbook with no Schools tab (a school's own). */
export function getTrustProgress(): TrustProgressView | null {
  const ss = SpreadsheetApp.getActive();
  if (!ss.getSheetByName(schoolsTab().name)) return null;
  const { progress, figures } = getTrustFigures();
  let last: number | undefined;
  for (const s of figures.schools) if (s.readAt !== undefined && (last === undefined || s.readAt > last)) last = s.readAt;
  return {
    ...progress,
    lastRead: last === undefined ? null : new Date(last).toISOString(),
    unreadable: figures.unreadable.filter((s) => s.readAt !== undefined).map((s) => ({ school: s.name, reason: s.error ?? 'not read' })),
  };
}

/** The trust review as a new Google Doc, from the figures as last refreshed. */
export function generateTrustReview(): GeneratedDoc {
  const ss = SpreadsheetApp.getActive();
  const { progress, figures } = getTrustFigures();
  const model = trustReview(figures, { trust: schoolName(ss), progress, now: Date.now(), timeZone: ss.getSpreadsheetTimeZone() });
  const doc = createDocument(model.title);
  const url = writeDocument(doc, model);
  return { name: model.title, url, id: doc.getId() };
}

export function menuGenerateTrustReview(): void {
  const doc = generateTrustReview();
  const ui = SpreadsheetApp.getUi();
  ui.alert('Trust review', `Generated "${doc.name}":\n\n${doc.url}`, ui.ButtonSet.OK);
}

/** How long Send to BigQuery waits for each load job at most before saying it is still running. */
const LOAD_WAIT_MS = 60 * 1000;

/**
 * Loads every included, readable school's incidents into the dataset named on the Trust settings tab: one table per
 * school (incidents_<workbook id>), replaced whole at each send, so sending twice leaves the same rows. Schools are
 * read as Refresh trust figures reads them; one that cannot be read is named and skipped.
 */
export function sendToBigQuery(): BigQueryResult {
  // Only the trust's copy switches the BigQuery service on (and asks for its scope); a school's copy never does.
  if (typeof BigQuery === 'undefined') {
    throw new Error(
      "Send to BigQuery works only in the trust's copy of SLM Workbook, which asks for BigQuery access (npm run push:trust; see docs/trust.md). A school's copy never asks for it.",
    );
  }
  const started = Date.now();
  const ss = SpreadsheetApp.getActive();
  const settings = readTrustSettings(ss);
  if (!settings.bigQueryProject || !settings.bigQueryDataset) {
    throw new Error('Name the BigQuery project and dataset on the Trust settings tab first (see docs/trust.md for the set-up in the Cloud console).');
  }
  const project = settings.bigQueryProject;
  const dataset = settings.bigQueryDataset;
  const fields = incidentTableSchema();
  const included = readSchools(ss).schools.filter((s) => s.included);
  const sent: Array<{ school: string; table: string; rows: number; load: StartedLoad }> = [];
  const skipped: Array<{ school: string; reason: string }> = [];
  const notYet: string[] = [];
  for (const school of included) {
    if (Date.now() - started > REFRESH_BUDGET_MS) {
      notYet.push(school.name);
      continue;
    }
    if (!school.workbookId) {
      skipped.push({ school: school.name, reason: `the Schools tab's row ${school.row} has no link to its workbook` });
      continue;
    }
    const parsed = readSchoolWorkbook(school.workbookId);
    const reason = 'error' in parsed ? parsed.error : unreadableReason(parsed.problems);
    if ('error' in parsed || reason) {
      skipped.push({ school: school.name, reason: reason ?? 'it could not be read' });
      continue;
    }
    const { csv, rows } = incidentCsv(parsed.workbook, { name: school.name, workbookId: school.workbookId }, Date.now());
    const table = tableIdFor(school.workbookId);
    try {
      sent.push({ school: school.name, table, rows, load: startLoad(project, dataset, table, fields, csv) });
    } catch (e) {
      skipped.push({ school: school.name, reason: `BigQuery refused the load (${e instanceof Error ? e.message : String(e)})` });
    }
  }
  const loaded = sent.map((s): BigQueryResult['loaded'][number] => {
    const error = finishedLoad(project, s.load, LOAD_WAIT_MS);
    return { school: s.school, table: s.table, rows: s.rows, state: error === undefined ? 'running' : error ? 'failed' : 'loaded', error: error || null };
  });
  return { project, dataset, loaded, skipped, notYet };
}

export function menuSendToBigQuery(): void {
  const r = sendToBigQuery();
  const ui = SpreadsheetApp.getUi();
  const lines = [
    `Sent to ${r.project}.${r.dataset}: ${
      r.loaded
        .filter((l) => l.state === 'loaded')
        .map((l) => `${l.school} (${l.rows} rows)`)
        .join('; ') || 'nothing'
    }.`,
  ];
  const failed = r.loaded.filter((l) => l.state !== 'loaded');
  if (failed.length)
    lines.push(`Not loaded: ${failed.map((l) => `${l.school} (${l.state === 'running' ? 'still loading: check again in a minute' : l.error})`).join('; ')}.`);
  if (r.skipped.length) lines.push(`Not read: ${r.skipped.map((s) => `${s.school} (${s.reason})`).join('; ')}.`);
  if (r.notYet.length) lines.push(`Out of time before ${r.notYet.join(', ')}: send again (each school's table is replaced, never doubled).`);
  ui.alert('Send to BigQuery', lines.join('\n\n'), ui.ButtonSet.OK);
}
