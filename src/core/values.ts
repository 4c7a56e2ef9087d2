/** Value helpers shared by the core. Cross-realm safe: the bundle may run in a different realm from its callers. */
/** A module constant: the global `Object` is a slow look-up in a vm realm, and this runs once per cell. */
const toStringOf = Object.prototype.toString;
export const isDate = (v: unknown): v is Date => {
  if (typeof v !== 'object' || v === null || toStringOf.call(v) !== '[object Date]') return false;
  const t = (v as Date).getTime();
  return t === t; // not NaN (the global isNaN is another slow look-up)
};

/** Header matching ignores case, spaces and punctuation, so "On hold (h)" matches "on hold h". */
export const normaliseHeader = (h: unknown): string =>
  String(h ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, '');

export const isBlank = (v: unknown): boolean => v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * Appends every item of `items` to `target`. A loop, never push(...items): spreading passes each item as an
 * argument, and a workbook can hold more bad cells than the engine's argument limit (about 125,000).
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
  return target;
}

/** The least of `xs` (undefined when empty), by a loop for the same reason as appendAll. */
export function minOf(xs: readonly number[]): number | undefined {
  let m: number | undefined;
  for (let i = 0; i < xs.length; i++) if (m === undefined || xs[i] < m) m = xs[i];
  return m;
}

/** The greatest of `xs` (undefined when empty). */
export function maxOf(xs: readonly number[]): number | undefined {
  let m: number | undefined;
  for (let i = 0; i < xs.length; i++) if (m === undefined || xs[i] > m) m = xs[i];
  return m;
}
