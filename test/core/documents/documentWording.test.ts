/**
 * What the SLA and the review say, read as a new school's representatives read them: each sentence true
 * of the workbook, no two contradicting each other, figures and durations written one way.
 */
import { computeAttainment } from '../../../src/core/attainment/compute';
import { analyseWorkbook } from '../../../src/core/findings/analyse';
import { buildReviewDocument } from '../../../src/core/documents/review';
import { buildSlaDocument } from '../../../src/core/documents/sla';
import type { Block } from '../../../src/core/documents/model';
import { buildDigest } from '../../../src/core/monitor/digest';
import { listPeriods } from '../../../src/core/periods';
import { idKey } from '../../../src/core/schema/ids';
import type { ReviewItem } from '../../../src/core/schema/records';
import { localToUtc } from '../../../src/core/time/zone';
import { allText, exampleWorkbook, NOW, tableAfter, TZ } from './fixture';

const day = (y: number, m: number, d: number) => localToUtc(y, m, d, 0, TZ);
const base = exampleWorkbook();
/** A call about the unsupported language-exam software in this term, as a school might log one. */
const langCall = {
  ...base.incidents[base.incidents.length - 1],
  ref: 'LANG-1',
  serviceId: 'LANGEXAM',
  opened: day(2026, 11, 10) + 10 * 3600_000,
  row: base.incidents.length + 2,
};
const wb = {
  ...base,
  incidents: [...base.incidents, langCall],
  reviews: [
    {
      row: 2,
      reviewDate: day(2026, 9, 17),
      question: 'Services we did not know existed',
      serviceId: 'LANGEXAM',
      finding: 'Language exam software found in L2',
      action: 'Find the users and the licences',
      owner: 'Sam Patel',
      due: day(2026, 11, 6),
      status: 'In progress',
    },
    {
      row: 3,
      reviewDate: day(2026, 9, 17),
      question: 'Third-party response or fix issues',
      serviceId: 'WHITEBOARD',
      finding: "The interactive-whiteboard supplier's support hours are not known.",
      action: 'Ask the supplier for its support hours',
      owner: 'Sam Patel',
      due: day(2026, 10, 19),
      status: 'Done',
    },
  ] satisfies ReviewItem[],
};
const period = listPeriods(wb, NOW).find((p) => p.kind === 'thisTerm')!;
const report = computeAttainment(wb, period, { asOf: NOW });
const findings = analyseWorkbook(wb, { now: NOW, period });
const review = buildReviewDocument(wb, report, findings, { now: NOW, school: 'Hillside School' });
const sla = buildSlaDocument(wb, { now: NOW, school: 'Hillside School' });
const reviewText = allText(review.blocks);
const nameOf = (id: string) => wb.services.find((s) => idKey(s.serviceId) === idKey(id))!.name;

/** The list or paragraphs under a heading, up to the next heading. */
function under(blocks: readonly Block[], title: string): string[] {
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.text === title);
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading');
  return blocks.slice(start + 1, end).flatMap((b) => (b.kind === 'list' ? [...b.items] : b.kind === 'paragraph' ? [b.text] : []));
}
const thirdParty = under(review.blocks, '1.4 Third-party response or fix issues');
const decisions = under(review.blocks, 'Decisions needed');

test('2. the unknown-hours sentence names only services whose supplier hours or times are unknown; a renewal and a service with no users say what they are', () => {
  const unknown = new Set(
    wb.contracts.filter((c) => !c.supportHours || c.respondHours === undefined || c.fixHours === undefined).flatMap((c) => c.services ?? []),
  );
  const sentence = thirdParty.find((t) => t.startsWith("A supplier's support hours or times are not known for"))!;
  for (const s of wb.services) expect([s.name, sentence.includes(s.name)]).toEqual([s.name, unknown.has(s.serviceId)]);
  expect(thirdParty).toContainEqual(
    expect.stringMatching(
      /^The contract behind Internet access \(internet service provider\) renews in \d+ days: time to check it against what the services need\.$/,
    ),
  );
  expect(thirdParty).toContain('Colour printing has no known users.');
});

test('3. "too slow" and "more than needed" name the parts they are about; "pay for more" lists only services a supplier made miss a target', () => {
  expect(thirdParty.find((t) => t.includes('goes beyond need'))).toMatch(/Internet access \(internet service provider\)/);
  expect(thirdParty.find((t) => t.startsWith("A supplier's fix time is longer"))).toMatch(/Internet access \(communications link and web filtering\)/);
  // "Pay for faster supplier support" is asked of a missed service only when most of its late calls waited on a supplier.
  const waited = new Set(wb.incidents.filter((i) => i.contractRef).map((i) => i.ref));
  const missed = report.services.filter((s) => s.status === 'Breached');
  expect(missed.length).toBeGreaterThan(1);
  for (const s of missed) {
    const late = s.targets.filter((t) => t.status === 'Breached').sort((a, b) => (a.share ?? 0) - (b.share ?? 0))[0].breaches;
    const supplier = late.filter((b) => waited.has(b.ref)).length * 2 > late.length;
    const decision = decisions.find((d) => d.includes(`${s.name} (`) || d.includes(`${s.name}, against proposed targets`))!;
    expect([s.name, /pay for faster supplier support/.test(decision)]).toEqual([s.name, supplier]);
  }
  // Email's misses were software faults answered late: the decision names that cause, not suppliers.
  expect(decisions.find((d) => d.includes('Email ('))).toMatch(
    /^Late on software faults: Email \(all \d+ late first responses\).*: more staff time or skills for software faults, or different targets\?$/,
  );
});

test('7. a service with points to be agreed is not called Agreed, and the review asks to settle every one of them, without pointing into the SLA', () => {
  const ranking = tableAfter(sla.blocks, '2. Services in order of business priority').rows;
  const open = new Set(sla.toBeAgreed.flatMap((g) => (g.serviceId ? [g.service] : [])));
  // Contract cover never reopens a point: Email is agreed whole.
  expect(ranking.find((r) => r[1] === 'Email')![4]).toMatch(/^Agreed on /);
  for (const row of ranking) if (open.has(row[1])) expect(row[4]).not.toMatch(/^Agreed on/);
  const settle = decisions.find((d) => d.startsWith('Agree '))!;
  expect(settle).toMatch(
    new RegExp(
      `, and settle ${sla.toBeAgreed.filter((g) => g.serviceId && !['Interactive whiteboards', 'Colour printing'].includes(g.service)).length > 0 ? '\\d+' : ''} open SLA points of ${open.size - 2} other services\\.$`,
    ),
  );
  expect(reviewText).not.toMatch(/section \d/);
});

test('12. plain sentences: the effort finding, the rank cut-off, whole hours, what the Reviews tab holds, services by name', () => {
  expect(reviewText).toMatch(
    /Printing \(rank 5\) accounted for [\d.]+% of the time calls spent open before being fixed, more than any of the top 3 services\./,
  );
  expect(reviewText).not.toMatch(/high-priority|were open before being fixed|by service rank|\d{3}\.\d+ h|Done \(still shown\)/);
  // "Nothing recorded yet" never follows the findings it would contradict.
  expect(reviewText).not.toContain('Nothing recorded yet');
  expect(under(review.blocks, '1.5 Other support issues').at(-1)).toBe('No finding or action is recorded on the Reviews tab for this question yet.');
  expect(under(review.blocks, 'Top actions')[0]).toMatch(/^Language exam software: Find the users and the licences — Sam Patel/);
  const previous = tableAfter(review.blocks, /^From the review of/).rows;
  expect(previous.map((r) => r[0])).toEqual(['Language exam software', 'Interactive whiteboards']);
  expect(previous[1][5]).toBe('Marked done, but the workbook still shows the problem');
});

test('13. calls outside the catalogue are counted for the same period everywhere; calls no target judges say why', () => {
  const inPeriod = wb.incidents.filter((i) => i.serviceId === 'LIBRARY' && i.opened >= period.start && i.opened < period.end).length;
  const all = wb.incidents.filter((i) => i.serviceId === 'LIBRARY').length;
  expect(all).toBeGreaterThan(inPeriod);
  expect(under(review.blocks, 'Headline')).toContainEqual(
    expect.stringMatching(new RegExp(`^\\d+ calls logged, ${inPeriod} of them for LIBRARY \\(not in the catalogue\\)(; not measured: [^.]+)?\\.$`)),
  );
  expect(under(review.blocks, '1.1 Services we did not know existed')).toContain(
    `${all} calls logged against LIBRARY, which is not in the catalogue (${inPeriod} of them opened in ${period.label}).`,
  );
  const lang = tableAfter(review.blocks, 'Appendix A. Attainment by service').rows.find((r) => r[1] === nameOf('LANGEXAM'))!;
  expect(Number(lang[5])).toBeGreaterThan(0);
  expect(lang.slice(6, 9)).toEqual(['0', '0', '0']);
  expect(lang[10]).toBe('Calls not judged: the service is unsupported, with no targets');
});

test('14. a duration reads the same in the SLA, the review and the digest', () => {
  const critical = tableAfter(sla.blocks, /^Standard response and fix targets/).rows[0];
  expect(critical.slice(3, 5)).toEqual(['30 min', '4 h']);
  const target = tableAfter(review.blocks, 'Appendix B. Each target').rows.find(
    (r) => r[0] === 'Internet access' && r[2] === 'Critical' && r[3] === 'Response',
  )!;
  expect(target[4]).toBe('30 min');
  const month = computeAttainment(wb, listPeriods(wb, NOW).find((p) => p.kind === 'thisMonth')!, { asOf: NOW });
  const digest = buildDigest(wb, [], month, 'Hillside School', NOW)!;
  const lines = digest.sections.flatMap((s) => s.lines).join('\n');
  expect(lines).toMatch(/ within (30 min|\d+ h)\b/);
  expect(lines).not.toMatch(/within 0\.\d+ h|\d+\.\d\d+ h/);
});

test('15. a supplier fix that takes longer than handling plus fix says why in its own title', () => {
  const email = findings.find((f) => f.id === 'targetChain:SW-01:EMAIL')!;
  expect(email.title).toMatch(/its 24 h fix, counted in its own hours \(Mon-Fri 09:00-17:00\), can take up to 31 h of Email's support hours$/);
  // Where the sum adds up, nothing more is said.
  expect(findings.find((f) => f.id === 'targetChain:LA-01:INTERNET')!.title).toMatch(/its 4 h fix can take up to 5 h$/);
});

test("16. SLA points are named, not numbered; the SLA and the representatives' review give the same next review, never overdue; the internal review warns", () => {
  for (const s of wb.services.filter((x) => wb.sla.some((r) => r.serviceId === x.serviceId))) {
    const rows = tableAfter(sla.blocks, new RegExp(`^4\\.\\d+ ${s.name}$`)).rows;
    expect([s.name, rows.filter((r) => /^\d/.test(r[0]))]).toEqual([s.name, []]);
  }
  const slaNext = tableAfter(sla.blocks, 'Service Level Agreement: ICT services').rows.find((r) => r[0] === 'Next review')![1];
  expect(slaNext).toMatch(/^\d+ \w+ 2027$/);
  expect(tableAfter(review.blocks, /^Service review/).rows.find((r) => r[0] === 'Next review')![1]).toBe(slaNext);
  const internal = buildReviewDocument(wb, report, findings, { now: NOW, school: 'Hillside School', internal: true });
  expect(tableAfter(internal.blocks, /^Internal review/).rows.find((r) => r[0] === 'Next review')![1]).toMatch(
    /^\d+ \w+ 2027; Word processing overdue since \d+ \w+ 2026$/,
  );
});
