/** Custom-function arguments as Sheets passes them: a single value, or a range as rows of cells. */

/** A bad argument: its message names the argument, and is all the cell shows. */
export class ArgumentError extends Error {
  constructor(argument: string, message: string) {
    super(`${argument}: ${message}`);
  }
}

export type Grid = readonly (readonly unknown[])[];

/** A range: Sheets passes one as rows of cells, never as an empty array (a range holds at least one cell). */
export const isGrid = (v: unknown): v is Grid => Array.isArray(v) && v.length > 0 && Array.isArray(v[0]);

/** A one-cell range as its value; anything else as it is. */
export const single = (v: unknown): unknown => (isGrid(v) && v.length === 1 && v[0].length === 1 ? v[0][0] : v);
