/**
 * The parts of zod/mini the server's arguments use, in one module that src/entry/arguments.ts requires on
 * first use: the bundler then initialises zod lazily, so a load that checks no argument runs none of it.
 */
import { array, boolean, custom, enum as zenum, int, maxLength, minLength, nonnegative, nullable, number, object, optional, record, string } from 'zod/mini';

// Read through require() in arguments.ts, which the unused-exports check does not follow.
// ts-unused-exports:disable-next-line
export const zod = { array, boolean, custom, enum: zenum, int, maxLength, minLength, nonnegative, nullable, number, object, optional, record, string };
