import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createOfflineRuntime, CUSTOM_FUNCTION_TIME_LIMIT_MS, SCRIPT_TIME_LIMIT_MS, TIME_LIMIT_MESSAGE } from '../../offline';

/** Custom functions that break Sheets' rules, each in its own way, and one that keeps them. */
const BUNDLE = `
function SLM_DOC() { return DocumentApp.create('Report').getId(); }
function SLM_DRIVE() { return DriveApp.getRootFolder().getName(); }
function SLM_MAIL() { MailApp.sendEmail('a@school.example', 's', 'b'); return 'sent'; }
function SLM_LOCK() { return LockService.getDocumentLock().tryLock(10); }
function SLM_TRIGGER() { return ScriptApp.newTrigger('x').timeBased().everyHours(1).create().getUniqueId(); }
function SLM_UI() { SpreadsheetApp.getUi().alert('hi'); return 'shown'; }
function SLM_OPEN() { return SpreadsheetApp.openById('abc').getName(); }
function SLM_WRITE() { SpreadsheetApp.getActive().getSheets()[0].getRange(1, 1).setValue('x'); return 'written'; }
function SLM_NOTE() { SpreadsheetApp.getActive().getActiveSheet().getRange('A1').setNote('n'); return 'noted'; }
function SLM_TOAST() { SpreadsheetApp.getActive().toast('hi'); return 'toasted'; }
function SLM_READ() {
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  return [[sheet.getName(), sheet.getRange(1, 1, 1, 2).getValues()[0][1], DocumentApp.ParagraphHeading.HEADING1]];
}
function SLM_FOREVER() { for (;;) {} }
`;

const runtime = (opts: Parameters<typeof createOfflineRuntime>[0] = {}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slm-cf-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), BUNDLE);
  const rt = createOfflineRuntime({ distDir: dir, ...opts });
  rt.spreadsheet
    .getSheets()[0]
    .getRange(1, 1, 1, 2)
    .setValues([['Service', 'Printing']]);
  rt.load();
  return rt;
};

describe('custom-function mode: what Sheets refuses a custom function', () => {
  const rt = runtime({ mode: 'customFunction' });
  const g = rt.global as Record<string, () => unknown>;

  test.each([
    [
      'SLM_DOC',
      'You do not have permission to call DocumentApp.create. Required permissions: (https://www.googleapis.com/auth/documents.currentonly || https://www.googleapis.com/auth/documents)',
    ],
    [
      'SLM_DRIVE',
      'You do not have permission to call DriveApp.getRootFolder. Required permissions: (https://www.googleapis.com/auth/drive.readonly || https://www.googleapis.com/auth/drive)',
    ],
    ['SLM_MAIL', 'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail'],
    ['SLM_LOCK', 'You do not have permission to call LockService.getDocumentLock'],
    ['SLM_TRIGGER', 'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp'],
    ['SLM_UI', 'Cannot call SpreadsheetApp.getUi() from this context.'],
    ['SLM_OPEN', 'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets'],
    ['SLM_WRITE', 'You do not have permission to call setValue'],
    ['SLM_NOTE', 'You do not have permission to call setNote'],
    ['SLM_TOAST', 'You do not have permission to call toast'],
  ])('%s throws "%s" and changes nothing', (name, message) => {
    expect(() => g[name]()).toThrow(message);
    expect(rt.spreadsheet.getSheets()[0].getRange(1, 1).getValue()).toBe('Service');
    expect(rt.services.DocumentApp.documents.size).toBe(0);
    expect(rt.services.MailApp.sent).toHaveLength(0);
    expect(rt.services.ScriptApp.getProjectTriggers()).toHaveLength(0);
  });

  test('reads, enums and values still work', () => {
    expect(g.SLM_READ()).toEqual([['Sheet1', 'Printing', 'HEADING1']]);
  });

  test('the same functions run in script mode, so it is the mode that refuses them', () => {
    const script = runtime();
    const s = script.global as Record<string, () => unknown>;
    expect(typeof s.SLM_DOC()).toBe('string');
    expect(s.SLM_MAIL()).toBe('sent');
    expect(s.SLM_WRITE()).toBe('written');
    expect(script.spreadsheet.getSheets()[0].getRange(1, 1).getValue()).toBe('x');
    script.mode = 'customFunction';
    expect(() => s.SLM_DOC()).toThrow('You do not have permission to call DocumentApp.create');
    script.mode = 'script';
    expect(typeof s.SLM_DOC()).toBe('string');
  });
});

describe('execution time limits', () => {
  test("Google's limits are the defaults: 6 minutes for a script, 30 s for a custom function", () => {
    const rt = runtime();
    expect(rt.timeLimitMs()).toBe(SCRIPT_TIME_LIMIT_MS);
    expect(SCRIPT_TIME_LIMIT_MS).toBe(360_000);
    rt.mode = 'customFunction';
    expect(rt.timeLimitMs()).toBe(CUSTOM_FUNCTION_TIME_LIMIT_MS);
    expect(CUSTOM_FUNCTION_TIME_LIMIT_MS).toBe(30_000);
  });

  test('a call running past its limit is stopped, even in an endless loop, in either mode', () => {
    // The two limits are far apart so that a busy machine cannot make the shorter one look like the longer.
    const rt = runtime({ timeLimitMs: { script: 800, customFunction: 50 } });
    const g = rt.global as Record<string, () => unknown>;
    const started = Date.now();
    expect(() => g.SLM_FOREVER()).toThrow(TIME_LIMIT_MESSAGE);
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    rt.mode = 'customFunction';
    const again = Date.now();
    expect(() => g.SLM_FOREVER()).toThrow('Exceeded maximum execution time');
    expect(Date.now() - again).toBeLessThan(800);
    // The runtime is usable afterwards.
    expect(g.SLM_READ()).toEqual([['Sheet1', 'Printing', 'HEADING1']]);
  });
});
