/**
 * The Settings tab read into the values the core uses. A missing tab, a missing row or a blank Value
 * gives the default; an unreadable Value gives the default too, and Check workbook names its cell and
 * says which default is used. Names are matched ignoring case, spaces and punctuation.
 */
import type { SettingRow } from '../schema/records';
import { DECIMAL } from '../arguments/numbers';
import { tabDef } from '../schema/workbook';
import { normaliseHeader } from '../values';
import { quotable, type Problem } from '../workbook/problems';
import type { ParsedTab } from '../workbook/parseTab';
import { defaultSettings, meaningOf, settingDefs, valueText, type SettingDef, type SettingKey, type Settings } from './definitions';

export interface ParsedSettings {
  readonly settings: Settings;
  readonly problems: Problem[];
}

/** A Value cell read as the setting's kind of number, as strictly as a function argument (no "0x1E", "1e2" or "Infinity"); undefined when it is not one. */
function readValue(d: SettingDef, text: string): number | undefined {
  const plain = text.trim().replace(/\s*(h|hours?|days?)$/i, '');
  if (!DECIMAL.test(plain)) return undefined;
  const n = Number(plain);
  if (!Number.isFinite(n) || n < d.min || n > d.max || (d.whole && !Number.isInteger(n))) return undefined;
  return n;
}

const expected = (d: SettingDef): string => `${d.unit} from ${d.min} to ${d.max}`;

/** The settings from the Settings tab as parseTab read it. */
export function parseSettings(tab: ParsedTab<'settings'>): ParsedSettings {
  const def = tabDef('settings');
  const header = (key: string) => def.columns.find((c) => c.key === key)!.header;
  const settings: Record<string, number> = { ...defaultSettings() };
  if (!tab.present) {
    return {
      settings: settings as unknown as Settings,
      problems: [
        {
          tab: def.name,
          row: 0,
          column: '',
          value: '',
          severity: 'warning',
          message: `The ${def.name} tab is missing, so every setting has its default. Run "Set up workbook" to add it.`,
        },
      ],
    };
  }
  const problems = [...tab.problems];
  const byName = new Map(settingDefs().map((d) => [normaliseHeader(d.name), d]));
  const seen = new Map<SettingKey, number>();
  const add = (r: SettingRow, key: string, value: string, message: string, severity: Problem['severity']) =>
    problems.push({ tab: def.name, row: r.row, column: header(key), value: quotable(value), message, severity });
  for (const r of tab.rows) {
    const d = byName.get(normaliseHeader(r.setting));
    if (!d) {
      add(
        r,
        'setting',
        r.setting,
        `"${quotable(r.setting)}" is not a setting, so this row is not used. The settings are: ${settingDefs()
          .map((s) => s.name)
          .join('; ')}.`,
        'warning',
      );
      continue;
    }
    const first = seen.get(d.key);
    if (first !== undefined) {
      add(r, 'setting', r.setting, `"${d.name}" is already set on row ${first}, so this row is not used.`, 'warning');
      continue;
    }
    seen.set(d.key, r.row);
    if (r.value === undefined) continue;
    const n = readValue(d, r.value);
    if (n === undefined) {
      add(
        r,
        'value',
        r.value,
        `"${quotable(r.value)}" is not valid for "${d.name}": expected ${expected(d)}. The default, ${valueText(d.default)}, is used.`,
        'error',
      );
    } else {
      settings[d.key] = n;
    }
  }
  for (const d of settingDefs()) {
    if (seen.has(d.key)) continue;
    problems.push({
      tab: def.name,
      row: 0,
      column: '',
      value: '',
      severity: 'warning',
      message: `There is no "${d.name}" row, so its default, ${valueText(d.default)}, is used. Run "Set up workbook" to add the row.`,
    });
  }
  return { settings: settings as unknown as Settings, problems };
}

/** The default rows of the settings a Settings tab lacks (matched by name), in the order the tab lists them. */
export function missingSettingRows(present: readonly unknown[]): Array<Omit<SettingRow, 'row'>> {
  const have = new Set(present.map(normaliseHeader));
  return settingDefs()
    .filter((d) => !have.has(normaliseHeader(d.name)))
    .map((d) => ({ setting: d.name, value: valueText(d.default), meaning: meaningOf(d) }));
}
