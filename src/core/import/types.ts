/** The shapes of the data file of the import and the call form (see presets.ts), and of the import's fields. */
export type ImportField = 'ref' | 'serviceId' | 'type' | 'priority' | 'summary' | 'opened' | 'responded' | 'resolved' | 'status' | 'updated';

export interface Preset {
  readonly id: string;
  readonly name: string;
  /** Ref = prefix + the ticket number, so tickets from two tools never share a Ref. */
  readonly refPrefix: string;
  readonly columns: Partial<Record<ImportField, string>>;
}

export interface ImportData {
  readonly presets: readonly Preset[];
  /** Any other export: columns found by their usual names. */
  readonly generic: Preset;
  /** Each field's name in the preview, in the order the preview lists them. */
  readonly labels: Record<ImportField, string>;
  /** Words ("|"-separated) for each of our priorities and types. */
  readonly priorities: Record<string, string>;
  readonly types: Record<string, string>;
  /** The import's messages, "{0}", "{1}"... standing for what each names. */
  readonly texts: Record<string, string>;
  /** The "Log a call" form's questions and the answers that mean each of our types and priorities. */
  readonly form: CallFormText;
}

export interface CallFormText {
  readonly title: string;
  readonly description: string;
  readonly service: string;
  readonly type: string;
  readonly types: ReadonlyArray<readonly [answer: string, ours: string]>;
  readonly impact: string;
  readonly impacts: ReadonlyArray<readonly [answer: string, ours: string]>;
  readonly summary: string;
  readonly name: string;
  /** The column the add-in adds to the responses tab: the Incidents Ref each answer became; blank while it waits. */
  readonly logged: string;
  /** Its value for answers there before the column was (written then, or lost to an older version). */
  readonly before: string;
}

/** A message with its "{n}" filled in. */
export const fill = (template: string, ...args: unknown[]): string => template.replace(/\{(\d)\}/g, (_, n) => String(args[Number(n)]));

/** The data file's name in dist/ (without .html). */
export const IMPORT_FILE = 'IncidentIntake';

/** Sheets refuses a cell of more than 50,000 characters (and with it the whole write). */
export const CELL_LIMIT = 50000;

/** Text cut to what one cell holds, ending in "…" when cut. */
export const cutToCell = (text: string): string => (text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT - 1)}…` : text);
