/** Generate SLA, Generate service review and sharing, run through the built bundle in the offline runtime. */
import { FakeBody, FakeTable } from '../../offline/document';
import type { OfflineRuntime } from '../../offline/runtime';
import { SLA_POINTS } from '../../src/core/documents/services';
import { tabDef } from '../../src/core/schema/workbook';
import { exampleRuntime, loadedRuntime, NOW } from '../support/offline';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
const DOC_CLASSES = ['DocumentApp', 'Document', 'Body', 'Paragraph', 'ListItem', 'Table', 'TableRow', 'TableCell', 'Text'];

/** Every call made on DocumentApp and the objects it returns. */
const docCalls = (rt: OfflineRuntime): number => DOC_CLASSES.reduce((n, c) => n + rt.calls.count(`${c}.*`), 0);

function school(): OfflineRuntime {
  const rt = exampleRuntime();
  rt.run(`Date.now = () => ${NOW};`);
  return rt;
}

const documentsRows = (rt: OfflineRuntime) => {
  const sheet = (rt.spreadsheet as unknown as Ss).getSheetByName(tabDef('documents').name);
  return sheet ? sheet.getDataRange().getValues().slice(1) : [];
};
const docItems = (rt: OfflineRuntime) => [...rt.services.DriveApp.store.items.values()].filter((i) => i.mimeType === 'application/vnd.google-apps.document');

/** The log twice over: every incident again under a new reference. */
function doubleIncidents(rt: OfflineRuntime): number {
  const sheet = (rt.spreadsheet as unknown as Ss).getSheetByName(tabDef('incidents').name)!;
  const values = sheet.getDataRange().getValues();
  const copies = values.slice(1).map((r) => [`${r[0]}-B`, ...r.slice(1)]);
  const missing = values.length + copies.length - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  sheet.getRange(values.length + 1, 1, copies.length, values[0].length).setValues(copies);
  return copies.length;
}

describe('Generate SLA on the built bundle', () => {
  test("a new Doc with every service's ten points, filed next to the workbook and recorded on the Documents tab", () => {
    const rt = school();
    const doc = rt.global.generateSla(null);
    // The offline spreadsheet is called "SLM Workbook": nothing of a school's name is left in it.
    expect(doc.name).toBe('SLA v0.1 – Our school – 2026-11-18');
    expect(doc.url).toContain(doc.id);
    const body = rt.services.DocumentApp.bodyOf(doc.id);
    const blocks = body.structure();
    expect(blocks[0]).toEqual({ type: 'paragraph', heading: 'TITLE', text: 'Service Level Agreement: ICT services' });
    const serviceHeadings = blocks.filter((b) => b.type === 'paragraph' && b.heading === 'HEADING2').map((b) => (b as { text: string }).text);
    expect(serviceHeadings).toHaveLength(8);
    for (const h of serviceHeadings.slice(0, 7)) {
      const i = blocks.findIndex((b) => b.type === 'paragraph' && b.text === h);
      const points = blocks.slice(i).find((b) => b.type === 'table') as { rows: string[][] };
      // Service hours, support levels, changes, users' responsibilities and planned maintenance are the same for every service: said once, in section 3.
      const named = points.rows
        .slice(1)
        .map((r) => r[0])
        .filter((p) => p !== 'Agreed exceptions');
      expect([...named, 'Service hours', 'Support levels', 'Changes', "Users' responsibilities", 'Planned maintenance'].sort()).toEqual([...SLA_POINTS].sort());
    }
    const emailAt = blocks.findIndex((b) => b.type === 'paragraph' && b.text === '4.3 Email');
    const emailTargets = blocks.slice(emailAt).filter((b) => b.type === 'table')[1] as { rows: string[][] };
    expect(emailTargets.rows[1]).toEqual(['Incident', 'Any', 'Email incidents resolved within 4 hours', '1 h', '4 h', '90% of calls']);
    // Filed in the workbook's folder; recorded with its link.
    const item = rt.services.DriveApp.store.get(doc.id);
    const workbookItem = rt.services.DriveApp.store.get((rt.spreadsheet as unknown as Ss).getId());
    expect([...item.parents]).toEqual([...workbookItem.parents]);
    const rows = documentsRows(rt);
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(0, 2)).toEqual(['SLA', '0.1']);
    expect(rows[0][3]).toBe(doc.name);
    expect(rows[0][4]).toBe(doc.url);
    expect(rt.calls.count('Range.setValues')).toBe(1);
  });

  test('an existing document is never overwritten: a name already taken gets the next free number', () => {
    const rt = school();
    const documents = () => (rt.spreadsheet as unknown as Ss).getSheetByName(tabDef('documents').name)!;
    // With the Documents tab's record gone, the version repeats and so would the name.
    const forget = () => documents().deleteRows(2, documents().getLastRow() - 1);
    const first = rt.global.generateSla(null);
    const before = JSON.stringify(rt.services.DocumentApp.bodyOf(first.id).structure());
    forget();
    const second = rt.global.generateSla(null);
    forget();
    const third = rt.global.generateSla(null);
    expect(second.id).not.toBe(first.id);
    expect(second.name).toBe(`${first.name} (2)`);
    expect(third.name).toBe(`${first.name} (3)`);
    expect(JSON.stringify(rt.services.DocumentApp.bodyOf(first.id).structure())).toBe(before);
    expect(docItems(rt).filter((i) => !i.trashed)).toHaveLength(3);
    expect(documentsRows(rt).map((r) => r[3])).toEqual([third.name]);
  });

  test('the folder chosen once is remembered for every later document', () => {
    const rt = school();
    const folder = rt.services.DriveApp.createFolder('ICT documents');
    expect(rt.global.chooseDocumentsFolder(folder.getUrl())).toBe('ICT documents');
    const doc = rt.global.generateReview({ kind: 'lastMonth' });
    expect([...rt.services.DriveApp.store.get(doc.id).parents]).toEqual([folder.getId()]);
    expect(() => rt.global.chooseDocumentsFolder('nonsense')).toThrow('"nonsense" is not a Drive folder you can open. Paste the folder\'s link from Drive.');
  });

  test('the school is named by the SLM_SCHOOL_NAME property, else from the file name without "Copy of" and the product name', () => {
    const rt = loadedRuntime({ spreadsheetName: 'Copy of Hillside School SLM Workbook' });
    rt.global.setUpWorkbook();
    rt.global.loadExampleSchool(NOW);
    rt.run(`Date.now = () => ${NOW};`);
    const first = rt.global.generateSla(null);
    expect(first.name).toBe('SLA v0.1 – Hillside School – 2026-11-18');
    expect(rt.services.DocumentApp.bodyOf(first.id).structure()[1]).toEqual({ type: 'paragraph', heading: 'SUBTITLE', text: 'Hillside School' });
    rt.services.PropertiesService.getDocumentProperties().setProperty('SLM_SCHOOL_NAME', 'Hillside Academy');
    expect(rt.global.generateReview({ kind: 'thisTerm' }).name).toBe('Service review – Autumn term 2026 – Hillside Academy – 2026-11-18');
  });

  test('a failure half-way leaves no document behind and says what went wrong', () => {
    const rt = school();
    const original = FakeBody.prototype.appendTable;
    let tables = 0;
    FakeBody.prototype.appendTable = function (this: FakeBody, ...args: Parameters<typeof original>) {
      if (++tables === 5) throw new Error('Service unavailable: Documents');
      return original.apply(this, args);
    };
    try {
      expect(() => rt.global.generateSla(null)).toThrow(
        'The SLA could not be generated: Service unavailable: Documents. The unfinished document was moved to the trash; nothing else was changed.',
      );
    } finally {
      FakeBody.prototype.appendTable = original;
    }
    expect(docItems(rt)).toHaveLength(1);
    expect(docItems(rt).every((i) => i.trashed)).toBe(true);
    expect(documentsRows(rt)).toHaveLength(0);
    expect(rt.services.LockService.isHeld('document')).toBe(false);
  });

  test('a missing Documents tab is created from the schema and the document recorded', () => {
    const rt = school();
    const ss = rt.spreadsheet as unknown as Ss;
    ss.deleteSheet(ss.getSheetByName(tabDef('documents').name)!);
    const doc = rt.global.generateSla(null);
    const header = ss.getSheetByName(tabDef('documents').name)!.getRange(1, 1, 1, tabDef('documents').columns.length).getValues()[0];
    expect(header).toEqual(tabDef('documents').columns.map((c) => c.header));
    expect(documentsRows(rt)[0][4]).toBe(doc.url);
  });
});

describe('Generate service review on the built bundle', () => {
  test('DocumentApp calls are bounded by sections, not by the size of the log', () => {
    const rt = school();
    rt.calls.reset();
    const doc = rt.global.generateReview({ kind: 'thisTerm' });
    // Findings are one list item each: their number follows what the log shows, not its size.
    // Two documents each time: the representatives' review and the internal one.
    const listItems = (d: { id: string; internal: { id: string } }) =>
      [d.id, d.internal.id].reduce(
        (n, id) =>
          n +
          rt.services.DocumentApp.bodyOf(id)
            .structure()
            .filter((b) => b.type === 'listItem').length,
        0,
      );
    expect(rt.calls.count('Body.appendListItem')).toBe(listItems(doc));
    const calls = docCalls(rt) - rt.calls.count('Body.appendListItem');
    const tables = rt.calls.count('Body.appendTable');
    // Appendix C counts every missed target in one line above its grouped table.
    const missed = (id: string) =>
      Number(
        /\((\d+) misses in all\)/.exec(
          rt.services.DocumentApp.bodyOf(id)
            .structure()
            .map((b) => ('text' in b ? b.text : ''))
            .find((t) => /missed a target \(\d+ misses in all\)/.test(t))!,
        )![1],
      );
    const breachRows = missed(doc.id);

    const added = doubleIncidents(rt);
    expect(added).toBeGreaterThan(150);
    rt.calls.reset();
    const doubled = rt.global.generateReview({ kind: 'thisTerm' });
    expect(missed(doubled.id)).toBe(2 * breachRows);
    expect(rt.calls.count('Body.appendTable')).toBe(tables);
    expect(rt.calls.count('Body.appendListItem')).toBe(listItems(doubled));
    expect(docCalls(rt) - rt.calls.count('Body.appendListItem')).toBe(calls);
    expect(calls).toBeLessThan(800);
    // One read per tab, one write for each document's record.
    expect(rt.calls.count('Range.setValues')).toBe(2);
  });

  test('no call per cell: only callouts get a background, status words stay in their one appendTable call', () => {
    const rt = school();
    const doc = rt.global.generateReview({ kind: 'thisTerm' });
    const tables = [doc.id, doc.internal.id].flatMap((id) => rt.services.DocumentApp.bodyOf(id).children.filter((c): c is FakeTable => c instanceof FakeTable));
    const callouts = tables.filter((t) => t.rows.length === 1 && t.rows[0].cells.length === 1).length;
    const statuses = tables
      .flatMap((t) => t.rows.slice(1).flatMap((r) => r.cells.map((c) => c.textRef.text)))
      .filter((t) => /^(Met|At risk|Breached)$/.test(t));
    expect(statuses.length).toBeGreaterThan(40);
    expect(rt.calls.count('TableCell.setBackgroundColor')).toBe(callouts);
    expect(rt.calls.count('Body.appendTable')).toBe(tables.length);
  });

  test('the menu asks for the period and shows the link; an unreadable answer is explained', () => {
    const rt = school();
    rt.ui.respond({ button: 'OK', text: 'last term' });
    rt.global.menuGenerateReview();
    const shown = rt.ui.shown[rt.ui.shown.length - 1];
    expect(shown.title).toBe('Service review generated');
    const [internal, row] = documentsRows(rt);
    expect([row[0], row[1]]).toEqual(['Service review', 'Summer term 2026']);
    expect(internal[1]).toBe('Summer term 2026 (internal)');
    expect(shown.output.getContent()).toContain(`href="${row[4]}"`);
    expect(shown.output.getContent()).toContain(`href="${internal[4]}"`);

    rt.ui.respond({ button: 'OK', text: 'sometime soon' });
    rt.global.menuGenerateReview();
    expect(rt.ui.alerts[rt.ui.alerts.length - 1].prompt).toMatch(/^"sometime soon" is not a period I can read/);
    rt.ui.respond({ button: 'CANCEL' });
    rt.global.menuGenerateReview();
    expect(documentsRows(rt)).toHaveLength(2);
  });

  test('Generate SLA from the menu shows the link; a failure is shown in plain words', () => {
    const rt = school();
    rt.global.menuGenerateSla();
    expect(rt.ui.shown[rt.ui.shown.length - 1].title).toBe('SLA generated');
    const ss = rt.spreadsheet as unknown as Ss;
    ss.deleteSheet(ss.getSheetByName(tabDef('services').name)!);
    rt.global.menuGenerateSla();
    expect(rt.ui.alerts[rt.ui.alerts.length - 1].prompt).toMatch(/no service to put in the SLA/);
  });
});

describe('Choose documents folder from the menu', () => {
  test("opens Google Picker on folders; the folder picked (or a pasted link) is remembered; blank goes back to the workbook's folder", () => {
    const rt = school();
    const folder = rt.services.DriveApp.createFolder('ICT documents');
    rt.global.menuChooseDocumentsFolder();
    const dialog = rt.ui.shown[rt.ui.shown.length - 1];
    expect(dialog).toMatchObject({ kind: 'modal', title: 'Choose documents folder' });
    expect(dialog.output.getContent()).toContain('google.picker.ViewId.FOLDERS');
    expect(dialog.output.getContent()).toContain('getPickerConfig');
    // The dialog asks for the token and the deployment's Picker settings, then reports what was picked.
    rt.services.PropertiesService.getScriptProperties().setProperty('SLM_PICKER_DEVELOPER_KEY', 'key');
    rt.services.PropertiesService.getScriptProperties().setProperty('SLM_PICKER_APP_ID', '123456789');
    expect(rt.global.getPickerConfig()).toMatchObject({ token: expect.stringMatching(/^ya29\./), developerKey: 'key', appId: '123456789' });
    expect(rt.global.pickerChosen('folder', folder.getId(), 'ICT documents')).toBe('New documents will go in the Drive folder "ICT documents".');
    const inFolder = rt.global.generateSla(null);
    expect([...rt.services.DriveApp.store.get(inFolder.id).parents]).toEqual([folder.getId()]);

    // The paste-a-link fallback: a link the add-in cannot open is refused and the choice kept.
    expect(() => rt.global.pickerChosen('folder', 'https://drive.google.com/drive/folders/NoSuchFolder123', '')).toThrow(/is not a Drive folder you can open/);
    expect(rt.services.PropertiesService.getDocumentProperties().getProperty('SLM_DOCUMENTS_FOLDER_ID')).toBe(folder.getId());
    expect(() => rt.global.pickerChosen('tab', folder.getId(), '')).toThrow(/^kind: expected 'csv', 'folder' or 'school'/);

    expect(rt.global.pickerChosen('folder', '', '')).toBe("New documents will go in the workbook's own folder.");
    const beside = rt.global.generateSla(null);
    const workbookItem = rt.services.DriveApp.store.get((rt.spreadsheet as unknown as Ss).getId());
    expect([...rt.services.DriveApp.store.get(beside.id).parents]).toEqual([...workbookItem.parents]);
  });
});

describe('The document lock', () => {
  test('while another run holds it, generating and sharing refuse in plain words and change nothing', () => {
    const rt = school();
    rt.services.LockService.holdByAnotherProcess('document');
    const still = /Another SLM Workbook action is still running on this workbook/;
    expect(() => rt.global.generateSla(null)).toThrow(still);
    expect(() => rt.global.generateReview({ kind: 'thisTerm' })).toThrow(still);
    const all = [{ name: 'Jo Harris', documents: true, workbook: false }];
    expect(() => rt.global.applySharing(all)).toThrow(still);
    expect(docItems(rt)).toHaveLength(0);
    expect(rt.calls.count('Drive.Permissions.create')).toBe(0);
    rt.services.LockService.releaseByAnotherProcess('document');
    expect(rt.global.applySharing(all).shared).toEqual(['Jo Harris']);
  });
});

describe('Share with representatives on the built bundle', () => {
  test('generating never shares: nobody but the owner can open a new document', () => {
    const rt = school();
    const sla = rt.global.generateSla(null);
    const review = rt.global.generateReview({ kind: 'thisTerm' });
    for (const id of [sla.id, review.id, review.internal.id, (rt.spreadsheet as unknown as Ss).getId()]) {
      const item = rt.services.DriveApp.store.get(id);
      expect([...item.commenters, ...item.viewers]).toEqual([]);
    }
    expect(rt.calls.count('Drive.Permissions.create')).toBe(0);
  });

  const peopleAccess = (rt: OfflineRuntime) => {
    const values = (rt.spreadsheet as unknown as Ss).getSheetByName(tabDef('people').name)!.getDataRange().getValues();
    const [name, access] = [values[0].indexOf('Name'), values[0].indexOf('Access')];
    return Object.fromEntries(values.slice(1).map((r) => [r[name], r[access]]));
  };

  test('12. the plan says who gets what before anything is shared; a student is suggested documents only', () => {
    const rt = school();
    const sla = rt.global.generateSla(null);
    const review = rt.global.generateReview({ kind: 'thisTerm' });
    rt.calls.reset();
    const plan = rt.global.getSharingPlan();
    expect(plan.documents).toEqual([sla.name, review.name]);
    expect(
      plan.people.map((p: { name: string; documents: boolean; workbook: boolean; student: boolean }) => [p.name, p.documents, p.workbook, p.student]),
    ).toEqual([
      ['Jo Harris', true, false, false],
      ['Priya Shah', true, false, false],
      ['Tom Lee', true, false, true],
      ['Alex Morgan', true, false, false],
    ]);
    // Reading the plan shares nothing and writes nothing.
    expect(rt.calls.count('Drive.Permissions.create') + rt.calls.count('Drive.Permissions.remove') + rt.calls.count('Range.setValues')).toBe(0);
  });

  test('12. only what is ticked is shared: documents as commenters, the workbook only to those ticked; access recorded on People', () => {
    const rt = school();
    const sla = rt.global.generateSla(null);
    const review = rt.global.generateReview({ kind: 'thisTerm' });
    const ssId = (rt.spreadsheet as unknown as Ss).getId();
    const result = rt.global.applySharing([
      { name: 'Jo Harris', documents: true, workbook: true },
      { name: 'Priya Shah', documents: true, workbook: false },
      { name: 'Tom Lee', documents: true, workbook: false },
    ]);
    expect(result).toEqual({ shared: ['Jo Harris', 'Priya Shah', 'Tom Lee'], skipped: [], removed: [] });
    const commenters = (id: string) => [...rt.services.DriveApp.store.get(id).commenters].sort();
    const reps = ['jo.harris@example-school.org', 'priya.shah@example-school.org', 'tom.lee@example-school.org'];
    expect(commenters(sla.id)).toEqual(reps);
    expect(commenters(review.id)).toEqual(reps);
    expect(commenters(ssId)).toEqual(['jo.harris@example-school.org']);
    expect(commenters(review.internal.id)).toEqual([]);
    // Drive sends no email of its own; each person gets one message with every link shared with them.
    expect(rt.services.Drive.Permissions.notifications).toEqual([]);
    expect(rt.services.MailApp.sent.map((m) => m.to).sort()).toEqual(reps.map((r) => [r]));
    const jos = rt.services.MailApp.sent.find((m) => m.to[0] === reps[0])!;
    expect(jos.body).toContain(sla.url);
    expect(jos.body).toContain(review.url);
    expect(jos.body).toContain(`${(rt.spreadsheet as unknown as Ss).getUrl()}`);
    const access = peopleAccess(rt);
    expect(access['Jo Harris']).toBe('SLA, review and workbook (comment), as of 18 November 2026');
    expect(access['Tom Lee']).toBe('SLA and review (comment), as of 18 November 2026');
    expect(access['Alex Morgan']).toBe('');
    // The plan now shows what each has, and keeps Jo's workbook ticked.
    const plan = rt.global.getSharingPlan();
    expect(plan.people.find((p: { name: string }) => p.name === 'Jo Harris')).toMatchObject({ workbook: true, access: access['Jo Harris'] });
  });

  test('12. un-sharing from the same place takes access away and says so on People', () => {
    const rt = school();
    const sla = rt.global.generateSla(null);
    const ssId = (rt.spreadsheet as unknown as Ss).getId();
    rt.global.applySharing([{ name: 'Jo Harris', documents: true, workbook: true }]);
    expect([...rt.services.DriveApp.store.get(ssId).commenters]).toEqual(['jo.harris@example-school.org']);
    expect(rt.global.getSharingPlan().people.find((p: { name: string }) => p.name === 'Jo Harris')).toMatchObject({ documents: true, workbook: true });
    rt.global.applySharing([{ name: 'Jo Harris', documents: false, workbook: false }]);
    expect([...rt.services.DriveApp.store.get(ssId).commenters]).toEqual([]);
    expect([...rt.services.DriveApp.store.get(sla.id).commenters]).toEqual([]);
    expect(peopleAccess(rt)['Jo Harris']).toBe('None (18 November 2026)');
    expect(rt.global.getSharingPlan().people.find((p: { name: string }) => p.name === 'Jo Harris')).toMatchObject({ documents: false, workbook: false });
  });

  test('the menu item opens the panel, where sharing is chosen; it shares nothing itself', () => {
    const rt = school();
    rt.global.menuShareWithRepresentatives();
    expect(rt.calls.count('Drive.Permissions.create')).toBe(0);
    expect(rt.ui.shown.filter((s) => s.kind === 'sidebar')).toHaveLength(1);
  });
});
