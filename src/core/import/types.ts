/** The shapes of the import's data file (see presets.ts) and of its fields. */
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
}

/** The data file's name in dist/ (without .html). */
export const IMPORT_FILE = 'ImportPresets';
