/**
 * out/Dashboard.html's page (the Dashboard, Trend charts and Findings tabs as a person sees them) in real headless
 * Chromium: what it shows is checked in the browser, and screenshots are written to out/Dashboard.png (the Dashboard
 * tab), out/Trend-charts.png (its charts, as a laptop screen shows the tab) and out/Findings.png for a person to look at.
 * `npm test` builds first; run `npm run build` before running this file on its own.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { renderTabsPage } from '../../offline/sheetHtml';
import { exampleWithFormulas } from '../support/formulas';
import { ATTAINMENT_HEADER } from '../../src/core/attainment/table';
import { CHARTS_TAB } from '../../src/core/monitor/trendsView';

const root = path.resolve(__dirname, '../..');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(path.join(root, 'out'), { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

test('the Dashboard page shows dates, percentages, coloured status words and wrapped findings; screenshot written', async () => {
  const { rt, problems } = exampleWithFormulas();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'slm-page-')), 'Dashboard.html');
  fs.writeFileSync(
    file,
    renderTabsPage(rt.spreadsheet, ['Dashboard', CHARTS_TAB, 'Findings'], problems, 'Example School: Dashboard, Trend charts and Findings'),
  );
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
    // The Status column (found by its header): rows 7 to 15 the services by rank. Row 11 is Printing, which met every target in October.
    const status = ATTAINMENT_HEADER.indexOf('Status') + 1;
    const statuses = await Promise.all([7, 8, 9, 10, 11, 12, 13].map(async (row) => [row, await cell(row, status).innerText()] as const));
    const breached = cell(statuses.find(([, s]) => s === 'Breached')![0], status);
    expect(await breached.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(252, 232, 230)');
    expect(await cell(11, 1).innerText()).toBe('PRINT');
    const met = cell(11, status);
    expect(await met.innerText()).toBe('Met');
    expect(await met.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(13, 101, 45)');
    const atRisk = cell(statuses.find(([, s]) => s === 'At risk')![0], status);
    expect(await atRisk.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(122, 65, 0)');
    // Findings' long sentences wrap inside their column: nothing is cut off.
    const findings = page.locator('section.tab').nth(2);
    const wrapped = await findings.locator('td.wrap').evaluateAll((cells) => cells.map((e) => e.scrollWidth <= e.clientWidth + 1));
    expect(wrapped.length).toBeGreaterThan(50);
    expect(wrapped.every(Boolean)).toBe(true);
    // The two trend charts, on their own tab after the Dashboard, drawn where Set up anchored them (A5 and A26), one
    // under the other: seen on a laptop screen without scrolling sideways, whatever the width of the Dashboard's table.
    const chartsTab = page.locator('section.tab').nth(1);
    expect(await chartsTab.locator('h2').innerText()).toBe(CHARTS_TAB);
    expect(await dashboard.locator('td.anchor .chart').count()).toBe(0);
    const charts = chartsTab.locator('td.anchor .chart svg');
    expect(await charts.count()).toBe(2);
    expect(await charts.locator('title').first().textContent()).toBe('Items met per month (share of items judged)');
    expect(await charts.nth(1).locator('title').first().textContent()).toBe('Availability per month');
    const anchors = await chartsTab.locator('td.anchor').evaluateAll((cells) =>
      cells.map((td) => {
        const tr = td.parentElement as HTMLTableRowElement;
        return `${tr.querySelector('th')?.textContent}:${(td as HTMLTableCellElement).cellIndex}`;
      }),
    );
    expect(anchors).toEqual(['5:1', '26:1']);
    for (const k of [0, 1]) {
      const box = await charts.nth(k).evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect);
      expect(box.right).toBeLessThanOrEqual(1400);
      expect(await charts.nth(k).locator('g.series polyline').count()).toBeGreaterThan(1);
      expect(await charts.nth(k).locator('g.series polyline[stroke-dasharray]').count()).toBe(0);
      const names = await charts
        .nth(k)
        .locator('g.series')
        .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-series')));
      // Each line is named with its own target, or is the one line of the services at 100% throughout.
      expect(names.every((n) => / \(target [\d.–]+%\)$|: 100% in every month measured$/.test(n ?? ''))).toBe(true);
      expect(names.filter((n) => /100% in every month measured$/.test(n ?? '')).length).toBeLessThanOrEqual(1);
      // Colour printing has no SLA (no availability figure) and no calls (nothing judged): no line at all.
      expect(names.some((n) => /Colour printing/.test(n ?? ''))).toBe(false);
      // Distinct colours: no two lines share one.
      const colours = await charts
        .nth(k)
        .locator('g.series')
        .evaluateAll((gs) =>
          gs.map((g) =>
            g.querySelector('circle, rect')?.getAttribute('fill') === '#fff'
              ? g.querySelector('circle, rect')?.getAttribute('stroke')
              : g.querySelector('circle, rect')?.getAttribute('fill'),
          ),
        );
      expect(new Set(colours).size).toBe(names.length);
      // The running month (November to date) is partial: hollow points reached by dashed segments, said in the legend.
      expect(await charts.nth(k).locator('g.series circle[fill="#fff"]').count()).toBe(names.length);
      expect(await charts.nth(k).locator('g.series line.partial').count()).toBeGreaterThan(0);
      expect(await charts.nth(k).locator('text', { hasText: 'Nov to date: may still change' }).count()).toBe(1);
    }
    const [second, findingsTop] = await Promise.all([
      charts.nth(1).evaluate((e) => e.getBoundingClientRect().bottom),
      findings.evaluate((e) => e.getBoundingClientRect().top),
    ]);
    expect(second).toBeLessThan(findingsTop);
    await chartsTab.screenshot({ path: path.join(root, 'out/Trend-charts.png') });
    // Wide enough for the whole tab, charts included, as a wide monitor shows it.
    await page.setViewportSize({ width: await page.evaluate(() => document.documentElement.scrollWidth), height: 900 });
    await dashboard.screenshot({ path: path.join(root, 'out/Dashboard.png') });
    await findings.screenshot({ path: path.join(root, 'out/Findings.png') });
  } finally {
    await page.close();
  }
});
