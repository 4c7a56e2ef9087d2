import { CLOCK_HEADER } from '../../src/core/monitor/clock';
import { exampleRuntime, loadedRuntime, NOW } from '../support/offline';
import type { OfflineRuntime } from '../../offline/runtime';

type Api = Record<string, (...args: unknown[]) => any>;
const api = (rt: OfflineRuntime) => rt.global as unknown as Api;
const values = (rt: OfflineRuntime, tab: string) => rt.spreadsheet.getSheetByName(tab)!.getDataRange().getValues();
const digestTriggers = (rt: OfflineRuntime) => rt.services.ScriptApp.store.triggers.filter((t) => t.handler === 'sendDailyDigest');

describe('the daily digest, on the built bundle with the example school', () => {
  const rt = exampleRuntime();
  const iso = new Date(NOW).toISOString();

  test('its open items are exactly those SLM_CLOCK flags at 75% or breached, and it names the school', () => {
    const digest = api(rt).previewDigest(iso);
    expect(digest.subject).toMatch(/^Our school: service levels on 18 November 2026/);
    const clock = api(rt).SLM_CLOCK(
      new rt.env.realm.Date(NOW),
      values(rt, 'Incidents'),
      values(rt, 'Services'),
      values(rt, 'Targets'),
      values(rt, 'Calendars'),
      values(rt, 'Closures'),
    ) as unknown[][];
    const state = CLOCK_HEADER.indexOf('State');
    const flagged = clock
      .slice(1)
      .filter((r) => r[state] === 'Breached' || r[state] === '75% used')
      .map((r) => r[0]);
    // Each open item is named by its summary and service, with its Ref: "Mailbox full (Email, INC1784): fix was due …".
    const refs = digest.sections
      .flatMap((s: { lines: string[] }) => s.lines)
      .map((l: string) => /, ([A-Z]+\d+)\): (no reply yet|reply|fix)/.exec(l)?.[1])
      .filter(Boolean);
    expect(flagged.length).toBeGreaterThan(0);
    expect([...refs].sort()).toEqual([...flagged].sort());
    // How long ago or how long left, as a person says it: "4 h 35 min", "45 min", "31 h", never "4.58 h".
    const spans = digest.sections
      .flatMap((s: { lines: string[] }) => s.lines)
      .map((l: string) => /, ([^,]*) of working time (ago|left)$/.exec(l)?.[1])
      .filter(Boolean);
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) expect(span).toMatch(/^(\d+ min|[1-9] h( [1-5]?\d min)?|\d{2,} h)$/);
  });

  test("it says this month's missed targets in plain words, and the targets with nothing wrong in one line", () => {
    const sections = api(rt).previewDigest(iso).sections as Array<{ title: string; lines: string[] }>;
    const lines = sections.flatMap((s) => s.lines);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^(Target missed \(November 2026 to date\): )?[A-Z][a-z ]+, \d+ (slow first repl(y|ies)|late fix(es)?|.*done late).* \(\d+ of \d+ (answered|fixed|done) within /,
        ),
      ]),
    );
    const quiet = sections.filter((s) => s.title === 'Every other target');
    expect(quiet).toEqual([
      {
        title: 'Every other target',
        lines: [expect.stringMatching(/^\d+ targets? met; \d+ targets? with too few calls to judge yet \(November 2026 to date\)\.$/)],
        links: [null],
      },
    ]);
  });

  test('a workbook with nothing to say gives no digest and sends no email', () => {
    const empty = loadedRuntime();
    empty.run(`Date.now = function () { return ${NOW}; };`);
    api(empty).setUpWorkbook();
    expect(api(empty).previewDigest(iso)).toBeNull();
    api(empty).setDigest(true);
    expect(empty.fireTrigger('sendDailyDigest')).toMatch(/^Nothing to report/);
    expect(empty.services.MailApp.sent).toHaveLength(0);
  });
});

describe('turning the digest on and off', () => {
  test('installed once however often asked, removed cleanly, and a duplicate trigger is tidied away', () => {
    const rt = exampleRuntime();
    expect(api(rt).getDigestState().status).toBe('off');
    expect(api(rt).setDigest(true).status).toBe('on');
    api(rt).setDigest(true);
    expect(digestTriggers(rt)).toHaveLength(1);
    expect(digestTriggers(rt)[0].schedule).toMatchObject({ everyDays: 1, atHour: 7 });
    // A second trigger made some other way (the Apps Script editor, an older copy) is removed.
    rt.run("ScriptApp.newTrigger('sendDailyDigest').timeBased().everyDays(1).atHour(9).create()");
    api(rt).setDigest(true);
    expect(digestTriggers(rt)).toHaveLength(1);
    expect(api(rt).setDigest(false).status).toBe('off');
    expect(digestTriggers(rt)).toHaveLength(0);
    expect(rt.services.PropertiesService.document.getProperty('SLM_DIGEST')).toBe('{}');
  });

  test('the trigger sends the email to its owner, escaped, and records the run; a used-up quota is said, not thrown', () => {
    const rt = exampleRuntime();
    // A school day (the desk is closed at weekends: no digest then).
    rt.run(`Date.now = function () { return ${NOW}; };`);
    api(rt).setDigest(true);
    const preview = api(rt).previewDigest(null);
    expect(rt.fireTrigger('sendDailyDigest')).toBe(preview ? 'Sent to service.manager@school.example.' : expect.stringMatching(/^Nothing/));
    if (preview) {
      const mail = rt.services.MailApp.sent[0];
      expect(mail.to).toEqual(['service.manager@school.example']);
      expect(mail.subject).toBe(preview.subject);
      expect(mail.htmlBody).not.toMatch(/<script/i);
    }
    expect(api(rt).getDigestState().lastResult).toMatch(/^(Sent|Nothing)/);

    const starved = exampleRuntime();
    starved.run(`Date.now = function () { return ${NOW}; };`);
    starved.services.MailApp.remaining = 0;
    api(starved).setDigest(true);
    if (api(starved).previewDigest(null)) {
      expect(starved.fireTrigger('sendDailyDigest')).toMatch(/daily email quota is used up/);
      expect(starved.services.MailApp.sent).toHaveLength(0);
      expect(api(starved).getDigestState().lastResult).toMatch(/quota/);
    }
  });

  test("a trigger gone (removed by hand, or stopped after access was withdrawn) and another person's digest are clear states", () => {
    const rt = exampleRuntime();
    api(rt).setDigest(true);
    rt.services.ScriptApp.store.triggers.length = 0;
    expect(api(rt).getDigestState().status).toBe('stale');
    expect(api(rt).setDigest(true).status).toBe('on');
    rt.services.PropertiesService.document.setProperty(
      'SLM_DIGEST',
      JSON.stringify({
        ...JSON.parse(rt.services.PropertiesService.document.getProperty('SLM_DIGEST')!),
        'deputy@school.example': { since: '2020-01-01T00:00:00Z', lastRun: '2020-01-02T07:00:00Z' },
      }),
    );
    const state = api(rt).getDigestState();
    expect(state.others).toEqual([{ email: 'deputy@school.example', since: '2020-01-01T00:00:00Z', lastRun: '2020-01-02T07:00:00Z', stopped: true }]);
    // Turning mine off leaves theirs alone.
    api(rt).setDigest(false);
    expect(Object.keys(JSON.parse(rt.services.PropertiesService.document.getProperty('SLM_DIGEST')!))).toEqual(['deputy@school.example']);
    rt.services.ScriptApp.authorizationRequired = true;
    expect(api(rt).getDigestState()).toMatchObject({ status: 'needsAuth', authUrl: expect.stringMatching(/^https:\/\/script\.google\.com\//) });
  });
});
