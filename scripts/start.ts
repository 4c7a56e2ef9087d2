/**
 * The main job, offline: the built add-in (dist/Code.js) runs in the offline Apps Script runtime on
 * the example school, exactly as a service manager would drive it from the menu, and writes what a
 * person would look at to out/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ImportPreview, ImportResult, Overview, TrustRefreshResult } from '../src/api';
import type { Finding } from '../src/core/findings/types';
import { plural } from '../src/core/text';
import type { Problem } from '../src/core/workbook/problems';
import { createOfflineRuntime } from '../offline/runtime';
import { buildExampleTrust } from '../offline/exampleTrust';
import { TRUST_DIST_DIR } from './trustManifest';
import { writeXlsx } from '../offline/xlsx';
import { recalculateRuntime } from '../offline/recalcRuntime';
import { renderTabsPage } from '../offline/sheetHtml';
import { digestHtml } from '../src/core/monitor/digest';
import { escapeHtml } from '../src/core/html';
import { CHARTS_TAB } from '../src/core/monitor/trendsView';

/** Where the main job writes (SLM_OUT, else out/). */
const out = path.resolve(process.env.SLM_OUT ?? path.join(__dirname, '..', 'out'));
const TRUST_COPY = path.resolve(__dirname, '..', TRUST_DIST_DIR);
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

async function main(): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  const now = process.env.SLM_NOW ? Date.parse(process.env.SLM_NOW) : Date.now();
  const rt = createOfflineRuntime({ timeZone: 'Europe/London', spreadsheetName: 'Example School SLM Workbook' });
  // The add-in dates what it generates with Date.now(): the bundle's clock is SLM_NOW, so out/ is a function of it.
  rt.run(`Date.now = () => ${now}`);
  rt.load();
  const api = rt.global;

  const setup = api.setUpWorkbook();
  const rows: number = api.loadExampleSchool(now);
  console.log(`Set up workbook: ${setup.createdTabs.length} tabs created; example school loaded (${rows} rows).`);

  // The template schools upload is the workbook as these two actions leave it, its formulas computed: written
  // before the run below imports an export or generates documents, whose Documents rows would link to
  // documents that exist only in this offline run.
  const templateProblems = recalculateRuntime(rt, now);
  await writeXlsx(rt.spreadsheet, path.join(out, 'SLM-Workbook.xlsx'), new Date(now));
  console.log(
    `Template written to out/SLM-Workbook.xlsx (${rt.spreadsheet.getSheets().length} tabs${templateProblems.length === 0 ? '' : `, ${plural(templateProblems.length, 'formula problem')}`}).`,
  );

  const problems: Problem[] = api.checkWorkbook();
  const errors = problems.filter((p) => p.severity === 'error').length;
  console.log(`\nCheck workbook: ${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')}.`);
  for (const p of problems.slice(0, 5)) console.log(`  - ${p.tab} row ${p.row}, ${p.column}: ${p.message}`);
  if (problems.length > 5) console.log(`  … and ${problems.length - 5} more`);

  const overview: Overview = api.getOverview({ kind: 'thisTerm' });
  console.log(`\nAttainment, ${overview.periodWording}:`);
  console.log('  rank service                          avail.   target  met breached pending  status');
  for (const s of overview.services) {
    console.log(
      `  ${String(s.rank).padStart(4)} ${s.name.padEnd(32)} ${pct(s.availability).padStart(7)} ${(s.availabilityTarget === null ? '—' : `${s.availabilityTarget}%`).padStart(7)} ${String(s.met).padStart(4)} ${String(s.breached).padStart(8)} ${String(s.pending).padStart(7)}  ${s.status ?? '—'}`,
    );
  }

  const findings: Finding[] = api.getFindings();
  console.log(`\nCheck contracts: ${plural(findings.length, 'finding')}.`);
  for (const f of findings.filter((x) => x.severity !== 'info').slice(0, 12)) console.log(`  [${f.severity}] ${f.title}`);

  const sla = api.generateSla(null);
  const review = api.generateReview({ kind: 'thisTerm' });
  for (const [doc, file] of [
    [sla, 'SLA.html'],
    [review, 'Review.html'],
    [review.internal, 'Review-internal.html'],
  ] as const) {
    // What the Google Doc received, as a page a browser shows as it reads.
    fs.writeFileSync(path.join(out, file), rt.services.DocumentApp.bodyOf(doc.id).renderPage(doc.name));
    console.log(`\nGenerated "${doc.name}" → out/${file}`);
  }

  // The Dashboard's and Findings' formulas as Sheets would compute them, the bundle's custom functions in custom-function mode.
  const formulaProblems = recalculateRuntime(rt, now);
  console.log(`\nFormulas recalculated: ${formulaProblems.length === 0 ? 'every one evaluated' : plural(formulaProblems.length, 'problem')}.`);
  for (const p of formulaProblems) console.log(`  - ${p.tab}!${p.cell} ${p.formula}: ${p.error} ${p.message}`);
  // The digest the trigger would email today, from the bundle's own preview at the same instant.
  const digest = api.previewDigest(new Date(now).toISOString());
  const digestBody = digest ? digestHtml(digest) : '<p>Nothing to report today: no email would be sent.</p>';
  fs.writeFileSync(
    path.join(out, 'Digest.html'),
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(digest?.subject ?? 'Daily digest')}</title></head><body>${digestBody}</body></html>\n`,
  );
  console.log(
    `\nDaily digest → out/Digest.html: ${digest ? digest.sections.map((s: { title: string; lines: string[] }) => `${s.title}: ${s.lines.length}`).join('; ') : 'nothing to report'}.`,
  );

  // Dashboard and Findings as a person sees them in Sheets: display values, formats and colours.
  fs.writeFileSync(
    path.join(out, 'Dashboard.html'),
    renderTabsPage(rt.spreadsheet, ['Dashboard', CHARTS_TAB, 'Findings'], formulaProblems, `${rt.spreadsheet.name}: Dashboard, ${CHARTS_TAB} and Findings`),
  );
  console.log(`Dashboard, ${CHARTS_TAB} and Findings tabs → out/Dashboard.html`);
  // Start here as a new school sees it (here after the run generated its SLA, so that step is ticked).
  fs.writeFileSync(path.join(out, 'StartHere.html'), renderTabsPage(rt.spreadsheet, ['Start here'], formulaProblems, `${rt.spreadsheet.name}: Start here`));
  console.log('Start here tab → out/StartHere.html');
  // The representatives' workbook as they see it: what the add-in keeps filled for them, nothing private.
  const reps = api.updateRepresentativesWorkbook();
  const repsBook = rt.services.SpreadsheetApp.openById(/\/d\/([A-Za-z0-9_-]+)/.exec(reps.url)![1]) as unknown as typeof rt.spreadsheet;
  fs.writeFileSync(
    path.join(out, 'Representatives.html'),
    renderTabsPage(
      repsBook,
      repsBook.sheets.map((s) => s.name),
      [],
      reps.name,
    ),
  );
  console.log("Representatives' workbook → out/Representatives.html");

  // A helpdesk's export imported as the menu's Import incidents does it: preview first, then the import. Last, so
  // the figures, documents, digest and Dashboard above are the example school's own: the sample's calls are dated
  // November 2026 and would land in whatever period that is.
  const exportName = 'test/import/samples/osticket.csv';
  const exportText = fs.readFileSync(path.resolve(__dirname, '..', exportName), 'utf8');
  const preview: ImportPreview = api.previewImport(exportText, null);
  console.log(`\nImport incidents from ${exportName}: ${preview.source.name} export, ${preview.dates.text}`);
  console.log(
    `  columns: ${preview.columns
      .filter((c) => c.header)
      .map((c) => `${c.header} → ${c.label}`)
      .join('; ')}`,
  );
  for (const w of preview.warnings) console.log(`  ${w}`);
  const report: ImportResult = api.importIncidents(exportText, null);
  console.log(`  ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped.length} skipped.`);
  for (const s of report.skipped) console.log(`  - line ${s.line}: ${s.reason}`);

  // A trust of three schools (variants of the example school, one supplier shared by all three), read by the trust's
  // workbook with the same core as each school's panel, and its review as the trust's ICT lead reads it.
  // The trust's workbook runs the trust's copy of the add-in (dist-trust/), in a Drive of its own.
  const trt = createOfflineRuntime({ timeZone: 'Europe/London', spreadsheetName: 'Example School SLM Workbook', distDir: TRUST_COPY });
  trt.run(`Date.now = () => ${now}`);
  trt.load();
  const trustApi = trt.global;
  const trust = buildExampleTrust(trt, now);
  const refresh: TrustRefreshResult = trustApi.refreshTrustFigures(null);
  console.log(
    `\nTrust refresh: ${refresh.read} of ${refresh.total} schools read${refresh.unreadable.length ? `; not read: ${refresh.unreadable.map((u) => `${u.school} (${u.reason})`).join('; ')}` : ''}.`,
  );
  fs.writeFileSync(
    path.join(out, 'TrustWorkbook.html'),
    renderTabsPage(trust.trust, ['Trust status', 'Trust services', 'Trust suppliers', 'Trust trends'], [], trust.trust.name),
  );
  console.log('Trust status, services, suppliers and trends tabs → out/TrustWorkbook.html');
  const trustReview = trustApi.generateTrustReview();
  fs.writeFileSync(path.join(out, 'Trust.html'), trt.services.DocumentApp.bodyOf(trustReview.id).renderPage(trustReview.name));
  console.log(`Generated "${trustReview.name}" → out/Trust.html`);

  console.log(`\nApps Script calls made: ${rt.calls.total() + trt.calls.total()}.`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
