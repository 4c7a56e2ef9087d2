/** A sparse 1-based grid of one cell attribute (values, formulas, formats, notes…). */
export class Grid<T> {
  private rows: Array<Array<T | undefined> | undefined> = [];

  get(row: number, col: number): T | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  set(row: number, col: number, v: T | undefined): void {
    let r = this.rows[row - 1];
    if (!r) {
      if (v === undefined) return;
      r = [];
      this.rows[row - 1] = r;
    }
    r[col - 1] = v;
  }

  /** Last 1-based row holding a value that `present` accepts; 0 when none. */
  lastRow(present: (v: T) => boolean): number {
    for (let i = this.rows.length - 1; i >= 0; i--) {
      const r = this.rows[i];
      if (r?.some((v) => v !== undefined && present(v))) return i + 1;
    }
    return 0;
  }

  /** Last 1-based column holding a value that `present` accepts; 0 when none. */
  lastColumn(present: (v: T) => boolean): number {
    let last = 0;
    for (const r of this.rows) {
      if (!r) continue;
      for (let j = r.length - 1; j >= last; j--) {
        const v = r[j];
        if (v !== undefined && present(v)) {
          last = j + 1;
          break;
        }
      }
    }
    return last;
  }

  insertRows(after: number, howMany: number): void {
    if (after >= this.rows.length) return;
    this.rows.splice(after, 0, ...new Array<undefined>(howMany));
  }

  insertColumns(after: number, howMany: number): void {
    for (const r of this.rows) {
      if (r && after < r.length) r.splice(after, 0, ...new Array<undefined>(howMany));
    }
  }

  deleteRows(from: number, howMany: number): void {
    this.rows.splice(from - 1, howMany);
  }

  deleteColumns(from: number, howMany: number): void {
    for (const r of this.rows) if (r) r.splice(from - 1, howMany);
  }

  /** Visits every set cell, row by row. */
  forEach(fn: (row: number, col: number, v: T) => void): void {
    this.rows.forEach((r, i) => {
      r?.forEach((v, j) => {
        if (v !== undefined) fn(i + 1, j + 1, v);
      });
    });
  }

  clear(): void {
    this.rows = [];
  }
}
