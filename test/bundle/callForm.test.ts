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
  expect(service.getChoices().map((c) => c.getValue())).toEqual(['Internet access', 'Management information system', 'Email', 'Shared data storage',
    'Printing', 'Word processing', 'Interactive whiteboards', 'Colour printing']);
  expect([type.getType(), impact.getType(), summary.isRequired(), name.isRequired()]).toEqual(['MULTIPLE_CHOICE', 'MULTIPLE_CHOICE', true, false]);
  expect(rt.services.ScriptApp.getProjectTriggers().map((t) => [t.getHandlerFunction(), String(t.getEventType())])).toEqual([['onCallLogged', 'ON_FORM_SUBMIT']]);

  const ss = rt.spreadsheet as unknown as Ss;
  const incidents = ss.getSheetByName('Incidents')!;
  const before = incidents.getLastRow();
  submit(rt, form, { 'Which service is it about?': 'Printing', 'What do you need?': 'Something is broken or not working',
    'How bad is it?': 'I cannot work', 'What happened, or what do you need?': '=HYPERLINK("x") printer in B4 jams', 'Your name': 'Jo Harris' });
  submit(rt, form, { 'Which service is it about?': 'Email', 'What do you need?': 'Something new or changed (an account, software, access)',
    'How bad is it?': 'It can wait', 'What happened, or what do you need?': 'Account for a new governor' });
  expect(incidents.getLastRow()).toBe(before + 2);
  const [header, ...rows] = incidents.getDataRange().getDisplayValues();
  const last = rows.slice(-2).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  expect(last[0]).toMatchObject({ Ref: 'CALL-1', 'Service ID': 'PRINT', Type: 'Incident', Priority: 'High', Resolved: '',
    Summary: '=HYPERLINK("x") printer in B4 jams (from Jo Harris, service.manager@school.example)' });
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
  services.getRange(services.getLastRow() + 1, 1, 1, header.length).setValues([header.map((h) => ({ 'Service ID': 'VLE', Service: 'Learning platform', 'Priority rank': 10, Status: 'Supported' } as Record<string, unknown>)[String(h)] ?? '')]);
  const again = rt.global.createCallForm();
  expect(again).toMatchObject({ created: false, services: 9 });
  expect(rt.services.FormApp.forms.size).toBe(1);
  const form = [...rt.services.FormApp.forms.values()][0];
  expect(form.getItems()[0].getChoices().map((c) => c.getValue())).toContain('Learning platform');
  expect(rt.services.ScriptApp.getProjectTriggers()).toHaveLength(1);
});
