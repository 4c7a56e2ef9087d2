import { CallCounter, FakeSpreadsheet, newEnv } from '../../offline';
import { FakeConditionalFormatRuleBuilder } from '../../offline/conditionalFormat';
import { recalculate } from '../../offline/recalc';
import { renderTabsPage } from '../../offline/sheetHtml';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

describe('renderTabsPage', () => {
  const env = newEnv({ calls: new CallCounter(), timeZone: 'Europe/London' });
  const ss = new FakeSpreadsheet(env, 'Page');
  const sheet = ss.getSheets()[0] as unknown as Sheet;
  sheet.getRange('A1:C1').setValues([['<img src=x onerror=alert(1)>', 0.974279, 'Breached']]);
  sheet.getRange('B1').setNumberFormat('0.0%');
  sheet.getRange('A2').setFormula('=NOSUCH(1)');
  sheet.getRange('A3').setFormula('=DATE(2026,10,1)');
  sheet.getRange('A3').setNumberFormat('d mmm yyyy');
  sheet.setFrozenRows(1);
  sheet.setConditionalFormatRules([
    (new FakeConditionalFormatRuleBuilder(env) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder)
      .whenTextEqualTo('breached')
      .setBackground('#fce8e6')
      .setFontColor('#a50e0e')
      .setRanges([sheet.getRange('C1:C9') as Range])
      .build(),
  ]);
  const problems = recalculate(ss, { now: Date.UTC(2026, 10, 18) });
  const html = renderTabsPage(ss, ['Sheet1'], problems, 'Page & tabs');

  test('sheet text is escaped, display values use the number format, dates their date format', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<title>Page &amp; tabs</title>');
    expect(html).toMatch(/<td class="num">97\.4%<\/td>/);
    expect(html).toMatch(/<td class="num">1 Oct 2026<\/td>/);
  });

  test('a conditional rule colours the cell it matches (text compared ignoring case), the word kept', () => {
    expect(html).toContain('<td style="background:#fce8e6;color:#a50e0e">Breached</td>');
  });

  test('a formula that did not evaluate shows its error with the message and is listed first, never blank', () => {
    expect(html).toMatch(/<td class="error" title="#NAME\? NOSUCH is not evaluated by the offline runtime[^"]*">#NAME\?<\/td>/);
    expect(html.indexOf('Formulas that did not evaluate')).toBeLessThan(html.indexOf('class="tab"'));
    expect(html).toContain('Sheet1!A2 =NOSUCH(1): #NAME?');
    expect(html).toContain('<tr class="frozen-last">');
  });
});
