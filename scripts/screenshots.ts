/**
 * The README's pictures (`npm run screenshots`, after `npm start`): the side panel on the example school,
 * the Dashboard, its trend charts and the daily digest, as a service manager sees them each morning. They
 * are taken in Debian's Chromium from the offline run's pages and written to docs/images/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { startPreview } from './preview';

const root = path.resolve(__dirname, '..');
const out = process.env.SLM_OUT ?? path.join(root, 'out');
const images = path.join(root, 'docs/images');
const now = process.env.SLM_NOW ? Date.parse(process.env.SLM_NOW) : Date.now();

async function main(): Promise<void> {
  for (const page of ['Dashboard.html', 'Digest.html']) {
    if (!fs.existsSync(path.join(out, page))) throw new Error(`${path.join(out, page)} is missing: run npm start first.`);
  }
  fs.mkdirSync(images, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const server = await startPreview({ now, freezeClock: true });
  try {
    // The panel as it opens: 300 px wide, every service on one line.
    const panel = await browser.newPage({ viewport: { width: 300, height: 1000 } });
    await panel.goto(`${server.url}/sidebar`);
    await panel.waitForSelector('[data-service="EMAIL"] .trend svg', { state: 'attached' });
    await panel.screenshot({ path: path.join(images, 'panel.png') });

    const sheets = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await sheets.goto(`file://${path.join(out, 'Dashboard.html')}`);
    const tabs = sheets.locator('section.tab');
    await tabs.nth(0).screenshot({ path: path.join(images, 'dashboard.png') });
    await tabs.nth(1).screenshot({ path: path.join(images, 'trend-charts.png') });

    const digest = await browser.newPage({ viewport: { width: 760, height: 600 } });
    await digest.goto(`file://${path.join(out, 'Digest.html')}`);
    await digest.screenshot({ path: path.join(images, 'digest.png'), fullPage: true });
    console.log(`Screenshots → ${path.relative(root, images)}/: panel.png, dashboard.png, trend-charts.png, digest.png`);
  } finally {
    await server.close();
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
