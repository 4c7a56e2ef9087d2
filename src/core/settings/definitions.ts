/**
 * The school's assumptions, each a row of the Settings tab with a default: what the findings, the
 * documents and the daily digest assume about the school rather than read from its data. The analyses'
 * own heuristics (ratios, sample sizes, list lengths) stay in findings/thresholds.ts: they say how a
 * finding is judged, not how the school works.
 */

/** Every setting's value, as the core uses them. */
export interface Settings {
  /** Working hours the school itself spends on a call that goes to a supplier, before and after the supplier's fix. */
  readonly handlingHours: number;
  /** SLA reviews due within this many days are reported as coming up. */
  readonly reviewDueDays: number;
  /** Contracts renewing within this many days are reported before they roll over. */
  readonly renewalDays: number;
  /** Services ranked this high or higher (1 is the most important) are high priority. */
  readonly highPriorityRank: number;
  /** A target judged on fewer items than this in a period is Too few to judge (unless already out of reach). */
  readonly fewestToJudge: number;
}

export type SettingKey = keyof Settings;

export interface SettingDef {
  readonly key: SettingKey;
  /** The name in the Setting column. */
  readonly name: string;
  readonly default: number;
  /** Whole numbers only (days, ranks); hours may have a fraction. */
  readonly whole: boolean;
  readonly min: number;
  readonly max: number;
  /** What a value is, for messages: "a number of working hours". */
  readonly unit: string;
  /** What the setting changes, as the Meaning column and docs/workbook.md say it (the default is added). */
  readonly meaning: string;
}

const defineSettings = (): readonly SettingDef[] => [
  {
    key: 'handlingHours',
    name: 'School handling before a supplier (h)',
    default: 1,
    whole: false,
    min: 0,
    max: 40,
    unit: 'a number of working hours',
    meaning:
      "Working hours the school itself needs on a call that goes to a supplier (diagnose it, log it with the supplier, check the fix). Check contracts adds them to a contract's fix time before comparing it with the SLA's resolution target.",
  },
  {
    key: 'reviewDueDays',
    name: 'Review warning (days)',
    default: 30,
    whole: true,
    min: 0,
    max: 730,
    unit: 'a whole number of days',
    meaning: 'An SLA review due within this many days is reported as coming up: by Check contracts, in the panel and in the daily digest.',
  },
  {
    key: 'renewalDays',
    name: 'Renewal warning (days)',
    default: 90,
    whole: true,
    min: 0,
    max: 730,
    unit: 'a whole number of days',
    meaning: 'A contract renewing within this many days is reported, so it can be reviewed before it rolls over: by Check contracts and in the daily digest.',
  },
  {
    key: 'highPriorityRank',
    name: 'High priority rank',
    default: 3,
    whole: true,
    min: 1,
    max: 1000,
    unit: 'a whole number of 1 or more',
    meaning:
      'Services ranked this or better on the Services tab (1 is the most important) are high priority: gaps in their cover are High severity, and each should have a representative.',
  },
  {
    key: 'fewestToJudge',
    name: 'Fewest items to judge a target',
    default: 10,
    whole: true,
    min: 1,
    max: 1000,
    unit: 'a whole number of 1 or more',
    meaning:
      'A target with fewer calls judged than this in the period reads "Too few to judge" with its counts (such as "2 of 3 met") instead of Met or At risk, since one call is then a large share; it reads Breached only when its misses already put the target out of reach. A service whose targets are all too few to judge, with its availability met, reads "Too few to judge" too. 1 judges every target however few its calls.',
  },
];

let cached: readonly SettingDef[] | undefined;

/** The settings in the order the Settings tab lists them, built on first use. */
export const settingDefs = (): readonly SettingDef[] => (cached ??= defineSettings());

/** The definition of one setting. */
const settingDef = (key: SettingKey): SettingDef => settingDefs().find((d) => d.key === key)!;

/** Where a figure comes from, for evidence: '(Settings tab, "Renewal warning (days)")'. */
export const fromSettings = (key: SettingKey): string => `(Settings tab, "${settingDef(key).name}")`;

/** Every setting at its default. */
export const defaultSettings = (): Settings => Object.fromEntries(settingDefs().map((d) => [d.key, d.default])) as unknown as Settings;

/** Each setting with its value, in the tab's order, and whether that is its default. */
export const settingValues = (s: Settings): Array<{ name: string; value: number; meaning: string; isDefault: boolean }> =>
  settingDefs().map((d) => ({ name: d.name, value: s[d.key], meaning: d.meaning, isDefault: s[d.key] === d.default }));

/** "1", "0.5": a value as the Value column shows it. */
export const valueText = (n: number): string => String(n);

/** The Meaning column of a setting: what it changes, then its default. */
export const meaningOf = (d: SettingDef): string => `${d.meaning} Default: ${valueText(d.default)}.`;
