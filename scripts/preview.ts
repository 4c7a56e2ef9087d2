/**
 * The SLM panel in an ordinary browser, offline: dist/Sidebar.html is served with a google.script.run
 * that posts each call to this server, where the built dist/Code.js runs in the offline Apps Script
 * runtime on the example school. `npm run preview`, then open the address it prints.
 *
 * The browser tests use the same server, so what a person clicks through here is what they test.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { FakeDocument } from '../offline/document';
import { createOfflineRuntime, DEFAULT_DIST_DIR, type OfflineRuntime } from '../offline/runtime';
import { assertPlain, ILLEGAL_PATH_SOURCE } from '../offline/scriptRun';

export { assertPlain };

export interface SidebarHostOptions {
  /** The instant the example school is built around and, when `freezeClock`, the server's "now" (default: now). */
  now?: number;
  /** Makes Date.now() inside the bundle return `now`, so periods and figures are the same in every run. */
  freezeClock?: boolean;
  /** Milliseconds each call waits before it runs, as Apps Script's round trip does (default 0). */
  latencyMs?: (name: string) => number;
  /** Skip loading the example school (an empty, set-up workbook). */
  empty?: boolean;
  distDir?: string;
}

export interface HostedCall {
  readonly name: string;
  readonly args: unknown[];
}

export type CallAnswer = { value: unknown } | { error: string };

export interface SidebarHost {
  readonly runtime: OfflineRuntime;
  /** Every call the panel made, in order. */
  readonly calls: HostedCall[];
  /** Runs a top-level server function as google.script.run would, answering plain data or an error message. */
  call(name: string, args: unknown[]): CallAnswer;
}

const messageOf = (e: unknown): string => (typeof e === 'object' && e !== null && typeof (e as Error).message === 'string' ? (e as Error).message : String(e));

/** The offline server: the built bundle, its workbook set up and holding the example school. */
export function createSidebarHost(opts: SidebarHostOptions = {}): SidebarHost {
  const now = opts.now ?? Date.now();
  const runtime = createOfflineRuntime({ timeZone: 'Europe/London', spreadsheetName: 'Example School SLM Workbook', distDir: opts.distDir });
  runtime.load();
  if (opts.freezeClock) runtime.run(`Date.now = function () { return ${Number(now)}; };`);
  runtime.global.setUpWorkbook();
  if (!opts.empty) runtime.global.loadExampleSchool(now);
  runtime.calls.reset();
  const calls: HostedCall[] = [];
  return {
    runtime,
    calls,
    call(name, args) {
      calls.push({ name, args });
      const fn = runtime.global[name];
      // Apps Script runs top-level functions only, and never those whose names end in "_".
      if (typeof fn !== 'function' || name.endsWith('_') || name === 'SLM') return { error: `Script function not found: ${name}` };
      try {
        assertPlain(args, `arguments of ${name}`);
        const value = fn(...args);
        assertPlain(value, `the answer of ${name}`);
        return { value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
      } catch (e) {
        return { error: messageOf(e) };
      }
    },
  };
}

/**
 * google.script.run for a page served by this server: the same chained API (withSuccessHandler,
 * withFailureHandler, withUserObject, then the function by name), answered asynchronously over HTTP.
 */
export const SCRIPT_RUN_SHIM = `<script>
(function () {
  // Google refuses, where the call is made, an argument that is not plain data.
  ${ILLEGAL_PATH_SOURCE}
  function runner(ok, fail, user) {
    var api = {
      withSuccessHandler: function (f) { return runner(f, fail, user); },
      withFailureHandler: function (f) { return runner(ok, f, user); },
      withUserObject: function (u) { return runner(ok, fail, u); }
    };
    return new Proxy(api, { get: function (target, name) {
      if (name in target) return target[name];
      return function () {
        var args = Array.prototype.slice.call(arguments);
        var bad = illegalPath(args);
        if (bad !== null) throw new Error('Failed due to illegal value in property: ' + bad[bad.length - 1]);
        fetch('/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: name, args: args }) })
          .then(function (r) { return r.json(); })
          .then(function (answer) {
            if ('error' in answer) { if (fail) fail(new Error(answer.error), user); }
            else if (ok) ok(answer.value, user);
          }, function (e) { if (fail) fail(new Error('NetworkError: ' + e.message), user); });
      };
    } });
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close: function () {}, setHeight: function () {}, setWidth: function () {} } } };
})();
</script>`;

/** The built sidebar with the shim placed before its own script. */
export function sidebarPage(distDir = DEFAULT_DIST_DIR): string {
  const html = fs.readFileSync(path.join(distDir, 'Sidebar.html'), 'utf8');
  return html.replace('<head>', () => `<head>\n${SCRIPT_RUN_SHIM}`);
}

/** A page like the spreadsheet: what the server did on the left, the 300 px panel on the right. */
const FRAME_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>SLM Workbook preview</title>
<style>
body { margin: 0; font: 13px Arial, sans-serif; color: #202124; display: flex; height: 100vh; background: #f8f9fa; }
#sheet { flex: 1; padding: 16px 24px; overflow: auto; }
#panel { width: 300px; border-left: 1px solid #dadce0; background: #fff; display: flex; flex-direction: column; }
#panel header { font-size: 16px; padding: 14px 12px; border-bottom: 1px solid #e8eaed; }
iframe { border: 0; flex: 1; width: 300px; }
code { background: #e8eaed; padding: 1px 4px; border-radius: 3px; }
li { margin: 4px 0; }
</style></head><body>
<section id="sheet" aria-label="Offline workbook"><h1 style="font-size:18px">SLM Workbook: offline preview</h1>
<p>The panel on the right runs against the built add-in and the example school, offline. Nothing reaches Google.</p>
<p>Active cell: <code id="active">—</code></p><h2 style="font-size:14px">Documents generated</h2><ul id="docs"><li>None yet.</li></ul>
<p>Server calls so far: <span id="calls">0</span>.</p></section>
<aside id="panel"><header>SLM Workbook</header><iframe title="SLM panel" src="/sidebar"></iframe></aside>
<script>
function text(tag, t) { var e = document.createElement(tag); e.textContent = t; return e; }
function refresh() {
  fetch('/state').then(function (r) { return r.json(); }).then(function (s) {
    document.getElementById('active').textContent = s.active || '—';
    document.getElementById('calls').textContent = String(s.calls);
    var ul = document.getElementById('docs'); ul.replaceChildren();
    if (!s.docs.length) ul.appendChild(text('li', 'None yet.'));
    s.docs.forEach(function (d) { var li = document.createElement('li'); var a = text('a', d.name); a.href = '/doc/' + encodeURIComponent(d.id); a.target = '_blank'; li.appendChild(a); ul.appendChild(li); });
  }).catch(function () {});
}
setInterval(refresh, 1000); refresh();
</script></body></html>`;

export interface PreviewServer {
  readonly url: string;
  readonly host: SidebarHost;
  close(): Promise<void>;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Serves the panel on 127.0.0.1: `/` the page with the 300 px panel, `/sidebar` the panel alone, `/run` the
 * server calls, `/state` what the workbook shows, `/doc/<id>` a generated document as HTML.
 * `localDocLinks` points the panel's document links at `/doc/<id>` so a person can open them offline.
 */
export async function startPreview(opts: SidebarHostOptions & { port?: number; localDocLinks?: boolean } = {}): Promise<PreviewServer> {
  const host = createSidebarHost(opts);
  const docs: Array<{ id: string; name: string }> = [];
  let base = '';
  const send = (res: http.ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'POST' && url.pathname === '/run') {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        let request: { name?: unknown; args?: unknown };
        try {
          request = JSON.parse(body);
        } catch {
          send(res, 400, 'application/json', JSON.stringify({ error: 'The request was not JSON.' }));
          return;
        }
        const name = String(request.name ?? '');
        const args = Array.isArray(request.args) ? request.args : [];
        setTimeout(() => {
          const answer = host.call(name, args);
          if (
            'value' in answer &&
            answer.value &&
            typeof answer.value === 'object' &&
            typeof (answer.value as { id?: unknown }).id === 'string' &&
            typeof (answer.value as { url?: unknown }).url === 'string'
          ) {
            const doc = answer.value as { id: string; name: string; url: string; internal?: { id: string; name: string; url: string } };
            for (const d of doc.internal ? [doc, doc.internal] : [doc]) {
              docs.push({ id: d.id, name: d.name });
              if (opts.localDocLinks) d.url = `${base}/doc/${encodeURIComponent(d.id)}`;
            }
          }
          send(res, 200, 'application/json', JSON.stringify(answer));
        }, opts.latencyMs?.(name) ?? 0);
      });
      return;
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/') return send(res, 200, 'text/html', FRAME_PAGE);
    if (url.pathname === '/sidebar') return send(res, 200, 'text/html', sidebarPage(opts.distDir));
    if (url.pathname === '/state') {
      const ss = host.runtime.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
      const range = ss.getActiveRange();
      const active = range ? `${range.getSheet().getName()}!${range.getA1Notation()}` : '';
      return send(res, 200, 'application/json', JSON.stringify({ active, docs, calls: host.calls.length }));
    }
    const doc = /^\/doc\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    if (doc) {
      const known = docs.find((d) => d.id === doc[1]);
      if (!known) return send(res, 404, 'text/plain', 'No such document');
      const file = host.runtime.services.DocumentApp.openById(known.id) as unknown as FakeDocument;
      return send(
        res,
        200,
        'text/html',
        `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(known.name)}</title>` +
          `<style>body{font:14px Arial,sans-serif;max-width:800px;margin:24px auto;padding:0 16px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 6px}</style>` +
          `</head><body>${file.body.renderHtml()}</body></html>`,
      );
    }
    send(res, 404, 'text/plain', 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    host,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

if (require.main === module) {
  const port = Number(process.env.PORT ?? 8080);
  const now = process.env.SLM_NOW ? Date.parse(process.env.SLM_NOW) : Date.now();
  startPreview({ port, now, freezeClock: !!process.env.SLM_NOW, localDocLinks: true, latencyMs: () => 300 })
    .then((p) => {
      console.log(`SLM panel preview on ${p.url}/ (the panel alone: ${p.url}/sidebar). Offline example school; Ctrl+C to stop.`);
    })
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
