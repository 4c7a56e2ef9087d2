/**
 * A digest worth opening (issue 20 item 2) and one that always goes out (issue 23 item 6), on the built
 * bundle with the example school: sent only on days the service desk is open, items named by their
 * summaries and linked to their rows, standing reminders on their first day and weekly, lists capped so
 * the body stays under Google's limit at any backlog, no blank recipient, runs recorded through a busy lock.
 */
import { tabDef } from '../../src/core/schema/workbook';
import type { TabKey } from '../../src/core/schema/types';
import { MAX_BODY_BYTES } from '../../offline/mail';
import type { OfflineRuntime } from '../../offline/runtime';
import { exampleRuntime, loadedRuntime } from '../support/offline';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Api = Record<string, (...args: unknown[]) => any>;
const api = (rt: OfflineRuntime) => rt.global as unknown as Api;
const sheetOf = (rt: OfflineRuntime, key: TabKey) => (rt.spreadsheet as unknown as Ss).getSheetByName(tabDef(key).name)!;
const at = (rt: OfflineRuntime, iso: string) => rt.run(`Date.now = function () { return ${Date.parse(iso)}; };`);

function append(rt: OfflineRuntime, key: TabKey, records: ReadonlyArray<Record<string, unknown>>): void {
  const sheet = sheetOf(rt, key);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const byHeader = new Map(tabDef(key).columns.map((c) => [c.header, c.key]));
  const rows = records.map((r) => header.map((h) => r[byHeader.get(h) ?? ''] ?? ''));
  const room = sheet.getMaxRows() - sheet.getLastRow();
  if (room < rows.length) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - room);
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, header.length).setValues(rows);
}

/** Fires the digest trigger at 07:00 UTC of each day from `first` for `days` days: each day's result and mail. */
function week(rt: OfflineRuntime, first: string, days: number): Array<{ day: string; result: string; body: string | undefined }> {
  const out = [];
  for (let d = 0; d < days; d++) {
    const day = new Date(Date.parse(`${first}T07:00:00Z`) + d * 86_400_000).toISOString();
    at(rt, day);
    const before = rt.services.MailApp.sent.length;
    const result = String(rt.fireTrigger('sendDailyDigest'));
    const mail = rt.services.MailApp.sent[before];
    out.push({ day: day.slice(0, 10), result, body: mail ? `${mail.subject}\n${mail.htmlBody}` : undefined });
  }
  return out;
}

describe('the digest goes out on days the service desk is open, and says what is new', () => {
  const rt = exampleRuntime();
  // Two renewals whose 90-day windows open on Tuesday 24 November and on Saturday 28 November 2026.
  append(rt, 'contracts', [
    { contractRef: 'RENEW-TUE', supplier: 'Tuesday Ltd', kind: 'UC', renewal: new rt.env.realm.Date(Date.parse('2027-02-22T12:00:00Z')) },
    { contractRef: 'RENEW-SAT', supplier: 'Saturday Ltd', kind: 'UC', renewal: new rt.env.realm.Date(Date.parse('2027-02-26T12:00:00Z')) },
  ]);
  at(rt, '2026-11-20T12:00:00Z');
  api(rt).setDigest(true);
  // Friday 20 November to Wednesday 9 December 2026 (term time: the desk is open Monday to Friday).
  const days = week(rt, '2026-11-20', 20);
  const weekday = (iso: string) => new Date(`${iso}T12:00:00Z`).getUTCDay();

  test('on a Saturday or Sunday the trigger sends nothing and records why; on each school day it sends one mail', () => {
    for (const d of days) {
      if (weekday(d.day) === 0 || weekday(d.day) === 6) {
        expect([d.day, d.body]).toEqual([d.day, undefined]);
        expect(d.result).toMatch(/^Not sent: the service desk is closed today \(\d+ (November|December) 2026\)/);
      } else {
        expect([d.day, d.result]).toEqual([d.day, 'Sent to service.manager@school.example.']);
      }
    }
    expect(rt.services.MailApp.sent).toHaveLength(days.filter((d) => weekday(d.day) % 6 !== 0).length);
    expect(api(rt).getDigestState().lastResult).toBe('Sent to service.manager@school.example.');
  });

  test('the Monday mail leads with what is new since Friday and names open items by their summaries, linked to their rows', () => {
    const monday = days.find((d) => d.day === '2026-11-23')!;
    expect(monday.body).toMatch(/<h2[^>]*>New since Friday 20 November<\/h2>/);
    const incidents = sheetOf(rt, 'incidents').getDataRange().getValues();
    const summary = incidents[0].indexOf('Summary');
    const linked = [...monday.body!.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)];
    expect(linked.length).toBeGreaterThan(2);
    for (const [, escaped, text] of linked.filter(([, h]) => /range=A\d+$/.test(h))) {
      const href = escaped.replace(/&amp;/g, '&');
      const row = Number(/range=A(\d+)$/.exec(href)![1]);
      expect(href).toBe(`${(rt.spreadsheet as unknown as Ss).getUrl()}#gid=${sheetOf(rt, 'incidents').getSheetId()}&range=A${row}`);
      // The link goes to the row whose summary, service name and Ref the line gives.
      const ref = String(incidents[row - 1][0]);
      expect(text).toContain(`, ${ref}): `);
      expect(
        text
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&')
          .replace(/&#39;/g, "'"),
      ).toContain(String(incidents[row - 1][summary]).slice(0, 60));
    }
    expect(monday.body).not.toMatch(/Few items so far|every one met/);
  });

  test('a renewal reminder comes on the day its window opens and a week later, not on the days between', () => {
    const withRef = (ref: string) => days.filter((d) => d.body?.includes(ref)).map((d) => d.day);
    expect(withRef('RENEW-TUE')).toEqual(['2026-11-24', '2026-12-01', '2026-12-08']);
    // A window that opens on a Saturday is said on the Monday, then each Monday.
    expect(withRef('RENEW-SAT')).toEqual(['2026-11-30', '2026-12-07']);
  });

  test('targets met or too few to judge are one line, never a list', () => {
    for (const d of days.filter((x) => x.body)) {
      expect(d.body).not.toMatch(/Too few to judge<\/li>/);
      expect((d.body!.match(/<h2[^>]*>Every other target<\/h2>/g) ?? []).length).toBeLessThanOrEqual(1);
    }
  });
});

describe('the digest always goes out', () => {
  test("with 5,000 overdue open items it is sent, under Google's body size limit, its lists capped", () => {
    const rt = exampleRuntime();
    const opened = Date.parse('2026-09-07T09:00:00Z');
    append(
      rt,
      'incidents',
      Array.from({ length: 5000 }, (_, k) => ({
        ref: `BACK${k}`,
        serviceId: 'EMAIL',
        type: 'Incident',
        priority: 'Medium',
        summary: `Backlog call ${k} ${'x'.repeat(200)}`,
        opened: new rt.env.realm.Date(opened + k * 60_000),
      })),
    );
    at(rt, '2026-11-23T07:00:00Z');
    api(rt).setDigest(true);
    expect(rt.fireTrigger('sendDailyDigest')).toBe('Sent to service.manager@school.example.');
    const mail = rt.services.MailApp.sent[0];
    const size = Buffer.byteLength(mail.body) + Buffer.byteLength(mail.htmlBody ?? '');
    expect(size).toBeLessThan(MAX_BODY_BYTES / 4);
    expect(mail.htmlBody).toMatch(/and [45],\d{3} more/);
    // Summaries are cut, not the list of what is left out.
    expect(mail.htmlBody).not.toContain('x'.repeat(150));
  });

  test('no blank recipient: turning it on without an email address is refused, saying why', () => {
    const rt = loadedRuntime({ userEmail: '' });
    expect(() => api(rt).setDigest(true)).toThrow(/cannot be turned on: Google gives this account no email address here/);
    expect(rt.services.ScriptApp.store.triggers.filter((t) => t.handler === 'sendDailyDigest')).toHaveLength(0);
  });

  test("a run is recorded even while another action holds the workbook's lock", () => {
    const rt = exampleRuntime();
    at(rt, '2026-11-23T07:00:00Z');
    api(rt).setDigest(true);
    rt.services.LockService.holdByAnotherProcess('document');
    expect(rt.fireTrigger('sendDailyDigest')).toBe('Sent to service.manager@school.example.');
    rt.services.LockService.releaseByAnotherProcess('document');
    expect(api(rt).getDigestState()).toMatchObject({ lastRun: '2026-11-23T07:00:00.000Z', lastResult: 'Sent to service.manager@school.example.' });
  });
});
