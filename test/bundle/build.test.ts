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

  test("a load runs none of zod until an argument is checked: a custom function's call sets up nothing of it", () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    // zod's core records its global config when its modules are set up.
    const zodSetUp = () => vm.runInContext('typeof globalThis.__zod_globalConfig', context);
    expect(context.SLM_WORKHOURS(new Date(Date.UTC(2026, 10, 2, 9)), new Date(Date.UTC(2026, 10, 3, 10)), 'Mon-Fri 08:00-18:00', '', 'Europe/London')).toBe(11);
    expect(zodSetUp()).toBe('undefined');
    expect(() => context.showPicker('a shoe box')).toThrow(/kind: expected 'csv', 'folder' or 'school'/);
    expect(zodSetUp()).toBe('object');
  });

  test('every entry point has a top-level stub calling into the one bundle, and every stub an entry point', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const bundled = Object.keys(context.SLM).sort();
    const topLevel = Object.keys(context)
      .filter((k) => k !== 'SLM' && typeof context[k] === 'function')
      .sort();
    expect(topLevel).toEqual(bundled);
    expect(topLevel).toEqual(
      sourceEntries()
        .map((e) => e.name)
        .sort(),
    );
    expect(topLevel).toEqual(expect.arrayContaining(['onOpen', 'SLM_WORKHOURS', 'generateSla', 'generateReview', 'getOverview']));
  });

  test('holds the whole server: no other file carries code, and nothing is evaluated from text at run time', () => {
    expect(fs.existsSync(path.join(root, 'dist/Actions.html'))).toBe(false);
    expect(fs.readdirSync(path.join(root, 'dist')).filter((f) => f.endsWith('.js') || f.endsWith('.gs'))).toEqual(['Code.js']);
    expect(code).not.toMatch(/\bnew Function\b|\bFunction\(|\beval\(/);
    // The data files HtmlService reads are JSON, not script.
    for (const data of ['ExampleSchool.html', 'IncidentIntake.html']) {
      expect(() => JSON.parse(fs.readFileSync(path.join(root, 'dist', data), 'utf8'))).not.toThrow();
    }
  });

  test('an action runs from Code.js alone: it reads no file through HtmlService', () => {
    const reads: string[] = [];
    const context = vm.createContext({
      HtmlService: {
        createHtmlOutputFromFile: (f: string) => {
          reads.push(f);
          return { getContent: () => '' };
        },
      },
    });
    vm.runInContext(code, context);
    expect(typeof context.SLM.generateSla).toBe('function');
    expect(typeof context.SLM.generateReview).toBe('function');
    expect(reads).toEqual([]);
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
});

describe('dist/ as clasp pushes it', () => {
  test('clasp would push exactly the manifest, the bundle, the sidebar, the example data and the import presets', () => {
    const out = execFileSync('npx', ['clasp', 'show-file-status', '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const status = JSON.parse(out.slice(out.indexOf('{')));
    expect([...status.filesToPush].sort()).toEqual([
      'dist/Code.js',
      'dist/ExampleSchool.html',
      'dist/IncidentIntake.html',
      'dist/Sidebar.html',
      'dist/appsscript.json',
    ]);
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
