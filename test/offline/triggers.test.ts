import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createOfflineRuntime, MAX_TRIGGERS, TOO_MANY_TRIGGERS_MESSAGE } from '../../offline';

/** A bundle that installs its triggers as the add-in would, and records what each handler received. */
const BUNDLE = `
var seen = [];
function install() {
  var ss = SpreadsheetApp.getActive();
  ScriptApp.newTrigger('onFormSubmitted').forSpreadsheet(ss).onFormSubmit().create();
  ScriptApp.newTrigger('dailyDigest').timeBased().everyDays(1).atHour(7).create();
  return ScriptApp.getProjectTriggers().map(function (t) {
    return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource()), t.getTriggerSourceId()];
  });
}
function uninstall(handler) {
  ScriptApp.getProjectTriggers().forEach(function (t) { if (t.getHandlerFunction() === handler) ScriptApp.deleteTrigger(t); });
  return ScriptApp.getProjectTriggers().length;
}
function onFormSubmitted(e) { seen.push(['form', e]); return e.values; }
function dailyDigest(e) { seen.push(['clock', e]); return e.hour; }
`;

const runtime = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slm-triggers-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), BUNDLE);
  const rt = createOfflineRuntime({ distDir: dir });
  rt.load();
  return rt;
};

describe('ScriptApp installable triggers', () => {
  it('creates, lists and deletes triggers with their documented getters', () => {
    const rt = runtime();
    expect(rt.global.install()).toEqual([
      ['onFormSubmitted', 'ON_FORM_SUBMIT', 'SPREADSHEETS', rt.spreadsheet.getId()],
      ['dailyDigest', 'CLOCK', 'CLOCK', null],
    ]);
    const [form, clock] = rt.services.ScriptApp.store.triggers;
    expect(form.getUniqueId()).not.toBe(clock.getUniqueId());
    expect(clock.schedule).toEqual({ everyDays: 1, atHour: 7 });
    expect(rt.global.uninstall('dailyDigest')).toBe(1);
    expect(rt.services.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['onFormSubmitted']);
    expect(rt.calls.count('ScriptApp.newTrigger')).toBe(2);
    expect(rt.calls.count('ScriptApp.deleteTrigger')).toBe(1);
  });

  it("fires a trigger by handler or id with the documented event object merged with the test's fields", () => {
    const rt = runtime();
    rt.global.install();
    const form = rt.services.ScriptApp.store.find('onFormSubmitted');
    expect(rt.fireTrigger(form.uniqueId, { values: ['26/11/2026 09:00:00', 'Printing'] })).toEqual(['26/11/2026 09:00:00', 'Printing']);
    const clockHour = rt.fireTrigger('dailyDigest');
    const seen = rt.global.seen as Array<[string, Record<string, unknown>]>;
    expect(seen[0][1]).toMatchObject({ authMode: 'FULL', triggerUid: form.uniqueId });
    expect(seen[0][1]).not.toHaveProperty('source');
    const clockEvent = seen[1][1];
    expect(Object.keys(clockEvent).sort()).toEqual([
      'authMode',
      'day-of-month',
      'day-of-week',
      'hour',
      'minute',
      'month',
      'second',
      'timezone',
      'triggerUid',
      'week-of-year',
      'year',
    ]);
    expect(clockEvent.hour).toBe(clockHour);
    expect(clockEvent.timezone).toBe('UTC');
  });

  it('refuses to fire what does not exist', () => {
    const rt = runtime();
    rt.global.install();
    expect(() => rt.fireTrigger('noSuchHandler')).toThrow('No trigger with id or handler "noSuchHandler".');
    rt.services.ScriptApp.newTrigger('gone').timeBased().everyHours(1).create();
    expect(() => rt.fireTrigger('gone')).toThrow('Script function not found: gone');
    rt.services.ScriptApp.newTrigger('dailyDigest').timeBased().everyHours(2).create();
    expect(() => rt.fireTrigger('dailyDigest')).toThrow('2 triggers call "dailyDigest"');
  });

  it('holds clock builders to their documented arguments', () => {
    const rt = runtime();
    const clock = () => rt.services.ScriptApp.newTrigger('dailyDigest').timeBased();
    expect(() => clock().everyMinutes(7)).toThrow('everyMinutes accepts 1, 5, 10, 15 or 30');
    expect(() => clock().atHour(24)).toThrow('Invalid argument: hour');
    expect(() => clock().everyHours(1).atHour(7).create()).toThrow('atHour() and nearMinute() need everyDays() or everyWeeks().');
    expect(() => clock().create()).toThrow('exactly one of');
    expect(() => clock().onWeekDay(rt.services.ScriptApp.WeekDay.MONDAY).everyDays(1).create()).toThrow('onWeekDay() needs everyWeeks().');
    expect(clock().everyWeeks(1).onWeekDay(rt.services.ScriptApp.WeekDay.MONDAY).atHour(6).create().getEventType()).toBe('CLOCK');
    expect(() => rt.services.ScriptApp.newTrigger('x').forSpreadsheet(rt.spreadsheet.getId()).create()).toThrow('Missing event type');
  });

  it(`allows ${MAX_TRIGGERS} triggers per user per script, as the quotas page says`, () => {
    const rt = runtime();
    for (let i = 0; i < MAX_TRIGGERS; i++) rt.services.ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => rt.services.ScriptApp.newTrigger('one more').timeBased().everyHours(1).create()).toThrow(TOO_MANY_TRIGGERS_MESSAGE);
    rt.services.ScriptApp.deleteTrigger(rt.services.ScriptApp.getProjectTriggers()[0]);
    expect(rt.services.ScriptApp.newTrigger('one more').timeBased().everyHours(1).create().getHandlerFunction()).toBe('one more');
  });

  it("keeps triggers per user and per document: getUserTriggers(ss) lists this workbook's, getProjectTriggers every one of the user's", () => {
    const rt = runtime();
    const a = rt.spreadsheet;
    rt.global.install();
    const b = rt.activate(rt.services.SpreadsheetApp.create('Other') as never);
    rt.global.install();
    const app = rt.services.ScriptApp;
    const handlers = (ts: GoogleAppsScript.Script.Trigger[]) => ts.map((t) => t.getHandlerFunction());
    expect(handlers(app.getUserTriggers(a as never))).toEqual(['onFormSubmitted', 'dailyDigest']);
    expect(handlers(app.getUserTriggers(b as never))).toEqual(['onFormSubmitted', 'dailyDigest']);
    expect(app.getProjectTriggers()).toHaveLength(4);
    // Fired, a trigger runs in its own document, whichever is open.
    rt.global.seen.length = 0;
    rt.activate(a);
    const clockB = app.getUserTriggers(b as never)[1];
    rt.fireTrigger(clockB.getUniqueId());
    expect(rt.spreadsheet).toBe(a);
    // Another account sees none of them, and cannot delete them.
    rt.env.userEmail = 'deputy@school.example';
    expect(app.getProjectTriggers()).toHaveLength(0);
    expect(app.getUserTriggers(a as never)).toHaveLength(0);
    app.deleteTrigger(clockB);
    rt.env.userEmail = 'service.manager@school.example';
    expect(app.getProjectTriggers()).toHaveLength(4);
  });
});
