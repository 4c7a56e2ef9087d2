/** The panel's 12-month sparklines and daily digest section in real headless Chromium; screenshots to out/. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import type { TrendsView } from '../../src/api';
import { startPreview } from '../../scripts/preview';
import { trendWords } from '../../sidebar/views/sparkline';
import { NOW } from '../support/offline';

const root = path.resolve(__dirname, '../..');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(path.join(root, 'out'), { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

test("each service shows its 12-month sparkline, the trend in words its accessible name (never a sentence beside it), the month to date partial; the digest section shows today's digest", async () => {
  const server = await startPreview({ now: NOW, freezeClock: true });
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  try {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/sidebar`);
    await page.waitForSelector('[data-service="EMAIL"] .trend svg path', { state: 'attached' });
    const trends = server.host.runtime.global.getTrends() as TrendsView;
    const email = trends.services.find((s) => s.serviceId === 'EMAIL')!;
    const spark = page.locator('[data-service="EMAIL"] .trend svg');
    expect(await spark.getAttribute('role')).toBe('img');
    expect(await spark.getAttribute('aria-label')).toBe(
      `${trendWords('Items met', trends.months, email.met)} ${trendWords('Availability', trends.months, email.availability)}`,
    );
    expect(await page.locator('[data-service="EMAIL"] .trend').innerText()).not.toMatch(/over 12 months/);
    // A gap in the data is a break in the line: one "M" per run of known whole months (the month to date is drawn apart).
    const last = trends.months.length - 1;
    expect(trends.months[last]).toMatch(/\(to date\)$/);
    const whole = email.met.map((v, i) => (i === last ? null : v));
    const runs = whole.filter((v, i) => v !== null && (i === 0 || whole[i - 1] === null)).length;
    const d = await page.locator('[data-service="EMAIL"] .trend svg path').nth(1).getAttribute('d');
    expect((d!.match(/M/g) ?? []).length).toBe(runs);
    // The month to date: a hollow point per line with a figure, reached by a dashed segment from the month before.
    const partialPoints = [email.met[last], email.availability[last]].filter((v) => v !== null).length;
    expect(await spark.locator('circle.partial[fill="#fff"]').count()).toBe(partialPoints);
    const dashed = [email.met, email.availability].filter((v) => v[last] !== null && v[last - 1] !== null).length;
    expect(await spark.locator('line.partial[stroke-dasharray]').count()).toBe(dashed);
    if (partialPoints) expect(await page.locator('[data-service="EMAIL"] .trend .key .part').textContent()).toBe('to date');
    expect(await page.locator('.trend svg').count()).toBe(trends.services.length);
    // The foot of the sparkline is the lowest figure's ten points, and the key says so.
    const lowest = Math.min(...[...email.met, ...email.availability].filter((v): v is number => v !== null));
    expect(await page.locator('[data-service="EMAIL"] .trend .key .scale').textContent()).toBe(`${Math.min(90, Math.floor(lowest * 10) * 10)}–100%`);
    await page.locator('#services-section').screenshot({ path: path.join(root, 'out/sidebar-trends.png') });

    await page.click('#digest-section summary');
    await page.waitForSelector('#digest-toggle:not([hidden])');
    await page.waitForFunction(() => (document.getElementById('digest-preview')?.textContent ?? '') !== '');
    expect(await page.locator('#digest-status').textContent()).toMatch(/^Off\./);
    await page.click('#digest-toggle');
    await page.waitForFunction(() => /^On: sent to /.test(document.getElementById('digest-status')?.textContent ?? ''));
    await page.locator('#digest-section').screenshot({ path: path.join(root, 'out/sidebar-digest.png') });
    expect(errors).toEqual([]);
  } finally {
    await page.close();
    await server.close();
  }
}, 60_000);
