/** What a reporting period is, and how the panel asks for one. */

/** A reporting period [start, end) in epoch ms, with a label such as "Autumn term 2025". */
export interface Period {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export type PeriodKind = 'thisMonth' | 'lastMonth' | 'thisTerm' | 'lastTerm' | 'academicYear' | 'custom';

/** A period the user can pick; `custom` carries its own dates (ISO, start inclusive, end exclusive). */
export interface PeriodRequest {
  readonly kind: PeriodKind;
  readonly start?: string;
  readonly end?: string;
}
