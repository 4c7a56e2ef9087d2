/** A tab's rows below its header as objects keyed by header, blank rows left out: for reading what an action wrote. */
export function tabRecords(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tab: string): Record<string, unknown>[] {
  const v = ss.getSheetByName(tab)!.getDataRange().getValues();
  return v.slice(1).filter((r) => r[0] !== '').map((r) => Object.fromEntries(v[0].map((h, i) => [String(h), r[i]])));
}
