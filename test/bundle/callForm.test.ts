/**
 * The "Log a call" form on the built bundle, offline: created from the catalogue with its responses sent
 * to the workbook and an on-form-submit trigger; a submitted answer becomes an Incidents row through that
 * trigger; a changed catalogue refreshes the form's service list without a second form or trigger.
 */
import { exampleRuntime } from '../support/offline';
import type { FakeForm } from '../../offline/forms';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

function submit(rt: ReturnType<typeof exampleRuntime>, form: FakeForm, answers: Record<string, string>): void {
  const response = form.createResponse();
  for (const item of form.getItems()) {
    const a = answers[item.getTitle()];
    if (a !== undefined) response.withItemResponse(item.createResponse(a));
  }
  response.submit();
  // Google then calls the workbook's on-form-submit trigger with the new row of the responses tab.
  const sheet = form.destination!;
  const range = sheet.getRange(sheet.getLastRow(), 1, 1, sheet.getLastColumn());
  rt.fireTrigger('onCallLogged', { range, values: range.getDisplayValues()[0], namedValues: {} });
}

test('the form offers the supported services; each answer lands as an Incidents row with a new Ref', () => {
  const rt = exampleRuntime();
  expect(rt.global.getCallForm()).toBeNull();
  const made = rt.global.createCallForm();
  expect(made).toMatchObject({ created: true, services: 8 });
  const form = [...rt.services.FormApp.forms.values()][0];
  expect(made.url).toBe(form.getPublishedUrl());
  expect(rt.global.getCallForm().url).toMatch(new RegExp(`/forms/d/${form.getId()}/viewform$`));
  const [service, type, impact, summary, name] = form.getItems();
  expect(service.getChoices().map((c) => c.getValue())).toEqual([
    'Internet access',
    'Management information system',
    'Email',
    'Shared data storage',
    'Printing',
    'Word processing',
    'Interactive whiteboards',
    'Colour printing',
  ]);
  expect([type.getType(), impact.getType(), summary.isRequired(), name.isRequired()]).toEqual(['MULTIPLE_CHOICE', 'MULTIPLE_CHOICE', true, false]);
  expect(rt.services.ScriptApp.getProjectTriggers().map((t) => [t.getHandlerFunction(), String(t.getEventType())])).toEqual([
    ['onCallLogged', 'ON_FORM_SUBMIT'],
  ]);

  const ss = rt.spreadsheet as unknown as Ss;
  const incidents = ss.getSheetByName('Incidents')!;
  const before = incidents.getLastRow();
  submit(rt, form, {
    'Which service is it about?': 'Printing',
    'What do you need?': 'Something is broken or not working',
    'How bad is it?': 'I cannot work',
    'What happened, or what do you need?': '=HYPERLINK("x") printer in B4 jams',
    'Your name': 'Jo Harris',
  });
  submit(rt, form, {
    'Which service is it about?': 'Email',
    'What do you need?': 'Something new or changed (an account, software, access)',
    'How bad is it?': 'It can wait',
    'What happened, or what do you need?': 'Account for a new governor',
  });
  expect(incidents.getLastRow()).toBe(before + 2);
  const [header, ...rows] = incidents.getDataRange().getDisplayValues();
  const last = rows.slice(-2).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  expect(last[0]).toMatchObject({
    Ref: 'CALL-1',
    'Service ID': 'PRINT',
    Type: 'Incident',
    Priority: 'High',
    Resolved: '',
    Summary: '=HYPERLINK("x") printer in B4 jams (from Jo Harris, service.manager@school.example)',
  });
  expect(incidents.getRange(before + 1, header.indexOf('Summary') + 1).getFormula()).toBe('');
  expect(last[1]).toMatchObject({ Ref: 'CALL-2', 'Service ID': 'EMAIL', Type: 'Request', Priority: 'Low' });
  expect(last[0].Opened).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
});

test('a changed catalogue refreshes the service list: the same form, one trigger', () => {
  const rt = exampleRuntime();
  rt.global.createCallForm();
  const ss = rt.spreadsheet as unknown as Ss;
  const services = ss.getSheetByName('Services')!;
  const header = services.getRange(1, 1, 1, services.getLastColumn()).getValues()[0];
  services
    .getRange(services.getLastRow() + 1, 1, 1, header.length)
    .setValues([
      header.map(
        (h) => (({ 'Service ID': 'VLE', Service: 'Learning platform', 'Priority rank': 10, Status: 'Supported' }) as Record<string, unknown>)[String(h)] ?? '',
      ),
    ]);
  const again = rt.global.createCallForm();
  expect(again).toMatchObject({ created: false, services: 9 });
  expect(rt.services.FormApp.forms.size).toBe(1);
  const form = [...rt.services.FormApp.forms.values()][0];
  expect(
    form
      .getItems()[0]
      .getChoices()
      .map((c) => c.getValue()),
  ).toContain('Learning platform');
  expect(rt.services.ScriptApp.getProjectTriggers()).toHaveLength(1);
});

describe('no answer lost', () => {
  const PRINTING = {
    'Which service is it about?': 'Printing',
    'What do you need?': 'Something is broken or not working',
    'How bad is it?': 'I cannot work',
    'What happened, or what do you need?': 'Printer in B4 jams',
  };
  const EMAIL = { ...PRINTING, 'Which service is it about?': 'Email', 'What happened, or what do you need?': 'No email since 9' };
  const refsOf = (rt: ReturnType<typeof exampleRuntime>) => {
    const [header, ...rows] = (rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')!.getDataRange().getDisplayValues();
    return rows.filter((r) => r[0].startsWith('CALL-')).map((r) => `${r[0]} ${r[header.indexOf('Summary')]}`);
  };
  const form = (rt: ReturnType<typeof exampleRuntime>) => [...rt.services.FormApp.forms.values()][0];

  test('an answer sent while Incidents was renamed is written, once, with the next answer after the tab has its name back', () => {
    const rt = exampleRuntime();
    rt.global.createCallForm();
    const incidents = (rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')!;
    incidents.setName('Log');
    const lastRow = incidents.getLastRow();
    submit(rt, form(rt), PRINTING);
    expect(incidents.getLastRow()).toBe(lastRow);
    expect((rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')).toBeNull();
    expect(rt.global.getCallForm()).toMatchObject({ waiting: 1, waitingReason: expect.stringMatching(/^there is no Incidents tab/) });
    incidents.setName('Incidents');
    submit(rt, form(rt), EMAIL);
    expect(refsOf(rt)).toEqual([
      'CALL-1 Printer in B4 jams (from service.manager@school.example)',
      'CALL-2 No email since 9 (from service.manager@school.example)',
    ]);
    expect(rt.global.getCallForm()).toMatchObject({ waiting: 0, waitingReason: null });
    // The responses tab says which Ref each answer became; nothing is written twice.
    const responses = form(rt).destination!;
    const [header, ...rows] = responses.getDataRange().getValues();
    expect(rows.map((r) => r[header.indexOf('Logged as (SLM Workbook)')])).toEqual(['CALL-1', 'CALL-2']);
    submit(rt, form(rt), EMAIL);
    expect(refsOf(rt)).toHaveLength(3);
  });

  test('an answer that arrives while another action holds the workbook, or names a renamed service, is written by the next menu action or Set up', () => {
    const rt = exampleRuntime();
    rt.global.createCallForm();
    rt.services.LockService.holdByAnotherProcess('document');
    submit(rt, form(rt), PRINTING);
    expect(refsOf(rt)).toEqual([]);
    expect(rt.global.getCallForm()).toMatchObject({ waiting: 1, waitingReason: expect.stringMatching(/still running/) });
    rt.services.LockService.releaseByAnotherProcess('document');
    const ss = rt.spreadsheet as unknown as Ss;
    const services = ss.getSheetByName('Services')!;
    const names = services.getRange(1, 1, services.getLastRow(), 2).getValues();
    const printing = names.findIndex((r) => r[1] === 'Printing') + 1;
    services.getRange(printing, 2).setValue('Printers');
    rt.global.menuCheckWorkbook();
    // Written by the menu action; the call naming a service the catalogue no longer has waits, saying why.
    expect(rt.global.getCallForm()).toMatchObject({ waiting: 1, waitingReason: expect.stringContaining('"Printing", which is not on the Services tab') });
    services.getRange(printing, 2).setValue('Printing');
    rt.global.setUpWorkbook();
    expect(refsOf(rt)).toEqual(['CALL-1 Printer in B4 jams (from service.manager@school.example)']);
    expect(rt.global.getCallForm()).toMatchObject({ waiting: 0 });
  });

  test('CALL numbers are never given twice: after the newest CALL row is deleted, the next call gets a new number', () => {
    const rt = exampleRuntime();
    rt.global.createCallForm();
    submit(rt, form(rt), PRINTING);
    submit(rt, form(rt), EMAIL);
    const incidents = (rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')!;
    incidents.deleteRows(incidents.getLastRow(), 1);
    submit(rt, form(rt), EMAIL);
    expect(refsOf(rt).map((r) => r.split(' ')[0])).toEqual(['CALL-1', 'CALL-3']);
  });
});
