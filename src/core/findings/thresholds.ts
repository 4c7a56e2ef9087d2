/**
 * The thresholds the contract and review analyses judge by, defined once. These are how a finding is
 * judged (ratios, sample sizes, how much a finding lists), not facts about the school, so they stay here.
 * What the school assumes about itself (its own handling time before a supplier is called, the review and
 * renewal warning windows, which ranks are high priority) is on the Settings tab: settings/definitions.ts.
 */

/** Contract hours "well beyond need": at least this many times the weekly hours its services need. */
export const OVER_HOURS_RATIO = 1.5;

/** Contract speed "well beyond need": its time at most this share of the tightest target it serves. */
export const OVER_SPEED_RATIO = 0.5;

/** How far back the incident log is read when no period is given. */
export const DEFAULT_LOOKBACK_DAYS = 365;

/** How far ahead closures are compared when hours are checked day by day. */
export const COVERAGE_HORIZON_DAYS = 365;

/** A component kind is "slower" when its median fix time is at least this many times that of all other kinds together. */
export const SLOW_KIND_RATIO = 1.5;

/** Fewest resolved incidents of a kind before its fix times are compared. */
export const MIN_KIND_SAMPLE = 5;

/** Fewest items in the log before trends in where effort goes are reported. */
export const MIN_TREND_ITEMS = 10;

/** Most incident rows a single finding lists (the slowest or latest first). */
export const MAX_ROW_REFS = 50;

/** A lower-priority service "outweighs" the high-priority ones when its share of fix time is this many times theirs... */
export const EFFORT_OUTWEIGH_RATIO = 1.25;

/** ...and at least this share of all fix time. */
export const MIN_EFFORT_SHARE = 0.1;

/** Most breaches quoted in a finding's evidence (all are in its refs, up to MAX_ROW_REFS). */
export const MAX_QUOTED_BREACHES = 5;
