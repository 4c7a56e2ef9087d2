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

const messageOf = (e: unknown): string => (e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e) ? String((e as Error).message) : String(e));

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
  return [
    ['SLM_ATTAINMENT', () => g.SLM_ATTAINMENT(from, to, ...ranges(['services', 'sla', 'targets', 'incidents', 'calendars', 'closures']))],
    ['SLM_FINDINGS', () => g.SLM_FINDINGS(...ranges(['incidents', 'contracts', 'services', 'sla', 'targets', 'equipment', 'calendars', 'closures', 'people']))],
    ['SLM_AVAILABILITY', () => g.SLM_AVAILABILITY('INTERNET', from, to, incidents, 'Mon-Fri 08:00-18:00', v.closures ?? '')],
    ['SLM_WORKHOURS', () => g.SLM_WORKHOURS(col('Opened'), col('Resolved'), 'Mon-Fri 08:00-18:00', v.closures ?? '')],
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
  for (const [name, run, answers] of menuActions(rt)) {
    const alerts = rt.ui.alerts.length;
    const shown = rt.ui.shown.length;
    for (const a of answers) {
      const [button, text] = a.split(':');
      rt.ui.respond({ button: button as 'OK', text });
    }
    const o = attempt(name, run);
    const said = rt.ui.alerts.slice(alerts).map((a) => `${a.title}: ${a.prompt}`);
    const failed = said.find((s) => /not done/.test(s));
    out.push(o.error !== undefined ? o : failed ? { action: name, error: failed } : { action: name, result: [...rt.ui.shown.slice(shown).map((s) => s.title), ...said] });
  }
  return out;
}
