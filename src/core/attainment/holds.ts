/**
 * Holds as intervals: each item's holds merged (overlaps count once; a hold with no end runs on), and
 * the working time they cover inside the item's life, which the engine takes off its resolution time.
 */
import { idKey } from '../schema/ids';

export interface HoldRow {
  readonly ref: string;
  readonly from: number;
  readonly until?: number;
}

/** Item index → its merged holds as [from, until, from, until, ...], sorted; an open hold ends at Infinity. */
export type ItemHolds = ReadonlyMap<number, readonly number[]>;

/** The holds of the items `refOf(0..n-1)` names; holds naming no item are left out (the workbook check reports them). */
export function holdsByItem(holds: readonly HoldRow[], n: number, refOf: (i: number) => string): ItemHolds | undefined {
  if (holds.length === 0) return undefined;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const k = idKey(refOf(i));
    if (!index.has(k)) index.set(k, i);
  }
  const spans = new Map<number, Array<[number, number]>>();
  for (const h of holds) {
    const i = index.get(idKey(h.ref));
    const until = h.until ?? Infinity;
    if (i === undefined || !(until > h.from)) continue;
    let list = spans.get(i);
    if (!list) {
      list = [];
      spans.set(i, list);
    }
    list.push([h.from, until]);
  }
  const out = new Map<number, number[]>();
  for (const [i, list] of spans) {
    list.sort((a, b) => a[0] - b[0]);
    const merged: number[] = [];
    for (const [a, b] of list) {
      const last = merged.length - 1;
      if (last > 0 && a <= merged[last]) merged[last] = Math.max(merged[last], b);
      else merged.push(a, b);
    }
    out.set(i, merged);
  }
  return out;
}

/** Working time of `spans` inside [a, b), in a calendar's working-time function. */
export function heldMs(spans: readonly number[], a: number, b: number, workingMs: (x: number, y: number) => number): number {
  let ms = 0;
  for (let k = 0; k < spans.length; k += 2) {
    const x = spans[k] > a ? spans[k] : a;
    const y = spans[k + 1] < b ? spans[k + 1] : b;
    if (y > x) ms += workingMs(x, y);
  }
  return ms;
}
