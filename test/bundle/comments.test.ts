/** Collect comments on the built bundle: Drive comments on the Docs and the representatives' workbook land once each. */
import { exampleRuntime } from '../support/offline';
import { tabRecords } from '../support/tabRows';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
const idOf = (url: string) => /\/d\/([A-Za-z0-9_-]+)/.exec(url)![1];
const commentRows = (rt: ReturnType<typeof exampleRuntime>) => tabRecords(rt.spreadsheet as unknown as Ss, 'Comments');

/** The example school with its SLA generated and a teacher's comment on its Printing section. */
function slaWithComment(content: string) {
  const rt = exampleRuntime();
  const sla = rt.global.generateSla(null);
  rt.services.Drive.Comments.add(sla.id, { author: 'Ms Teacher', content, quoted: 'Printing', at: new Date('2026-11-30T10:00:00Z') });
  return { rt, sla };
}

describe('Collect comments', () => {
  test("comments and replies on the SLA and on the representatives' workbook land once each, with the service they concern", () => {
    const rt = exampleRuntime();
    const sla = rt.global.generateSla(null);
    const book = rt.global.updateRepresentativesWorkbook();
    const comments = rt.services.Drive.Comments;
    const onSla = comments.add(sla.id, {
      author: 'Ms Teacher',
      content: 'Can printing be fixed faster before exams?',
      quoted: 'Printing',
      at: new Date('2026-11-30T10:00:00Z'),
    });
    comments.add(idOf(book.url), {
      author: 'Student council',
      content: 'The Wi-Fi in the library drops every lunchtime.',
      quoted: 'Internet access',
      at: new Date('2026-12-01T12:00:00Z'),
    });

    const first = rt.global.collectComments();
    expect(first).toMatchObject({ added: 2, updated: 0, unreadable: [] });
    const rows = commentRows(rt);
    expect(rows.map((r) => [r.Document, r.Author, r['Service ID'], r.Resolved]).sort()).toEqual(
      [
        ["Representatives' workbook", 'Student council', 'INTERNET', 'No'],
        [sla.name, 'Ms Teacher', 'PRINT', 'No'],
      ].sort(),
    );
    expect(rows.find((r) => r.Author === 'Ms Teacher')!['Commented on']).toBe('Printing');

    // Again: nothing added twice. A reply that resolves the comment updates its row.
    expect(rt.global.collectComments()).toMatchObject({ added: 0, updated: 0 });
    comments.reply(sla.id, onSla.id, { author: 'ICT manager', content: 'Agreed: a second printer is on order.', action: 'resolve' });
    expect(rt.global.collectComments()).toMatchObject({ added: 0, updated: 1 });
    const resolved = commentRows(rt).find((r) => r.Author === 'Ms Teacher')!;
    expect(resolved.Resolved).toBe('Yes');
    expect(resolved.Comment).toBe('Can printing be fixed faster before exams?\n↳ ICT manager: Agreed: a second printer is on order.');
    expect(commentRows(rt)).toHaveLength(2);
  });

  test('the panel counts the comments the next review has still to see: all before the first review, then those made since', () => {
    const { rt, sla } = slaWithComment('Printing before exams?');
    rt.services.Drive.Comments.add(sla.id, { author: 'Head teacher', content: 'Fine by me.', at: new Date('2026-12-01T09:00:00Z') });
    expect(rt.global.getOverview({ kind: 'thisTerm' }).comments).toEqual({ total: 0, unresolved: 0, sinceReview: 0, lastReview: null });
    rt.global.collectComments();
    expect(rt.global.getOverview({ kind: 'thisTerm' }).comments).toEqual({ total: 2, unresolved: 2, sinceReview: 2, lastReview: null });
    // A review generated now has seen both; a comment made after it is new.
    rt.global.generateReview({ kind: 'thisTerm' });
    const seen = rt.global.getOverview({ kind: 'thisTerm' }).comments;
    expect(seen).toMatchObject({ total: 2, unresolved: 2, sinceReview: 0 });
    expect(seen.lastReview).toMatch(/^\w+ \d+ \w+ 2026$|^\d+ \w+ 2026$/);
    rt.services.Drive.Comments.add(sla.id, { author: 'Student council', content: 'Wi-Fi in the library?', at: new Date(Date.now() + 86_400_000) });
    rt.global.collectComments();
    expect(rt.global.getOverview({ kind: 'thisTerm' }).comments).toMatchObject({ total: 3, sinceReview: 1 });
  });

  test('the next service review lists the comments made since the last one, for the meeting to answer', () => {
    const { rt } = slaWithComment('Can printing be fixed faster before exams?');
    rt.global.collectComments();
    const textOf = (id: string) =>
      rt.services.DocumentApp.bodyOf(id)
        .structure()
        .map((b) => ('text' in b ? b.text : b.type === 'table' ? b.rows.map((r) => r.join('\t')).join('\n') : ''))
        .join('\n');
    const first = textOf(rt.global.generateReview({ kind: 'thisTerm' }).id);
    expect(first).toContain('4. Comments from representatives');
    expect(first).toMatch(/30 November 2026\tMs Teacher\t.*\tPrinting\tCan printing be fixed faster before exams\?\tNo/);
    // The next review has seen it: only what came since.
    const second = textOf(rt.global.generateReview({ kind: 'thisTerm' }).id);
    expect(second).toMatch(/No comments were collected since the last review \(/);
    expect(second).not.toContain('Can printing be fixed faster');
  });

  test('a document Drive will not give is named, and the others are still read', () => {
    const rt = exampleRuntime();
    const sla = rt.global.generateSla(null);
    rt.services.Drive.Comments.add(sla.id, { author: 'Head teacher', content: 'Fine by me.' });
    const book = rt.global.updateRepresentativesWorkbook();
    rt.services.DriveApp.store.items.delete(idOf(book.url));
    const r = rt.global.collectComments();
    expect(r.added).toBe(1);
    expect(r.unreadable).toEqual(["Representatives' workbook"]);
  });
});
