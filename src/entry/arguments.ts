/**
 * Server functions' arguments, checked where they arrive: google.script.run hands over whatever a caller
 * sends, so each argument is validated with zod/mini and a bad one is answered with a plain message that
 * names it, never a TypeError from deep inside.
 */
import type * as Zod from 'zod/mini';
import type { ImportRequest, PeriodKind, PeriodRequest, SharingChoice } from '../api';

const PERIOD_KINDS: readonly PeriodKind[] = ['thisMonth', 'lastMonth', 'thisTerm', 'lastTerm', 'academicYear', 'custom'];

/** Names, ids and choices from the panel are short: anything longer is not what the panel sends. */
const SHORT = 1000;

/**
 * zod is required on first use rather than imported: the bundler then sets zod's own modules up only when an
 * argument is first checked, so a load that checks none (every custom-function call) runs none of zod.
 */
declare function require(id: './zodParts'): typeof import('./zodParts');
let z: ReturnType<typeof require>['zod'];

/** Built on first use: nothing runs at the bundle's top level. */
let built: ReturnType<typeof build> | undefined;
function build() {
  z = require('./zodParts').zod;
  // The dates themselves are read, and refused in words, where the period is resolved.
  const iso = z.string();
  return {
    period: z.object({ kind: z.enum(PERIOD_KINDS as [PeriodKind, ...PeriodKind[]]), start: z.optional(iso), end: z.optional(iso) }),
    serviceIds: z.nullable(z.array(z.string().check(z.minLength(1)))),
    flags: z.object({ internalAnnex: z.optional(z.boolean()), share: z.optional(z.boolean()) }),
    text: z.string().check(z.maxLength(SHORT)),
    row: z.number().check(z.int(), z.nonnegative()),
    instant: z.number(),
    flag: z.boolean(),
    csv: z.nullable(z.string()),
    shortText: z.nullable(z.string().check(z.maxLength(SHORT))),
    importRequest: z.nullable(
      z.object({
        fileId: z.optional(z.string().check(z.maxLength(SHORT))),
        tab: z.optional(z.string().check(z.maxLength(SHORT))),
        preset: z.optional(z.string().check(z.maxLength(SHORT))),
        takeExport: z.optional(z.boolean()),
        dateOrder: z.optional(z.enum(['dmy', 'mdy'])),
        defaultType: z.optional(z.enum(['Incident', 'Request'])),
        columns: z.optional(words()),
        services: z.optional(words()),
        priorities: z.optional(words()),
        types: z.optional(words()),
      }),
    ),
    // A range is a host object: what is checked is that it has the method the trigger calls.
    formSubmit: z.object({
      range: z.custom<object>((r) => typeof r === 'object' && r !== null && typeof (r as { getSheet?: unknown }).getSheet === 'function'),
    }),
    choices: z.array(z.object({ name: z.string().check(z.maxLength(SHORT)), documents: z.boolean(), workbook: z.boolean() })),
    emails: z.nullable(z.array(z.string().check(z.maxLength(320))).check(z.maxLength(SHORT))),
    pickerKind: z.enum(['csv', 'folder', 'school']),
    signers: z.array(z.string().check(z.minLength(1), z.maxLength(SHORT))).check(z.minLength(1), z.maxLength(SHORT)),
  };
}
const schemas = () => (built ??= build());
/** A choice of words: a value of the file → one of ours. */
const words = () => z.record(z.string().check(z.maxLength(SHORT)), z.string().check(z.maxLength(SHORT)));

/** `value` as `schema` reads it, or an Error whose message is `name: expected …`. */
function argument<T>(schema: Zod.ZodMiniType<T>, value: unknown, name: string, expected: string): T {
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
  if (p.kind === 'custom' && (!p.start || !p.end))
    throw new Error(`period: a custom period needs both start and end dates, e.g. { kind: "custom", start: "2026-09-01", end: "2026-12-19" }`);
  return p;
}

/** An optional period: blank means none. */
export const optionalPeriodArg = (value: unknown): PeriodRequest | undefined => (value === undefined || value === null ? undefined : periodArg(value));

export const serviceIdsArg = (value: unknown): string[] | null =>
  argument(
    schemas().serviceIds,
    value === undefined ? null : value,
    'serviceIds',
    'a list of Service IDs such as ["EMAIL", "PRINT"], or null for every service in use',
  );

export const textArg = (value: unknown, name: string, example: string): string => argument(schemas().text, value ?? '', name, `text such as ${example}`);

export const rowArg = (value: unknown): number => argument(schemas().row, value, 'row', 'a row number such as 2 (0 for the whole tab)');

export const instantArg = (value: unknown, name: string): number => argument(schemas().instant, value, name, 'a time in milliseconds since 1970');

export const flagArg = (value: unknown, name: string): boolean => argument(schemas().flag, value, name, 'true or false');

/** CSV text pasted in the panel; blank when the import reads a Drive file or a tab instead. Its size is checked where it is read. */
export const csvArg = (value: unknown): string | null =>
  argument(schemas().csv, value === undefined ? null : value, 'text', 'CSV text, or null to read a Drive file or a tab');

const IMPORT_EXPECTED =
  'the import choices the panel sends, such as { fileId: "…" } or { tab: "Export", dateOrder: "dmy", columns: { ref: "Ticket ID" } } (dateOrder "dmy" or "mdy", defaultType "Incident" or "Request", takeExport true or false, names and words as text), or null';

/** What the panel sends to preview or import: the source and the choices, each of its type. */
export function importRequestArg(value: unknown): ImportRequest {
  const r = argument(schemas().importRequest, value === undefined ? null : value, 'options', IMPORT_EXPECTED);
  return (r ?? {}) as ImportRequest;
}

export const sharingChoicesArg = (value: unknown): SharingChoice[] =>
  argument(schemas().choices, value, 'choices', 'a list such as [{ name: "Jo Harris", documents: true, workbook: false }], one per person');

/** The names of those who signed: at least one. */
export const signersArg = (value: unknown): string[] =>
  argument(schemas().signers, value, 'signers', 'a list of names from the People tab, such as ["Ann Head"], at least one');

/** An optional instant as ISO text ("2026-11-18T07:00:00Z"); blank means now. */
export function isoInstantArg(value: unknown, name: string): number | undefined {
  const text = argument(schemas().shortText, value === undefined ? null : value, name, 'a time as ISO text such as "2026-11-18T07:00:00Z", or null for now');
  if (text === null || text.trim() === '') return undefined;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw new Error(`${name}: expected a time as ISO text such as "2026-11-18T07:00:00Z", or null for now`);
  return ms;
}

/** The event Google hands an on-form-submit trigger: its range is the new row of the responses tab. */
export function formSubmitArg(value: unknown): GoogleAppsScript.Events.SheetsOnFormSubmit {
  const ok = schemas().formSubmit.safeParse(value).success;
  if (!ok) throw new Error("e: expected the form-submit event Google passes when a call is logged (this runs from the form's trigger, not by hand)");
  return value as GoogleAppsScript.Events.SheetsOnFormSubmit;
}

/** A list of email addresses (null or missing: none). */
export const emailListArg = (value: unknown, name: string): string[] =>
  argument(schemas().emails, value === undefined ? null : value, name, 'a list of email addresses') ?? [];

/** What Google Picker chooses: 'csv' (an export to import), 'folder' (for new documents) or 'school' (a school's workbook, for a trust). */
export const pickerKindArg = (value: unknown): 'csv' | 'folder' | 'school' => argument(schemas().pickerKind, value, 'kind', "'csv', 'folder' or 'school'");
