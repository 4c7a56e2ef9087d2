/**
 * Server functions' arguments, checked where they arrive: google.script.run hands over whatever a caller
 * sends, so each argument is validated with zod/mini and a bad one is answered with a plain message that
 * names it, never a TypeError from deep inside.
 */
import * as z from 'zod/mini';
import type { PeriodKind, PeriodRequest } from '../api';

const PERIOD_KINDS: readonly PeriodKind[] = ['thisMonth', 'lastMonth', 'thisTerm', 'lastTerm', 'academicYear', 'custom'];

/** Built on first use: nothing runs at the bundle's top level. */
let built: ReturnType<typeof build> | undefined;
function build() {
  // The dates themselves are read, and refused in words, where the period is resolved.
  const iso = z.string();
  return {
    period: z.object({ kind: z.enum(PERIOD_KINDS as [PeriodKind, ...PeriodKind[]]), start: z.optional(iso), end: z.optional(iso) }),
    serviceIds: z.nullable(z.array(z.string().check(z.minLength(1)))),
    flags: z.object({ internalAnnex: z.optional(z.boolean()), share: z.optional(z.boolean()) }),
    text: z.string(),
    row: z.number().check(z.int(), z.nonnegative()),
    instant: z.number(),
  };
}
const schemas = () => (built ??= build());

/** `value` as `schema` reads it, or an Error whose message is `name: expected …`. */
function argument<T>(schema: z.ZodMiniType<T>, value: unknown, name: string, expected: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new Error(`${name}: expected ${expected}`);
  return r.data;
}

const PERIOD_EXPECTED = `a period such as { kind: "thisTerm" } (kinds: ${PERIOD_KINDS.join(', ')}), or { kind: "custom", start: "2026-09-01", end: "2026-12-19" }`;

/** A period request; blank means `fallback` when one is given. */
export function periodArg(value: unknown, fallback?: PeriodRequest): PeriodRequest;
export function periodArg(value: unknown, fallback?: PeriodRequest): PeriodRequest | undefined {
  if ((value === undefined || value === null) && fallback) return fallback;
  const p = argument(schemas().period, value, 'period', PERIOD_EXPECTED);
  if (p.kind === 'custom' && (!p.start || !p.end)) throw new Error(`period: a custom period needs both start and end dates, e.g. { kind: "custom", start: "2026-09-01", end: "2026-12-19" }`);
  return p;
}

/** An optional period: blank means none. */
export const optionalPeriodArg = (value: unknown): PeriodRequest | undefined => (value === undefined || value === null ? undefined : periodArg(value));

export const serviceIdsArg = (value: unknown): string[] | null =>
  argument(schemas().serviceIds, value === undefined ? null : value, 'serviceIds', 'a list of Service IDs such as ["EMAIL", "PRINT"], or null for every service in use');

export const textArg = (value: unknown, name: string, example: string): string =>
  argument(schemas().text, value ?? '', name, `text such as ${example}`);

export const rowArg = (value: unknown): number => argument(schemas().row, value, 'row', 'a row number such as 2 (0 for the whole tab)');

export const instantArg = (value: unknown, name: string): number =>
  argument(schemas().instant, value, name, 'a time in milliseconds since 1970');
