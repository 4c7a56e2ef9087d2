/**
 * Access truthful and revocable: what the sharing plan and the People tab's Access column say is what Drive
 * has; everyone else who can open the workbook or a generated document is listed and can be removed; the
 * workbook is never shared with a student (the People tab's Student? column), whatever the panel sends.
 */
import type { OfflineRuntime } from '../../offline/runtime';
import { tabDef } from '../../src/core/schema/workbook';
import { exampleRuntime, NOW } from '../support/offline';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
interface Person {
  name: string;
  workbook: boolean;
  documents: boolean;
  student: boolean | null;
  workbookRefused: string | null;
  access: string | null;
}

const ssOf = (rt: OfflineRuntime) => rt.spreadsheet as unknown as Ss;
const people = (rt: OfflineRuntime) => ssOf(rt).getSheetByName(tabDef('people').name)!;
const column = (rt: OfflineRuntime, header: string) => people(rt).getDataRange().getValues()[0].indexOf(header) + 1;
const rowOf = (rt: OfflineRuntime, name: string) =>
  people(rt)
    .getDataRange()
    .getValues()
    .findIndex((r) => r[0] === name) + 1;
const accessOf = (rt: OfflineRuntime, name: string) => people(rt).getRange(rowOf(rt, name), column(rt, 'Access')).getValue();
const planFor = (rt: OfflineRuntime, name: string): Person => rt.global.getSharingPlan().people.find((p: Person) => p.name === name);
const item = (rt: OfflineRuntime, id: string) => rt.services.DriveApp.store.get(id);

function withDocuments() {
  const rt = exampleRuntime();
  rt.run(`Date.now = () => ${NOW};`);
  const sla = rt.global.generateSla(null);
  const review = rt.global.generateReview({ kind: 'thisTerm' });
  return { rt, sla, review, ssId: ssOf(rt).getId() };
}

test('a representative replaced on the People tab who keeps access is listed with what they can open, and removed from everything on request', () => {
  const { rt, sla, review, ssId } = withDocuments();
  rt.global.applySharing([{ name: 'Priya Shah', documents: true, workbook: true }]);
  // Priya leaves; her row is replaced by a new representative. Her access stays in Drive.
  people(rt)
    .getRange(rowOf(rt, 'Priya Shah'), 1, 1, 2)
    .setValues([['Sam Reed', 'sam.reed@example-school.org']]);
  // Someone else was given the internal review by hand, as an editor.
  rt.services.DriveApp.getFileById(review.internal.id).addEditor('governor@example.org');
  const plan = rt.global.getSharingPlan();
  expect(plan.others).toEqual([
    { email: 'governor@example.org', access: `${review.internal.name} (editor)` },
    { email: 'priya.shah@example-school.org', access: `the workbook (comment); ${sla.name} (comment); ${review.name} (comment)` },
  ]);
  // The owner (the user) is never listed, nor anyone on the People tab.
  expect(plan.others.map((o: { email: string }) => o.email)).not.toContain('service.manager@school.example');

  const result = rt.global.applySharing([], ['priya.shah@example-school.org', 'jo.harris@example-school.org', 'service.manager@school.example']);
  expect(result.removed).toEqual(['priya.shah@example-school.org']);
  expect(result.skipped).toEqual([
    'jo.harris@example-school.org (not among those the plan lists for removal)',
    'service.manager@school.example (not among those the plan lists for removal)',
  ]);
  for (const id of [ssId, sla.id, review.id]) expect([...item(rt, id).commenters, ...item(rt, id).editors]).not.toContain('priya.shah@example-school.org');
  expect([...item(rt, ssId).editors]).toEqual(['service.manager@school.example']);
  expect(rt.global.getSharingPlan().others.map((o: { email: string }) => o.email)).toEqual(['governor@example.org']);
});

test('a representative who is an editor reads as an editor, in the plan and in the Access column, and is never downgraded by sharing', () => {
  const { rt, ssId } = withDocuments();
  rt.services.DriveApp.getFileById(ssId).addEditor('jo.harris@example-school.org');
  expect(planFor(rt, 'Jo Harris')).toMatchObject({ workbook: true, access: 'workbook (editor), as of 18 November 2026' });
  rt.global.applySharing([{ name: 'Jo Harris', documents: true, workbook: true }]);
  expect(accessOf(rt, 'Jo Harris')).toBe('SLA and review (comment); workbook (editor), as of 18 November 2026');
  expect(item(rt, ssId).editors.has('jo.harris@example-school.org')).toBe(true);
  expect(item(rt, ssId).commenters.has('jo.harris@example-school.org')).toBe(false);
});

test('the workbook is never shared with a student, whatever the panel sends; a blank Student? holds it back too', () => {
  const { rt, sla, ssId } = withDocuments();
  expect(column(rt, 'Student?')).toBeGreaterThan(0);
  expect(planFor(rt, 'Tom Lee')).toMatchObject({ student: true, workbook: false, workbookRefused: expect.stringMatching(/never shared with a student/) });
  const result = rt.global.applySharing([{ name: 'Tom Lee', documents: true, workbook: true }]);
  expect(result.skipped).toEqual(['Tom Lee: the workbook is never shared with a student (Student? is Yes on the People tab)']);
  expect([...item(rt, ssId).commenters, ...item(rt, ssId).viewers]).toEqual([]);
  expect(item(rt, sla.id).commenters.has('tom.lee@example-school.org')).toBe(true);
  expect(accessOf(rt, 'Tom Lee')).toBe('SLA and review (comment), as of 18 November 2026');

  // Free text no longer decides: Student? blank (a newly added person) means no workbook until it says No.
  people(rt).getRange(rowOf(rt, 'Priya Shah'), column(rt, 'Student?')).setValue('');
  expect(planFor(rt, 'Priya Shah')).toMatchObject({ student: null, workbookRefused: expect.stringMatching(/Student\? is blank/) });
  expect(rt.global.applySharing([{ name: 'Priya Shah', documents: false, workbook: true }]).skipped[0]).toMatch(/^Priya Shah: Student\? is blank/);
  expect(item(rt, ssId).commenters.size).toBe(0);
  people(rt).getRange(rowOf(rt, 'Priya Shah'), column(rt, 'Student?')).setValue('No');
  rt.global.applySharing([{ name: 'Priya Shah', documents: false, workbook: true }]);
  expect([...item(rt, ssId).commenters]).toEqual(['priya.shah@example-school.org']);
});

test('Set up adds the Student? column to a People tab made before it existed, leaving the rows as they were', () => {
  const rt = exampleRuntime();
  const sheet = people(rt);
  sheet.deleteColumns(column(rt, 'Student?'), 1);
  const before = sheet.getDataRange().getValues();
  rt.global.setUpWorkbook();
  const after = sheet.getDataRange().getValues();
  const s = after[0].indexOf('Student?');
  expect(s).toBeGreaterThanOrEqual(0);
  expect(after.map((r) => r.filter((_, i) => i !== s))).toEqual(before);
  expect(after.slice(1).every((r) => r[s] === '')).toBe(true);
});

test('sharing sends no Drive notification; each person given something new gets one message, escaped, with every link', () => {
  const { rt, sla, review } = withDocuments();
  people(rt).getRange(rowOf(rt, 'Jo Harris'), 1).setValue('Jo <b>Harris</b>');
  rt.global.applySharing([
    { name: 'Jo <b>Harris</b>', documents: true, workbook: true },
    { name: 'Alex Morgan', documents: true, workbook: false },
  ]);
  expect(rt.services.Drive.Permissions.notifications).toEqual([]);
  expect(rt.services.MailApp.sent.map((m) => m.to[0]).sort()).toEqual(['head@example-school.org', 'jo.harris@example-school.org']);
  const jo = rt.services.MailApp.sent.find((m) => m.to[0] === 'jo.harris@example-school.org')!;
  expect(jo.htmlBody).toContain('Jo &lt;b&gt;Harris&lt;/b&gt;');
  expect(jo.htmlBody).not.toContain('<b>Harris');
  for (const url of [sla.url, review.url, ssOf(rt).getUrl()]) expect(jo.body).toContain(url);
  // Sharing again what they already have sends nothing more.
  rt.global.applySharing([{ name: 'Alex Morgan', documents: true, workbook: false }]);
  expect(rt.services.MailApp.sent).toHaveLength(2);
});

test("the import's CSV file is chosen with Google Picker: the dialog opens from the panel, and the file picked is handed to the panel once", () => {
  const rt = exampleRuntime();
  const file = rt.services.DriveApp.createFile('helpdesk.csv', 'Ref,Service\nA1,Email\n', 'text/csv');
  rt.global.showPicker('csv');
  const dialog = rt.ui.shown[rt.ui.shown.length - 1];
  expect(dialog).toMatchObject({ kind: 'modal', title: 'Choose a CSV file' });
  expect(dialog.output.getContent()).toContain('setMimeTypes("text/csv');
  expect(rt.global.takePickedFile()).toBeNull();
  expect(rt.global.pickerChosen('csv', file.getId(), 'helpdesk.csv')).toBe('Chosen: helpdesk.csv. The panel previews it now.');
  expect(rt.global.takePickedFile()).toEqual({ id: file.getId(), name: 'helpdesk.csv' });
  expect(rt.global.takePickedFile()).toBeNull();
  // Without the deployment's Picker settings the dialog says so and offers the pasted link.
  expect(rt.global.getPickerConfig()).toMatchObject({ developerKey: '', appId: '', missing: expect.stringMatching(/Paste a link below instead/) });
  expect(() => rt.global.pickerChosen('csv', 'https://drive.google.com/file/d/NoSuchFile12345/view', '')).toThrow(/is not a file this add-in can open/);
});
