/**
 * With SLM_NOW set the main job is a pure function of it: two runs write byte-identical out/ files, and
 * the data, periods and documents are built around that date. The workbook it writes is the template
 * schools upload, so it must hold nothing that exists only in the offline run. `npm test` builds first.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { namedRangeName, tabOrder, workbookSchema } from '../../src/core/schema/workbook';
import { loadedRuntime } from '../support/offline';

const root = path.resolve(__dirname, '../..');
const SUMMER = '2026-06-15T12:00:00Z';

function mainJob(now: string): { dir: string; printed: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slm-out-'));
  const printed = execFileSync('npx', ['tsx', 'scripts/start.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, SLM_NOW: now, SLM_OUT: dir } });
  return { dir, printed };
}

describe('npm start with SLM_NOW', () => {
  let a: { dir: string; printed: string };
  let b: { dir: string; printed: string };
  beforeAll(() => {
    a = mainJob(SUMMER);
    b = mainJob(SUMMER);
  }, 180000);

  test('two runs give the same printed summary and byte-identical out/ files, the workbook included', () => {
    const files = fs.readdirSync(a.dir).sort();
    expect(files).toEqual(expect.arrayContaining(['SLM-Workbook.xlsx', 'SLA.html', 'Review.html']));
    expect(fs.readdirSync(b.dir).sort()).toEqual(files);
    for (const f of files) expect({ f, same: fs.readFileSync(path.join(a.dir, f)).equals(fs.readFileSync(path.join(b.dir, f))) }).toEqual({ f, same: true });
    expect(b.printed).toEqual(a.printed);
    // The example school and its periods are built around SLM_NOW: June 2026 is the Summer term.
    expect(a.printed).toMatch(/Summer term 2026/);
    expect(a.printed).not.toMatch(/Autumn term 2026/);
  });

  test('the template workbook is the example school as Set up and Load example school leave it: no link to an offline document, no imported call', async () => {
    // The run did generate documents and import an export, after writing the template.
    expect(a.printed).toMatch(/Generated "SLA v/);
    expect(a.printed).toMatch(/\d+ added/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(a.dir, 'SLM-Workbook.xlsx'));
    // A new school opens the template on Start here.
    expect(wb.worksheets[0].name).toBe('Start here');
    expect(wb.views[0].activeTab).toBe(0);
    const schema = workbookSchema();
    const documents = wb.getWorksheet(schema.documents.name)!;
    expect(documents.getRow(1).getCell(1).value).toBe(schema.documents.columns[0].header);
    expect(documents.actualRowCount).toBe(1);
    // No cell anywhere points at Google Docs or Drive: every document the run made exists only offline.
    const links: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (/docs\.google\.com|drive\.google\.com|forms\.gle/i.test(JSON.stringify(cell.value) ?? '')) links.push(`${ws.name}!${cell.address}`);
        }),
      );
    }
    expect(links).toEqual([]);
    // Each data tab holds exactly the example school's rows, so nothing the run added afterwards.
    const fresh = loadedRuntime();
    fresh.global.setUpWorkbook();
    fresh.global.loadExampleSchool(Date.parse(SUMMER));
    for (const key of tabOrder()) {
      const expected = fresh.spreadsheet.sheet(schema[key].name).lastRowIndex();
      expect({ tab: schema[key].name, rows: wb.getWorksheet(schema[key].name)!.actualRowCount }).toEqual({ tab: schema[key].name, rows: expected });
    }
  });

  test('the template keeps its named ranges, so the formulas that use them (SLM_Services, SLM_Incidents…) find their tabs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(a.dir, 'SLM-Workbook.xlsx'));
    const names = new Map(wb.definedNames.model.map((n) => [n.name, n.ranges]));
    // Every name a formula uses (SLM_x not followed by "(", which would be a function) is defined.
    const used = new Set<string>();
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const formula = (cell.value as { formula?: string } | null)?.formula;
          for (const m of formula?.matchAll(/\bSLM_[A-Za-z_]+\b(?!\s*\()/g) ?? []) used.add(m[0]);
        }),
      );
    }
    expect(used.size).toBeGreaterThan(3);
    expect([...used].filter((n) => !names.has(n))).toEqual([]);
    // Each covers its whole tab as written: every column from row 1 to at least the last row.
    const schema = workbookSchema();
    for (const key of tabOrder()) {
      const tab = schema[key].name;
      const ranges = names.get(namedRangeName(key)) ?? [];
      const [, sheet, first, last, bottom] = /^'?(.+?)'?!\$([A-Z]+)\$1:\$([A-Z]+)\$(\d+)$/.exec(ranges[0] ?? '') ?? [];
      const ws = wb.getWorksheet(tab)!;
      const columnNumber = (letters = '') => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      expect({ tab, sheet, first, lastColumn: columnNumber(last) >= ws.getRow(1).cellCount, rowsCovered: Number(bottom) >= ws.actualRowCount }).toEqual({
        tab,
        sheet: tab,
        first: 'A',
        lastColumn: true,
        rowsCovered: true,
      });
    }
  });

  test('the documents, the Dashboard and the digest come from the workbook the template holds, not from the imported sample export', () => {
    // As of a day in the Autumn term the sample export's tickets fall in, they would change the figures if imported first.
    const nov = mainJob('2026-11-26T04:22:00Z');
    expect(nov.printed).toMatch(/Import incidents from .*osticket\.csv[\s\S]*\d+ added/);
    for (const f of ['Review.html', 'Review-internal.html', 'Digest.html', 'Dashboard.html']) {
      const page = fs.readFileSync(path.join(nov.dir, f), 'utf8');
      expect({ f, mentionsImported: /OST-\d/.test(page) }).toEqual({ f, mentionsImported: false });
    }
    // The printed attainment is the panel's: the same example school, period and figures, with no import.
    const fresh = loadedRuntime();
    fresh.run(`Date.now = () => ${Date.parse('2026-11-26T04:22:00Z')}`);
    fresh.global.setUpWorkbook();
    fresh.global.loadExampleSchool(Date.parse('2026-11-26T04:22:00Z'));
    const overview = fresh.global.getOverview({ kind: 'thisTerm' });
    for (const s of overview.services) {
      expect(nov.printed).toMatch(new RegExp(`${s.name.replace(/[()]/g, '\\$&')}\\s+.*\\s${s.met}\\s+${s.breached}\\s+${s.pending}\\s`));
    }
  }, 120000);

  test("out/Review.html shows the review's two trend charts as inline SVG, with their titles and descriptions", () => {
    const review = fs.readFileSync(path.join(a.dir, 'Review.html'), 'utf8');
    const figures = review.match(/<figure class="image chart"><svg [^>]*role="img"[^>]*><title>[^<]*<\/title><desc>[^<]*<\/desc>/g) ?? [];
    expect(figures).toHaveLength(2);
    expect(figures[0]).toContain('<title>Items met per month (share of items judged)</title><desc>Jul 2025 to Jun 2026 (to date),');
    expect(figures[1]).toContain('<title>Availability per month</title>');
    // Each followed by the same words as a caption, for readers who do not use a screen reader.
    const desc = /<desc>([^<]*)<\/desc>/.exec(figures[0] ?? '')![1];
    expect(review).toContain(`</figure>\n<p><i>${desc}</i></p>`);
  });
});
