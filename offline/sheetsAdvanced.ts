/**
 * The Sheets advanced service (Sheets API v4, as Apps Script exposes it:
 * `Sheets.Spreadsheets.Values.batchUpdate(resource, spreadsheetId)`), over the same spreadsheets as
 * SpreadsheetApp. Only what the add-in calls, with the REST API's shapes and rules:
 * - spreadsheets.values.batchUpdate: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchUpdate
 *   (every range is checked before any is written; the answer counts the cells, rows, columns and sheets written);
 * - valueInputOption, required: RAW stores each value as given (text is never read as a formula, number or date),
 *   USER_ENTERED reads it as if typed into Sheets: https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption;
 * - a ValueRange holds bools, strings and doubles; "Null values will be skipped" (the cell is left as it is) and
 *   "" empties a cell; values past the range are refused:
 *   https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values#ValueRange;
 * - a request's payload: 2 MB at most is recommended (https://developers.google.com/sheets/api/limits) and one over
 *   10 MB is refused ("Request payload size exceeds the limit: 10485760 bytes."); each request's size is kept in
 *   `payloads` so a test can hold the add-in to the recommendation.
 * An advanced service must be switched on in appsscript.json (dependencies.enabledAdvancedServices):
 * https://developers.google.com/apps-script/guides/services/advanced
 */
import { parseA1 } from './cells';
import type { OfflineEnv } from './env';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';

type Cell = string | number | boolean | null;

interface ValueRange {
  range?: string;
  majorDimension?: string;
  values?: Cell[][];
}

/** The largest request the API takes. */
const PAYLOAD_LIMIT = 10_485_760;

const apiError = (reason: string) => new Error(`API call to sheets.spreadsheets.values.batchUpdate failed with error: ${reason}`);

export class FakeSheetsValues {
  /** The size in bytes of each request's body (its JSON), in order. */
  readonly payloads: number[] = [];
  constructor(
    private readonly env: OfflineEnv,
    /** The spreadsheet with this id, if it exists and the user may open it. */
    private readonly open: (id: string) => FakeSpreadsheet | undefined,
  ) {}

  batchUpdate(
    resource: { valueInputOption?: string; data?: ValueRange[] },
    spreadsheetId: string,
  ): { spreadsheetId: string; totalUpdatedRows: number; totalUpdatedColumns: number; totalUpdatedCells: number; totalUpdatedSheets: number } {
    this.env.calls.hit('Sheets.Spreadsheets.Values.batchUpdate');
    const bytes = Buffer.byteLength(JSON.stringify(resource ?? {}));
    this.payloads.push(bytes);
    if (bytes > PAYLOAD_LIMIT) throw apiError(`Request payload size exceeds the limit: ${PAYLOAD_LIMIT} bytes.`);
    const ss = this.open(String(spreadsheetId));
    if (!ss) throw apiError('Requested entity was not found.');
    const option = resource?.valueInputOption;
    if (option !== 'RAW' && option !== 'USER_ENTERED') throw apiError(`Invalid value at 'value_input_option' (${String(option)})`);
    // Every range is read and checked before any cell is written: a bad one writes nothing.
    const writes = (resource.data ?? []).map((vr) => this.planned(ss, vr));
    const rows = new Set<string>();
    const columns = new Set<string>();
    const sheets = new Set<FakeSheet>();
    let cells = 0;
    for (const { sheet, row, column, values } of writes) {
      for (const [i, line] of values.entries()) {
        for (const [j, v] of line.entries()) {
          if (v === null || v === undefined) continue;
          if (option === 'RAW') sheet.writeRaw(row + i, column + j, v);
          else sheet.write(row + i, column + j, v);
          cells++;
          rows.add(`${sheet.name}:${row + i}`);
          columns.add(`${sheet.name}:${column + j}`);
          sheets.add(sheet);
        }
      }
    }
    return { spreadsheetId: ss.id, totalUpdatedRows: rows.size, totalUpdatedColumns: columns.size, totalUpdatedCells: cells, totalUpdatedSheets: sheets.size };
  }

  private planned(ss: FakeSpreadsheet, vr: ValueRange): { sheet: FakeSheet; row: number; column: number; values: Cell[][] } {
    const a1 = parseA1(String(vr?.range ?? ''));
    if (!a1) throw apiError(`Unable to parse range: ${String(vr?.range)}`);
    const sheet = a1.sheetName === null ? ss.sheets[0] : ss.sheetNamed(a1.sheetName);
    if (!sheet) throw apiError(`Unable to parse range: ${String(vr.range)}`);
    const row = a1.r1 ?? 1;
    const column = a1.c1 ?? 1;
    const lastRow = a1.r2 ?? sheet.maxRows;
    const lastColumn = a1.c2 ?? sheet.maxColumns;
    if (lastRow > sheet.maxRows || lastColumn > sheet.maxColumns) {
      throw apiError(`Range (${vr.range}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxColumns}`);
    }
    const given = vr.values ?? [];
    const values = vr.majorDimension === 'COLUMNS' ? transpose(given) : given;
    for (const [i, line] of values.entries()) {
      for (const [j, v] of line.entries()) {
        if (row + i > lastRow || column + j > lastColumn) throw apiError(`Requested writing within range [${vr.range}], but tried writing past it`);
        if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
          throw apiError(`Invalid values[${i}][${j}]: a value must be a bool, string or number`);
        }
      }
    }
    return { sheet, row, column, values };
  }
}

const transpose = (m: Cell[][]): Cell[][] => {
  const out: Cell[][] = [];
  for (const [j, line] of m.entries()) {
    for (const [i, v] of line.entries()) {
      out[i] ??= [];
      out[i][j] = v;
    }
  }
  return out;
};

export class FakeSheetsAdvanced {
  readonly Spreadsheets: { readonly Values: FakeSheetsValues };
  constructor(env: OfflineEnv, open: (id: string) => FakeSpreadsheet | undefined) {
    this.Spreadsheets = { Values: new FakeSheetsValues(env, open) };
  }
}
