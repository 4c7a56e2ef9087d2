/**
 * The panel's Import incidents section in headless Chromium, answered by the built bundle on the example
 * school: paste a Freshdesk export, preview, map the group it could not match, import, import again.
 * Writes out/sidebar-import.png. `npm test` builds first.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startPreview } from '../../scripts/preview';
import { NOW } from '../support/offline';

const root = path.resolve(__dirname, '../..');
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing: install it with "apt-get install -y chromium".');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => {
  await browser?.close();
});

test('paste, preview (nothing written), map an unmatched group, import; the same text again changes nothing', async () => {
  const server = await startPreview({ now: NOW, freezeClock: true });
  const page = await browser.newPage({ viewport: { width: 300, height: 1400 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const ss = server.host.runtime.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const incidents = ss.getSheetByName('Incidents')!;
    const rowsBefore = incidents.getLastRow();
    await page.goto(`${server.url}/sidebar`);
    await page.click('#import-section summary');
    await page.check('#import-from-text');
    await page.fill('#import-text', fs.readFileSync(path.join(root, 'test/import/samples/freshdesk.csv'), 'utf8'));
    await page.click('#import-show');
    await page.waitForFunction(() => /Freshdesk export/.test(document.getElementById('import-preview')?.textContent ?? ''));
    const summary = await page.textContent('#import-preview p');
    expect(summary).toBe('Freshdesk export: 4 rows to add, 0 to update, 0 unchanged, 1 skipped.');
    await expect(page.textContent('#import-preview .skipped')).resolves.toContain('Line 7: "Network" is not matched to a service');
    expect(incidents.getLastRow()).toBe(rowsBefore);

    const networkBox = await page.$eval(
      '#import-preview',
      (box) => [...box.querySelectorAll('label')].find((l) => l.textContent!.startsWith('Network'))!.htmlFor,
    );
    await page.selectOption(`#${networkBox}`, 'INTERNET');
    await page.waitForFunction(() => /5 rows to add/.test(document.getElementById('import-preview')?.textContent ?? ''));
    await page.$$eval('#import-preview details', (all) =>
      all.forEach((d) => {
        (d as HTMLDetailsElement).open = true;
      }),
    );
    await page.locator('#import-section').screenshot({ path: path.join(root, 'out/sidebar-import.png') });
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Element) => Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
      return (await axe.run(document.getElementById('import-section')!)).violations.map((v) => `${v.impact} ${v.id}`);
    });
    expect(violations.filter((v) => /^(serious|critical)/.test(v))).toEqual([]);

    await page.click('#import-run');
    await page.waitForFunction(() => /^Imported:/.test(document.getElementById('import-status')?.textContent ?? ''));
    await expect(page.textContent('#import-status')).resolves.toContain('Imported: 5 added, 0 updated, 0 unchanged.');
    expect(incidents.getLastRow()).toBe(rowsBefore + 5);

    await page.click('#import-show');
    await page.waitForFunction(() => /Nothing to change/.test(document.getElementById('import-status')?.textContent ?? ''));
    expect(await page.isHidden('#import-run')).toBe(true);
    // The call-logging form: created from the panel, its link shown to share.
    await page.click('#callform-make');
    await page.waitForFunction(() => /The form is ready/.test(document.getElementById('callform-status')?.textContent ?? ''));
    await expect(page.getAttribute('#callform-link a', 'href')).resolves.toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/.+\/viewform$/);
    await expect(page.textContent('#callform-make')).resolves.toBe('Refresh its list of services');
    expect(errors).toEqual([]);
  } finally {
    await page.close();
    await server.close();
  }
});
