/**
 * The parity cases: plain Apps Script (no build step), run unchanged by the offline runtime
 * (test/parity/parity.test.ts) and, when a person provides credentials, by Apps Script itself through
 * `clasp run runParity` (offline/README.md, "Parity with Google"). Each case states what Google's
 * reference page says; runParity() compares in the script itself, so both sides apply the same check.
 */
var PARITY_SHEET = 'Parity (safe to delete)';

function parityCases() {
  var ss = SpreadsheetApp.getActive();
  var message = function (f) { try { f(); return 'no error'; } catch (e) { return String(e && e.message || e); } };
  return [
    {
      name: 'getValues gives "" for a blank cell and a Date for a date',
      ref: 'https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()',
      expected: [['string', ''], ['Date', 'true']],
      run: function () {
        var sheet = ss.getSheetByName(PARITY_SHEET) || ss.insertSheet(PARITY_SHEET);
        sheet.getRange(1, 1, 1, 2).setValues([['', new Date(Date.UTC(2026, 0, 5, 9))]]);
        var v = sheet.getRange(1, 1, 1, 2).getValues()[0];
        return [[typeof v[0], v[0]], [Object.prototype.toString.call(v[1]).slice(8, -1), String(v[1].getTime() === Date.UTC(2026, 0, 5, 9))]];
      },
    },
    {
      name: 'setValues refuses data of the wrong shape',
      ref: 'https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)',
      expected: 'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
      run: function () {
        var sheet = ss.getSheetByName(PARITY_SHEET) || ss.insertSheet(PARITY_SHEET);
        return message(function () { sheet.getRange(1, 1, 2, 1).setValues([['x']]); });
      },
    },
    {
      name: 'an installable trigger is listed with its handler, event type and source, then deleted',
      ref: 'https://developers.google.com/apps-script/reference/script/trigger',
      expected: [['parityHandler', 'ON_FORM_SUBMIT', 'SPREADSHEETS', true], ['parityHandler', 'CLOCK', 'CLOCK', true], 0],
      run: function () {
        var made = [
          ScriptApp.newTrigger('parityHandler').forSpreadsheet(ss).onFormSubmit().create(),
          ScriptApp.newTrigger('parityHandler').timeBased().everyDays(1).atHour(7).create(),
        ];
        var ids = made.map(function (t) { return t.getUniqueId(); });
        var mine = ScriptApp.getProjectTriggers().filter(function (t) { return ids.indexOf(t.getUniqueId()) >= 0; });
        var seen = mine.map(function (t) {
          return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource()),
            t.getTriggerSource() == ScriptApp.TriggerSource.CLOCK || t.getTriggerSourceId() === ss.getId()];
        });
        mine.forEach(function (t) { ScriptApp.deleteTrigger(t); });
        var left = ScriptApp.getProjectTriggers().filter(function (t) { return ids.indexOf(t.getUniqueId()) >= 0; }).length;
        return [seen[0], seen[1], left];
      },
    },
    {
      name: 'triggers are found per document: getUserTriggers(ss) lists this spreadsheet\'s form and clock triggers, not another spreadsheet\'s',
      ref: 'https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)',
      expected: [[true, true, false], [false, false, true]],
      run: function () {
        var other = SpreadsheetApp.create('SLM parity second workbook (safe to delete)');
        var made = [
          ScriptApp.newTrigger('parityHandler').forSpreadsheet(ss).onFormSubmit().create(),
          ScriptApp.newTrigger('parityHandler').timeBased().everyDays(1).atHour(6).create(),
          ScriptApp.newTrigger('parityHandler').forSpreadsheet(other).onFormSubmit().create(),
        ];
        try {
          var ids = made.map(function (t) { return t.getUniqueId(); });
          var listed = function (doc) {
            var found = ScriptApp.getUserTriggers(doc).map(function (t) { return t.getUniqueId(); });
            return ids.map(function (id) { return found.indexOf(id) >= 0; });
          };
          return [listed(ss), listed(other)];
        } finally {
          made.forEach(function (t) { ScriptApp.deleteTrigger(t); });
          DriveApp.getFileById(other.getId()).setTrashed(true);
        }
      },
    },
    {
      name: 'a Charts line chart becomes a PNG image in a Google Doc',
      ref: 'https://developers.google.com/apps-script/reference/charts/charts and https://developers.google.com/apps-script/reference/document/body#appendImage(BlobSource)',
      expected: ['INLINE_IMAGE', 'image/png', true, 'Trend'],
      run: function () {
        var table = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'Month').addColumn(Charts.ColumnType.NUMBER, 'Met')
          .addRow(['Sep', 0.9]).addRow(['Oct', 0.95]).build();
        var png = Charts.newLineChart().setDataTable(table).setTitle('Trend').setDimensions(600, 300).build().getAs('image/png');
        var doc = DocumentApp.create('SLM parity chart (safe to delete)');
        try {
          var image = doc.getBody().appendImage(png).setAltTitle('Trend');
          return [String(image.getType()), image.getBlob().getContentType(), image.getWidth() > 0, image.getAltTitle()];
        } finally {
          doc.saveAndClose();
          DriveApp.getFileById(doc.getId()).setTrashed(true);
        }
      },
    },
    {
      name: 'everyMinutes accepts only 1, 5, 10, 15 or 30',
      ref: 'https://developers.google.com/apps-script/reference/script/clock-trigger-builder#everyMinutes(Integer)',
      expected: true,
      run: function () { return message(function () { ScriptApp.newTrigger('parityHandler').timeBased().everyMinutes(7).create(); }) !== 'no error'; },
    },
    {
      name: 'a trashed file is still listed by its folder; a search with trashed = false leaves it out',
      ref: 'https://developers.google.com/drive/api/guides/search-files',
      expected: [[true], 0],
      run: function () {
        var folder = DriveApp.createFolder('SLM parity (safe to delete)');
        try {
          folder.createFile('parity.txt', 'x').setTrashed(true);
          var listed = [];
          for (var it = folder.getFiles(); it.hasNext();) listed.push(it.next().isTrashed());
          var found = 0;
          for (var s = DriveApp.searchFiles("'" + folder.getId() + "' in parents and trashed = false"); s.hasNext(); s.next()) found++;
          return [listed, found];
        } finally {
          folder.setTrashed(true);
        }
      },
    },
    {
      name: 'a free lock is taken at once',
      ref: 'https://developers.google.com/apps-script/reference/lock/lock#tryLock(Integer)',
      expected: [true, true, false],
      run: function () {
        var lock = LockService.getDocumentLock();
        var got = lock.tryLock(0);
        var has = lock.hasLock();
        lock.releaseLock();
        return [got, has, lock.hasLock()];
      },
    },
    {
      name: 'Sheets API values.batchUpdate: RAW keeps "=1+1" as text; USER_ENTERED reads a date typed with milliseconds in the spreadsheet zone, and a formula',
      ref: 'https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption',
      expected: [['=1+1', ''], ['Date', true, '=1+1']],
      run: function () {
        var sheet = ss.getSheetByName(PARITY_SHEET) || ss.insertSheet(PARITY_SHEET);
        var a1 = "'" + PARITY_SHEET.replace(/'/g, "''") + "'!";
        Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: a1 + 'A1', values: [['=1+1']] }] }, ss.getId());
        Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'USER_ENTERED', data: [{ range: a1 + 'A2:B2', values: [['2026-07-01 09:30:00.250', '=1+1']] }] }, ss.getId());
        // The same text typed with setValue, in the same zone: the API call must land on the same instant.
        sheet.getRange(3, 1).setValue('2026-07-01 09:30:00.250');
        var typed = sheet.getRange(2, 1).getValue();
        var same = typed.getTime() === sheet.getRange(3, 1).getValue().getTime() && typed.getMilliseconds() === 250;
        return [[sheet.getRange(1, 1).getValue(), sheet.getRange(1, 1).getFormula()],
          [Object.prototype.toString.call(typed).slice(8, -1), same, sheet.getRange(2, 2).getFormula()]];
      },
    },
    {
      name: 'formatDate uses SimpleDateFormat in the given zone',
      ref: 'https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)',
      expected: '2024-07-05 14:04:09 BST',
      run: function () { return Utilities.formatDate(new Date(Date.UTC(2024, 6, 5, 13, 4, 9)), 'Europe/London', 'yyyy-MM-dd HH:mm:ss z'); },
    },
    {
      name: 'MailApp reports its quota as a whole number of recipients',
      ref: 'https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()',
      expected: true,
      run: function () { var q = MailApp.getRemainingDailyQuota(); return typeof q === 'number' && q >= 0 && Math.floor(q) === q; },
    },
  ];
}

/** Runs every case; the comparison is made here, so it is the same offline and on Google. */
function runParity() {
  var results = parityCases().map(function (c) {
    var got;
    try { got = c.run(); } catch (e) { got = 'threw: ' + (e && e.message || e); }
    return { name: c.name, ref: c.ref, ok: JSON.stringify(got) === JSON.stringify(c.expected), got: got, expected: c.expected };
  });
  var sheet = SpreadsheetApp.getActive().getSheetByName(PARITY_SHEET);
  if (sheet) SpreadsheetApp.getActive().deleteSheet(sheet);
  return results;
}

function parityHandler() {}
