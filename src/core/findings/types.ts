import type { TabKey } from '../schema/types';

/** The five questions a service review asks (the Reviews tab's Question values). */
export type ReviewQuestion =
  | 'Services we did not know existed'
  | 'Trends in how work is prioritised'
  | 'Clashes in priority or availability'
  | 'Third-party response or fix issues'
  | 'Other support issues';

export type FindingAnalysis =
  | 'coverage'
  | 'targetChain'
  | 'overProvision'
  | 'weakestLink'
  | 'unknowns'
  | 'supplierPerformance'
  | 'prioritisation'
  | 'lifecycle'
  | 'rankClash';

export type Severity = 'high' | 'medium' | 'low' | 'info';

/** A cell or row of the workbook that a finding rests on. */
export interface RowRef {
  readonly tab: TabKey;
  /** The tab's name as the sheet shows it, e.g. "Contracts". */
  readonly tabName: string;
  /** Sheet row (1 is the header). */
  readonly row: number;
  /** Column header of the cell that matters, when one does. */
  readonly column?: string;
}

/** Something the workbook shows that the service manager should look at, with its evidence. */
export interface Finding {
  /** Stable id, e.g. "coverage:WB1:PRINT". */
  readonly id: string;
  readonly analysis: FindingAnalysis;
  readonly severity: Severity;
  readonly question: ReviewQuestion;
  readonly title: string;
  readonly evidence: string;
  readonly action: string;
  readonly refs: RowRef[];
  readonly serviceIds: string[];
  readonly contractRef?: string;
  /** The figures behind the evidence (hours a week, costs, counts), by name, for documents and tests. */
  readonly figures?: Readonly<Record<string, number>>;
}
