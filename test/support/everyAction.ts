/**
 * Runs every menu action, sidebar server function and custom function of the built bundle on an offline
 * runtime, and records what each did: its result, or the message it threw or alerted.
 */
import type { OfflineRuntime } from '../../offline/runtime';
import { tabOrder, workbookSchema } from '../../src/core/schema/workbook';
import type { TabKey } from '../../src/core/schema/types';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Outcome {
  readonly action: string;
  /** What it returned (custom functions, server functions) or showed (menus: dialog titles and alert texts). */
  readonly result?: unknown;
  /** The message it threw, or the alert a menu showed for a failure ("…: not done"). */
  readonly error?: string;
}

/** Each tab's values by key, header first, as a custom function is handed them. */
export function tabValues(rt: OfflineRuntime): Partial<Record<TabKey, unknown[][]>> {
  const ss = rt.spreadsheet as unknown as Ss;
  const out: Partial<Record<TabKey, unknown[][]>> = {};
  for (const key of tabOrder()) {
    const sheet = ss.getSheetByName(workbookSchema()[key].name);
    if (sheet) out[key] = sheet.getDataRange().getValues();
  }
  return out;
}

/** A helpdesk export with Refs the example school does not have: importing it only adds rows. */
const sampleExport = (): string => require('node:fs').readFileSync(`${__dirname}/../import/samples/osticket.csv`, 'utf8') as string;

const messageOf = (e: unknown): string =>
  e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e) ? String((e as Error).message) : String(e);

/** The custom functions, called with the tabs' own ranges over the autumn term. */
function customFunctions(rt: OfflineRuntime): Array<[string, () => unknown]> {
  const v = tabValues(rt);
  const g = rt.global;
  const from = rt.run('new Date(2026, 8, 1)');
  const to = rt.run('new Date(2026, 11, 18)');
  const ranges = (keys: TabKey[]) => keys.map((k) => v[k]).filter((x) => x !== undefined);
  const incidents = v.incidents ?? [['Ref']];
  const col = (header: string) => {
    const i = (incidents[0] ?? []).indexOf(header);
    return incidents.slice(1).map((r) => [i >= 0 ? r[i] : '']);
  };
  const services = v.services ?? [['Service ID']];
  const firstService = String(services[1]?.[0] ?? 'INTERNET');
  return [
    ['SLM_ATTAINMENT', () => g.SLM_ATTAINMENT(from, to, ...ranges(['services', 'sla', 'targets', 'incidents', 'calendars', 'closures']))],
    ['SLM_FINDINGS', () => g.SLM_FINDINGS(...ranges(['incidents', 'contracts', 'services', 'sla', 'targets', 'equipment', 'calendars', 'closures', 'people']))],
    ['SLM_AVAILABILITY', () => g.SLM_AVAILABILITY('INTERNET', from, to, incidents, 'Mon-Fri 08:00-18:00', v.closures ?? '')],
    ['SLM_WORKHOURS', () => g.SLM_WORKHOURS(col('Opened'), col('Resolved'), 'Mon-Fri 08:00-18:00', v.closures ?? '')],
    ['SLM_DUE', () => g.SLM_DUE(col('Opened'), 4, 'Mon-Fri 08:00-18:00', v.closures ?? '')],
    ['SLM_AVAILABILITY of the first service', () => g.SLM_AVAILABILITY(firstService, from, to, incidents, 'Mon-Fri 08:00-18:00', v.closures ?? '')],
    ['SLM_CLOCK', () => g.SLM_CLOCK(to, ...ranges(['incidents', 'services', 'targets', 'holds', 'calendars', 'closures']))],
    ['SLM_TRENDS met', () => g.SLM_TRENDS('met', to, ...ranges(['incidents', 'services', 'sla', 'targets', 'holds', 'calendars', 'closures']))],
    ['SLM_TRENDS availability', () => g.SLM_TRENDS('availability', to, ...ranges(['incidents', 'services', 'sla', 'calendars', 'closures']))],
  ];
}

/** Sidebar server functions, with the arguments the sidebar sends. */
function serverFunctions(rt: OfflineRuntime): Array<[string, () => unknown]> {
  const g = rt.global;
  return [
    ['checkWorkbook', () => g.checkWorkbook()],
    ['getOverview', () => g.getOverview({ kind: 'thisTerm' })],
    ['getFindings', () => g.getFindings({ kind: 'academicYear' })],
    ['generateSla', () => g.generateSla(null)],
    ['generateReview', () => g.generateReview({ kind: 'thisTerm' })],
    ['getSharingPlan', () => g.getSharingPlan()],
    ['applySharing', () => g.applySharing([{ name: 'Jo Harris', documents: true, workbook: false }])],
    ['getTrends', () => g.getTrends()],
    ['getDigestState', () => g.getDigestState()],
    ['previewDigest', () => g.previewDigest(null)],
    ['previewImport', () => g.previewImport(sampleExport(), null)],
    ['listImportFiles', () => g.listImportFiles()],
    ['getCallForm', () => g.getCallForm()],
    ['selectCell', () => g.selectCell('Incidents', 2, 'Opened')],
  ];
}

/** Menu actions; their failures are alerts, which are recorded as errors. */
function menuActions(rt: OfflineRuntime): Array<[string, () => unknown, string[]]> {
  const g = rt.global;
  return [
    ['menuCheckWorkbook', () => g.menuCheckWorkbook(), []],
    ['menuCheckContracts', () => g.menuCheckContracts(), []],
    ['menuGenerateSla', () => g.menuGenerateSla(), []],
    ['menuGenerateReview', () => g.menuGenerateReview(), ['OK:this term']],
    ['menuShareWithRepresentatives', () => g.menuShareWithRepresentatives(), []],
    ['menuOpenPanel', () => g.menuOpenPanel(), []],
    ['menuHelp', () => g.menuHelp(), []],
    ['menuImportIncidents', () => g.menuImportIncidents(), []],
  ];
}

function attempt(action: string, run: () => unknown): Outcome {
  try {
    return { action, result: run() };
  } catch (e) {
    return { action, error: messageOf(e) };
  }
}

/** Runs everything that reads the workbook (not Set up workbook or Load example school, which write). */
export function runEveryAction(rt: OfflineRuntime): Outcome[] {
  const out: Outcome[] = [];
  for (const [name, run] of [...serverFunctions(rt), ...customFunctions(rt)]) out.push(attempt(name, run));
  out.push(...runMenus(rt, menuActions(rt)));
  return out;
}

/**
 * The actions that add to the workbook, after the others: Set up workbook (tabs and columns it lacks),
 * Load example school (declined when asked), the call-logging form (its responses tab), the digest
 * turned on and off, and an import of an export whose Refs are new (rows added below the log).
 */
export function runWritingActions(rt: OfflineRuntime): Outcome[] {
  const g = rt.global;
  return [
    ...runMenus(rt, [
      ['menuSetUpWorkbook', () => g.menuSetUpWorkbook(), []],
      ['menuLoadExample', () => g.menuLoadExample(), ['NO']],
      ['menuCallForm', () => g.menuCallForm(), []],
    ]),
    attempt('setDigest', () => [g.setDigest(true), g.setDigest(false)]),
    attempt('importIncidents', () => g.importIncidents(sampleExport(), null)),
  ];
}

function runMenus(rt: OfflineRuntime, menus: Array<[string, () => unknown, string[]]>): Outcome[] {
  const out: Outcome[] = [];
  for (const [name, run, answers] of menus) {
    const alerts = rt.ui.alerts.length;
    const shown = rt.ui.shown.length;
    for (const a of answers) {
      const [button, text] = a.split(':');
      rt.ui.respond(text === undefined ? (button as 'NO') : { button: button as 'OK', text });
    }
    const o = attempt(name, run);
    const said = rt.ui.alerts.slice(alerts).map((a) => `${a.title}: ${a.prompt}`);
    const failed = said.find((s) => /not done/.test(s));
    out.push(
      o.error !== undefined
        ? o
        : failed
          ? { action: name, error: failed }
          : { action: name, result: [...rt.ui.shown.slice(shown).map((s) => s.title), ...said] },
    );
  }
  return out;
}
