/** The panel's comments line in real headless Chromium: the counts, and Collect comments bringing new ones in. */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startPreview } from '../../scripts/preview';
import { NOW } from '../support/offline';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('the panel says how many comments are new, and Collect comments adds them and updates the count', async () => {
  const server = await startPreview({ now: NOW, freezeClock: true });
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  try {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const rt = server.host.runtime;
    const sla = rt.global.generateSla(null);
    rt.services.Drive.Comments.add(sla.id, {
      author: 'Ms Teacher',
      content: 'Can printing be fixed faster before exams?',
      quoted: 'Printing',
      at: new Date('2026-11-30T10:00:00Z'),
    });
    await page.goto(`${server.url}/sidebar`);
    const line = page.locator('#comments-count');
    await page.waitForFunction(() => document.querySelector('#comments-count')?.textContent !== '');
    expect(await line.innerText()).toBe('No comments collected yet.');
    await page.locator('#collect-comments').click();
    await page.waitForSelector('#comments-status .done, #comments-status .error-box');
    expect(await page.locator('#comments-status').innerText()).toBe('1 new comment added to the Comments tab, 0 comments updated.');
    await page.waitForFunction(() => /^1 new/.test(document.querySelector('#comments-count')?.textContent ?? ''));
    expect(await line.innerText()).toBe('1 new (no service review yet), 1 not resolved, 1 comment in all.');
    expect(errors).toEqual([]);
  } finally {
    await page.close();
    await server.close();
  }
}, 60_000);
