/** Numbers in custom-function arguments. */
import { isBlank } from '../values';
import { ArgumentError } from './grid';

/** Plain decimal text: "4", "1.5", ".5". Not "0x10", "1e3" or "Infinity", which Number() would read. */
export const DECIMAL = /^\d+(?:\.\d*)?$|^\.\d+$/;

/** A number of hours of 0 or more, from a number cell or decimal text. */
export function hoursArgument(v: unknown, argument: string): number {
  const h = typeof v === 'number' ? v : typeof v === 'string' && DECIMAL.test(v.trim()) ? Number(v.trim()) : NaN;
  if (isBlank(v) || !(h >= 0 && h < Infinity)) throw new ArgumentError(argument, `"${String(v)}" is not a number of hours of 0 or more, such as 4 or 1.5`);
  return h;
}
