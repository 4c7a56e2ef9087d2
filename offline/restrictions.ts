/**
 * What Sheets refuses a custom function. In `customFunction` mode the runtime's services are wrapped
 * so that the calls Google refuses throw Google's error, and a call that runs too long is stopped.
 * https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services
 */

/** How the bundle's functions are being run: from a menu, trigger or sidebar, or as a custom function in a cell. */
export type RuntimeMode = 'script' | 'customFunction';
export interface ModeState {
  mode: RuntimeMode;
}

/** Execution limits: 6 minutes per script execution, 30 seconds per custom function call.
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations */
export const SCRIPT_TIME_LIMIT_MS = 6 * 60 * 1000;
export const CUSTOM_FUNCTION_TIME_LIMIT_MS = 30 * 1000;
/**
 * Simple triggers (onOpen, onEdit, onInstall, onSelectionChange) "cannot run for longer than 30 seconds":
 * https://developers.google.com/apps-script/guides/triggers#restrictions
 */
export const SIMPLE_TRIGGER_TIME_LIMIT_MS = 30 * 1000;
export const SIMPLE_TRIGGERS: ReadonlySet<string> = new Set(['onOpen', 'onEdit', 'onInstall', 'onSelectionChange']);
/** The troubleshooting guide's wording. https://developers.google.com/apps-script/guides/support/troubleshooting */
export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';

/**
 * Services a custom function may not call, with the scopes Google names in its error ("" for none).
 * LockService needs no authorisation and Google lets it run (uselessly) in a custom function: refusing it is
 * a deliberate, stricter rule of this runtime, since a custom function that takes a lock is a mistake here.
 */
export const REFUSED_IN_CUSTOM_FUNCTIONS: Readonly<Record<string, string>> = {
  DocumentApp: '(https://www.googleapis.com/auth/documents.currentonly || https://www.googleapis.com/auth/documents)',
  DriveApp: '(https://www.googleapis.com/auth/drive.readonly || https://www.googleapis.com/auth/drive)',
  Drive: 'https://www.googleapis.com/auth/drive.file',
  BigQuery: 'https://www.googleapis.com/auth/bigquery',
  FormApp: '(https://www.googleapis.com/auth/forms.currentonly || https://www.googleapis.com/auth/forms)',
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  LockService: '',
};

/** SpreadsheetApp methods that need more than a custom function's read-only access. */
const SPREADSHEETAPP_REFUSED: Readonly<Record<string, string>> = {
  open: 'https://www.googleapis.com/auth/spreadsheets',
  openById: 'https://www.googleapis.com/auth/spreadsheets',
  openByUrl: 'https://www.googleapis.com/auth/spreadsheets',
  create: 'https://www.googleapis.com/auth/spreadsheets',
};
export const UI_REFUSED_MESSAGE = 'Cannot call SpreadsheetApp.getUi() from this context.';

export const permissionMessage = (what: string, scopes = ''): string =>
  `You do not have permission to call ${what}${scopes ? `. Required permissions: ${scopes}` : ''}`;

/** Methods of spreadsheet objects that change the spreadsheet (the guide: "can use most get*() methods, but not set*()"). */
const MUTATOR =
  /^(set|insert|delete|append|clear|add|remove|copyTo|copyFormatToRange|copyValuesToRange|moveTo|move|sort|protect|hide|show|unhide|merge|breakApart|activate|autoResize|autoFill|toast|rename|duplicate|randomize|trimWhitespace|createFilter|shift|applyRowBanding|applyColumnBanding)/;
const MUTATOR_EXACT = new Set(['check', 'uncheck']);
export const isMutator = (method: string): boolean => MUTATOR.test(method) || MUTATOR_EXACT.has(method);

/** A fake object handed out by SpreadsheetApp, to be guarded in turn (builders change nothing until used). */
const isSpreadsheetObject = (v: unknown): v is object =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && /^Fake/.test(v.constructor?.name ?? '') && !/Builder$/.test(v.constructor.name);

const thrower = (message: string) => () => {
  throw new Error(message);
};

/** A spreadsheet object whose mutators throw in custom-function mode; what it returns is guarded too. */
function guardSpreadsheetObject<T extends object>(target: T, state: ModeState): T {
  return new Proxy(target, {
    get(t, p) {
      const v = Reflect.get(t, p, t) as unknown;
      if (typeof v !== 'function' || typeof p !== 'string') return v;
      if (state.mode === 'customFunction' && isMutator(p)) return thrower(permissionMessage(p));
      return (...args: unknown[]) => guardResult((v as (...a: unknown[]) => unknown).apply(t, args), state);
    },
  });
}

function guardResult(v: unknown, state: ModeState): unknown {
  if (isSpreadsheetObject(v)) return guardSpreadsheetObject(v, state);
  if (Array.isArray(v) && v.length > 0 && isSpreadsheetObject(v[0])) return v.map((x) => guardResult(x, state));
  return v;
}

/**
 * The service as the bundle sees it: unchanged in `script` mode; in `customFunction` mode every call of a
 * refused service throws Google's permission error, and SpreadsheetApp is read-only and has no Ui.
 */
export function guardService<T extends object>(name: string, service: T, state: ModeState): T {
  const refusedScopes = REFUSED_IN_CUSTOM_FUNCTIONS[name];
  return new Proxy(service, {
    get(t, p) {
      const v = Reflect.get(t, p, t) as unknown;
      if (state.mode !== 'customFunction' || typeof v !== 'function' || typeof p !== 'string') return v;
      if (refusedScopes !== undefined) return thrower(permissionMessage(`${name}.${p}`, refusedScopes));
      if (name !== 'SpreadsheetApp') return v.bind(t);
      if (p === 'getUi') return thrower(UI_REFUSED_MESSAGE);
      if (SPREADSHEETAPP_REFUSED[p]) return thrower(permissionMessage(`SpreadsheetApp.${p}`, SPREADSHEETAPP_REFUSED[p]));
      if (isMutator(p)) return thrower(permissionMessage(p));
      return (...args: unknown[]) => guardResult((v as (...a: unknown[]) => unknown).apply(t, args), state);
    },
  });
}
