/**
 * The one rule for status words and period wording. The custom functions, the sidebar, the Dashboard and
 * both documents take their words from here, so a representative reads the same thing everywhere.
 */
import type { Period } from '../periods/period';
import type { Rag, ServiceAttainment, TargetAttainment } from './types';
import { hoursText, percentText, shareText } from '../text';

/** The status words in order of severity, and what each means (for help texts and the SLA's glossary). */
export const STATUS_MEANINGS: ReadonlyArray<readonly [string, string]> = [
  ['Met', 'On target, with room for one more breach.'],
  ['At risk', 'On target, but one more breach would miss it (availability: under a quarter of the allowed downtime left).'],
  ['Breached', 'Below target.'],
  ['To date', 'Figures of a period still running.'],
];

/** A running period's figures are labelled with this: they can still change. */
export const TO_DATE = 'to date';

/** Shown in place of an availability figure when a service has no service hours in the period. */
export const NO_FIGURE = '—';

/** Share of the allowed downtime (the error budget) below which a met availability is At risk. */
const BUDGET_AT_RISK = 0.25;

/** Rounding noise (99.99999 for 100) must not decide a status. */
const clean = (x: number): number => Math.round(x * 1e9) / 1e9;

/**
 * Status of a compliance target: Met while the share met is at least the target even with one more
 * breached item, At risk when it is met but one more breach would take it below, Breached below it.
 */
export function complianceStatus(met: number, breached: number, targetPct: number): Rag | undefined {
  const judged = met + breached;
  if (judged === 0) return undefined;
  if (clean((met / judged) * 100) < targetPct) return 'Breached';
  return clean((met / (judged + 1)) * 100) < targetPct ? 'At risk' : 'Met';
}

/**
 * Status of availability (0..1) against a target percentage: Breached below it, At risk when less than
 * a quarter of the allowed downtime is left, Met otherwise.
 */
export function availabilityStatus(availability: number | undefined, targetPct: number | undefined): Rag | undefined {
  if (availability === undefined || targetPct === undefined) return undefined;
  const achieved = clean(availability * 100);
  if (achieved < targetPct) return 'Breached';
  const allowed = 100 - targetPct;
  const left = achieved - targetPct;
  return allowed > 0 && left < BUDGET_AT_RISK * allowed ? 'At risk' : 'Met';
}

const ORDER: Record<Rag, number> = { Met: 0, 'At risk': 1, Breached: 2 };

/** The worst of several statuses; undefined when none was measured. */
export function worstRag(statuses: ReadonlyArray<Rag | undefined>): Rag | undefined {
  let worst: Rag | undefined;
  for (const s of statuses) if (s !== undefined && (worst === undefined || ORDER[s] > ORDER[worst])) worst = s;
  return worst;
}

/** True while the period has not ended at `now`: its figures are "to date". */
export const isRunning = (period: Pick<Period, 'end'>, now: number): boolean => now < period.end;

/** "Autumn term 2026 to date" while the period runs, else its label. */
export const periodWording = (period: Pick<Period, 'end' | 'label'>, now: number): string =>
  isRunning(period, now) ? `${period.label} ${TO_DATE}` : period.label;

/** "Incident High response within 8 h: 4/5 met (80%, target 95%) At risk": one target's line. */
export function targetLine(t: TargetAttainment): string {
  const share = t.share === undefined ? 'none judged' : `${t.met}/${t.met + t.breached} met (${shareText(t.share)}, target ${percentText(t.compliance)})`;
  return `${t.type} ${t.priority ?? 'any priority'} ${t.measure} within ${hoursText(t.targetHours)}: ${share}${t.pending ? `, ${t.pending} pending` : ''}${t.status ? ` ${t.status}` : ''}`;
}

/**
 * What sets a service's status: availability or the target with that status furthest below its target.
 * Undefined when nothing was measured.
 */
export function statusDriver(s: Pick<ServiceAttainment, 'status' | 'availability' | 'availabilityTarget' | 'availabilityStatus' | 'targets'>): string | undefined {
  if (s.status === 'Met') return 'every target met';
  let text: string | undefined;
  let low = Infinity;
  const consider = (status: Rag | undefined, share: number | undefined, target: number, line: () => string) => {
    if (status && status === s.status && share !== undefined && share * 100 - target < low) {
      low = share * 100 - target;
      text = line();
    }
  };
  consider(s.availabilityStatus, s.availability, s.availabilityTarget ?? 0, () => `Availability ${shareText(s.availability)} (target ${percentText(s.availabilityTarget)})`);
  for (const t of s.targets) consider(t.status, t.share, t.compliance, () => targetLine(t));
  return text;
}
