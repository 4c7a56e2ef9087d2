import type { ColumnDef } from '../schema/types';
import { isDate } from '../values';
import { parseLocalDateTime } from './localTime';
import { FIRST_YEAR, LAST_YEAR, isSupportedCellInstant } from '../time/zone';

/** What a date outside the supported years should have been. */
const YEARS_EXPECTED = `a date in the years ${FIRST_YEAR} to ${LAST_YEAR}`;

/** Result of reading one cell: a typed value, blank, or what was expected instead. */
export type CellResult = { ok: true; value: unknown } | { ok: false; expected: string };

const ok = (value: unknown): CellResult => ({ ok: true, value });
const bad = (expected: string): CellResult => ({ ok: false, expected });

const splitList = (v: unknown): string[] =>
  String(v)
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads one non-blank cell as its column's type. Dates may be real date cells or text such as
 * "2025-03-04 09:15" or "04/03/2025" (day first), read in the workbook's time zone.
 */
export function readCell(col: ColumnDef, raw: unknown, timeZone: string): CellResult {
  switch (col.type) {
    case 'text':
    case 'hours':
      return ok(isDate(raw) ? raw.toISOString() : String(raw).trim());
    case 'id':
    case 'ref':
      return typeof raw === 'boolean' || isDate(raw) ? bad('a code such as EMAIL') : ok(String(raw).trim());
    case 'refs':
    case 'list':
      return ok(splitList(raw));
    case 'email': {
      const s = String(raw).trim();
      return EMAIL.test(s) ? ok(s) : bad('an email address such as name@school.org');
    }
    case 'enum': {
      const s = String(raw).trim().toLowerCase();
      const hit = col.values?.find((v) => v.toLowerCase() === s);
      return hit !== undefined ? ok(hit) : bad(`one of ${col.values?.join(', ')}`);
    }
    case 'yesno': {
      if (raw === true || raw === false) return ok(raw);
      const s = String(raw).trim().toLowerCase();
      if (s === 'yes' || s === 'y' || s === 'true') return ok(true);
      if (s === 'no' || s === 'n' || s === 'false') return ok(false);
      return bad('Yes or No');
    }
    case 'number':
    case 'integer':
    case 'percent': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim().replace(/%$/, '')) : NaN;
      if (!Number.isFinite(n)) return bad(col.type === 'integer' ? 'a whole number such as 1' : 'a number');
      if (col.type === 'integer') return Number.isInteger(n) && n >= 1 ? ok(n) : bad('a whole number of 1 or more');
      if (n < 0) return bad('a number of 0 or more');
      if (col.type === 'percent') {
        // A cell formatted as % holds 0.95 for 95%; a plain 95 means 95 too.
        const pct = typeof raw === 'number' && n > 0 && n <= 1 ? n * 100 : n;
        return pct <= 100 ? ok(pct) : bad('a percentage from 0 to 100');
      }
      return ok(n);
    }
    case 'date':
    case 'datetime': {
      const ms = isDate(raw) ? raw.getTime() : typeof raw === 'string' ? parseLocalDateTime(raw, timeZone, col.type === 'datetime') : undefined;
      if (ms === undefined) return bad(col.type === 'date' ? 'a date such as 2025-09-01' : 'a date and time such as 2025-09-01 08:30');
      // Checked here, where tab, row and column are known, so no later calculation meets an impossible year.
      return isSupportedCellInstant(ms) ? ok(ms) : bad(YEARS_EXPECTED);
    }
  }
}
