import { computeAttainment } from '../../../src/core/attainment/compute';
import { analyseWorkbook } from '../../../src/core/findings/analyse';
import { buildReviewDocument, REVIEW_QUESTIONS, renderHtml, type Block } from '../../../src/core/docs';
import { hoursText, longDate, percentText, shareText } from '../../../src/core/text';
import { listPeriods, previousPeriod } from '../../../src/core/periods';
import type { ReviewItem } from '../../../src/core/schema';
import { localToUtc } from '../../../src/core/time/zone';
import { allText, exampleWorkbook, NOW, tableAfter, TZ } from './fixture';

const day = (y: number, m: number, d: number) => localToUtc(y, m, d, 0, TZ);
const review = (row: number, reviewDate: number, question: ReviewItem['question'], finding: string, status?: ReviewItem['status'], action?: string, due?: number): ReviewItem =>
  ({ row, reviewDate, question, serviceId: undefined, finding, action, owner: 'Sam Patel', due, status });

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

  test('the attainment table holds the engine\'s figures and statuses, service by service in rank order', () => {
    const table = tableAfter(doc.blocks, '2. Attainment by service');
    expect(table.rows.length).toBe(report.services.length);
    report.services.forEach((s, i) => {
      expect(table.rows[i]).toEqual([
        String(s.rank), s.name, shareText(s.availability), percentText(s.availabilityTarget), s.availabilityStatus ?? 'Not measured',
        String(s.items), String(s.met), String(s.breached), String(s.pending), s.status ?? 'Not measured',
      ]);
    });
    // The example has services in every state, so the check means something.
    expect(new Set(table.rows.map((r) => r[9]))).toEqual(new Set(['At risk', 'Breached', 'Not measured']));
  });

  test('each target row matches the engine: required share, counts, achieved share and RAG', () => {
    const table = tableAfter(doc.blocks, 'Against each target');
    const expected = report.services.flatMap((s) => s.targets.map((t) => [s.name, t.type, t.priority ?? 'Any', t.measure === 'response' ? 'Response' : 'Resolution',
      hoursText(t.targetHours), percentText(t.compliance), String(t.met), String(t.breached), String(t.pending), shareText(t.share), t.status ?? 'Not measured']));
    expect(table.rows).toEqual(expected);
    expect(table.statusColumns).toEqual([10]);
    const email = table.rows.filter((r) => r[0] === 'Email' && r[1] === 'Incident' && r[3] === 'Resolution');
    expect(email).toEqual([['Email', 'Incident', 'Any', 'Resolution', '4 h', '95%', '9', '12', '0', '42.9%', 'Breached']]);
  });

  test('every breach is listed with its reference', () => {
    const table = tableAfter(doc.blocks, '3. Breaches');
    const refs = report.services.flatMap((s) => s.targets.flatMap((t) => t.breaches.map((b) => `${b.ref}/${b.measure}`)));
    expect(table.rows.map((r) => `${r[0]}/${r[5].toLowerCase()}`).sort()).toEqual(refs.sort());
    expect(refs.length).toBeGreaterThan(10);
  });

  test('trends compare with the term before, and each word follows the share met', () => {
    // The term before, as the period list names it: not the same number of days, mostly summer holiday.
    const lastTerm = listPeriods(wb, NOW).find((p) => p.kind === 'lastTerm')!;
    expect([previous.period.label, previous.period.start, previous.period.end]).toEqual(['Summer term 2026', lastTerm.start, lastTerm.end]);
    expect(allText(doc.blocks)).toContain(`Compared with Summer term 2026 (${longDate(lastTerm.start, TZ)} to ${longDate(lastTerm.end - 1, TZ)}).`);
    const table = tableAfter(doc.blocks, '4. Trends');
    expect(table.rows.map((r) => r[0])).toEqual(report.services.map((s) => s.name));
    const internet = table.rows[0];
    expect(internet[4]).toBe(`${previous.services[0].breached} → ${report.services[0].breached}`);
    const share = (x: string) => (x === '—' ? undefined : Number(x.replace('%', '')));
    let judged = 0;
    for (const r of table.rows) {
      const [before, now] = r[2].split(' → ').map(share);
      if (before === undefined && now !== undefined) expect([r[0], r[5]]).toEqual([r[0], 'No earlier figures']);
      if (before === undefined || now === undefined || Math.abs(now - before) < 0.5) continue;
      expect([r[0], r[5]]).toEqual([r[0], now > before ? 'Better' : 'Worse']);
      judged++;
    }
    expect(judged).toBeGreaterThan(2);
  });

  test('a trend never reads Steady when only one period measured anything', () => {
    const email = report.services.find((s) => s.serviceId === 'EMAIL')!;
    expect(email.breached).toBeGreaterThan(10);
    const withEmail = (e: Partial<typeof email>) => ({ ...previous, services: previous.services.map((s) => (s.serviceId === 'EMAIL' ? { ...s, ...e } : s)) });
    const trend = (prev: typeof previous) =>
      tableAfter(buildReviewDocument(wb, report, findings, { now: NOW, school: 'X', previous: prev }).blocks, '4. Trends').rows.find((r) => r[0] === 'Email')!;
    // Nothing measured before: the availability alone must not make 0 → 28 breaches look steady.
    const none = trend(withEmail({ met: 0, breached: 0, items: 0, availability: email.availability }));
    expect(none[4]).toBe(`0 → ${email.breached}`);
    expect(none[5]).toBe('No earlier figures');
    expect(trend(withEmail({ met: 10, breached: 0, availability: email.availability }))[5]).toBe('Worse');
    expect(trend(withEmail({ met: email.met, breached: email.breached, availability: email.availability }))[5]).toBe('Steady');
    const idle = { ...report, services: report.services.map((s) => (s.serviceId === 'EMAIL' ? { ...s, met: 0, breached: 0 } : s)) };
    const nowIdle = tableAfter(buildReviewDocument(wb, idle, findings, { now: NOW, school: 'X', previous: withEmail({ met: 5, breached: 1 }) }).blocks, '4. Trends');
    expect(nowIdle.rows.find((r) => r[0] === 'Email')![5]).toBe('Nothing measured now');
  });

  test('supplier performance lists every contract, unknown hours said plainly', () => {
    const table = tableAfter(doc.blocks, '5. Supplier performance');
    expect(table.rows.map((r) => r[0])).toEqual(wb.contracts.map((c) => c.contractRef));
    for (const s of report.suppliers) {
      const row = table.rows.find((r) => r[0] === s.contractRef)!;
      expect(row.slice(2, 8)).toEqual([s.calls, s.responseMet, s.responseBreached, s.fixMet, s.fixBreached, s.pending].map(String));
    }
    const wb1 = table.rows.find((r) => r[0] === 'WB-01')!;
    expect(wb1[8]).toMatch(/Support hours unknown|No calls logged/);
  });

  test('the five questions, each with the workbook\'s evidence and what the meeting recorded', () => {
    const qs = doc.blocks.filter((b) => b.kind === 'heading' && b.level === 2 && /^6\.\d /.test(b.text)).map((b) => (b as { text: string }).text.slice(4));
    expect(qs).toEqual([...REVIEW_QUESTIONS]);
    REVIEW_QUESTIONS.forEach((q, k) => {
      const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === `6.${k + 1} ${q}`);
      const end = doc.blocks.findIndex((b, i) => i > start && b.kind === 'heading');
      const section = doc.blocks.slice(start, end);
      const list = section.find((b) => b.kind === 'list') as Extract<Block, { kind: 'list' }> | undefined;
      expect(list?.items.length ?? 0).toBe(findings.filter((f) => f.question === q).length);
    });
    const unknown = tableAfter(doc.blocks, '6.1 Services we did not know existed');
    expect(unknown.rows).toEqual([['17 November 2026', '', 'Language exam software found in L2', 'Find the users and the licences', 'Sam Patel', '', 'Open']]);
    expect(findings.filter((f) => f.question === 'Services we did not know existed').length).toBeGreaterThan(0);
  });

  test('open actions from earlier reviews are carried over; settled ones are not', () => {
    const carried = tableAfter(doc.blocks, '7. Open actions carried over');
    expect(carried.rows.map((r) => r[3])).toEqual(['Staff unsure how to log calls']);
    expect(allText(doc.blocks)).toContain('Still open from reviews in the period: 1 (see section 6).');
  });

  test('recorded means dated in the period; later reviews stay out; open actions of the period are counted, overdue ones flagged', () => {
    const q = 'Other support issues';
    const reviews = [
      review(2, day(2026, 7, 10), q, 'Before the term, overdue', 'In progress', 'Chase it', day(2026, 10, 1)),
      review(3, day(2026, 7, 10), q, 'Before the term, not due yet', 'Open', 'Plan it', day(2027, 1, 10)),
      review(4, day(2026, 9, 14), 'Services we did not know existed', 'In the term, overdue', 'In progress', 'Find the users', day(2026, 11, 3)),
      review(5, day(2026, 9, 14), q, 'In the term, done', 'Done', 'Nothing more', day(2026, 10, 1)),
      review(6, day(2027, 1, 12), q, 'After the term', 'Open', 'Later', day(2027, 2, 1)),
    ];
    const built = buildReviewDocument({ ...wb, reviews }, report, findings, { now: NOW, school: 'X' });
    const text = allText(built.blocks);
    expect(text).not.toContain('After the term');
    const recorded = tableAfter(built.blocks, '6.1 Services we did not know existed').rows;
    expect(recorded).toEqual([['14 September 2026', '', 'In the term, overdue', 'Find the users', 'Sam Patel', '3 November 2026', 'In progress (overdue)']]);
    const carried = tableAfter(built.blocks, '7. Open actions carried over').rows;
    expect(carried.map((r) => [r[3], r[7]])).toEqual([['Before the term, overdue', 'In progress (overdue)'], ['Before the term, not due yet', 'Open']]);
    expect(text).toContain('Still open from reviews in the period: 1 (see section 6).');
    // Reviewing the summer term: the autumn reviews are neither recorded nor carried over.
    const summer = listPeriods(wb, NOW).find((p) => p.kind === 'lastTerm')!;
    const older = buildReviewDocument({ ...wb, reviews }, computeAttainment(wb, summer, { asOf: NOW }), [], { now: NOW, school: 'X' });
    expect(allText(older.blocks)).not.toMatch(/In the term|After the term/);
    expect(tableAfter(older.blocks, '6.5 Other support issues').rows.map((r) => r[2])).toEqual(['Before the term, overdue', 'Before the term, not due yet']);
    expect(allText(older.blocks)).toContain('No action from before the period is still open.');
  });

  test('summary and HTML: statuses coloured, text escaped', () => {
    const summary = doc.blocks[doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === '1. Summary') + 1] as { text: string };
    const breached = report.services.reduce((n, s) => n + s.breached, 0);
    expect(summary.text).toContain(`${breached} breached a target`);
    const html = renderHtml(doc);
    expect(html).toContain('<td class="rag-breached">Breached</td>');
    expect(html).toContain('<td class="rag-at-risk">At risk</td>');
    expect(doc.label).toBe(period.label);
    expect(doc.baseName).toBe(`Service review – ${period.label} – Hillside School`);
  });

  test('with nothing earlier to compare and no next review date, it says so', () => {
    const bare = buildReviewDocument({ ...wb, sla: wb.sla.map((r) => ({ ...r, nextReview: undefined })) }, report, [], { now: NOW, school: 'X' });
    const text = bare.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
    expect(text).toContain('No earlier period to compare with.');
    expect(text).toContain('The date of the next review is to be agreed');
    expect(text).toContain('Nothing in the workbook points to this.');
  });
});
