/**
 * Counts every call made on the offline Apps Script fakes, keyed `<Class>.<method>`, so tests and
 * benchmarks can hold batching to account (one getValues per tab read, one setValues per tab write).
 */
export class CallCounter {
  private readonly counts = new Map<string, number>();

  /** Records one call of `key` (`<Class>.<method>`). */
  hit(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Calls of one method (`'Range.getValues'`), or of a whole class when given `'Range.*'`. */
  count(key: string): number {
    if (key.endsWith('.*')) {
      const prefix = key.slice(0, -1);
      let n = 0;
      for (const [k, v] of this.counts) if (k.startsWith(prefix)) n += v;
      return n;
    }
    return this.counts.get(key) ?? 0;
  }

  /** Every call counted since the last reset. */
  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  reset(): void {
    this.counts.clear();
  }

  /** A copy of the counts, keys sorted, for assertions and printed figures. */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const k of [...this.counts.keys()].sort()) out[k] = this.counts.get(k)!;
    return out;
  }
}

/** The counter fakes use when none is given; each offline runtime makes its own. */
export const calls = new CallCounter();
