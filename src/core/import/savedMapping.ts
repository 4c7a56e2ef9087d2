/**
 * The import's mapping as it is saved for next time, capped to fit one document property (Apps Script
 * keeps at most 9 KB per value: https://developers.google.com/apps-script/guides/services/quotas). The
 * helpdesk, date order, default type and column choices always fit; value mappings (service, priority and
 * type words) are kept in that order until the budget is spent, and what did not fit is counted.
 */
import type { ImportOptions } from './plan';

/** Apps Script's limit for one property value, in bytes of UTF-8. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
/** The budget the saved mapping keeps to, leaving room under the limit. */
const SAVED_MAPPING_BUDGET = 8 * 1024;

/** Length in bytes of UTF-8 (a surrogate pair, one character outside the BMP, is 4 bytes). */
function bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      // A high surrogate: its pair is one 4-byte character.
      i++;
      n += 4;
    } else n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

/** The mapping to save (its JSON at most `budget` bytes) and how many value mappings were left out. */
export function capMapping(options: ImportOptions, budget = SAVED_MAPPING_BUDGET): { json: string; dropped: number } {
  const { services = {}, priorities = {}, types = {}, ...rest } = options;
  const kept: Required<Pick<ImportOptions, 'services' | 'priorities' | 'types'>> = { services: {}, priorities: {}, types: {} };
  const base: ImportOptions = { ...rest };
  // Columns longer than the whole budget cannot be saved; a header is never that long, but stay safe.
  let json = JSON.stringify(base);
  if (bytes(json) > budget)
    return {
      json: JSON.stringify({ preset: rest.preset, dateOrder: rest.dateOrder, defaultType: rest.defaultType }),
      dropped: Object.keys({ ...services, ...priorities, ...types }).length,
    };
  let size = bytes(JSON.stringify({ ...base, ...kept }));
  let dropped = 0;
  for (const key of ['types', 'priorities', 'services'] as const) {
    const source = { types, priorities, services }[key];
    for (const [word, to] of Object.entries(source)) {
      // The entry's own cost: "word":"to", with its comma.
      const cost = bytes(JSON.stringify(word)) + bytes(JSON.stringify(to)) + 2;
      if (size + cost > budget) {
        dropped += 1;
        continue;
      }
      kept[key][word] = to;
      size += cost;
    }
  }
  json = JSON.stringify({ ...base, ...kept });
  return { json, dropped };
}
