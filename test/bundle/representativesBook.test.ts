/** The representatives' workbook on the built bundle: what they may see, nothing private, rows that stay put. */
import { exampleRuntime } from '../support/offline';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

function bookOf(rt: ReturnType<typeof exampleRuntime>, url: string): Ss {
  const id = /\/d\/([A-Za-z0-9_-]+)/.exec(url)![1];
  return (rt.services.SpreadsheetApp as unknown as typeof SpreadsheetApp).openById(id);
}
const allText = (book: Ss) =>
  book
    .getSheets()
    .map((s) =>
      s
        .getDataRange()
        .getValues()
        .map((r) => r.join('\t'))
        .join('\n'),
    )
    .join('\n');

describe("the representatives' workbook", () => {
  test('holds the services in priority order, targets in words, this term and open actions, and nothing private', () => {
    const rt = exampleRuntime();
    const r = rt.global.updateRepresentativesWorkbook();
    expect(r.created).toBe(true);
    const book = bookOf(rt, r.url);
    expect(book.getSheets().map((s) => s.getName())).toEqual(['About', 'Services', 'What we promise', 'How it went', 'Actions']);
    const services = book.getSheetByName('Services')!.getDataRange().getValues();
    const ss = rt.spreadsheet as unknown as Ss;
    const catalogue = ss.getSheetByName('Services')!.getDataRange().getValues();
    const col = (h: string) => catalogue[0].indexOf(h);
    const listed = catalogue
      .slice(1)
      .filter((s) => ['Supported', 'Proposed', 'Under review'].includes(String(s[col('Status')])))
      .sort((a, b) => Number(a[col('Priority rank')]) - Number(b[col('Priority rank')]))
      .map((s) => s[col('Service')]);
    expect(services.slice(1).map((s) => s[0])).toEqual(listed);
    expect(allText(book)).toMatch(/first reply within/);
    // Nothing private: no money, no e-mail address, no supplier, no contract reference, no colleague's name, no call summary.
    const text = allText(book);
    expect(text).not.toMatch(/£|@/);
    const values = (tab: string, header: string) => {
      const v = ss.getSheetByName(tab)!.getDataRange().getValues();
      const at = v[0].indexOf(header);
      return v
        .slice(1)
        .map((row) => String(row[at]).trim())
        .filter((x) => x.length > 2);
    };
    for (const supplier of values('Contracts', 'Supplier')) expect([supplier, text.includes(supplier)]).toEqual([supplier, false]);
    for (const ref of values('Contracts', 'Contract ref')) expect([ref, text.includes(ref)]).toEqual([ref, false]);
    for (const person of values('People', 'Name')) expect([person, text.includes(person)]).toEqual([person, false]);
    for (const summary of values('Incidents', 'Summary').slice(0, 200)) expect([summary, text.includes(summary)]).toEqual([summary, false]);
  });

  test('a refresh keeps every row where it was (comments stay put) and writes nothing when nothing changed', () => {
    const rt = exampleRuntime();
    const first = rt.global.updateRepresentativesWorkbook();
    const book = bookOf(rt, first.url);
    const before = book
      .getSheetByName('Services')!
      .getDataRange()
      .getValues()
      .map((r) => r[0]);
    rt.calls.reset();
    const again = rt.global.updateRepresentativesWorkbook();
    expect(again.created).toBe(false);
    expect(again.changedRows).toBe(0);
    // The school swaps two services' ranks: the rows stay where comments were made, their Priority changes.
    const ss = rt.spreadsheet as unknown as Ss;
    const sheet = ss.getSheetByName('Services')!;
    const v = sheet.getDataRange().getValues();
    const rank = v[0].indexOf('Priority rank') + 1;
    const [a, b] = [v[1][rank - 1], v[2][rank - 1]];
    sheet.getRange(2, rank).setValue(b);
    sheet.getRange(3, rank).setValue(a);
    const third = rt.global.updateRepresentativesWorkbook();
    expect(third.changedRows).toBe(2);
    expect(
      book
        .getSheetByName('Services')!
        .getDataRange()
        .getValues()
        .map((r) => r[0]),
    ).toEqual(before);
  });

  test('sharing adds the representatives as commenters and sends one message with the link', () => {
    const rt = exampleRuntime();
    const r = rt.global.updateRepresentativesWorkbook();
    expect(r.notShared.length).toBeGreaterThan(0);
    const shared = rt.global.shareRepresentativesWorkbook();
    expect(shared.added.sort()).toEqual([...r.notShared].sort());
    const mails = rt.services.MailApp.sent;
    expect(mails).toHaveLength(1);
    expect(mails[0].htmlBody).toContain(r.url);
    expect(rt.global.updateRepresentativesWorkbook().notShared).toEqual([]);
  });
});
