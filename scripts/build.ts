/**
 * Builds dist/, a school's copy: Code.js (the whole server: one IIFE exposing the entry points as `SLM`, then a
 * top-level stub per entry point, derived from src/main.ts's exports), Sidebar.html (JS and CSS inlined), appsscript.json,
 * and two data files that HtmlService reads as text (JSON, not code): ExampleSchool.html (the example school's
 * data) and IncidentIntake.html (helpdesk presets, import texts, the call form's questions); then dist-trust/,
 * the trust's copy: the same files, with a Code.js built from src/trustMain.ts (a school's entry points and the
 * trust's) and a manifest that also asks for BigQuery (scripts/trustManifest.ts).
 */
import * as esbuild from 'esbuild';
import * as swc from '@swc/core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { declareTopLevelFunctions } from './declareFunctions';
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
 * Code.js: the whole server of one copy as one IIFE assigning `SLM` (every export of its entry file), then a
 * top-level stub per entry point. Nothing else holds server code: no file is read and evaluated at run time.
 * esbuild's ES module output ends in `export{…}`; the IIFE returns those names as a plain object, since the
 * getter per export that esbuild's own IIFE format builds costs every load time for nothing. Its top-level
 * function variables become function declarations, which V8 compiles faster (scripts/declareFunctions.ts).
 */
async function buildServer(entry: string, outDir: string): Promise<number> {
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    format: 'esm',
    target: GAS_TARGET,
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const text = result.outputFiles[0].text;
  const exported = /export\{([^}]*)\};?\s*$/.exec(text);
  if (!exported) throw new Error(`${entry}: esbuild's output does not end in its exports`);
  const names = exported[1].split(',').map((pair) => {
    const [local, name = local] = pair.trim().split(/\s+as\s+/);
    return `${name}:${local}`;
  });
  const iife = declareTopLevelFunctions(`"use strict";var SLM=(()=>{${text.slice(0, exported.index)}return{${names.join(',')}}})();`);
  // swc's compressor inlines the many functions called once (V8 pays for each function it meets, not only for its
  // size), then the literals it left at the top level are declared again.
  const compressed = await swc.minify(iife, { ecma: 2020, module: false, compress: { ecma: 2020, passes: 2 }, mangle: true });
  const code = `${declareTopLevelFunctions(compressed.code)}\n${renderStubs(entryPoints(path.join(root, entry)))}`;
  fs.writeFileSync(path.join(outDir, 'Code.js'), code);
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
  const [server, sidebar] = await Promise.all([buildServer('src/main.ts', dist), buildSidebar()]);
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  const example = exampleFileText(exampleData());
  fs.writeFileSync(path.join(dist, `${EXAMPLE_FILE}.html`), example);
  const presets = importFileText(importData());
  fs.writeFileSync(path.join(dist, `${IMPORT_FILE}.html`), presets);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`dist/Code.js      ${kb(server)} (a school's copy: the whole server, loaded by every call)`);
  console.log(`dist/Sidebar.html ${kb(sidebar)}`);
  console.log(`dist/${EXAMPLE_FILE}.html ${kb(Buffer.byteLength(example))} (read only by Load example school)`);
  console.log(`dist/${IMPORT_FILE}.html ${kb(Buffer.byteLength(presets))} (read only by Import incidents and the call form)`);
  // The trust's copy: the same files, but a server with the trust's roll-up and a manifest that also asks for BigQuery.
  const trust = path.join(root, TRUST_DIST_DIR);
  fs.rmSync(trust, { recursive: true, force: true });
  fs.cpSync(dist, trust, { recursive: true });
  const trustServer = await buildServer('src/trustMain.ts', trust);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8'));
  fs.writeFileSync(path.join(trust, 'appsscript.json'), `${JSON.stringify(trustManifest(manifest), null, 2)}\n`);
  console.log(
    `${TRUST_DIST_DIR}/Code.js ${kb(trustServer)} (the trust's copy: a school's server and the trust's roll-up; its manifest also asks for BigQuery)`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
