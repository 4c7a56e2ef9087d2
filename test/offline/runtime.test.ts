import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createOfflineRuntime } from '../../offline';

/** A tiny stand-in for dist/Code.js: an IIFE plus top-level stubs, as the build emits. */
const BUNDLE = `
var SLM = (function () {
  function onOpen(e) {
    var ui = SpreadsheetApp.getUi();
    ui.createMenu('SLM')
      .addItem('Set up workbook', 'setUpWorkbook')
      .addSeparator()
      .addSubMenu(ui.createMenu('Documents').addItem('Generate SLA', 'generateSla'))
      .addToUi();
  }
  function firstDate() {
    var v = SpreadsheetApp.getActive().getSheetByName('Log').getRange(2, 1).getValue();
    return { isDate: v instanceof Date, iso: v.toISOString() };
  }
  function writeHeader() {
    var sh = SpreadsheetApp.getActive().getSheetByName('Log');
    sh.getRange(1, 1, 1, 2).setValues([['Opened', 'When']]);
    sh.getRange(2, 2).setValue(new Date(Date.UTC(2024, 0, 2)));
    return sh.getLastRow();
  }
  return { onOpen: onOpen, firstDate: firstDate, writeHeader: writeHeader };
})();
function onOpen(e) { return SLM.onOpen(e); }
function firstDate() { return SLM.firstDate(); }
function writeHeader() { return SLM.writeHeader(); }
`;

const tempDist = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slm-offline-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), BUNDLE);
  // Another .js file beside it must not be loaded.
  fs.writeFileSync(path.join(dir, 'Other.js'), 'throw new Error("only Code.js is loaded");');
  fs.writeFileSync(path.join(dir, 'Sidebar.html'), '<p>Sidebar</p>');
  return dir;
};

describe('createOfflineRuntime', () => {
  it('loads only Code.js; top-level functions become globals and onOpen builds the menu', () => {
    const rt = createOfflineRuntime({ distDir: tempDist() });
    rt.load();
    expect(typeof rt.global.onOpen).toBe('function');
    rt.global.onOpen({});
    expect(rt.ui.menuOutline()).toEqual(['[SLM]', '  Set up workbook -> setUpWorkbook', '  ---', '  Documents >', '    Generate SLA -> generateSla']);
    expect(rt.calls.count('Menu.addItem')).toBe(2);
    expect(rt.calls.count('Menu.addToUi')).toBe(1);
    expect(rt.calls.count('SpreadsheetApp.getUi')).toBe(1);
  });

  it('gives each runtime a fresh global, never a shared one', () => {
    const a = createOfflineRuntime({ distDir: tempDist() });
    const b = createOfflineRuntime({ distDir: tempDist() });
    a.load();
    expect(a.global).not.toBe(b.global);
    expect(b.global.onOpen).toBeUndefined();
    expect(a.global.SpreadsheetApp).not.toBe(b.global.SpreadsheetApp);
  });

  it('hands the bundle Dates of its own realm, and accepts its Dates back', () => {
    const rt = createOfflineRuntime({ distDir: tempDist() });
    rt.load();
    const log = rt.spreadsheet.insertSheet('Log');
    log.getRange(2, 1).setValue(new Date(Date.UTC(2024, 4, 1, 9, 30)));
    expect(rt.global.firstDate()).toEqual({ isDate: true, iso: '2024-05-01T09:30:00.000Z' });
    expect(rt.global.writeHeader()).toBe(2);
    const back = rt.spreadsheet.sheet('Log').getRange(2, 2).getValue();
    expect(Object.prototype.toString.call(back)).toBe('[object Date]');
    expect(back.getTime()).toBe(Date.UTC(2024, 0, 2));
    // Outside the context, cell Dates are the context's, not Node's.
    expect(back instanceof Date).toBe(false);
    expect(back instanceof (rt.run('Date') as DateConstructor)).toBe(true);
  });

  it('fails on a missing bundle with a clear error', () => {
    const rt = createOfflineRuntime({ distDir: path.join(os.tmpdir(), 'no-such-dist-dir-slm') });
    expect(() => rt.load()).toThrow(/ENOENT/);
  });

  it('exposes every service as a global of the context', () => {
    const rt = createOfflineRuntime({ distDir: tempDist(), timeZone: 'America/New_York', userEmail: 'it@school.example' });
    const names = rt.run(
      '[typeof SpreadsheetApp, typeof DocumentApp, typeof DriveApp, typeof HtmlService, typeof PropertiesService, typeof LockService, typeof Session, typeof Utilities, typeof ScriptApp, typeof MailApp, typeof console].join()',
    );
    expect(names).toBe(Array(11).fill('object').join());
    // Only the services the add-in uses are faked.
    expect(rt.run('[typeof CacheService, typeof Logger, typeof GmailApp].join()')).toBe('undefined,undefined,undefined');
    expect(rt.run('Session.getEffectiveUser().getEmail()')).toBe('it@school.example');
    expect(rt.run('DriveApp.getRootFolder().getOwner().getEmail()')).toBe('it@school.example');
    expect(rt.run('SpreadsheetApp.getActive().getSpreadsheetTimeZone()')).toBe('America/New_York');
    expect(rt.run('DriveApp.getFileById(SpreadsheetApp.getActive().getId()).getName()')).toBe('SLM Workbook');
  });
});
