/**
 * ScriptApp with installable triggers: built with ScriptApp.newTrigger(...), listed, deleted, and fired
 * offline by the runtime (`fireTrigger`), since nothing here runs on Google's schedule.
 * https://developers.google.com/apps-script/reference/script/script-app
 * https://developers.google.com/apps-script/guides/triggers/installable
 *
 * Triggers belong to the user who made them and to a document: a spreadsheet trigger to its spreadsheet, a
 * form trigger to its form, a clock trigger to the document the script ran in when it was made (add-ons
 * keep "one trigger of each type, per user, per document":
 * https://developers.google.com/workspace/add-ons/concepts/editor-triggers). `getUserTriggers(document)`
 * lists the signed-in user's triggers of that document only; `getProjectTriggers()` lists the user's
 * triggers of every document, which is why the add-in never uses it. One user never sees another's
 * ("A given account cannot see triggers installed from a second account", the installable triggers guide).
 */
import type { OfflineEnv } from './env';

export const EventType = Object.freeze({
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
});
export const TriggerSource = Object.freeze({ SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' });
export const AuthMode = Object.freeze({ NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' });
export const WeekDay = Object.freeze({
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
  SUNDAY: 'SUNDAY',
});

/** Quotas page: "Triggers: 20 / user / script" (counted per user). https://developers.google.com/apps-script/guides/services/quotas */
export const MAX_TRIGGERS = 20;
export const TOO_MANY_TRIGGERS_MESSAGE = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
/** ClockTriggerBuilder.everyMinutes(n): "n must be 1, 5, 10, 15 or 30". */
export const EVERY_MINUTES_ALLOWED = [1, 5, 10, 15, 30];

type EventTypeName = keyof typeof EventType;
type SourceName = keyof typeof TriggerSource;

/** When a clock trigger runs, as its builder described it. */
export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  timeZone?: string;
  /** One-off: at this instant (from at(), atDate() or after()). */
  at?: number;
}

export class FakeTrigger
  implements Pick<GoogleAppsScript.Script.Trigger, 'getEventType' | 'getHandlerFunction' | 'getTriggerSource' | 'getTriggerSourceId' | 'getUniqueId'>
{
  constructor(
    private readonly env: OfflineEnv,
    readonly uniqueId: string,
    readonly handler: string,
    readonly eventType: EventTypeName,
    readonly source: SourceName,
    readonly sourceId: string | null,
    readonly schedule: ClockSchedule | null,
    /** Who made it (installable triggers run as their creator). */
    readonly owner: string = env.userEmail,
    /** The document it belongs to: its spreadsheet or form, or for a clock trigger the document it was made in. */
    readonly documentId: string | null = sourceId,
  ) {}
  getEventType(): GoogleAppsScript.Script.EventType {
    this.env.calls.hit('Trigger.getEventType');
    return this.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
  getHandlerFunction(): string {
    this.env.calls.hit('Trigger.getHandlerFunction');
    return this.handler;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    this.env.calls.hit('Trigger.getTriggerSource');
    return this.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  /** The spreadsheet's or form's id; null for clock triggers (as documented for sources without an id). */
  getTriggerSourceId(): string {
    this.env.calls.hit('Trigger.getTriggerSourceId');
    return this.sourceId as string;
  }
  getUniqueId(): string {
    this.env.calls.hit('Trigger.getUniqueId');
    return this.uniqueId;
  }
}

/** What ScriptApp and its builders share: the project's triggers of every user and document. */
export class TriggerStore {
  readonly triggers: FakeTrigger[] = [];
  private seq = 0;
  /** `activeDocumentId`: the document the script runs in now (a clock trigger made now belongs to it). */
  constructor(
    private readonly env: OfflineEnv,
    readonly activeDocumentId: () => string | null = () => null,
  ) {}

  /** The signed-in user's triggers (every document). */
  mine(): FakeTrigger[] {
    return this.triggers.filter((t) => t.owner === this.env.userEmail);
  }

  add(handler: string, eventType: EventTypeName, source: SourceName, sourceId: string | null, schedule: ClockSchedule | null): FakeTrigger {
    if (this.mine().length >= MAX_TRIGGERS) throw new Error(TOO_MANY_TRIGGERS_MESSAGE);
    this.seq += 1;
    const doc = source === 'CLOCK' ? this.activeDocumentId() : sourceId;
    const t = new FakeTrigger(this.env, String(1000000 + this.seq), handler, eventType, source, sourceId, schedule, this.env.userEmail, doc);
    this.triggers.push(t);
    return t;
  }
  /** A trigger by unique id, or the only trigger of a handler. */
  find(idOrHandler: string): FakeTrigger {
    const byId = this.triggers.find((t) => t.uniqueId === idOrHandler);
    if (byId) return byId;
    const byHandler = this.triggers.filter((t) => t.handler === idOrHandler);
    if (byHandler.length === 1) return byHandler[0];
    throw new Error(
      byHandler.length === 0
        ? `No trigger with id or handler "${idOrHandler}".`
        : `${byHandler.length} triggers call "${idOrHandler}": fire one by its unique id.`,
    );
  }
}

const integerIn = (name: string, n: unknown, min: number, max: number): number => {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw new Error(`Invalid argument: ${name}`);
  return n;
};

class SpreadsheetTriggerBuilder {
  private eventType: EventTypeName | null = null;
  constructor(
    private readonly env: OfflineEnv,
    private readonly store: TriggerStore,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {}
  private on(kind: EventTypeName, method: string): this {
    this.env.calls.hit(`SpreadsheetTriggerBuilder.${method}`);
    this.eventType = kind;
    return this;
  }
  onOpen(): this {
    return this.on('ON_OPEN', 'onOpen');
  }
  onEdit(): this {
    return this.on('ON_EDIT', 'onEdit');
  }
  onChange(): this {
    return this.on('ON_CHANGE', 'onChange');
  }
  onFormSubmit(): this {
    return this.on('ON_FORM_SUBMIT', 'onFormSubmit');
  }
  create(): GoogleAppsScript.Script.Trigger {
    this.env.calls.hit('SpreadsheetTriggerBuilder.create');
    if (!this.eventType) throw new Error('Missing event type: call onOpen(), onEdit(), onChange() or onFormSubmit() before create().');
    return this.store.add(this.handler, this.eventType, 'SPREADSHEETS', this.sourceId, null) as unknown as GoogleAppsScript.Script.Trigger;
  }
}

class FormTriggerBuilder {
  private eventType: EventTypeName | null = null;
  constructor(
    private readonly env: OfflineEnv,
    private readonly store: TriggerStore,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {}
  onOpen(): this {
    this.env.calls.hit('FormTriggerBuilder.onOpen');
    this.eventType = 'ON_OPEN';
    return this;
  }
  onFormSubmit(): this {
    this.env.calls.hit('FormTriggerBuilder.onFormSubmit');
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): GoogleAppsScript.Script.Trigger {
    this.env.calls.hit('FormTriggerBuilder.create');
    if (!this.eventType) throw new Error('Missing event type: call onOpen() or onFormSubmit() before create().');
    return this.store.add(this.handler, this.eventType, 'FORMS', this.sourceId, null) as unknown as GoogleAppsScript.Script.Trigger;
  }
}

/** https://developers.google.com/apps-script/reference/script/clock-trigger-builder */
class ClockTriggerBuilder {
  private readonly s: ClockSchedule = {};
  constructor(
    private readonly env: OfflineEnv,
    private readonly store: TriggerStore,
    private readonly handler: string,
  ) {}
  private set(method: string, apply: () => void): this {
    this.env.calls.hit(`ClockTriggerBuilder.${method}`);
    apply();
    return this;
  }
  everyMinutes(n: number): this {
    return this.set('everyMinutes', () => {
      if (!EVERY_MINUTES_ALLOWED.includes(n)) throw new Error('Invalid argument: n. everyMinutes accepts 1, 5, 10, 15 or 30.');
      this.s.everyMinutes = n;
    });
  }
  everyHours(n: number): this {
    return this.set('everyHours', () => {
      this.s.everyHours = integerIn('n', n, 1, 24 * 365);
    });
  }
  everyDays(n: number): this {
    return this.set('everyDays', () => {
      this.s.everyDays = integerIn('n', n, 1, 365);
    });
  }
  everyWeeks(n: number): this {
    return this.set('everyWeeks', () => {
      this.s.everyWeeks = integerIn('n', n, 1, 52);
    });
  }
  atHour(hour: number): this {
    return this.set('atHour', () => {
      this.s.atHour = integerIn('hour', hour, 0, 23);
    });
  }
  nearMinute(minute: number): this {
    return this.set('nearMinute', () => {
      this.s.nearMinute = integerIn('minute', minute, 0, 59);
    });
  }
  onWeekDay(day: unknown): this {
    return this.set('onWeekDay', () => {
      if (!Object.values(WeekDay).includes(String(day) as never)) throw new Error('Invalid argument: day');
      this.s.onWeekDay = String(day);
    });
  }
  onMonthDay(day: number): this {
    return this.set('onMonthDay', () => {
      this.s.onMonthDay = integerIn('day', day, 1, 31);
    });
  }
  inTimezone(timezone: string): this {
    return this.set('inTimezone', () => {
      this.s.timeZone = String(timezone);
    });
  }
  after(durationMilliseconds: number): this {
    return this.set('after', () => {
      this.s.at = Date.now() + integerIn('durationMilliseconds', durationMilliseconds, 0, Number.MAX_SAFE_INTEGER);
    });
  }
  at(date: Date): this {
    return this.set('at', () => {
      this.s.at = new Date(date as unknown as number).getTime();
    });
  }
  atDate(year: number, month: number, day: number): this {
    return this.set('atDate', () => {
      this.s.at = Date.UTC(year, month - 1, day);
    });
  }
  create(): GoogleAppsScript.Script.Trigger {
    this.env.calls.hit('ClockTriggerBuilder.create');
    const s = this.s;
    const recurrences = [s.everyMinutes, s.everyHours, s.everyDays, s.everyWeeks].filter((v) => v !== undefined).length;
    if (recurrences + (s.at !== undefined ? 1 : 0) !== 1) {
      throw new Error('A clock trigger needs exactly one of everyMinutes, everyHours, everyDays, everyWeeks, at, atDate or after.');
    }
    // atHour/nearMinute place a daily or weekly run; onWeekDay needs weeks, onMonthDay a monthly (days) run.
    if ((s.atHour !== undefined || s.nearMinute !== undefined) && s.everyDays === undefined && s.everyWeeks === undefined) {
      throw new Error('atHour() and nearMinute() need everyDays() or everyWeeks().');
    }
    if (s.onWeekDay !== undefined && s.everyWeeks === undefined) throw new Error('onWeekDay() needs everyWeeks().');
    return this.store.add(this.handler, 'CLOCK', 'CLOCK', null, { ...s }) as unknown as GoogleAppsScript.Script.Trigger;
  }
}

/** https://developers.google.com/apps-script/reference/script/trigger-builder */
class TriggerBuilder {
  constructor(
    private readonly env: OfflineEnv,
    private readonly store: TriggerStore,
    private readonly handler: string,
  ) {}
  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): SpreadsheetTriggerBuilder {
    this.env.calls.hit('TriggerBuilder.forSpreadsheet');
    const id = typeof sheet === 'string' ? sheet : sheet.getId();
    return new SpreadsheetTriggerBuilder(this.env, this.store, this.handler, id);
  }
  forForm(form: { getId(): string } | string): FormTriggerBuilder {
    this.env.calls.hit('TriggerBuilder.forForm');
    return new FormTriggerBuilder(this.env, this.store, this.handler, typeof form === 'string' ? form : form.getId());
  }
  timeBased(): ClockTriggerBuilder {
    this.env.calls.hit('TriggerBuilder.timeBased');
    return new ClockTriggerBuilder(this.env, this.store, this.handler);
  }
}

export const AuthorizationStatus = Object.freeze({ REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' });

export class FakeScriptApp implements Pick<GoogleAppsScript.Script.ScriptApp, 'getScriptId' | 'getProjectTriggers' | 'deleteTrigger' | 'getUserTriggers'> {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  /** Test hook: the user has not granted (or has revoked) a scope the script needs. */
  authorizationRequired = false;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  readonly store: TriggerStore;
  constructor(
    private readonly env: OfflineEnv,
    private readonly scriptId = '1OfflineScriptId',
    activeDocumentId: () => string | null = () => null,
  ) {
    this.store = new TriggerStore(env, activeDocumentId);
  }
  getScriptId(): string {
    this.env.calls.hit('ScriptApp.getScriptId');
    return this.scriptId;
  }
  /** "Gets the OAuth 2.0 access token for the effective user": offline, a token-shaped string naming the user. */
  getOAuthToken(): string {
    this.env.calls.hit('ScriptApp.getOAuthToken');
    return `ya29.offline-${this.env.userEmail}`;
  }
  newTrigger(functionName: string): TriggerBuilder {
    this.env.calls.hit('ScriptApp.newTrigger');
    if (typeof functionName !== 'string' || functionName === '') throw new Error('Invalid argument: functionName');
    return new TriggerBuilder(this.env, this.store, functionName);
  }
  /**
   * The project's installable triggers for the current user, of every document (a new array each call, as
   * Apps Script returns): "Gets all installable triggers associated with the current project and current user."
   */
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    this.env.calls.hit('ScriptApp.getProjectTriggers');
    return this.store.mine() as unknown as GoogleAppsScript.Script.Trigger[];
  }
  /**
   * "Gets all installable triggers owned by this user in the given document/form/spreadsheet, for this script
   * or add-on only": the user's triggers that belong to that document (its own, and clock triggers made in it).
   */
  getUserTriggers(document: { getId(): string }): GoogleAppsScript.Script.Trigger[] {
    this.env.calls.hit('ScriptApp.getUserTriggers');
    if (!document || typeof document.getId !== 'function') throw new Error('Invalid argument: document');
    const id = document.getId();
    return this.store.mine().filter((t) => t.documentId === id) as unknown as GoogleAppsScript.Script.Trigger[];
  }
  /**
   * https://developers.google.com/apps-script/reference/script/authorization-info: the status, and the URL
   * to grant access (null when nothing is required).
   */
  getAuthorizationInfo(authMode: unknown): { getAuthorizationStatus(): string; getAuthorizationUrl(): string | null } {
    this.env.calls.hit('ScriptApp.getAuthorizationInfo');
    if (!Object.values(AuthMode).includes(String(authMode) as never)) throw new Error('Invalid argument: authMode');
    const required = this.authorizationRequired;
    return {
      getAuthorizationStatus: () => (required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED),
      getAuthorizationUrl: () => (required ? `https://script.google.com/macros/d/${this.scriptId}/authorize` : null),
    };
  }
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    this.env.calls.hit('ScriptApp.deleteTrigger');
    // Only the user's own: another account's triggers are not theirs to see or delete.
    const i = this.store.triggers.findIndex((t) => t.uniqueId === trigger.getUniqueId() && t.owner === this.env.userEmail);
    if (i >= 0) this.store.triggers.splice(i, 1);
  }
}

/** The event object Apps Script passes to a trigger's handler, before the test's own fields are merged in.
 * https://developers.google.com/apps-script/guides/triggers/events */
export const baseEvent = (t: FakeTrigger, now: Date, source: unknown, user: unknown): Record<string, unknown> => {
  const common = { authMode: AuthMode.FULL, triggerUid: t.uniqueId };
  if (t.eventType === 'CLOCK') {
    const jan1 = Date.UTC(now.getUTCFullYear(), 0, 1);
    return {
      ...common,
      year: now.getUTCFullYear(),
      month: now.getUTCMonth() + 1,
      'day-of-month': now.getUTCDate(),
      'day-of-week': now.getUTCDay() === 0 ? 7 : now.getUTCDay(),
      'week-of-year': Math.ceil(((now.getTime() - jan1) / 86400000 + 1) / 7),
      hour: now.getUTCHours(),
      minute: now.getUTCMinutes(),
      second: now.getUTCSeconds(),
      timezone: 'UTC',
    };
  }
  // A Sheets form submission documents namedValues, range and values (the test supplies them), no source.
  if (t.source === 'SPREADSHEETS') return t.eventType === 'ON_FORM_SUBMIT' ? common : { ...common, source, user };
  return { ...common, source };
};
