/**
 * The typed bridge to the server: every function of `SlmApi` as a promise, over
 * google.script.run.withSuccessHandler(...).withFailureHandler(...)[name](...args).
 */
import type { SlmApi } from '../src/api';

/** The server API as the sidebar sees it: the same names and arguments, answers as promises. */
export type Remote<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never };

/** The part of google.script.run the bridge uses. */
export interface ScriptRun {
  withSuccessHandler(handler: (value: any) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [name: string]: any;
}

/** Calls that change the workbook or Drive: one at a time each, however often the button is pressed. */
const WRITE_CALLS: ReadonlyArray<keyof SlmApi> = [
  'generateSla',
  'generateReview',
  'applySharing',
  'importIncidents',
  'setDigest',
  'createCallForm',
  'writeWaitingCalls',
  'collectComments',
  'refreshTrustFigures',
  'continueTrustRefresh',
];

/** Every function of the API, so the bridge is a plain object and a typo is a type error (the contract test reads it too). */
export const API_NAMES: { readonly [K in keyof SlmApi]: true } = {
  getOverview: true,
  checkWorkbook: true,
  selectCell: true,
  generateSla: true,
  generateReview: true,
  getFindings: true,
  getSharingPlan: true,
  applySharing: true,
  previewImport: true,
  importIncidents: true,
  listImportFiles: true,
  showPicker: true,
  takePickedFile: true,
  getDigestState: true,
  setDigest: true,
  previewDigest: true,
  getTrends: true,
  getCallForm: true,
  createCallForm: true,
  writeWaitingCalls: true,
  collectComments: true,
  getTrustProgress: true,
  refreshTrustFigures: true,
  continueTrustRefresh: true,
};

/** The error a server call failed with, as an Error whose message is plain words (no "Exception:" prefix). */
export function toError(e: unknown): Error {
  const raw = typeof e === 'object' && e !== null && typeof (e as Error).message === 'string' ? (e as Error).message : String(e ?? '');
  const message = raw.replace(/^(?:Uncaught\s+)?(?:Script)?(?:Error|Exception|TypeError|RangeError):\s*/i, '').trim();
  return new Error(message || 'The server did not say what went wrong.');
}

/** google.script.run as the page has it, or an error that says the panel must be opened from the sheet. */
export function pageScriptRun(): ScriptRun {
  const g = (globalThis as { google?: { script?: { run?: ScriptRun } } }).google;
  if (!g?.script?.run) throw new Error('This panel only works inside Google Sheets: open it from Extensions > SLM Workbook > Open SLM panel.');
  return g.script.run;
}

/**
 * The bridge. `run` gives a fresh google.script.run for each call (handlers are set per call). A write
 * already on its way with the same arguments is not sent again: a second call of it gets the first call's
 * answer. The same write with other arguments (another choice of services) is its own call.
 */
export function createBridge(run: () => ScriptRun = pageScriptRun): Remote<SlmApi> {
  const inFlight = new Map<string, Promise<unknown>>();
  const call = (name: keyof SlmApi, args: unknown[]): Promise<unknown> => {
    const key = `${name} ${JSON.stringify(args)}`;
    const pending = inFlight.get(key);
    if (pending) return pending;
    const promise = new Promise<unknown>((resolve, reject) => {
      let runner: ScriptRun;
      try {
        runner = run()
          .withSuccessHandler(resolve)
          .withFailureHandler((e) => reject(toError(e)));
      } catch (e) {
        reject(toError(e));
        return;
      }
      runner[name](...args);
    });
    if (WRITE_CALLS.includes(name)) {
      inFlight.set(key, promise);
      const clear = () => inFlight.delete(key);
      promise.then(clear, clear);
    }
    return promise;
  };
  const bridge = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of Object.keys(API_NAMES) as Array<keyof SlmApi>) bridge[name] = (...args: unknown[]) => call(name, args);
  return bridge as unknown as Remote<SlmApi>;
}
