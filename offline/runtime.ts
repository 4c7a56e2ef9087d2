/**
 * The offline Apps Script runtime: a fresh global object holding our fakes of every service the
 * project uses, contextified for `vm`, into which the built `dist/Code.js` is loaded with gas-local.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { CallCounter } from './calls';
import { FakeUser, newEnv, type OfflineEnv } from './env';
import { FakeHtmlService } from './html';
import { FakeSheetsAdvanced } from './sheetsAdvanced';
import { recordingConsole } from './console';
import { FakeLockService } from './lock';
import { FakePropertiesService } from './properties';
import { FakeSession } from './session';
import { FakeUtilities } from './utilities';
import { baseEvent, FakeScriptApp } from './triggers';
import { FakeFormApp } from './forms';
import { DEFAULT_MAIL_DAILY_QUOTA, FakeMailApp } from './mail';
import {
  CUSTOM_FUNCTION_TIME_LIMIT_MS,
  guardService,
  type ModeState,
  type RuntimeMode,
  SCRIPT_TIME_LIMIT_MS,
  SIMPLE_TRIGGER_TIME_LIMIT_MS,
  SIMPLE_TRIGGERS,
} from './restrictions';
import { withTimeLimit } from './timeLimit';
import { FakeSpreadsheet, FakeSpreadsheetApp } from './spreadsheet';
import { FakeUi } from './ui';
import { FakeDocumentApp } from './document';
import { FakeDriveApp } from './drive';
import { FakeDriveAdvanced } from './driveAdvanced';
import { FakeBigQuery } from './bigquery';
import { type FakeCharts, newChartsService } from './charts';

// gas-local ships no typings.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gasLocal: { require: (dir: string, global: object, options: { filter: (file: string) => boolean }) => vm.Context } = require('gas-local');

export interface OfflineRuntimeOptions {
  /** Script and spreadsheet time zone (default Europe/London). */
  timeZone?: string;
  /** The signed-in user (default service.manager@school.example). */
  userEmail?: string;
  /** Where Code.js and the HTML files are (default `<repo>/dist`). */
  distDir?: string;
  /** Name of the active spreadsheet (default "SLM Workbook"). */
  spreadsheetName?: string;
  /** Echo the bundle's console output to Node's console (default false: kept in `consoleLines`). */
  echoConsole?: boolean;
  /** MailApp's daily recipient quota (default 100, the lowest Google documents). */
  mailDailyQuota?: number;
  /** `customFunction`: run as Sheets runs a custom function (read-only, no authorised services, 30 s). Default `script`. */
  mode?: RuntimeMode;
  /** Execution limits in ms (defaults: Google's 6 minutes for scripts, 30 s for custom functions and for simple triggers). */
  timeLimitMs?: Partial<Record<RuntimeMode | 'simpleTrigger', number>>;
}

export interface OfflineServices {
  SpreadsheetApp: FakeSpreadsheetApp;
  DocumentApp: FakeDocumentApp;
  DriveApp: FakeDriveApp;
  /** The Drive advanced service (Drive API v3), over the same files as DriveApp. */
  Drive: FakeDriveAdvanced;
  /** The Sheets advanced service (Sheets API v4): values.batchUpdate over the same spreadsheets as SpreadsheetApp. */
  Sheets: FakeSheetsAdvanced;
  HtmlService: FakeHtmlService;
  PropertiesService: FakePropertiesService;
  LockService: FakeLockService;
  Session: FakeSession;
  Utilities: FakeUtilities;
  ScriptApp: FakeScriptApp;
  FormApp: FakeFormApp;
  MailApp: FakeMailApp;
  /** Charts: the enums the embedded chart builders take, and the service's own charts (data tables, line charts). */
  Charts: FakeCharts;
  /** The BigQuery advanced service (API v2): load jobs into datasets a test adds with `addDataset`. */
  BigQuery: FakeBigQuery;
}

export interface OfflineRuntime {
  /** The bundle's global object (a vm context); after load() its top-level functions live here. */
  global: vm.Context & Record<string, any>;
  /** The active spreadsheet (the one the runtime was made with, unless `activate` chose another). */
  readonly spreadsheet: FakeSpreadsheet;
  /**
   * Makes another spreadsheet the active one (as opening it in another tab would): calls into the bundle then
   * run in it, with its own document properties and triggers. Returns the spreadsheet made active.
   */
  activate(spreadsheet: FakeSpreadsheet | string): FakeSpreadsheet;
  calls: CallCounter;
  ui: FakeUi;
  services: OfflineServices;
  env: OfflineEnv;
  /** What the bundle wrote with console.*. */
  consoleLines: Array<{ level: string; text: string }>;
  /** Loads `<distDir>/Code.js` into `global`. */
  load(): void;
  /** Runs code inside the context (e.g. to make context-realm values in a test). */
  run(code: string): unknown;
  /**
   * Fires an installable trigger as Google would: its handler (a global of the loaded bundle) is called
   * with the documented event object (authMode, triggerUid, and source/user or the clock fields), with
   * `event`'s fields merged over it. `idOrHandler` is the trigger's unique id or, when only one trigger
   * calls it, its handler's name. Returns what the handler returned.
   */
  fireTrigger(idOrHandler: string, event?: Record<string, unknown>): unknown;
  /**
   * How calls into the bundle run from now on: `script` (menus, triggers, the sidebar) or `customFunction`
   * (what Sheets allows a formula: see restrictions.ts). May be switched, e.g. after setting a workbook up.
   */
  mode: RuntimeMode;
  /** The time limit of one call from outside into the bundle, in the current mode. */
  timeLimitMs(): number;
}

export const DEFAULT_DIST_DIR = path.resolve(__dirname, '..', 'dist');

/** The services the runtime fakes that are advanced services, switched on per project in its manifest. */
const ADVANCED_SERVICES = ['Drive', 'Sheets', 'BigQuery'];

/** The user symbols of the advanced services `distDir/appsscript.json` switches on. */
function advancedServices(distDir: string): ReadonlySet<string> {
  const file = path.join(distDir, 'appsscript.json');
  if (!fs.existsSync(file)) return new Set();
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { dependencies?: { enabledAdvancedServices?: Array<{ userSymbol: string }> } };
  return new Set((manifest.dependencies?.enabledAdvancedServices ?? []).map((s) => s.userSymbol));
}

export const createOfflineRuntime = (opts: OfflineRuntimeOptions = {}): OfflineRuntime => {
  const env = newEnv({ timeZone: opts.timeZone, userEmail: opts.userEmail });
  const distDir = path.resolve(opts.distDir ?? DEFAULT_DIST_DIR);
  const ui = new FakeUi(env);
  const drive = new FakeDriveApp(env);
  const spreadsheet = new FakeSpreadsheet(env, opts.spreadsheetName ?? 'SLM Workbook');
  // A spreadsheet opens for whoever it is shared with, in Drive or through the spreadsheet's own sharing.
  const canOpen = (ss: FakeSpreadsheet): boolean => {
    const me = env.userEmail.toLowerCase();
    const item = drive.store.items.get(ss.id);
    const people = [...ss.editors, ...ss.viewers, ...(item ? [...item.editors, ...item.viewers, ...item.commenters, item.owner ?? ''] : [])];
    return people.some((p) => p.toLowerCase() === me);
  };
  const spreadsheetApp = new FakeSpreadsheetApp(env, spreadsheet, ui as unknown as GoogleAppsScript.Base.Ui, (ss) => drive.store.addSpreadsheet(ss), canOpen);
  drive.store.addSpreadsheet(spreadsheet);
  const services: OfflineServices = {
    SpreadsheetApp: spreadsheetApp,
    DocumentApp: new FakeDocumentApp(env, drive.store),
    DriveApp: drive,
    Drive: new FakeDriveAdvanced(env, drive.store),
    Sheets: new FakeSheetsAdvanced(env, (id) => {
      const ss = spreadsheetApp.spreadsheets.get(id);
      return ss && canOpen(ss) ? ss : undefined;
    }),
    HtmlService: new FakeHtmlService(env, distDir),
    PropertiesService: new FakePropertiesService(env, () => spreadsheetApp.active.id),
    LockService: new FakeLockService(env),
    Session: new FakeSession(env),
    Utilities: new FakeUtilities(env),
    ScriptApp: new FakeScriptApp(env, undefined, () => spreadsheetApp.active.id),
    FormApp: new FakeFormApp(env, (id) => spreadsheetApp.openById(id)),
    MailApp: new FakeMailApp(env, opts.mailDailyQuota ?? DEFAULT_MAIL_DAILY_QUOTA),
    Charts: newChartsService(env),
    BigQuery: new FakeBigQuery(env),
  };
  const consoleLines: Array<{ level: string; text: string }> = [];
  const state: ModeState = { mode: opts.mode ?? 'script' };
  const limits: Record<RuntimeMode | 'simpleTrigger', number> = {
    script: SCRIPT_TIME_LIMIT_MS,
    customFunction: CUSTOM_FUNCTION_TIME_LIMIT_MS,
    simpleTrigger: SIMPLE_TRIGGER_TIME_LIMIT_MS,
    ...opts.timeLimitMs,
  };
  // A simple trigger called as Google calls it (by its reserved name) has 30 s, not a script's 6 minutes.
  const limitFor = (name: string): number =>
    state.mode === 'script' && SIMPLE_TRIGGERS.has(name) ? Math.min(limits.simpleTrigger, limits.script) : limits[state.mode];
  // An advanced service is a global only when the manifest deployed beside Code.js switches it on, as in Apps Script.
  const enabled = advancedServices(distDir);
  const inScope = Object.entries(services).filter(([name]) => !ADVANCED_SERVICES.includes(name) || enabled.has(name));
  const guarded = Object.fromEntries(inScope.map(([name, service]) => [name, guardService(name, service, state)]));
  // A fresh object every time: never gas-local's shared default mock.
  const global = vm.createContext({ ...guarded, console: recordingConsole(consoleLines, !!opts.echoConsole) }) as OfflineRuntime['global'];
  env.realm = { Date: vm.runInContext('Date', global) as DateConstructor };

  const activate = (ss: FakeSpreadsheet | string): FakeSpreadsheet => {
    const found = typeof ss === 'string' ? spreadsheetApp.spreadsheets.get(ss) : ss;
    if (!found) throw new Error(`No spreadsheet with id ${String(ss)} in this runtime.`);
    if (!spreadsheetApp.spreadsheets.has(found.id)) spreadsheetApp.add(found);
    spreadsheetApp.active = found;
    return found;
  };

  return {
    global,
    get spreadsheet() {
      return spreadsheetApp.active;
    },
    activate,
    calls: env.calls,
    ui,
    services,
    env,
    consoleLines,
    load() {
      gasLocal.require(distDir, global, { filter: (file) => path.basename(file) === 'Code.js' && path.dirname(path.resolve(file)) === distDir });
      withTimeLimit(global, Object.keys(services), limitFor, env.clock);
    },
    run(code: string) {
      return vm.runInContext(code, global);
    },
    fireTrigger(idOrHandler: string, event: Record<string, unknown> = {}) {
      const trigger = services.ScriptApp.store.find(idOrHandler);
      const handler = global[trigger.handler];
      // The message Apps Script logs when a trigger's function is gone.
      if (typeof handler !== 'function') throw new Error(`Script function not found: ${trigger.handler}`);
      // An installable trigger runs as the user who made it, in the document it belongs to.
      const before = { user: env.userEmail, active: spreadsheetApp.active };
      const doc = trigger.documentId ? spreadsheetApp.spreadsheets.get(trigger.documentId) : undefined;
      env.userEmail = trigger.owner;
      if (doc) spreadsheetApp.active = doc;
      try {
        const user = new FakeUser(env, env.userEmail);
        const now = new env.realm.Date();
        return handler({ ...baseEvent(trigger, now, spreadsheetApp.active, user), ...event });
      } finally {
        env.userEmail = before.user;
        spreadsheetApp.active = before.active;
      }
    },
    get mode() {
      return state.mode;
    },
    set mode(mode: RuntimeMode) {
      state.mode = mode;
    },
    timeLimitMs: () => limits[state.mode],
  };
};
