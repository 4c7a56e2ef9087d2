/** Shared set-up for tests that run the built bundle in the offline runtime. */
import { createOfflineRuntime, type OfflineRuntime } from '../../offline/runtime';

import { NOW } from './workbook';

export { NOW };

export function loadedRuntime(opts: Parameters<typeof createOfflineRuntime>[0] = {}): OfflineRuntime {
  const rt = createOfflineRuntime({ timeZone: 'Europe/London', ...opts });
  rt.load();
  return rt;
}

/** A runtime whose workbook is set up and holds the example school. */
export function exampleRuntime(): OfflineRuntime {
  const rt = loadedRuntime();
  rt.global.setUpWorkbook();
  rt.global.loadExampleSchool(NOW);
  rt.calls.reset();
  return rt;
}

/** Everything a user could see of a spreadsheet, for before/after comparisons. */
export function workbookState(rt: OfflineRuntime) {
  const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const rangeProtection = (rt.services.SpreadsheetApp as unknown as typeof SpreadsheetApp).ProtectionType.RANGE;
  return ss.getSheets().map((sheet) => {
    const range = sheet.getDataRange();
    return {
      name: sheet.getName(),
      values: range.getValues().map((r) => r.map((v) => (Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString() : v))),
      formats: range.getNumberFormats(),
      notes: range.getNotes(),
      frozen: sheet.getFrozenRows(),
      validations: range.getDataValidations().map((r) => r.map((v) => (v ? [String(v.getCriteriaType()), JSON.stringify(v.getCriteriaValues())] : null))),
      protections: sheet.getProtections(rangeProtection).map((p) => [p.getDescription(), p.getRange().getA1Notation()]),
    };
  });
}
