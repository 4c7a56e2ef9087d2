/** The spreadsheet (a set of tabs, named ranges, sharing, active selection) and SpreadsheetApp itself. */
import { emailOf, FakeUser, newDriveId, type OfflineEnv } from './env';
import { ProtectionType } from './protection';
import type { FakeRange } from './range';
import type { Realm } from './realm';
import { FakeSheet } from './sheet';
import { DataValidationCriteria, FakeDataValidationBuilder } from './validation';
import { BooleanCriteria, FakeConditionalFormatRuleBuilder } from './conditionalFormat';
import { isKnownZone } from './zoned';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GUser = GoogleAppsScript.Base.User;
type GNamedRange = GoogleAppsScript.Spreadsheet.NamedRange;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;

/** Computes what a formula shows (tests supply it; Sheets' own engine is not modelled). */
export type FormulaEvaluator = (formula: string, at: { sheet: string; row: number; column: number }) => unknown;

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

class FakeNamedRange implements Pick<GNamedRange, 'getName' | 'getRange' | 'remove' | 'setName' | 'setRange'> {
  constructor(
    private readonly env: OfflineEnv,
    private readonly owner: FakeSpreadsheet,
    public name: string,
    private target: FakeRange,
  ) {}
  /** Whole columns ("Incidents!A:Q") reach the tab's last row as it is now, as Sheets' open-ended ranges do. */
  get range(): FakeRange {
    const t = this.target;
    if (!t.open) return t;
    const now = t.sheet.rangeAt(1, t.col, t.sheet.maxRows, t.numCols);
    now.open = true;
    return now;
  }
  set range(r: FakeRange) {
    this.target = r;
  }
  getName(): string {
    this.env.calls.hit('NamedRange.getName');
    return this.name;
  }
  getRange(): GRange {
    this.env.calls.hit('NamedRange.getRange');
    return this.range as unknown as GRange;
  }
  remove(): void {
    this.env.calls.hit('NamedRange.remove');
    this.owner.namedRanges.delete(this.name.toLowerCase());
  }
  setName(name: string): GNamedRange {
    this.env.calls.hit('NamedRange.setName');
    this.owner.namedRanges.delete(this.name.toLowerCase());
    this.name = name;
    this.owner.namedRanges.set(name.toLowerCase(), this);
    return this as unknown as GNamedRange;
  }
  setRange(range: GRange): GNamedRange {
    this.env.calls.hit('NamedRange.setRange');
    this.range = range as unknown as FakeRange;
    return this as unknown as GNamedRange;
  }
}

type Methods =
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'deleteSheet'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getEditors'
  | 'getId'
  | 'getName'
  | 'getNamedRanges'
  | 'getOwner'
  | 'getProtections'
  | 'getRange'
  | 'getRangeByName'
  | 'getSheetByName'
  | 'getSheetId'
  | 'getSheets'
  | 'getSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'setSpreadsheetLocale'
  | 'getUrl'
  | 'getViewers'
  | 'insertSheet'
  | 'removeEditor'
  | 'removeNamedRange'
  | 'removeViewer'
  | 'rename'
  | 'setActiveRange'
  | 'setActiveSelection'
  | 'setActiveSheet'
  | 'setNamedRange'
  | 'setSpreadsheetTimeZone'
  | 'toast';

export class FakeSpreadsheet implements Pick<GSpreadsheet, Methods> {
  readonly sheets: FakeSheet[] = [];
  readonly namedRanges = new Map<string, FakeNamedRange>();
  readonly toasts: Toast[] = [];
  readonly editors = new Set<string>();
  readonly viewers = new Set<string>();
  activeSheet: FakeSheet;
  activeRange: FakeRange | null = null;
  timeZone: string;
  formulaEvaluator: FormulaEvaluator | null = null;
  private nextSheetId = 1;
  private chartIds = 0;
  /** Ids of inserted charts are unique within the spreadsheet. */
  nextChartId(): number {
    return ++this.chartIds;
  }

  constructor(
    readonly env: OfflineEnv,
    public name: string,
    readonly id: string = newDriveId(),
  ) {
    this.timeZone = env.timeZone;
    this.editors.add(env.userEmail);
    // A new spreadsheet has one tab, "Sheet1", with sheet id 0.
    this.activeSheet = new FakeSheet(env, this, 'Sheet1', 0);
    this.sheets.push(this.activeSheet);
  }

  private hit(method: string): void {
    this.env.calls.hit(`Spreadsheet.${method}`);
  }
  private me(method: string): GSpreadsheet {
    this.hit(method);
    return this as unknown as GSpreadsheet;
  }

  // ---- internals (not counted) ----
  /** Sheet names are unique regardless of case. */
  sheetNamed(name: string): FakeSheet | null {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key) ?? null;
  }
  checkNewName(name: string, self: FakeSheet | null): void {
    if (name.trim() === '') throw new Error('Sheet names cannot be empty.');
    const clash = this.sheetNamed(name);
    if (clash && clash !== self) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }
  /** Rewrites `Old!A1` and `'Old name'!A1` in every formula to the tab's new name (quoted when it needs to be). */
  renameReferences(from: string, to: string): void {
    const quote = (n: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) ? n : `'${n.replace(/'/g, "''")}'`);
    const escaped = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(^|[^A-Za-z0-9_'.])(?:'${escaped(from.replace(/'/g, "''"))}'|${escaped(from)})!`, 'gi');
    for (const sheet of this.sheets) {
      sheet.formulas.forEach((r, c, f) => {
        const next = f.replace(pattern, (_m, lead: string) => `${lead}${quote(to)}!`);
        if (next !== f) sheet.formulas.set(r, c, next);
      });
    }
  }
  activate(range: FakeRange): void {
    this.activeSheet = range.sheet;
    this.activeRange = range;
  }
  evaluateFormula(formula: string, sheet: FakeSheet, row: number, column: number): unknown {
    return this.formulaEvaluator ? this.formulaEvaluator(formula, { sheet: sheet.name, row, column }) : undefined;
  }
  /** Sets the Date constructor handed to code that reads cells (the vm context's, for a loaded bundle). */
  setRealm(realm: Realm): void {
    this.env.realm = realm;
  }
  /** Test hook: what formulas evaluate to from now on. */
  setFormulaEvaluator(fn: FormulaEvaluator | null): void {
    this.formulaEvaluator = fn;
  }
  /** A tab by name, typed as the fake (for tests and the xlsx export). */
  sheet(name: string): FakeSheet {
    const s = this.sheetNamed(name);
    if (!s) throw new Error(`No tab named "${name}".`);
    return s;
  }

  // ---- Spreadsheet API ----
  getId(): string {
    this.hit('getId');
    return this.id;
  }
  getName(): string {
    this.hit('getName');
    return this.name;
  }
  rename(newName: string): void {
    this.hit('rename');
    this.name = String(newName);
  }
  getUrl(): string {
    this.hit('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSheets(): GSheet[] {
    this.hit('getSheets');
    return [...this.sheets] as unknown as GSheet[];
  }
  getSheetByName(name: string): GSheet | null {
    this.hit('getSheetByName');
    return this.sheetNamed(String(name)) as unknown as GSheet | null;
  }
  getSheetId(): number {
    this.hit('getSheetId');
    return this.activeSheet.sheetId;
  }

  /** insertSheet(), (name), (name, index), (index): index is 0-based; the new tab becomes active. */
  insertSheet(a?: unknown, b?: unknown): GSheet {
    this.hit('insertSheet');
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheetNamed(`Sheet${n}`)) n += 1;
      name = `Sheet${n}`;
    }
    this.checkNewName(name, null);
    const sheet = new FakeSheet(this.env, this, name, (this.nextSheetId++ * 1000003) % 2147483647);
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    this.activeSheet = sheet;
    this.activeRange = null;
    return sheet as unknown as GSheet;
  }
  deleteSheet(sheet: GSheet): void {
    this.hit('deleteSheet');
    const s = sheet as unknown as FakeSheet;
    const i = this.sheets.indexOf(s);
    if (i < 0) throw new Error('Sheet not found');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(i, 1);
    for (const [k, nr] of this.namedRanges) if (nr.range.sheet === s) this.namedRanges.delete(k);
    if (this.activeSheet === s) {
      this.activeSheet = this.sheets[Math.max(0, i - 1)];
      this.activeRange = null;
    }
  }

  getSpreadsheetTimeZone(): string {
    this.hit('getSpreadsheetTimeZone');
    return this.timeZone;
  }
  /** File > Settings > Locale, as a code such as en_GB (new spreadsheets start in en_GB here). */
  locale = 'en_GB';
  getSpreadsheetLocale(): string {
    this.hit('getSpreadsheetLocale');
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.hit('setSpreadsheetLocale');
    this.locale = String(locale);
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.hit('setSpreadsheetTimeZone');
    if (!isKnownZone(String(timezone))) throw new Error(`Invalid argument: ${timezone}`);
    this.timeZone = String(timezone);
  }

  setNamedRange(name: string, range: GRange): void {
    this.hit('setNamedRange');
    const key = String(name).toLowerCase();
    const existing = this.namedRanges.get(key);
    if (existing) existing.range = range as unknown as FakeRange;
    else this.namedRanges.set(key, new FakeNamedRange(this.env, this, String(name), range as unknown as FakeRange));
  }
  getNamedRanges(): GNamedRange[] {
    this.hit('getNamedRanges');
    return [...this.namedRanges.values()] as unknown as GNamedRange[];
  }
  getRangeByName(name: string): GRange | null {
    this.hit('getRangeByName');
    return (this.namedRanges.get(String(name).toLowerCase())?.range ?? null) as unknown as GRange | null;
  }
  removeNamedRange(name: string): void {
    this.hit('removeNamedRange');
    this.namedRanges.delete(String(name).toLowerCase());
  }

  getRange(a1Notation: string): GRange {
    this.hit('getRange');
    return this.activeSheet.rangeA1(a1Notation) as unknown as GRange;
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GProtection[] {
    this.hit('getProtections');
    return this.sheets.flatMap((s) => s.protections.filter((p) => p.kind === String(type))) as unknown as GProtection[];
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.hit('toast');
    this.toasts.push({ message: String(msg), title: title ?? '', timeoutSeconds: timeoutSeconds ?? 5 });
  }

  getActiveSheet(): GSheet {
    this.hit('getActiveSheet');
    return this.activeSheet as unknown as GSheet;
  }
  setActiveSheet(sheet: GSheet): GSheet {
    this.hit('setActiveSheet');
    this.activeSheet = sheet as unknown as FakeSheet;
    this.activeRange = null;
    return sheet;
  }
  setActiveRange(range: GRange): GRange {
    this.hit('setActiveRange');
    this.activate(range as unknown as FakeRange);
    return range;
  }
  setActiveSelection(range: GRange | string): GRange {
    this.hit('setActiveSelection');
    const r = typeof range === 'string' ? this.activeSheet.rangeA1(range) : (range as unknown as FakeRange);
    this.activate(r);
    return r as unknown as GRange;
  }
  getActiveRange(): GRange | null {
    this.hit('getActiveRange');
    return (this.activeRange ?? this.activeSheet.rangeAt(1, 1)) as unknown as GRange;
  }

  getOwner(): GUser {
    this.hit('getOwner');
    return new FakeUser(this.env, this.env.userEmail) as unknown as GUser;
  }
  addEditor(who: string | GUser): GSpreadsheet {
    this.editors.add(emailOf(who));
    this.viewers.delete(emailOf(who));
    return this.me('addEditor');
  }
  addEditors(emails: string[]): GSpreadsheet {
    for (const e of emails) this.editors.add(e);
    return this.me('addEditors');
  }
  removeEditor(who: string | GUser): GSpreadsheet {
    this.editors.delete(emailOf(who));
    return this.me('removeEditor');
  }
  getEditors(): GUser[] {
    this.hit('getEditors');
    return [...this.editors].map((e) => new FakeUser(this.env, e) as unknown as GUser);
  }
  addViewer(who: string | GUser): GSpreadsheet {
    // Someone who can already edit keeps edit rights.
    if (!this.editors.has(emailOf(who))) this.viewers.add(emailOf(who));
    return this.me('addViewer');
  }
  addViewers(emails: string[]): GSpreadsheet {
    for (const e of emails) if (!this.editors.has(e)) this.viewers.add(e);
    return this.me('addViewers');
  }
  removeViewer(who: string | GUser): GSpreadsheet {
    this.viewers.delete(emailOf(who));
    return this.me('removeViewer');
  }
  getViewers(): GUser[] {
    this.hit('getViewers');
    return [...this.viewers].map((e) => new FakeUser(this.env, e) as unknown as GUser);
  }
}

/** What openById says when the spreadsheet exists but is not shared with the user. */
export const NO_ACCESS_MESSAGE = 'You do not have permission to access the requested document.';

type AppMethods =
  | 'flush'
  | 'getActive'
  | 'getActiveSpreadsheet'
  | 'getActiveSheet'
  | 'getActiveRange'
  | 'getUi'
  | 'newDataValidation'
  | 'newConditionalFormatRule'
  | 'openById'
  | 'openByUrl'
  | 'create';

/** SpreadsheetApp: one active spreadsheet, others reachable by id, and the enums the project uses. */
export class FakeSpreadsheetApp implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppMethods> {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;
  readonly BooleanCriteria = BooleanCriteria;
  readonly WrapStrategy = Object.freeze({ WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' });
  readonly Dimension = Object.freeze({ COLUMNS: 'COLUMNS', ROWS: 'ROWS' });
  readonly BorderStyle = Object.freeze({
    DOTTED: 'DOTTED',
    DASHED: 'DASHED',
    SOLID: 'SOLID',
    SOLID_MEDIUM: 'SOLID_MEDIUM',
    SOLID_THICK: 'SOLID_THICK',
    DOUBLE: 'DOUBLE',
  });
  readonly spreadsheets = new Map<string, FakeSpreadsheet>();
  flushes = 0;

  constructor(
    private readonly env: OfflineEnv,
    public active: FakeSpreadsheet,
    private readonly ui: GoogleAppsScript.Base.Ui,
    private readonly onCreate: (ss: FakeSpreadsheet) => void = () => {},
    /** Whether the signed-in user may open a spreadsheet (shared with them, or theirs); default: always. */
    private readonly canOpen: (ss: FakeSpreadsheet) => boolean = () => true,
  ) {
    this.spreadsheets.set(active.id, active);
  }

  private hit(method: string): void {
    this.env.calls.hit(`SpreadsheetApp.${method}`);
  }

  /** Sets the Date constructor that values read from cells are made with. */
  setRealm(realm: Realm): void {
    this.env.realm = realm;
  }

  getActive(): GSpreadsheet {
    this.hit('getActive');
    return this.active as unknown as GSpreadsheet;
  }
  getActiveSpreadsheet(): GSpreadsheet {
    this.hit('getActiveSpreadsheet');
    return this.active as unknown as GSpreadsheet;
  }
  getActiveSheet(): GSheet {
    this.hit('getActiveSheet');
    return this.active.activeSheet as unknown as GSheet;
  }
  getActiveRange(): GRange {
    this.hit('getActiveRange');
    return (this.active.activeRange ?? this.active.activeSheet.rangeAt(1, 1)) as unknown as GRange;
  }
  getUi(): GoogleAppsScript.Base.Ui {
    this.hit('getUi');
    return this.ui;
  }
  flush(): void {
    this.hit('flush');
    this.flushes += 1;
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.hit('newDataValidation');
    return new FakeDataValidationBuilder(this.env) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.hit('newConditionalFormatRule');
    return new FakeConditionalFormatRuleBuilder(this.env) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  }
  create(name: string): GSpreadsheet {
    this.hit('create');
    const ss = new FakeSpreadsheet(this.env, String(name));
    this.add(ss);
    return ss as unknown as GSpreadsheet;
  }
  /** Makes a spreadsheet reachable by openById (and visible in Drive). */
  add(ss: FakeSpreadsheet): void {
    this.spreadsheets.set(ss.id, ss);
    this.onCreate(ss);
  }
  /**
   * openById/openByUrl "throw an exception if the spreadsheet does not exist or the user does not have permission
   * to access it" (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openbyidid):
   * no such file gives Apps Script's "Unexpected error…" message, a file not shared with the user its
   * "You do not have permission to access the requested document." message.
   */
  private opened(ss: FakeSpreadsheet | undefined, method: 'openById' | 'openByUrl'): GSpreadsheet {
    if (!ss) throw new Error(`Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`);
    if (!this.canOpen(ss)) throw new Error(NO_ACCESS_MESSAGE);
    return ss as unknown as GSpreadsheet;
  }
  openById(id: string): GSpreadsheet {
    this.hit('openById');
    return this.opened(this.spreadsheets.get(String(id)), 'openById');
  }
  openByUrl(url: string): GSpreadsheet {
    this.hit('openByUrl');
    const id = /\/d\/([A-Za-z0-9_-]+)/.exec(String(url))?.[1];
    return this.opened(id ? this.spreadsheets.get(id) : undefined, 'openByUrl');
  }
}
