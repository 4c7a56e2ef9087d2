/**
 * Builds dist/: Code.js (one IIFE exposing the entry points as `SLM`, then a top-level stub per entry
 * point, derived from src/main.ts's exports), Sidebar.html (JS and CSS inlined), ExampleSchool.html
 * (the example school's data), IncidentIntake.html (helpdesk presets, import texts, the call form's questions) and appsscript.json.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ACTIONS_FILE, ACTIONS_GLOBAL, entryPoints, inCode, renderStubs } from './stubs';
import { exampleData, exampleFileText } from '../src/core/example/data';
import { EXAMPLE_FILE } from '../src/core/example/school';
import { importData, importFileText } from '../src/core/import/presets';
import { IMPORT_FILE } from '../src/core/import/types';

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

/** Apps Script's V8 runtime; a conservative target keeps syntax it may not know out of the bundle. */
const GAS_TARGET = 'es2020';

/** One IIFE assigning `globalName`, holding only the named exports of src/main.ts (the rest is shaken out). */
async function bundle(names: string[], globalName: string): Promise<string> {
  const result = await esbuild.build({
    stdin: { contents: `export { ${names.join(', ')} } from './src/main';`, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName,
    target: GAS_TARGET,
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** Code.js (custom functions, simple triggers, every stub) and the actions file (everything else). */
async function buildServer(): Promise<{ code: number; actions: number }> {
  const entries = entryPoints(path.join(root, 'src/main.ts'));
  const [core, actions] = await Promise.all([
    bundle(entries.filter(inCode).map((e) => e.name), 'SLM'),
    bundle(entries.filter((e) => !inCode(e)).map((e) => e.name), ACTIONS_GLOBAL),
  ]);
  const code = `${core}\n${renderStubs(entries)}`;
  fs.writeFileSync(path.join(dist, 'Code.js'), code);
  fs.writeFileSync(path.join(dist, `${ACTIONS_FILE}.html`), actions);
  return { code: Buffer.byteLength(code), actions: Buffer.byteLength(actions) };
}

async function buildSidebar(): Promise<number> {
  const js = await esbuild.build({
    entryPoints: [path.join(root, 'sidebar/main.ts')],
    bundle: true, format: 'iife', target: 'es2020', minify: true, write: false, logLevel: 'warning',
  });
  const css = await esbuild.build({
    entryPoints: [path.join(root, 'sidebar/style.css')],
    bundle: true, minify: true, write: false, logLevel: 'warning',
  });
  // A literal "</script" inside inlined JS would end the script element early.
  const script = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const html = fs.readFileSync(path.join(root, 'sidebar/index.html'), 'utf8')
    .replace('<!-- STYLE -->', () => `<style>${css.outputFiles[0].text}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>${script}</script>`);
  fs.writeFileSync(path.join(dist, 'Sidebar.html'), html);
  return Buffer.byteLength(html);
}

async function main(): Promise<void> {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  const [server, sidebar] = await Promise.all([buildServer(), buildSidebar()]);
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  const example = exampleFileText(exampleData());
  fs.writeFileSync(path.join(dist, `${EXAMPLE_FILE}.html`), example);
  const presets = importFileText(importData());
  fs.writeFileSync(path.join(dist, `${IMPORT_FILE}.html`), presets);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`dist/Code.js      ${kb(server.code)} (loaded by every call)`);
  console.log(`dist/${ACTIONS_FILE}.html ${kb(server.actions)} (menu actions and the panel's calls, loaded when first used)`);
  console.log(`dist/Sidebar.html ${kb(sidebar)}`);
  console.log(`dist/${EXAMPLE_FILE}.html ${kb(Buffer.byteLength(example))} (read only by Load example school)`);
  console.log(`dist/${IMPORT_FILE}.html ${kb(Buffer.byteLength(presets))} (read only by Import incidents and the call form)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
