/** SpreadsheetApp.openById/openByUrl open only what exists and is shared with the signed-in user, as Google's do. */
import { createOfflineRuntime } from '../../offline/runtime';
import { NO_ACCESS_MESSAGE, type FakeSpreadsheet } from '../../offline/spreadsheet';

describe('opening other spreadsheets', () => {
  const setUp = () => {
    const rt = createOfflineRuntime({ userEmail: 'lead@trust.example' });
    rt.env.userEmail = 'head@school.example';
    const theirs = rt.services.SpreadsheetApp.create('Their workbook') as unknown as FakeSpreadsheet;
    rt.env.userEmail = 'lead@trust.example';
    return { rt, theirs, app: rt.services.SpreadsheetApp };
  };

  test("a spreadsheet not shared with the user is refused with Google's message; its owner opens it", () => {
    const { rt, theirs, app } = setUp();
    expect(() => app.openById(theirs.id)).toThrow(NO_ACCESS_MESSAGE);
    expect(() => app.openByUrl(`https://docs.google.com/spreadsheets/d/${theirs.id}/edit`)).toThrow(NO_ACCESS_MESSAGE);
    rt.env.userEmail = 'head@school.example';
    expect(app.openById(theirs.id).getName()).toBe('Their workbook');
  });

  test('shared in Drive as a viewer (or on the spreadsheet as an editor), it opens', () => {
    const { rt, theirs, app } = setUp();
    rt.env.userEmail = 'head@school.example';
    rt.services.DriveApp.getFileById(theirs.id).addViewer('Lead@Trust.example');
    rt.env.userEmail = 'lead@trust.example';
    expect(app.openById(theirs.id).getId()).toBe(theirs.id);
  });

  test('an id that names no spreadsheet gives the "Unexpected error" message', () => {
    const { app } = setUp();
    expect(() => app.openById('1NoSuchSpreadsheetAtAll0000000000')).toThrow(/Unexpected error while getting the method or property openById/);
  });
});
