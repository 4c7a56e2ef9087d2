/**
 * The SLM panel in real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core), its
 * google.script.run answered by the built dist/Code.js in the offline runtime on the example school.
 * `npm test` builds first; run `npm run build` before running this file on its own.
 * Writes out/sidebar.png, out/sidebar-contracts.png and out/preview.png for a person to look at.
 */
import { periodWording, statusReason } from '../../src/core/attainment/status';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import type { PeriodRequest } from '../../src/api';
import { computeAttainment } from '../../src/core/attainment/compute';
import { resolvePeriod } from '../../src/core/periods';
import { tabDef } from '../../src/core/schema/workbook';
import { parseWorkbook } from '../../src/core/workbook/parseWorkbook';
import { readWorkbookValues } from '../../src/adapters/sheets';
import { shareText } from '../../src/core/text';
import { startPreview, type PreviewServer } from '../../scripts/preview';
import { NOW } from '../support/offline';

const root = path.resolve(__dirname, '../..');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const XSS = '<img src=x onerror=alert(1)>';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(root, 'dist/Sidebar.html'))) throw new Error('dist/Sidebar.html is missing: run "npm run build" first.');
  browser = await launchChromium(CHROMIUM_ARGS);
  fs.mkdirSync(path.join(root, 'out'), { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

interface Session {
  server: PreviewServer;
  page: Page;
  dialogs: string[];
  errors: string[];
  close(): Promise<void>;
}

/** A fresh offline workbook (example school, clock at NOW), its preview server and the panel open at 300 px. */
async function open(opts: { latencyMs?: (name: string) => number; before?: (ss: Spreadsheet) => void; empty?: boolean } = {}): Promise<Session> {
  const server = await startPreview({ now: NOW, freezeClock: true, latencyMs: opts.latencyMs, empty: opts.empty });
  let page: Page | undefined;
  const close = async () => {
    await page?.close();
    await server.close();
  };
  try {
    opts.before?.(server.host.runtime.spreadsheet as unknown as Spreadsheet);
    page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/sidebar`);
    await page.waitForFunction(
      () =>
        !document.getElementById('services')?.hasAttribute('aria-busy') &&
        !/^Loading|^Working/.test(document.getElementById('services-summary')?.textContent ?? ''),
    );
    return { server, page, dialogs, errors, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Waits until `ready()` holds (server-side state), failing after `timeoutMs`. */
async function until(ready: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > end) throw new Error('timed out waiting for the server state');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const spreadsheetOf = (s: Session) => s.server.host.runtime.spreadsheet as unknown as Spreadsheet;

/** What the panel should show for a period, worked out here from the core on the same workbook. */
function expected(s: Session, request: PeriodRequest) {
  const ss = spreadsheetOf(s);
  const { workbook, problems } = parseWorkbook(readWorkbookValues(ss), ss.getSpreadsheetTimeZone());
  const period = resolvePeriod(workbook, NOW, request);
  return { period, problems, report: computeAttainment(workbook, period, { asOf: NOW }) };
}

/** The services as the panel shows them. */
const shownServices = (page: Page) =>
  page.$$eval('#services .service', (items) =>
    items.map((li) => ({
      id: li.getAttribute('data-service'),
      name: li.querySelector('h3')?.textContent,
      badge: li.querySelector('.row > .badge')?.textContent,
      figures: li.querySelector('.figures')?.textContent ?? '',
    })),
  );

async function expectFigures(s: Session, request: PeriodRequest): Promise<void> {
  const { period, report } = expected(s, request);
  await s.page.waitForFunction((label) => document.getElementById('services-summary')?.textContent?.startsWith(`${label}:`), periodWording(period, NOW));
  const shown = await shownServices(s.page);
  expect(shown.map((x) => x.id)).toEqual(report.services.map((x) => x.serviceId));
  report.services.forEach((svc, i) => {
    expect(shown[i].name).toBe(svc.name);
    expect(shown[i].badge).toBe(svc.status ?? 'Not measured');
    expect(shown[i].figures).toContain(`Incidents and requests: ${svc.met} on target, ${svc.breached} breached`);
    if (svc.availability !== undefined) expect(shown[i].figures).toContain(`Availability ${shareText(svc.availability)}`);
  });
}

const activeCell = (s: Session): string => {
  const range = spreadsheetOf(s).getActiveRange();
  return range ? `${range.getSheet().getName()}!${range.getA1Notation()}` : '';
};

const columnLetter = (ss: Spreadsheet, tab: string, header: string): string => {
  const sheet = ss.getSheetByName(tab)!;
  const i = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf(header);
  if (i < 0) throw new Error(`no ${header} on ${tab}`);
  return String.fromCharCode(65 + i);
};

describe('the SLM panel in Chromium', () => {
  test('opens on this term with the right figures per service, badges, SLA stages and problem count', async () => {
    const s = await open();
    try {
      await expectFigures(s, { kind: 'thisTerm' });
      const { report } = expected(s, { kind: 'thisTerm' });
      const badges = (await shownServices(s.page)).map((x) => x.badge);
      // The example school shows every state, so a badge that never changes would be caught.
      expect(new Set(badges)).toEqual(new Set(report.services.map((x) => x.status ?? 'Not measured')));
      expect(new Set(badges).size).toBeGreaterThanOrEqual(3);
      const wp = s.page.locator('[data-service="WP"]');
      await expect(wp.textContent()).resolves.toMatch(/SLA monitoring · review 6 Nov 2026/);
      // Its review date (6 Nov) is before today (18 Nov): overdue, not merely due.
      await expect(wp.locator('.chip').allTextContents()).resolves.toEqual(['Review overdue']);
      // Negotiation is said once, in the stage line, not again in a chip.
      const whiteboard = (await s.page.locator('[data-service="WHITEBOARD"] .gray').first().textContent()) ?? '';
      expect(whiteboard).toMatch(/^Rank \d+ · SLA in negotiation$/);
      // No review chip while it is being agreed; its line says its figures are against proposed targets.
      await expect(s.page.locator('[data-service="WHITEBOARD"] .chip').allInnerTexts()).resolves.toEqual(['Proposed targets']);
      // The figures behind a badge, on opening the service's line: each target with its count, share and compliance.
      await s.page.click('[data-service="EMAIL"] summary');
      const email = report.services.find((x) => x.serviceId === 'EMAIL')!;
      const lines = await s.page.$$eval('[data-service="EMAIL"] .target', (li) => li.map((x) => x.textContent ?? ''));
      expect(lines).toHaveLength(email.targets.length);
      email.targets.forEach((t, i) => {
        // Figure and unit never part at a line end: "within 1 h" with a no-break space.
        expect(lines[i]).toMatch(/within \d+(\.\d)?\u00a0(h|min)(?![a-z])/);
        if (t.met + t.breached > 0) expect(lines[i]).toContain(`${t.met} of ${t.met + t.breached} met (${shareText(t.share)}), target ${t.compliance}%`);
        expect(lines[i]).toContain(t.status ?? 'Not measured');
      });
      await expect(s.page.textContent('#problems-count')).resolves.toBe(String(expected(s, { kind: 'thisTerm' }).problems.length));
      // Each option names its kind once: "Academic year: 2026-27", never "Academic year: Academic year 2026-27".
      const options = await s.page.$$eval('#period option', (o) => o.map((x) => x.textContent ?? ''));
      expect(options).toContain('This term: Autumn term 2026');
      for (const o of options) expect(o).not.toMatch(/^([A-Z][a-z]+ [a-z]+): \1/i);
      expect(options.find((o) => o.startsWith('Academic year'))).toMatch(/^Academic year: \d{4}-\d{2}$/);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('the services read at a glance: one line each (name, status word, a reason in a few words, availability), all of them on about two screens of the 300 px panel; the figures open under the line', async () => {
    const s = await open();
    try {
      const { report } = expected(s, { kind: 'thisTerm' });
      await s.page.waitForSelector('[data-service="EMAIL"] .trend svg', { state: 'attached' });
      // Every service starts collapsed: its figures, targets and trend are there but not shown.
      expect(await s.page.locator('#services li.service > details[open]').count()).toBe(0);
      expect(await s.page.locator('#services .figures').first().isVisible()).toBe(false);
      const lines = await s.page.$$eval('#services li.service > details > summary', (all) =>
        all.map((x) => ({
          name: x.querySelector('h3')?.textContent ?? '',
          badge: x.querySelector('.badge')?.textContent ?? '',
          reason: x.querySelector('.reason')?.textContent ?? '',
          height: x.getBoundingClientRect().height,
        })),
      );
      expect(lines.map((l) => l.name)).toEqual(report.services.map((x) => x.name));
      report.services.forEach((svc, i) => {
        const { badge, reason, height } = lines[i];
        expect(badge).toBe(svc.status ?? 'Not measured');
        // A few words: the line is at most four lines of text (name, and a reason that may wrap twice).
        expect(height).toBeLessThanOrEqual(4 * 18 + 12);
        if (svc.availability !== undefined) expect(reason).toContain(`available ${shareText(svc.availability)}`);
        // The reason is the status module's own plain words, the one rule every surface says.
        const why = statusReason(svc);
        expect(reason.startsWith(why.charAt(0).toUpperCase() + why.slice(1))).toBe(true);
        if (svc.status === 'Breached') expect(reason).toMatch(/^\d+ (slow first repl|late fix|.*done late)|^Down |^\d+(\.\d+)?% available/);
        // The sentence that once repeated the sparkline is gone from the line and from the details.
        expect(reason).not.toMatch(/over 12 months/);
      });
      expect(await s.page.locator('#services', { hasText: 'over 12 months' }).count()).toBe(0);
      // Interactive whiteboards is still being agreed: its line and the summary say it is judged against proposed targets.
      expect(report.services.find((x) => x.serviceId === 'WHITEBOARD')?.status).toBe('Breached');
      expect(await s.page.locator('[data-service="WHITEBOARD"] summary .chip').innerText()).toBe('Proposed targets');
      expect(await s.page.textContent('#services-summary')).toMatch(/\d+ breached \(1 against proposed targets, still being agreed\)/);
      // About two screens of the 300 px panel for the whole overview, every service collapsed (it was 4,800 px).
      const section = await s.page.locator('#services-section').evaluate((e) => e.getBoundingClientRect().height);
      expect(section).toBeLessThan(1300);
      await s.page.locator('#services-section').screenshot({ path: path.join(root, 'out/sidebar-collapsed.png') });
      // Opening a line by keyboard shows its figures, targets and trend; the line says it is expanded.
      const email = s.page.locator('[data-service="EMAIL"] > details > summary');
      await email.focus();
      await s.page.keyboard.press('Enter');
      await expect(s.page.locator('[data-service="EMAIL"] .figures').isVisible()).resolves.toBe(true);
      await expect(s.page.locator('[data-service="EMAIL"] .target').count()).resolves.toBe(
        report.services.find((x) => x.serviceId === 'EMAIL')!.targets.length,
      );
      // As Chromium tells assistive technology: the line is a disclosure, now expanded, named by its words (no arrow).
      const cdp = await s.page.context().newCDPSession(s.page);
      const { root: doc } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: doc.nodeId, selector: '[data-service="EMAIL"] > details > summary' });
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const ax = nodes[0] as { role?: { value?: string }; name?: { value?: string }; properties?: Array<{ name: string; value: { value: unknown } }> };
      expect(ax.role?.value).toBe('DisclosureTriangle');
      expect(ax.properties?.find((p) => p.name === 'expanded')?.value.value).toBe(true);
      expect(ax.name?.value).toMatch(/^Email Breached \d+ slow first replies/);
      await cdp.detach();
      // Another period's figures keep it open.
      await s.page.selectOption('#period', 'lastMonth');
      await s.page.waitForFunction(() => /^October 2026:/.test(document.getElementById('services-summary')?.textContent ?? ''));
      await expect(s.page.locator('[data-service="EMAIL"] > details[open]').count()).resolves.toBe(1);
      await expect(s.page.locator('#services li.service > details[open]').count()).resolves.toBe(1);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test("picking last month, then custom dates, shows that period's figures", async () => {
    const s = await open();
    try {
      await s.page.selectOption('#period', 'lastMonth');
      await expectFigures(s, { kind: 'lastMonth' });
      await expect(s.page.textContent('#period-span')).resolves.toBe('1 Oct 2026 to 31 Oct 2026');

      await s.page.selectOption('#period', 'custom');
      await expect(s.page.isVisible('#custom-from')).resolves.toBe(true);
      // The line under the list no longer shows October's dates as if they were chosen.
      await expect(s.page.textContent('#period-span')).resolves.toBe('Enter the dates below, then choose Show. The figures are still for October 2026.');
      await s.page.fill('#custom-from', '2026-09-01');
      await s.page.fill('#custom-to', '2026-09-30');
      await s.page.click('#custom button[type=submit]');
      await expectFigures(s, { kind: 'custom', start: '2026-09-01', end: '2026-10-01' });
      await expect(s.page.textContent('#period-span')).resolves.toBe('1 Sep 2026 to 30 Sep 2026');
      const asked = s.server.host.calls.filter((c) => c.name === 'getOverview').map((c) => c.args[0]);
      expect(asked).toEqual([{ kind: 'thisTerm' }, { kind: 'lastMonth' }, { kind: 'custom', start: '2026-09-01', end: '2026-10-01' }]);

      // Dates the wrong way round are refused in the panel, in words, with no call made.
      await s.page.fill('#custom-from', '2026-10-01');
      await s.page.fill('#custom-to', '2026-09-01');
      await s.page.click('#custom button[type=submit]');
      await expect(s.page.textContent('#custom-error')).resolves.toMatch(/"To" date must be on or after the "From" date/);
      expect(s.server.host.calls.filter((c) => c.name === 'getOverview')).toHaveLength(3);
    } finally {
      await s.close();
    }
  });

  test('arrowing through the period list by keyboard asks for one overview, for where it stops; "Custom dates…" keeps focus on the list', async () => {
    const s = await open();
    try {
      const overviews = () => s.server.host.calls.filter((c) => c.name === 'getOverview').map((c) => c.args[0]);
      const kinds = await s.page.$$eval('#period option', (o) => o.map((x) => (x as HTMLOptionElement).value));
      expect(kinds).toEqual(['thisMonth', 'lastMonth', 'thisTerm', 'lastTerm', 'academicYear', 'custom']);
      await s.page.focus('#period');
      // Up twice from this term: Chromium fires "change" for last month, then this month.
      await s.page.keyboard.press('ArrowUp');
      await s.page.keyboard.press('ArrowUp');
      await expect(s.page.inputValue('#period')).resolves.toBe('thisMonth');
      await expectFigures(s, { kind: 'thisMonth' });
      expect(overviews()).toEqual([{ kind: 'thisTerm' }, { kind: 'thisMonth' }]);
      // Right away the line under the list gives the dates of the option reached.
      await expect(s.page.textContent('#period-span')).resolves.toBe('1 Nov 2026 to 30 Nov 2026');

      // Down to the end: through last month, the terms and the year to "Custom dates…". The page's clock is
      // Playwright's from here, so the choice's settling delay is run through exactly, not slept through.
      // Installed, the clock still runs at real speed: paused at once, so a slow machine taking more than the
      // settling delay between two key presses cannot let an option passed on the way settle.
      await s.page.clock.install();
      await s.page.clock.pauseAt(await s.page.evaluate(() => Date.now() + 1000));
      for (let i = 0; i < 5; i++) await s.page.keyboard.press('ArrowDown');
      await expect(s.page.inputValue('#period')).resolves.toBe('custom');
      await expect(s.page.evaluate(() => document.activeElement?.id)).resolves.toBe('period');
      await expect(s.page.isVisible('#custom-from')).resolves.toBe(true);
      await expect(s.page.textContent('#period-span')).resolves.toBe('Enter the dates below, then choose Show. The figures are still for November 2026.');
      await s.page.clock.runFor(800);
      await s.page.clock.resume();
      // Any call those timers made has reached the server once the page's network is idle.
      await s.page.waitForLoadState('networkidle');
      // Nothing was asked for the options passed on the way, and the figures shown are still November's.
      expect(overviews()).toEqual([{ kind: 'thisTerm' }, { kind: 'thisMonth' }]);
      await expect(s.page.textContent('#services-summary')).resolves.toMatch(/^November 2026 to date: /);
      await expect(s.page.getAttribute('#services', 'aria-busy')).resolves.toBeNull();

      // Tab goes on to the dates; Enter in a date field shows them.
      await s.page.keyboard.press('Tab');
      await expect(s.page.evaluate(() => document.activeElement?.id)).resolves.toBe('custom-from');
      await s.page.fill('#custom-from', '2026-10-05');
      await s.page.fill('#custom-to', '2026-10-09');
      await s.page.focus('#custom-to');
      await s.page.keyboard.press('Enter');
      await expectFigures(s, { kind: 'custom', start: '2026-10-05', end: '2026-10-10' });
      expect(overviews()).toEqual([{ kind: 'thisTerm' }, { kind: 'thisMonth' }, { kind: 'custom', start: '2026-10-05', end: '2026-10-10' }]);
    } finally {
      await s.close();
    }
  });

  test('a slow answer for an earlier period never replaces the figures of a later one', async () => {
    let slow = 0;
    const s = await open({ latencyMs: (name) => (name === 'getOverview' ? slow : 0) });
    try {
      slow = 2000;
      await s.page.focus('#period');
      await s.page.keyboard.press('ArrowUp');
      // The choice settles and last month's (slow) overview is asked for.
      const asked = () => s.server.host.calls.filter((c) => c.name === 'getOverview').length;
      await until(() => asked() >= 2);
      expect(asked()).toBe(2);
      // The page receives last month's (slow) answer: wait for exactly that, not for a guessed time.
      const lastMonthAnswer = s.page.waitForResponse((r) => r.url().endsWith('/run') && (r.request().postData() ?? '').includes('lastMonth'));
      slow = 0;
      await s.page.keyboard.press('ArrowUp');
      await expectFigures(s, { kind: 'thisMonth' });
      // Last month's answer arrives afterwards and is dropped.
      await lastMonthAnswer;
      await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await expect(s.page.textContent('#services-summary')).resolves.toMatch(/^November 2026 to date: /);
      await expect(s.page.inputValue('#period')).resolves.toBe('thisMonth');
      await expect(s.page.textContent('#period-span')).resolves.toBe('1 Nov 2026 to 30 Nov 2026');
      expect(s.server.host.calls.filter((c) => c.name === 'getOverview').map((c) => c.args[0])).toEqual([
        { kind: 'thisTerm' },
        { kind: 'lastMonth' },
        { kind: 'thisMonth' },
      ]);
    } finally {
      await s.close();
    }
  });

  test('Refresh, by keyboard, reads the workbook again for the period shown: figures, problems and findings', async () => {
    const s = await open();
    try {
      await expect(s.page.getByRole('button', { name: 'Refresh' }).count()).resolves.toBe(1);
      await s.page.selectOption('#period', 'lastMonth');
      await expectFigures(s, { kind: 'lastMonth' });
      await s.page.click('#contracts-section summary');
      await s.page.waitForSelector('#findings .finding');
      const before = s.server.host.calls.length;

      // Someone edits the sheet: a service renamed and a problem made.
      const ss = spreadsheetOf(s);
      const services = ss.getSheetByName('Services')!;
      const header = services.getRange(1, 1, 1, services.getLastColumn()).getValues()[0];
      const nameCol = header.indexOf(tabDef('services').columns.find((c) => c.key === 'name')!.header) + 1;
      services.getRange(2, nameCol).setValue('Renamed service');
      const incidents = ss.getSheetByName('Incidents')!;
      const ih = incidents.getRange(1, 1, 1, incidents.getLastColumn()).getValues()[0];
      incidents.getRange(3, ih.indexOf(tabDef('incidents').columns.find((c) => c.key === 'serviceId')!.header) + 1).setValue('NO-SUCH-SERVICE');

      await s.page.focus('#refresh');
      await s.page.keyboard.press('Enter');
      await s.page.waitForFunction(() => /^Read from the workbook at \d\d:\d\d\.$/.test(document.getElementById('refresh-status')?.textContent ?? ''));
      await expectFigures(s, { kind: 'lastMonth' });
      await expect(s.page.locator('#services h3', { hasText: 'Renamed service' }).count()).resolves.toBe(1);
      await expect(s.page.textContent('#problems-count')).resolves.toBe(String(expected(s, { kind: 'lastMonth' }).problems.length));
      await s.page.waitForFunction(() => !document.getElementById('findings')?.hasAttribute('aria-busy'));
      const again = s.server.host.calls.slice(before).map((c) => [c.name, c.args]);
      expect(again).toEqual(
        expect.arrayContaining([
          ['getOverview', [{ kind: 'lastMonth' }]],
          ['checkWorkbook', []],
          ['getFindings', [{ kind: 'lastMonth' }]],
        ]),
      );
      await expect(s.page.evaluate(() => document.activeElement?.id)).resolves.toBe('refresh');
    } finally {
      await s.close();
    }
  });

  test('google.script.run refuses a Date or a function argument in the page, as Google does, and sends nothing', async () => {
    const s = await open();
    try {
      const before = s.server.host.calls.length;
      const thrown = await s.page.evaluate(() => {
        const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => void> } } }).google.script.run;
        const attempt = (f: () => void) => {
          try {
            f();
            return 'sent';
          } catch (e) {
            return (e as Error).message;
          }
        };
        return [attempt(() => run.getOverview(new Date(0))), attempt(() => run.getOverview({ kind: 'custom', start: () => 1 }))];
      });
      expect(thrown).toEqual(['Failed due to illegal value in property: 0', 'Failed due to illegal value in property: start']);
      expect(s.server.host.calls.length).toBe(before);
    } finally {
      await s.close();
    }
  });

  test('clicking a problem selects the offending cell in the sheet; the keyboard does the same', async () => {
    const s = await open();
    try {
      const problems = expected(s, { kind: 'thisTerm' }).problems;
      expect(problems.length).toBeGreaterThan(1);
      await s.page.click('#problems-section summary');
      await s.page.waitForSelector('#problems .problem');
      const shown = await s.page.$$eval('#problems .problem .place', (x) => x.map((e) => e.textContent));
      expect(shown).toEqual(problems.map((p) => [p.tab, p.row > 0 ? `row ${p.row}` : '', p.column].filter(Boolean).join(', ')));

      const [first, second] = problems;
      await s.page.click('#problems .problem:nth-child(1) button');
      await s.page.waitForFunction(() => /^Selected /.test(document.getElementById('problems-status')?.textContent ?? ''));
      expect(activeCell(s)).toBe(`${first.tab}!${columnLetter(spreadsheetOf(s), first.tab, first.column)}${first.row}`);

      await s.page.focus('#problems .problem:nth-child(2) button');
      await s.page.keyboard.press('Enter');
      // "Selecting … row N…" shows while the call runs; wait for the answer, "Selected … row N …".
      await s.page.waitForFunction(
        (row) => /^Selected .*\brow (\d+)\b/.exec(document.getElementById('problems-status')?.textContent ?? '')?.[1] === String(row),
        second.row,
      );
      expect(activeCell(s)).toBe(`${second.tab}!${columnLetter(spreadsheetOf(s), second.tab, second.column)}${second.row}`);
    } finally {
      await s.close();
    }
  });

  test('Generate SLA shows progress, then a link to the new document; a double click writes one document', async () => {
    const s = await open({ latencyMs: (name) => (name.startsWith('generate') ? 500 : 0) });
    try {
      await s.page.click('#generate-sla');
      await s.page.click('#generate-sla', { force: true }).catch(() => undefined);
      await expect(s.page.textContent('#documents-status')).resolves.toMatch(/Generating the SLA/);
      await expect(s.page.isDisabled('#generate-sla')).resolves.toBe(true);
      await expect(s.page.locator('#documents-status .spinner').count()).resolves.toBe(1);
      const link = s.page.locator('#documents-status a.doc-link');
      await link.waitFor();
      const slaCalls = s.server.host.calls.filter((c) => c.name === 'generateSla');
      expect(slaCalls).toEqual([{ name: 'generateSla', args: [null] }]);
      const href = await link.getAttribute('href');
      const id = /\/document\/d\/([^/]+)/.exec(href ?? '')?.[1];
      expect(id).toBeTruthy();
      const doc = s.server.host.runtime.services.DocumentApp.openById(id!);
      await expect(link.textContent()).resolves.toBe(doc.getName());
      expect(doc.getUrl()).toBe(href);
      await expect(link.getAttribute('target')).resolves.toBe('_blank');
      await expect(s.page.isDisabled('#generate-sla')).resolves.toBe(false);

      // Chosen services only.
      await s.page.check('#sla-chosen');
      await s.page.check('#sla-services input[value="EMAIL"]');
      await s.page.check('#sla-services input[value="PRINT"]');
      await s.page.click('#generate-sla');
      await s.page.waitForFunction(
        () => document.querySelectorAll('#documents-status a.doc-link').length === 1 && !document.getElementById('documents-status')?.hasAttribute('aria-busy'),
      );
      expect(s.server.host.calls.filter((c) => c.name === 'generateSla').map((c) => c.args)).toEqual([[null], [['EMAIL', 'PRINT']]]);
    } finally {
      await s.close();
    }
  });

  test('Generate service review covers the chosen period and links to the review', async () => {
    const s = await open();
    try {
      await s.page.selectOption('#period', 'lastMonth');
      await s.page.waitForFunction(() => (document.getElementById('review-note')?.textContent ?? '').includes('October 2026'));
      await s.page.click('#generate-review');
      await s.page.locator('#documents-status a.doc-link').first().waitFor();
      expect(s.server.host.calls.filter((c) => c.name === 'generateReview').map((c) => c.args)).toEqual([[{ kind: 'lastMonth' }]]);
      // Two documents: the representatives' review and the internal one, each linked and on the Documents tab.
      const names = await s.page.locator('#documents-status a.doc-link').allTextContents();
      expect(names).toEqual([
        expect.stringMatching(/^Service review – October 2026 – Example School – /),
        expect.stringMatching(/^Service review \(internal\) – October 2026 – Example School – /),
      ]);
      const listed = spreadsheetOf(s).getSheetByName('Documents')!.getDataRange().getValues().flat();
      for (const name of names) expect(listed).toContain(name);
    } finally {
      await s.close();
    }
  });

  test('a failure is shown in plain words with what to do, and the buttons work again', async () => {
    const s = await open();
    const docs = s.server.host.runtime.services.DocumentApp as unknown as { create: (name: string) => unknown };
    const create = docs.create;
    docs.create = () => {
      throw new Error('Service unavailable: Documents');
    };
    try {
      await s.page.click('#generate-sla');
      const alert = s.page.locator('#documents-status [role=alert]');
      await alert.waitFor();
      const text = await alert.textContent();
      expect(text).toMatch(/^The SLA was not generated: The SLA could not be created in Google Docs: Service unavailable: Documents\./);
      // A service failure names no tab or row: the advice fits it.
      expect(text).toMatch(/A Google service did not answer this time: try again in a minute\.$/);
      expect(text).not.toMatch(/tab and row/);
      expect(text).not.toMatch(/Exception|Error:|at \w+ \(/);
      await expect(s.page.isDisabled('#generate-sla')).resolves.toBe(false);
    } finally {
      docs.create = create;
      await s.close();
    }
  });

  test('Share shows who gets what before anything is shared; shares only what is ticked, records it on People, and un-shares from the same place', async () => {
    const s = await open();
    try {
      const rt = s.server.host.runtime;
      const sla = rt.global.generateSla(null);
      const review = rt.global.generateReview({ kind: 'thisTerm' });
      const ssId = spreadsheetOf(s).getId();
      const commenters = (id: string) => [...rt.services.DriveApp.store.get(id).commenters].sort();
      // A former representative who can still open the workbook, not on the People tab.
      rt.services.DriveApp.getFileById(ssId).addViewer('old.rep@example.org');
      await s.page.click('#share');
      await s.page.locator('#share-plan table').waitFor();
      const rows = await s.page.$$eval('#share-plan tbody tr', (trs) =>
        (trs as HTMLTableRowElement[]).map((tr) => ({
          who: tr.cells[0].textContent,
          documents: (tr.cells[1].querySelector('input') as HTMLInputElement).checked,
          workbook: (tr.cells[2].querySelector('input') as HTMLInputElement).checked,
        })),
      );
      expect(rows.map((r) => r.who?.split(/(?=Teaching|School|Student|Head)/)[0])).toEqual(['Jo Harris', 'Priya Shah', 'Tom Lee', 'Alex Morgan']);
      expect(rows.every((r) => r.documents && !r.workbook)).toBe(true);
      expect(rows.find((r) => r.who?.startsWith('Tom Lee'))!.who).toMatch(/student: documents only/);
      // The workbook cannot be ticked for a student.
      await expect(s.page.isDisabled('#share-workbook-2')).resolves.toBe(true);
      await expect(s.page.textContent('.share-others')).resolves.toContain('old.rep@example.org');
      await expect(s.page.textContent('.share-others')).resolves.toContain('the workbook (view)');
      await expect(s.page.textContent('#share-plan')).resolves.toContain(`${sla.name} and ${review.name}`);
      // Nothing shared yet: the plan is only read.
      expect(s.server.host.calls.some((c) => c.name === 'applySharing')).toBe(false);
      expect(commenters(sla.id)).toEqual([]);
      fs.mkdirSync(path.join(root, 'out'), { recursive: true });
      await s.page.locator('#share-plan').screenshot({ path: path.join(root, 'out/sidebar-share.png') });

      await s.page.check('#share-workbook-0');
      await s.page.check('#share-remove-0');
      await s.page.click('#share-apply');
      await s.page.waitForFunction(() => /Access set for/.test(document.getElementById('share-status')?.textContent ?? ''));
      expect(commenters(sla.id)).toEqual([
        'head@example-school.org',
        'jo.harris@example-school.org',
        'priya.shah@example-school.org',
        'tom.lee@example-school.org',
      ]);
      expect(commenters(ssId)).toEqual(['jo.harris@example-school.org']);
      expect(commenters(review.internal.id)).toEqual([]);
      expect(rt.services.DriveApp.store.get(ssId).viewers.has('old.rep@example.org')).toBe(false);
      await expect(s.page.textContent('#share-status')).resolves.toContain('Removed: old.rep@example.org.');
      const people = spreadsheetOf(s).getSheetByName('People')!.getDataRange().getValues();
      const access = people[0].indexOf('Access');
      expect(people.find((r) => r[0] === 'Jo Harris')![access]).toMatch(/^SLA, review and workbook \(comment\), as of /);
      expect(people.find((r) => r[0] === 'Tom Lee')![access]).toMatch(/^SLA and review \(comment\), as of /);

      // Un-sharing: the same place, Tom's documents unticked.
      await s.page.click('#share');
      await s.page.locator('#share-plan table').waitFor();
      await expect(s.page.isChecked('#share-workbook-0')).resolves.toBe(true);
      await s.page.uncheck('#share-documents-2');
      await s.page.click('#share-apply');
      await s.page.waitForFunction(() => /Access set for/.test(document.getElementById('share-status')?.textContent ?? ''));
      expect(commenters(sla.id)).not.toContain('tom.lee@example-school.org');
      expect(
        spreadsheetOf(s)
          .getSheetByName('People')!
          .getDataRange()
          .getValues()
          .find((r) => r[0] === 'Tom Lee')![access],
      ).toMatch(/^None \(/);
      expect(s.server.host.calls.filter((c) => c.name === 'applySharing')).toHaveLength(2);
    } finally {
      await s.close();
    }
  });

  test('Contracts lists the findings under severity headings for the chosen period; a finding opens on its arrow and its cells can be selected', async () => {
    const s = await open();
    try {
      expect(s.server.host.calls.some((c) => c.name === 'getFindings')).toBe(false);
      await s.page.click('#contracts-section summary');
      await s.page.waitForSelector('#findings .finding');
      type Shown = { title: string; severity: string; refs: Array<{ tabName: string; row: number; column?: string }> };
      const findings = (s.server.host.call('getFindings', [{ kind: 'thisTerm' }]) as { value: Shown[] }).value;
      expect(s.server.host.calls.filter((c) => c.name === 'getFindings').map((c) => c.args)[0]).toEqual([{ kind: 'thisTerm' }]);
      const titles = await s.page.$$eval('#findings .finding h4', (x) => x.map((e) => e.textContent));
      expect(titles).toEqual(findings.map((f) => f.title));
      await expect(s.page.textContent('#contracts-count')).resolves.toBe(String(findings.length));
      await expect(s.page.textContent('#contracts-summary')).resolves.toContain('Supplier figures cover Autumn term 2026.');

      // Grouped by severity, each heading with its count, most severe first.
      const names: Record<string, string> = { high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };
      const groups = ['high', 'medium', 'low', 'info'].map((sev) => [sev, findings.filter((f) => f.severity === sev).length] as const).filter(([, n]) => n > 0);
      expect(groups.length).toBeGreaterThanOrEqual(3);
      await expect(s.page.$$eval('#findings .sev-heading', (h) => h.map((e) => `${e.tagName} ${e.textContent}`))).resolves.toEqual(
        groups.map(([sev, n]) => `H3 ${names[sev]} (${n})`),
      );
      const inGroups = await s.page.$$eval('#findings .sev-group', (g) => g.map((e) => e.querySelectorAll('.finding').length));
      expect(inGroups).toEqual(groups.map(([, n]) => n));

      // A closed card shows that it opens: an arrow before its title, which turns when it opens.
      const withRef = findings.findIndex((f) => f.refs.length > 0);
      const item = s.page.locator('#findings .finding').nth(withRef);
      const arrow = () => item.locator('summary').evaluate((e) => getComputedStyle(e, '::before').content);
      await expect(arrow()).resolves.toBe('"▸"');
      await expect(item.locator('.refs button').first().isVisible()).resolves.toBe(false);
      await item.locator('summary').click();
      await expect(arrow()).resolves.toBe('"▾"');
      await item.locator('.refs button').first().click();
      await s.page.waitForFunction(() => /^Selected /.test(document.getElementById('findings-status')?.textContent ?? ''));
      const ref = findings[withRef].refs[0];
      expect(activeCell(s)).toMatch(new RegExp(`^${ref.tabName}![A-Z]+${ref.row}$`));

      // A finding with more cells than fit shows the first six and "and N more", which shows the rest by keyboard.
      const many = findings.findIndex((f) => f.refs.length > 6);
      expect(many).toBeGreaterThanOrEqual(0);
      const big = s.page.locator('#findings .finding').nth(many);
      await big.locator('summary').click();
      await expect(big.locator('.refs button.ref').count()).resolves.toBe(6);
      const more = big.locator('.refs button.more');
      await expect(more.textContent()).resolves.toBe(`and ${findings[many].refs.length - 6} more`);
      await more.focus();
      await s.page.keyboard.press('Enter');
      await expect(big.locator('.refs button.ref').count()).resolves.toBe(findings[many].refs.length);
      await expect(big.locator('.refs button.more').count()).resolves.toBe(0);
      await expect(s.page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
        [findings[many].refs[6].tabName, `row ${findings[many].refs[6].row}`, findings[many].refs[6].column].filter(Boolean).join(', '),
      );

      // The findings follow the period: October's supplier figures once October is chosen.
      await s.page.selectOption('#period', 'lastMonth');
      await s.page.waitForFunction(() => (document.getElementById('contracts-summary')?.textContent ?? '').includes('cover October 2026'));
      expect(
        s.server.host.calls
          .filter((c) => c.name === 'getFindings')
          .map((c) => c.args)
          .slice(-1),
      ).toEqual([[{ kind: 'lastMonth' }]]);
      const october = (s.server.host.call('getFindings', [{ kind: 'lastMonth' }]) as { value: Shown[] }).value;
      await expect(s.page.$$eval('#findings .finding h4', (x) => x.map((e) => e.textContent))).resolves.toEqual(october.map((f) => f.title));
    } finally {
      await s.close();
    }
  });

  test("the Settings tab's assumptions show under the findings, read-only, with the way to change them", async () => {
    const s = await open({
      before: (ss) => {
        const sheet = ss.getSheetByName('Settings')!;
        const row =
          sheet
            .getDataRange()
            .getValues()
            .findIndex((r) => r[0] === 'Renewal warning (days)') + 1;
        sheet.getRange(row, 2).setValue('60');
      },
    });
    try {
      await s.page.click('#contracts-section summary');
      await s.page.waitForSelector('#settings-box dl');
      const shown = await s.page.$$eval('#settings-box dt', (dts) => dts.map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`));
      expect(shown).toEqual([
        'School handling before a supplier (h): 1 (default)',
        'Review warning (days): 30 (default)',
        'Renewal warning (days): 60',
        'High priority rank: 3 (default)',
        'Fewest items to judge a target: 10 (default)',
      ]);
      await s.page.click('#settings-box button');
      await s.page.waitForFunction(() => /Selected the Settings tab/.test(document.getElementById('settings-box')?.textContent ?? ''));
      expect(activeCell(s)).toBe('Settings!B1');
      await s.page.locator('#settings-box').screenshot({ path: path.join(root, 'out/sidebar-settings.png') });
    } finally {
      await s.close();
    }
  });

  test('an empty workbook says what to do; a server without the contract analysis says so in words', async () => {
    const s = await open({ empty: true });
    try {
      await expect(s.page.textContent('#services-summary')).resolves.toMatch(/^No services on the Services tab yet\. Add them there/);
      await expect(s.page.locator('#services .service').count()).resolves.toBe(0);
      delete s.server.host.runtime.global.getFindings;
      await s.page.click('#contracts-section summary');
      await s.page.waitForFunction(() => /not available/.test(document.getElementById('contracts-summary')?.textContent ?? ''));
      await expect(s.page.textContent('#contracts-summary')).resolves.toBe('The contract analysis is not available in this copy of SLM Workbook.');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test(`a service named ${XSS} shows as text and runs nothing`, async () => {
    const s = await open({
      before: (ss) => {
        const services = ss.getSheetByName('Services')!;
        const header = services.getRange(1, 1, 1, services.getLastColumn()).getValues()[0];
        services.getRange(2, header.indexOf(tabDef('services').columns.find((c) => c.key === 'name')!.header) + 1).setValue(XSS);
        // A problem whose message quotes sheet text: an unknown Service ID that is markup.
        const incidents = ss.getSheetByName('Incidents')!;
        const ih = incidents.getRange(1, 1, 1, incidents.getLastColumn()).getValues()[0];
        incidents
          .getRange(2, ih.indexOf(tabDef('incidents').columns.find((c) => c.key === 'serviceId')!.header) + 1)
          .setValue('<script>window.__ran=1</script><b>x</b>');
      },
    });
    try {
      await s.page.click('#problems-section summary');
      await s.page.waitForSelector('#problems .problem');
      await s.page.click('#contracts-section summary');
      await s.page.waitForSelector('#findings .finding');
      const names = await s.page.$$eval('#services .service h3', (x) => x.map((e) => e.textContent));
      expect(names).toContain(XSS);
      await expect(s.page.locator('#services h3', { hasText: XSS }).isVisible()).resolves.toBe(true);
      await expect(s.page.locator('#sla-services label', { hasText: XSS }).count()).resolves.toBe(1);
      const messages = await s.page.$$eval('#problems .message', (x) => x.map((e) => e.textContent ?? ''));
      expect(messages.some((m) => m.includes('<script>window.__ran=1</script><b>x</b>'))).toBe(true);
      // Anything the markup could have loaded or run has had its chance once the network is idle.
      await s.page.waitForLoadState('networkidle');
      expect(await s.page.$$('img, #app script, #app b')).toHaveLength(0);
      expect(await s.page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
      expect(s.dialogs).toEqual([]);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('axe-core finds no serious or critical accessibility violation, with every section open; screenshots are written', async () => {
    const s = await open();
    try {
      await s.page.click('#problems-section summary');
      await s.page.click('[data-service="EMAIL"] summary');
      await s.page.check('#sla-chosen');
      await s.page.check('#sla-services input[value="EMAIL"]');
      await s.page.click('#generate-sla');
      await s.page.locator('#documents-status a.doc-link').waitFor();
      await s.page.click('#problems .problem:nth-child(1) button');
      await s.page.waitForFunction(() => /^Selected /.test(document.getElementById('problems-status')?.textContent ?? ''));
      // What a person looks at: the panel with a document just generated and the problems open.
      await s.page.screenshot({ path: path.join(root, 'out/sidebar.png'), fullPage: true });

      await s.page.click('#contracts-section summary');
      await s.page.waitForSelector('#findings .finding');
      await s.page.locator('#contracts-section').screenshot({ path: path.join(root, 'out/sidebar-contracts.png') });
      // Every finding open, so its evidence and cell buttons are checked too.
      await s.page.$$eval('#findings details', (all) =>
        all.forEach((d) => {
          (d as HTMLDetailsElement).open = true;
        }),
      );
      // An empty SLA choice shows its error too, so that state is checked as well.
      await s.page.uncheck('#sla-services input[value="EMAIL"]');
      await s.page.click('#generate-sla');
      await s.page.locator('#documents-status [role=alert]').waitFor();
      await s.page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await s.page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> };
          }
        ).axe;
        const result = await axe.run(document);
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      expect(violations.map((v) => v.id)).not.toContain('page-has-heading-one');
      await expect(s.page.$$eval('h1', (h) => h.map((e) => e.textContent))).resolves.toEqual(['Service levels']);

      // Every service can be chosen for an SLA without a hidden scroll: the list is as tall as its content.
      const choices = await s.page.$eval('#sla-services', (ul) => ({ items: ul.children.length, scroll: ul.scrollHeight, client: ul.clientHeight }));
      expect(choices.items).toBe(expected(s, { kind: 'thisTerm' }).report.services.length);
      expect(choices.scroll).toBeLessThanOrEqual(choices.client);

      // 300 px: nothing wider than the panel.
      const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow).toBeLessThanOrEqual(300);
      const font = await s.page.evaluate(() => `${getComputedStyle(document.body).fontFamily} ${getComputedStyle(document.body).fontSize}`);
      expect(font).toMatch(/Arial.*13px/);
      await s.page.mouse.move(299, 0);
      await expect(s.page.evaluate(() => getComputedStyle(document.getElementById('generate-sla')!).backgroundColor)).resolves.toBe('rgb(26, 115, 232)');
      await expect(s.page.evaluate(() => getComputedStyle(document.getElementById('recheck')!).backgroundColor)).resolves.toBe('rgb(255, 255, 255)');

      const frame = await browser.newPage({ viewport: { width: 1100, height: 800 } });
      await frame.goto(`${s.server.url}/`);
      await frame.frameLocator('iframe').locator('#services .service').first().waitFor();
      await frame.screenshot({ path: path.join(root, 'out/preview.png') });
      await frame.close();
      expect(fs.statSync(path.join(root, 'out/sidebar.png')).size).toBeGreaterThan(10_000);
    } finally {
      await s.close();
    }
  });
});
