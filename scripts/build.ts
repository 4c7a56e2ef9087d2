/**
 * Builds dist/: Code.js (the whole server: one IIFE exposing the entry points as `SLM`, then a top-level
 * stub per entry point, derived from src/main.ts's exports), Sidebar.html (JS and CSS inlined), appsscript.json,
 * and two data files that HtmlService reads as text (JSON, not code): ExampleSchool.html (the example school's
 * data) and IncidentIntake.html (helpdesk presets, import texts, the call form's questions); then dist-trust/,
 * the trust's copy: the same files with a manifest that also asks for BigQuery (scripts/trustManifest.ts).
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { entryPoints, renderStubs } from './stubs';
import { TRUST_DIST_DIR, trustManifest } from './trustManifest';
import { exampleData, exampleFileText } from '../src/core/example/data';
import { EXAMPLE_FILE } from '../src/core/example/school';
import { importData, importFileText } from '../src/core/import/presets';
import { IMPORT_FILE } from '../src/core/import/types';

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

/** Apps Script's V8 runtime; a conservative target keeps syntax it may not know out of the bundle. */
const GAS_TARGET = 'es2020';

/**
 * Code.js: the whole server as one IIFE assigning `SLM` (every export of src/main.ts), then a top-level stub
 * per entry point. Nothing else holds server code: no file is read and evaluated at run time.
 */
async function buildServer(): Promise<number> {
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'SLM',
    target: GAS_TARGET,
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const code = `${result.outputFiles[0].text}\n${renderStubs(entryPoints(path.join(root, 'src/main.ts')))}`;
  fs.writeFileSync(path.join(dist, 'Code.js'), code);
  return Buffer.byteLength(code);
}

async function buildSidebar(): Promise<number> {
  const js = await esbuild.build({
    entryPoints: [path.join(root, 'sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const css = await esbuild.build({
    entryPoints: [path.join(root, 'sidebar/style.css')],
    bundle: true,
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  // A literal "</script" inside inlined JS would end the script element early.
  const script = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const html = fs
    .readFileSync(path.join(root, 'sidebar/index.html'), 'utf8')
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
  console.log(`dist/Code.js      ${kb(server)} (the whole server, loaded by every call)`);
  console.log(`dist/Sidebar.html ${kb(sidebar)}`);
  console.log(`dist/${EXAMPLE_FILE}.html ${kb(Buffer.byteLength(example))} (read only by Load example school)`);
  console.log(`dist/${IMPORT_FILE}.html ${kb(Buffer.byteLength(presets))} (read only by Import incidents and the call form)`);
  // The trust's copy: the same files, a manifest that also asks for BigQuery.
  const trust = path.join(root, TRUST_DIST_DIR);
  fs.rmSync(trust, { recursive: true, force: true });
  fs.cpSync(dist, trust, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8'));
  fs.writeFileSync(path.join(trust, 'appsscript.json'), `${JSON.stringify(trustManifest(manifest), null, 2)}\n`);
  console.log(`${TRUST_DIST_DIR}/: the trust's copy (the same files; its manifest also asks for BigQuery)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
