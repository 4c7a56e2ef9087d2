/**
 * Dates cross between Node's realm and the vm context the bundle runs in. Fakes accept a Date from
 * either realm and hand out Dates made by the context's own constructor, so code in the bundle sees
 * ordinary Dates.
 */
export interface Realm {
  Date: DateConstructor;
}

/** A Date from any realm (never `instanceof`, which fails across realms). */
export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export const nodeRealm = (): Realm => ({ Date });
