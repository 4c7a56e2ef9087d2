import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createOfflineRuntime, LOCK_TIMEOUT_MESSAGE } from '../../offline';

const dist = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slm-svc-'));
  fs.writeFileSync(path.join(dir, 'Sidebar.html'), '<main>SLM</main>');
  fs.writeFileSync(path.join(dir, 'Page.html'), '<h1><?= title ?></h1><?!= raw ?>');
  return dir;
};

describe('LockService', () => {
  it('contends with another process', () => {
    const rt = createOfflineRuntime({ distDir: dist() });
    const locks = rt.services.LockService;
    locks.holdByAnotherProcess('document');
    const lock = locks.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(() => lock.waitLock(30000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(LOCK_TIMEOUT_MESSAGE).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(lock.hasLock()).toBe(false);
    locks.releaseByAnotherProcess('document');
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    // A second Lock object of the same scope is another holder.
    expect(locks.getDocumentLock().tryLock(10)).toBe(false);
    // Other scopes are independent.
    expect(locks.getScriptLock().tryLock(10)).toBe(true);
    lock.releaseLock();
    expect(locks.getDocumentLock().tryLock(10)).toBe(true);
    expect(rt.calls.count('Lock.tryLock')).toBe(5);
  });
});

describe('Ui', () => {
  it('answers alerts and prompts from a scripted queue and records them', () => {
    const rt = createOfflineRuntime({ distDir: dist() });
    const ui = rt.services.SpreadsheetApp.getUi();
    expect(ui.alert('Saved')).toBe(ui.Button.OK);
    expect(() => ui.alert('Sure?', ui.ButtonSet.YES_NO)).toThrow(/needs a scripted response/);
    rt.ui.respond('NO', { button: 'OK', text: 'Autumn review' });
    expect(ui.alert('Overwrite', 'Replace the tab?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const answer = ui.prompt('Review name', ui.ButtonSet.OK_CANCEL);
    expect([answer.getSelectedButton(), answer.getResponseText()]).toEqual(['OK', 'Autumn review']);
    expect(rt.ui.alerts.map((a) => [a.title, a.prompt, a.buttons, a.answer])).toEqual([
      ['', 'Saved', 'OK', 'OK'],
      ['Overwrite', 'Replace the tab?', 'YES_NO', 'NO'],
    ]);
    expect(rt.ui.prompts[0]).toMatchObject({ prompt: 'Review name', text: 'Autumn review' });
  });

  it('records sidebars and dialogs with their HtmlOutput', () => {
    const rt = createOfflineRuntime({ distDir: dist() });
    const html = rt.services.HtmlService;
    const out = html
      .createHtmlOutputFromFile('Sidebar')
      .setTitle('SLM')
      .setWidth(300)
      .setXFrameOptionsMode(html.XFrameOptionsMode.DEFAULT as unknown as GoogleAppsScript.HTML.XFrameOptionsMode)
      .addMetaTag('viewport', 'width=device-width');
    rt.services.SpreadsheetApp.getUi().showSidebar(out);
    rt.services.SpreadsheetApp.getUi().showModalDialog(html.createHtmlOutput('<p>Hi</p>').setHeight(200), 'Hello');
    expect(rt.ui.sidebar()?.getContent()).toBe('<main>SLM</main>');
    expect(rt.ui.sidebar()?.title).toBe('SLM');
    expect(rt.ui.shown.map((s) => [s.kind, s.title])).toEqual([
      ['sidebar', 'SLM'],
      ['modal', 'Hello'],
    ]);
    expect(() => html.createHtmlOutputFromFile('Missing')).toThrow();
    const t = html.createTemplateFromFile('Page') as unknown as Record<string, unknown> & GoogleAppsScript.HTML.HtmlTemplate;
    t.title = '<b>x</b>';
    t.raw = '<i>ok</i>';
    expect(t.evaluate().getContent()).toBe('<h1>&lt;b&gt;x&lt;/b&gt;</h1><i>ok</i>');
  });
});

describe('Properties, Cache, Session, Utilities, Logger', () => {
  it('stores properties as strings per scope', () => {
    const rt = createOfflineRuntime({ distDir: dist() });
    const doc = rt.services.PropertiesService.getDocumentProperties();
    doc.setProperty('period', 'autumn').setProperties({ n: 3 as unknown as string });
    expect(doc.getProperty('n')).toBe('3');
    expect(doc.getProperties()).toEqual({ period: 'autumn', n: '3' });
    expect(rt.services.PropertiesService.getUserProperties().getProperty('period')).toBeNull();
    doc.deleteProperty('period');
    expect(doc.getKeys()).toEqual(['n']);
  });

  it('formats dates with SimpleDateFormat patterns in a zone', () => {
    const rt = createOfflineRuntime({ distDir: dist() });
    const u = rt.services.Utilities;
    const summer = new Date(Date.UTC(2024, 6, 5, 13, 4, 9));
    expect(u.formatDate(summer, 'Europe/London', 'yyyy-MM-dd HH:mm:ss')).toBe('2024-07-05 14:04:09');
    expect(u.formatDate(summer, 'Europe/London', "EEE d MMM yyyy 'at' HH:mm z")).toBe('Fri 5 Jul 2024 at 14:04 BST');
    expect(u.formatDate(summer, 'UTC', 'EEEE, MMMM dd')).toBe('Friday, July 05');
    expect(u.formatDate(summer, 'America/New_York', "yyyy-MM-dd'T'HH:mmXXX")).toBe('2024-07-05T09:04-04:00');
    // Dates from the bundle's realm are accepted too.
    expect(rt.run("Utilities.formatDate(new Date(Date.UTC(2024,0,1)), 'Europe/London', 'dd/MM/yyyy HH:mm')")).toBe('01/01/2024 00:00');
    expect(() => u.formatDate('2024-01-01' as unknown as Date, 'UTC', 'yyyy')).toThrow(/don't match the method signature/);
    expect(u.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    expect(u.base64Encode('SLM')).toBe('U0xN');
    expect(u.newBlob('abc', 'text/plain', 'a.txt').getDataAsString()).toBe('abc');
    u.sleep(500);
    expect(u.slept).toBe(500);
  });

  it("keeps the bundle's console lines", () => {
    const rt = createOfflineRuntime({ distDir: dist() });
    rt.run("console.warn('careful'); console.log('%s open', 3)");
    expect(rt.consoleLines).toEqual([
      { level: 'warn', text: 'careful' },
      { level: 'log', text: '3 open' },
    ]);
    expect(rt.run('ScriptApp.AuthMode.FULL')).toBe('FULL');
  });
});
