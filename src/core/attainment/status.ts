import type { Rag } from './types';

/** Percentage points below a compliance or availability target that still count as "At risk", not "Breached". */
export const AT_RISK_MARGIN = 5;

/** Status of an achieved percentage (0..100) against a target percentage (0..100). */
export function ragFor(achievedPct: number | undefined, targetPct: number | undefined): Rag | undefined {
  if (achievedPct === undefined || targetPct === undefined) return undefined;
  // Rounding noise (99.99999 for 100) must not turn Met into At risk.
  const a = Math.round(achievedPct * 1e6) / 1e6;
  if (a >= targetPct) return 'Met';
  if (a >= targetPct - AT_RISK_MARGIN) return 'At risk';
  return 'Breached';
}

const ORDER: Record<Rag, number> = { Met: 0, 'At risk': 1, Breached: 2 };

/** The worst of several statuses; undefined when none was measured. */
export function worstRag(statuses: ReadonlyArray<Rag | undefined>): Rag | undefined {
  let worst: Rag | undefined;
  for (const s of statuses) if (s !== undefined && (worst === undefined || ORDER[s] > ORDER[worst])) worst = s;
  return worst;
}
