/**
 * The built dist/ as Apps Script and clasp see it. `npm test` builds first; run `npm run build` before
 * running this file on its own.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { entryPoints } from '../../scripts/stubs';

const root = path.resolve(__dirname, '../..');
const code = fs.readFileSync(path.join(root, 'dist/Code.js'), 'utf8');
let entries: ReturnType<typeof entryPoints> | undefined;
/** The entry points as the build reads them from the source (a TypeScript program: built once). */
const sourceEntries = () => (entries ??= entryPoints(path.join(root, 'src/main.ts')));

describe('dist/Code.js', () => {
  test('loads with gas-local into a bare context with no Apps Script services: its top level does no work', () => {
    const gasLocal = require('gas-local');
    const context = gasLocal.require(path.join(root, 'dist'), {}, { filter: (f: string) => f.endsWith('Code.js') });
    expect(typeof context.onOpen).toBe('function');
    expect(typeof context.onInstall).toBe('function');
  });

  test('every entry point has a top-level stub, and every stub an entry point in Code.js or the actions file', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const inCode = Object.keys(context.SLM).sort();
    const actions = Object.keys(new Function(`${fs.readFileSync(path.join(root, 'dist/Actions.html'), 'utf8')}\nreturn SLM_ACTIONS`)()).sort();
    const topLevel = Object.keys(context).filter((k) => k !== 'SLM' && k !== 'loadActions_' && typeof context[k] === 'function').sort();
    expect(topLevel).toEqual([...inCode, ...actions].sort());
    expect(topLevel).toEqual(sourceEntries().map((e) => e.name).sort());
    // Custom functions and simple triggers never wait for the actions file.
    expect(inCode).toEqual(sourceEntries().filter((e) => e.customFunction || e.name === 'onOpen' || e.name === 'onInstall').map((e) => e.name).sort());
    expect(actions.filter((n) => inCode.includes(n))).toEqual([]);
  });

  test('an action loads the actions file once per execution, through HtmlService, and runs from it', () => {
    const actionsFile = fs.readFileSync(path.join(root, 'dist/Actions.html'), 'utf8');
    const reads: string[] = [];
    const context = vm.createContext({ HtmlService: { createHtmlOutputFromFile: (f: string) => (reads.push(f), { getContent: () => actionsFile }) } });
    vm.runInContext(code, context);
    const loaded = vm.runInContext('loadActions_()', context);
    expect(vm.runInContext('loadActions_()', context)).toBe(loaded);
    expect(reads).toEqual(['Actions']);
    expect(typeof loaded.generateSla).toBe('function');
  });

  test('custom-function stubs carry their JSDoc with @customfunction and @param lines', () => {
    const custom = sourceEntries().filter((e) => e.customFunction);
    expect(custom.map((e) => e.name)).toEqual(expect.arrayContaining(['SLM_WORKHOURS', 'SLM_DUE', 'SLM_AVAILABILITY', 'SLM_ATTAINMENT']));
    for (const e of custom) {
      const at = code.indexOf(`function ${e.name}(`);
      const doc = code.slice(code.lastIndexOf('/**', at), at);
      expect(doc).toMatch(/@customfunction/);
      for (const p of e.params) expect(doc).toContain(p.replace(/^\.\.\./, ''));
    }
  });

  test('stays inside the 180 KB budget', () => {
    expect(Buffer.byteLength(code)).toBeLessThan(180 * 1024);
  });
});

describe('dist/ as clasp pushes it', () => {
  test('clasp would push exactly the manifest, the bundle, the actions file, the sidebar, the help, the example data and the import presets', () => {
    const out = execFileSync('npx', ['clasp', 'show-file-status', '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const status = JSON.parse(out.slice(out.indexOf('{')));
    expect([...status.filesToPush].sort()).toEqual(['dist/Actions.html', 'dist/Code.js', 'dist/ExampleSchool.html', 'dist/IncidentIntake.html', 'dist/Sidebar.html', 'dist/appsscript.json']);
    expect(status.untrackedFiles).toEqual([]);
  });

  test('the sidebar is one self-contained file', () => {
    const html = fs.readFileSync(path.join(root, 'dist/Sidebar.html'), 'utf8');
    expect(html).toMatch(/<style>/);
    expect(html).toMatch(/<script>/);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
  });

});
