/**
 * RangeList: ranges of one sheet taken together, from Sheet.getRangeList(a1Notations), "a non-empty list
 * of A1 notations or R1C1 notations" of that sheet. Only what the add-in calls: getRanges() and
 * setNumberFormat(format), which sets the format of every cell of every range in one call.
 * https://developers.google.com/apps-script/reference/spreadsheet/range-list
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String)
 */
import type { OfflineEnv } from './env';
import type { FakeRange } from './range';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GRangeList = GoogleAppsScript.Spreadsheet.RangeList;

export class FakeRangeList implements Pick<GRangeList, 'getRanges' | 'setNumberFormat'> {
  constructor(
    private readonly env: OfflineEnv,
    private readonly ranges: readonly FakeRange[],
  ) {}
  getRanges(): GRange[] {
    this.env.calls.hit('RangeList.getRanges');
    return this.ranges.map((r) => r as unknown as GRange);
  }
  setNumberFormat(format: string): GRangeList {
    this.env.calls.hit('RangeList.setNumberFormat');
    for (const r of this.ranges) r.each((row, col) => r.sheet.formats.set(row, col, String(format)));
    return this as unknown as GRangeList;
  }
}
