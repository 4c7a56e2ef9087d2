/**
 * The add-on menu as the built bundle makes it. `npm test` builds first; run `npm run build` before
 * running this file on its own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { MENU_ITEMS } from '../../src/entry/menu';
import { loadedRuntime } from '../support/offline';
import { createOfflineRuntime } from '../../offline/runtime';
import { TRUST_DIST_DIR } from '../../scripts/trustManifest';

const root = path.resolve(__dirname, '../..');
const code = fs.readFileSync(path.join(root, 'dist/Code.js'), 'utf8');
const items = MENU_ITEMS.filter((i): i is readonly [string, string] => i !== null);

describe('onOpen', () => {
  test('builds the add-on menu with every item of the menu definition, in order, separators included', () => {
    const rt = loadedRuntime();
    rt.global.onOpen({ authMode: 'NONE' });
    expect(rt.ui.menus).toHaveLength(1);
    expect(rt.ui.menus[0].addon).toBe(true);
    expect(rt.ui.menus[0].items).toEqual(MENU_ITEMS.map((i) => (i ? { kind: 'item', caption: i[0], functionName: i[1] } : { kind: 'separator' })));
  });

  test('offers what the service manager needs', () => {
    const captions = items.map((i) => i[0]);
    for (const wanted of [
      'Open SLM panel',
      'Set up workbook',
      'Check workbook',
      'Generate SLA',
      'Generate service review',
      'Check contracts',
      'Share with representatives',
      'Help',
    ])
      expect(captions).toContain(wanted);
  });

  test('each item runs a top-level function of the built bundle', () => {
    const rt = loadedRuntime();
    for (const [caption, fn] of items) {
      expect([caption, typeof rt.global[fn]]).toEqual([caption, 'function']);
      expect(code).toMatch(new RegExp(`^function ${fn}\\(`, 'm'));
    }
  });

  test('uses no service but the Ui (a simple trigger runs without authorisation)', () => {
    const rt = loadedRuntime();
    rt.calls.reset();
    rt.global.onOpen({ authMode: 'NONE' });
    const used = Object.keys(rt.calls.snapshot());
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((k) => !/^(Ui|Menu)\./.test(k) && k !== 'SpreadsheetApp.getUi')).toEqual([]);
  });

  test('runs where only SpreadsheetApp.getUi exists: any other service touched would throw', () => {
    const added: string[] = [];
    const menu = {
      addItem(caption: string, fn: string) {
        added.push(`${caption} -> ${fn}`);
        return menu;
      },
      addSeparator() {
        added.push('---');
        return menu;
      },
      addToUi() {
        added.push('[shown]');
      },
    };
    const forbidden = (name: string) =>
      new Proxy(
        {},
        {
          get: (_t, p) => {
            throw new Error(`onOpen touched ${name}.${String(p)}`);
          },
        },
      );
    const context = vm.createContext({
      SpreadsheetApp: new Proxy(
        {},
        {
          get: (_t, p) => {
            if (p === 'getUi') return () => ({ createAddonMenu: () => menu, createMenu: () => menu });
            throw new Error(`onOpen touched SpreadsheetApp.${String(p)}`);
          },
        },
      ),
      PropertiesService: forbidden('PropertiesService'),
      DriveApp: forbidden('DriveApp'),
      DocumentApp: forbidden('DocumentApp'),
      LockService: forbidden('LockService'),
      Session: forbidden('Session'),
      HtmlService: forbidden('HtmlService'),
    });
    vm.runInContext(code, context);
    context.onOpen({ authMode: 'NONE' });
    expect(added[added.length - 1]).toBe('[shown]');
    expect(added.filter((a) => a.includes(' -> '))).toHaveLength(items.length);
  });

  test('onInstall shows the same menu straight away', () => {
    const rt = loadedRuntime();
    rt.global.onInstall({ authMode: 'FULL' });
    const viaOpen = loadedRuntime();
    viaOpen.global.onOpen({ authMode: 'NONE' });
    expect(rt.ui.menuOutline()).toEqual(viaOpen.ui.menuOutline());
  });
});

describe("the trust's copy", () => {
  test("its menu is a school's with the trust's items before Help, each a top-level function of its bundle", () => {
    const rt = createOfflineRuntime({ distDir: path.join(root, TRUST_DIST_DIR) });
    rt.load();
    rt.global.onOpen({ authMode: 'NONE' });
    const shown = rt.ui.menus[0].items.map((i: { kind: string; caption?: string; functionName?: string }) => (i.kind === 'item' ? i.caption : '---'));
    const school = MENU_ITEMS.map((i) => (i ? i[0] : '---'));
    expect(shown).toEqual([
      ...school.slice(0, -1),
      'Set up as trust workbook',
      "Add schools' workbooks",
      'Refresh trust figures',
      'Generate trust review',
      'Send to BigQuery',
      '---',
      'Help',
    ]);
    for (const item of rt.ui.menus[0].items)
      if (item.kind === 'item') expect([item.caption, typeof rt.global[item.functionName]]).toEqual([item.caption, 'function']);
  });
});

describe('Open SLM panel', () => {
  test('shows the built Sidebar.html as the "SLM Workbook" sidebar', () => {
    const rt = loadedRuntime();
    rt.global.menuOpenPanel();
    const sidebar = rt.ui.sidebar();
    expect(sidebar).not.toBeNull();
    expect(sidebar!.title).toBe('SLM Workbook');
    expect(sidebar!.fileName).toBe('Sidebar');
    expect(sidebar!.content).toBe(fs.readFileSync(path.join(root, 'dist/Sidebar.html'), 'utf8'));
  });
});
