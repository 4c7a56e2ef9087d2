/** The panel in a trust workbook, in real headless Chromium: how far the refresh has got, and the schools not read. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startPreview } from '../../scripts/preview';
import { addUnsharedSchool, buildExampleTrust } from '../../offline/exampleTrust';
import { NOW } from '../support/offline';
import { TRUST_DIST_DIR } from '../../scripts/trustManifest';

const root = path.resolve(__dirname, '../..');
/** The trust's copy of the add-in, which a trust workbook runs. */
const TRUST_COPY = path.join(root, TRUST_DIST_DIR);
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(path.join(root, 'out'), { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

test("a trust workbook's panel says how many schools were read, names the one it could not read, and refreshes", async () => {
  const server = await startPreview({ now: NOW, freezeClock: true, distDir: TRUST_COPY });
  const rt = server.host.runtime;
  const { trust } = buildExampleTrust(rt, NOW);
  addUnsharedSchool(rt, trust, "St Mary's Juniors", 'head@stmarys.example');
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  try {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/sidebar`);
    await page.waitForSelector('#trust-section:not([hidden])');
    expect(await page.locator('#trust-progress').textContent()).toBe('0 of 4 schools read.');
    await page.click('#trust-refresh');
    await page.waitForFunction(() => /^3 of 4 schools read, last at .*; 1 could not be:$/.test(document.getElementById('trust-progress')?.textContent ?? ''));
    expect(await page.locator('#trust-unread li').allTextContents()).toEqual([
      expect.stringMatching(/^St Mary's Juniors: its workbook is not shared with you/),
    ]);
    await page.locator('#trust-section').screenshot({ path: path.join(root, 'out/sidebar-trust.png') });
    expect(errors).toEqual([]);
  } finally {
    await page.close();
    await server.close();
  }
}, 60_000);

test("a school's own panel shows nothing of a trust", async () => {
  const server = await startPreview({ now: NOW, freezeClock: true, distDir: TRUST_COPY });
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  try {
    await page.goto(`${server.url}/sidebar`);
    await page.waitForSelector('#services li.service');
    expect(await page.locator('#trust-section').isHidden()).toBe(true);
  } finally {
    await page.close();
    await server.close();
  }
}, 60_000);
