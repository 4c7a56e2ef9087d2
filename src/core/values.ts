/** Value helpers shared by the core. Cross-realm safe: the bundle may run in a different realm from its callers. */
export const isDate = (v: unknown): v is Date =>
  Object.prototype.toString.call(v) === '[object Date]' && !isNaN((v as Date).getTime());

/** Header matching ignores case, spaces and punctuation, so "On hold (h)" matches "on hold h". */
export const normaliseHeader = (h: unknown): string => String(h ?? '').toLowerCase().replace(/[^a-z0-9%]+/g, '');

/** "1 finding", "3 findings"; `many` when the plural is not the word with an "s". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const isBlank = (v: unknown): boolean => v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
