import { computeAttainment } from '../../../src/core/attainment/compute';
import { targetStatusText } from '../../../src/core/attainment/status';
import { analyseWorkbook } from '../../../src/core/findings/analyse';
import { buildReviewDocument } from '../../../src/core/documents/review';
import { REVIEW_QUESTIONS } from '../../../src/core/documents/questions';
import type { Block } from '../../../src/core/documents/model';
import { hoursText, longDate, percentText, shareText } from '../../../src/core/text';
import { listPeriods, previousPeriod } from '../../../src/core/periods';
import type { ReviewItem } from '../../../src/core/schema/records';
import { localToUtc } from '../../../src/core/time/zone';
import { allText, exampleWorkbook, NOW, tableAfter, TZ } from './fixture';

const day = (y: number, m: number, d: number) => localToUtc(y, m, d, 0, TZ);
const review = (
  row: number,
  reviewDate: number,
  question: ReviewItem['question'],
  finding: string,
  status?: ReviewItem['status'],
  action?: string,
  due?: number,
): ReviewItem => ({ row, reviewDate, question, serviceId: undefined, finding, action, owner: 'Sam Patel', due, status });

describe('buildReviewDocument on the example school, this term', () => {
  const base = exampleWorkbook();
  const wb = {
    ...base,
    reviews: [
      review(2, day(2026, 7, 10), 'Other support issues', 'Staff unsure how to log calls', 'Open', 'Put the desk number on every classroom PC'),
      review(3, day(2026, 7, 10), 'Other support issues', 'Old finding, settled', 'Done', 'Nothing more'),
      review(4, day(2026, 11, 17), 'Services we did not know existed', 'Language exam software found in L2', 'Open', 'Find the users and the licences'),
    ],
  };
  const period = listPeriods(wb, NOW).find((p) => p.kind === 'thisTerm')!;
  const report = computeAttainment(wb, period, { asOf: NOW });
  const previous = computeAttainment(wb, previousPeriod(wb, period), { asOf: NOW, breaches: false });
  const findings = analyseWorkbook(wb, { now: NOW, period });
  const doc = buildReviewDocument(wb, report, findings, { now: NOW, school: 'Hillside School', previous });
  const internal = buildReviewDocument(wb, report, findings, { now: NOW, school: 'Hillside School', previous, internal: true });
  const section = (d: typeof doc, title: string) => {
    const start = d.blocks.findIndex((b) => b.kind === 'heading' && b.text === title);
    const end = d.blocks.findIndex((b, i) => i > start && ((b.kind === 'heading' && b.level <= 2) || b.kind === 'pageBreak'));
    return d.blocks.slice(start, end < 0 ? undefined : end);
  };
  const frontPage = (d: typeof doc) =>
    d.blocks.slice(
      0,
      d.blocks.findIndex((b) => b.kind === 'pageBreak'),
    );

  test("the attainment table holds the engine's figures and statuses, service by service in rank order", () => {
    const table = tableAfter(doc.blocks, 'Appendix A. Attainment by service');
    expect(table.rows.length).toBe(report.services.length);
    report.services.forEach((s, i) => {
      expect(table.rows[i]).toEqual([
        String(s.rank),
        s.name,
        shareText(s.availability),
        percentText(s.availabilityTarget),
        s.availabilityStatus ?? 'Not measured',
        String(s.items),
        String(s.met),
        String(s.breached),
        String(s.pending),
        s.status ?? 'Not measured',
        s.statusDriver ?? '',
      ]);
    });
    // The example has services in every state, so the check means something.
    expect(new Set(table.rows.map((r) => r[9]))).toEqual(new Set(['Met', 'Breached', 'Not measured']));
  });

  test('each target row matches the engine: required share, counts, achieved share and RAG', () => {
    const table = tableAfter(doc.blocks, 'Appendix B. Each target');
    const expected = report.services.flatMap((s) =>
      s.targets.map((t) => [
        s.name,
        t.type,
        t.priority ?? 'Any',
        t.measure === 'response' ? 'Response' : 'Fix',
        hoursText(t.targetHours),
        percentText(t.compliance),
        String(t.met),
        String(t.breached),
        String(t.pending),
        shareText(t.share),
        targetStatusText(t.status, t.compliance),
      ]),
    );
    expect(table.rows).toEqual(expected);
    expect(table.statusColumns).toEqual([10]);
    // Email's own incident target, answered too slowly this term (software is answered more slowly than hardware).
    const email = table.rows.filter((r) => r[0] === 'Email' && r[1] === 'Incident' && r[3] === 'Response');
    expect(email).toEqual([
      ['Email', 'Incident', 'Any', 'Response', '1 h', '90%', expect.any(String), expect.any(String), expect.any(String), expect.any(String), 'Breached'],
    ]);
  });

  test('trends compare with the term before, and each word follows the share met', () => {
    // The term before, as the period list names it: not the same number of days, mostly summer holiday.
    const lastTerm = listPeriods(wb, NOW).find((p) => p.kind === 'lastTerm')!;
    expect([previous.period.label, previous.period.start, previous.period.end]).toEqual(['Summer term 2026', lastTerm.start, lastTerm.end]);
    expect(allText(doc.blocks)).toContain(`Compared with Summer term 2026 (${longDate(lastTerm.start, TZ)} to ${longDate(lastTerm.end - 1, TZ)}).`);
    const table = tableAfter(doc.blocks, 'Appendix D. Trends');
    expect(table.rows.map((r) => r[0])).toEqual(report.services.map((s) => s.name));
    const internet = table.rows[0];
    expect(internet[4]).toBe(`${previous.services[0].breached} → ${report.services[0].breached} to date`);
    const share = (x: string) => (x === '—' ? undefined : Number(x.replace('%', '')));
    let judged = 0;
    for (const r of table.rows) {
      const [before, now] = r[2].split(' → ').map(share);
      if (before === undefined && now !== undefined) expect([r[0], r[5]]).toEqual([r[0], 'No earlier figures']);
      // Shown shares are rounded to 0.1: within 0.6 points they may be level (under half a point apart).
      if (before === undefined || now === undefined || Math.abs(now - before) < 0.6) continue;
      expect([r[0], r[5]]).toEqual([r[0], now > before ? 'Better' : 'Worse']);
      judged++;
    }
    expect(judged).toBeGreaterThan(2);
  });

  test('a trend never reads Steady when only one period measured anything', () => {
    const email = report.services.find((s) => s.serviceId === 'EMAIL')!;
    expect(email.breached).toBeGreaterThan(5);
    const withEmail = (e: Partial<typeof email>) => ({ ...previous, services: previous.services.map((s) => (s.serviceId === 'EMAIL' ? { ...s, ...e } : s)) });
    const trend = (prev: typeof previous) =>
      tableAfter(buildReviewDocument(wb, report, findings, { now: NOW, school: 'X', previous: prev }).blocks, 'Appendix D. Trends').rows.find(
        (r) => r[0] === 'Email',
      )!;
    // Nothing measured before: the availability alone must not make 0 → 28 breaches look steady.
    const none = trend(withEmail({ met: 0, breached: 0, items: 0, availability: email.availability }));
    expect(none[4]).toBe(`0 → ${email.breached} to date`);
    expect(none[5]).toBe('No earlier figures');
    expect(trend(withEmail({ met: 10, breached: 0, availability: email.availability }))[5]).toBe('Worse');
    expect(trend(withEmail({ met: email.met, breached: email.breached, availability: email.availability }))[5]).toBe('Steady');
    const idle = { ...report, services: report.services.map((s) => (s.serviceId === 'EMAIL' ? { ...s, met: 0, breached: 0 } : s)) };
    const nowIdle = tableAfter(
      buildReviewDocument(wb, idle, findings, { now: NOW, school: 'X', previous: withEmail({ met: 5, breached: 1 }) }).blocks,
      'Appendix D. Trends',
    );
    expect(nowIdle.rows.find((r) => r[0] === 'Email')![5]).toBe('Nothing measured now');
  });

  test('8. a meeting paper: a front page with period, attendees, headline, decisions needed and top actions', () => {
    const front = frontPage(doc);
    const text = allText(front);
    // The term is still running on 18 November: its figures are to date.
    expect(front[0]).toEqual({ kind: 'title', text: 'Service review: Autumn term 2026 to date' });
    expect(tableAfter(front, /^Hillside School, prepared on/).header[0]).toBe('Period');
    expect(text).toContain('Sam Patel (service manager); Alex Morgan (head teacher); Jo Harris (representative, Teaching staff (English))');
    const missed = report.services.filter((s) => s.status === 'Breached' && s.serviceId !== 'WHITEBOARD').map((s) => s.name);
    expect(text).toContain(`Missed: ${missed.slice(0, -1).join(', ')} and ${missed.at(-1)}.`);
    // Still being negotiated: against proposed targets, never among the missed.
    expect(text).toMatch(/Interactive whiteboards below \d of its \d proposed targets \(still being agreed\)\./);
    expect(text).not.toMatch(/Missed: [^.]*Interactive whiteboards/);
    // A term to date set against the whole Summer term says so.
    expect(text).toMatch(/Against all of Summer term 2026 \(this period to date\): better for [^;]+; worse for [^.]+\./);
    expect(headingsOf(front)).toEqual(['Headline', 'Decisions needed', 'Top actions']);
    const decisions = front.find(
      (b, i) => b.kind === 'list' && front[i - 1].kind === 'heading' && (front[i - 1] as { text: string }).text === 'Decisions needed',
    ) as Extract<Block, { kind: 'list' }>;
    expect(decisions.items.length).toBeGreaterThan(2);
    expect(decisions.items.length).toBeLessThanOrEqual(6);
    // The body names patterns, not rows: no breach list, no incident reference before the appendices.
    const body = doc.blocks.slice(
      0,
      doc.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('Appendix A')),
    );
    expect(allText(body)).not.toMatch(/INC\d{4}/);
    // One bullet per kind of supplier problem: a supplier named five times is one pattern.
    const third = section(doc, '1.4 Third-party response or fix issues').find((b) => b.kind === 'list') as Extract<Block, { kind: 'list' }>;
    expect(third.items.length).toBeLessThan(findings.filter((f) => f.question === 'Third-party response or fix issues').length / 2);
  });

  test('8. breaches go to an appendix grouped by cause, every one counted', () => {
    const table = tableAfter(doc.blocks, 'Appendix C. Missed targets, grouped by cause');
    const breaches = report.services.flatMap((s) => s.targets.flatMap((t) => t.breaches));
    expect(table.rows.reduce((n, r) => n + Number(r[3]), 0)).toBe(breaches.length);
    expect(table.rows.length).toBeLessThan(breaches.length / 2);
    expect(table.rows.some((r) => r[1] === 'Waiting on a supplier')).toBe(true);
  });

  test("9. new requirements, and the previous review's actions with their status", () => {
    expect(tableAfter(doc.blocks, '2. New requirements').rows).toEqual([
      ['Interactive whiteboards', 'Being negotiated'],
      ['Colour printing', 'Supported, nothing agreed'],
    ]);
    const last = tableAfter(doc.blocks, /^From the review of 17 November 2026/).rows;
    expect(last).toEqual([['', 'Language exam software found in L2', 'Find the users and the licences', 'Sam Patel', '', 'Open']]);
    expect(tableAfter(doc.blocks, 'Still open from earlier reviews:').rows.map((r) => r[1])).toEqual(['Staff unsure how to log calls']);
  });

  test('10. words that fit the facts: one count of calls, elapsed time not effort, unjudgeable supplier calls, done-but-still-found', () => {
    const inPeriod = wb.incidents.filter((i) => i.opened >= period.start && i.opened < period.end && i.type !== 'Planned maintenance').length;
    const text = allText(doc.blocks);
    expect(text).toContain(`${inPeriod} calls logged`);
    expect(text).not.toMatch(/\bitems\b|of fix time|rows cited/);
    expect(text).toMatch(/accounted for [\d.]+% of the time calls spent open before being fixed, more than any of the top 3 services/);
    // A supplier with unknown hours: its calls cannot be judged, they are not pending.
    const wb01 = tableAfter(internal.blocks, 'Whiteboard Supplier Ltd (WB-01)').rows.find((r) => r[0] === 'Calls')!;
    const calls = report.suppliers.find((x) => x.contractRef === 'WB-01')!.calls;
    expect(wb01[1]).toBe(`${calls}, none can be judged: its support hours are not known`);
    // An action marked Done while the workbook still shows its finding is flagged, not believed.
    const done = {
      ...base,
      reviews: [
        {
          row: 2,
          reviewDate: day(2026, 9, 9),
          question: 'Third-party response or fix issues' as const,
          serviceId: 'WHITEBOARD',
          finding: "The interactive-whiteboard supplier's support hours are not known.",
          action: 'Ask the supplier for its support hours',
          owner: 'Sam Patel',
          due: day(2026, 10, 9),
          status: 'Done' as const,
        },
      ],
    };
    const flagged = buildReviewDocument(done, report, analyseWorkbook(done, { now: NOW, period }), { now: NOW, school: 'X' });
    expect(allText(frontPage(flagged))).toMatch(
      /Is "Ask the supplier for its support hours" done\? The workbook still shows: A supplier's support hours or times are not known for Interactive whiteboards\./,
    );
    expect(tableAfter(flagged.blocks, /^From the review of/).rows[0][5]).toBe('Marked done, but the workbook still shows the problem');
  });

  test('11. costs, contract values, supplier detail and incident summaries only in the internal version', () => {
    const shared = allText(doc.blocks);
    for (const c of wb.contracts) {
      expect([c.supplier, shared.includes(c.supplier)]).toEqual([c.supplier, false]);
      expect([c.contractRef, shared.includes(c.contractRef)]).toEqual([c.contractRef, false]);
    }
    expect(shared).not.toContain('£');
    const summaries = new Set(wb.incidents.map((i) => i.summary).filter(Boolean));
    expect([...summaries].filter((x) => shared.includes(x!))).toEqual([]);
    for (const p of wb.people.filter((x) => x.email)) expect(shared).not.toContain(p.email);
    const inside = allText(internal.blocks);
    expect(inside).toContain('FastNet ISP');
    expect(inside).toMatch(/£6,400/);
    expect(internal.label).toBe('Autumn term 2026 (internal)');
    expect(internal.baseName).toBe('Service review (internal) – Autumn term 2026 – Hillside School');
  });

  test("the five questions, each with the workbook's patterns and what the meeting recorded", () => {
    const qs = doc.blocks.filter((b) => b.kind === 'heading' && b.level === 2 && /^1\.\d /.test(b.text)).map((b) => (b as { text: string }).text.slice(4));
    expect(qs).toEqual([...REVIEW_QUESTIONS]);
    const unknown = tableAfter(doc.blocks, '1.1 Services we did not know existed');
    expect(unknown.rows).toEqual([['', 'Language exam software found in L2', 'Find the users and the licences', 'Sam Patel', '', 'Open']]);
  });

  test('statuses in words in the tables', () => {
    const cells = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat() : []));
    expect(cells).toContain('Breached');
    expect(cells).toEqual(expect.arrayContaining([expect.stringMatching(/^At risk: one more miss would take it below \d+%$/)]));
    expect(doc.label).toBe(period.label);
    expect(doc.baseName).toBe(`Service review – ${period.label} – Hillside School`);
  });

  test('with nothing earlier to compare and no next review date, it says so', () => {
    const bare = buildReviewDocument({ ...wb, reviews: [], sla: wb.sla.map((r) => ({ ...r, nextReview: undefined })) }, report, [], { now: NOW, school: 'X' });
    const text = allText(bare.blocks);
    expect(text).not.toContain('Since ');
    expect(text).toContain('No earlier period to compare with.');
    expect(text).toContain('To be agreed (SLA tab)');
    expect(text).toContain('The workbook shows nothing here.');
    expect(text).toContain('No earlier review is recorded on the Reviews tab.');
  });
});

const headingsOf = (blocks: readonly Block[]) => blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);
