/**
 * out/Dashboard.html's page (the Dashboard and Findings tabs as a person sees them) in real headless Chromium:
 * what it shows is checked in the browser, and a screenshot is written to out/dashboard.png for a person to look at.
 * `npm test` builds first; run `npm run build` before running this file on its own.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { renderTabsPage } from '../../offline/sheetHtml';
import { exampleWithFormulas } from '../support/formulas';

const root = path.resolve(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with "apt-get install -y chromium".`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  fs.mkdirSync(path.join(root, 'out'), { recursive: true });
});
afterAll(async () => { await browser?.close(); });

test('the Dashboard page shows dates, percentages, coloured status words and wrapped findings; screenshot written', async () => {
  const { rt, problems } = exampleWithFormulas();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'slm-page-')), 'Dashboard.html');
  fs.writeFileSync(file, renderTabsPage(rt.spreadsheet, ['Dashboard', 'Findings'], problems, 'Example School: Dashboard and Findings'));
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.goto(`file://${file}`);
    const dashboard = page.locator('section.tab').nth(0);
    const cell = (row: number, col: number) => dashboard.locator(`table.grid tr:nth-child(${row + 1}) > td:nth-of-type(${col})`);
    expect(await cell(3, 2).innerText()).toBe('1 Oct 2026');
    expect(await cell(4, 2).innerText()).toBe('31 Oct 2026');
    const texts = await page.locator('td').allInnerTexts();
    expect(texts.filter((t) => /^-?\d*\.\d{2,}$/.test(t.trim()))).toEqual([]);
    expect(texts).toEqual(expect.arrayContaining(['99.0%', 'Breached', 'Met']));
    // Status words keep their words, on the sidebar's colours.
    // Row 8 is MIS, column N its Status; row 7 column H Internet access's response status.
    const breached = cell(8, 14);
    expect(await breached.innerText()).toBe('Breached');
    expect(await breached.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(252, 232, 230)');
    // Whatever word the response status shows, it wears that word's colour.
    const word = cell(7, 8);
    const colours: Record<string, string> = { Met: 'rgb(13, 101, 45)', 'At risk': 'rgb(122, 65, 0)', Breached: 'rgb(165, 14, 14)' };
    expect(await word.evaluate((e) => getComputedStyle(e).color)).toBe(colours[await word.innerText()]);
    // Findings' long sentences wrap inside their column: nothing is cut off.
    const findings = page.locator('section.tab').nth(1);
    const wrapped = await findings.locator('td.wrap').evaluateAll((cells) => cells.map((e) => e.scrollWidth <= e.clientWidth + 1));
    expect(wrapped.length).toBeGreaterThan(50);
    expect(wrapped.every(Boolean)).toBe(true);
    await page.screenshot({ path: path.join(root, 'out/dashboard.png'), fullPage: true });
  } finally {
    await page.close();
  }
});
