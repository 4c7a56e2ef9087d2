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

/** Shown where nothing could be measured (no items judged, no service hours, no target). */
const NOT_MEASURED = 'Not measured';

/** A status in words: the status, or "Not measured" when there is none. */
export const statusText = (status: Rag | undefined): string => status ?? NOT_MEASURED;

/**
 * Why a met compliance target is At risk, in words: a figure of 100% next to "At risk" must say why
 * (with few items, one miss is a large share).
 */
export const atRiskWhy = (targetPct: number): string => `one more miss would take it below ${percentText(targetPct)}`;

/** Why a met availability is At risk, in words. */
export const AVAILABILITY_AT_RISK_WHY = 'less than a quarter of the allowed downtime is left';

/** "At risk: one more miss would take it below 85%", or the status word alone. */
export const targetStatusText = (status: Rag | undefined, targetPct: number): string =>
  status === 'At risk' ? `${status}: ${atRiskWhy(targetPct)}` : statusText(status);

/** "At risk: less than a quarter of the allowed downtime is left", or the status word alone. */
export const availabilityStatusText = (status: Rag | undefined): string =>
  status === 'At risk' ? `${status}: ${AVAILABILITY_AT_RISK_WHY}` : statusText(status);

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

/** Why a service is At risk, said once next to the names of such services. */
export const SERVICE_AT_RISK_WHY = 'one more miss would breach';

/**
 * A comparison of a running period with a whole earlier one, said as such: shares and availability
 * compare, counts do not (the running period's will still grow). Undefined when the period has ended.
 */
export const comparisonCaveat = (period: Pick<Period, 'end' | 'label'>, previous: Pick<Period, 'label'>, now: number): string | undefined =>
  isRunning(period, now)
    ? `${period.label} is still running: its figures are ${TO_DATE}, set against the whole of ${previous.label}, so shares and availability compare but call counts do not yet`
    : undefined;

/** A month point of a running month, for charts and trend tables: "Nov 2026 (to date)". */
export const partLabel = (label: string, running: boolean): string => (running ? `${label} (${TO_DATE})` : label);

/** A trailing period ending today, as a phrase that reads after "in": "the 12 months to 26 November 2026". */
export const trailingPeriodLabel = (days: number, endText: string): string =>
  `the ${days === 365 || days === 366 ? '12 months' : `${days} days`} to ${endText}`;

/**
 * "Incident High response within 8 h: 5/5 met (100%, target 95%) At risk: one more miss would take it below
 * 95%": one target's line.
 */
export function targetLine(t: TargetAttainment): string {
  const share = t.share === undefined ? 'none judged' : `${t.met}/${t.met + t.breached} met (${shareText(t.share)}, target ${percentText(t.compliance)})`;
  return `${t.type} ${t.priority ?? 'any priority'} ${t.measure} within ${hoursText(t.targetHours)}: ${share}${t.pending ? `, ${t.pending} pending` : ''}${t.status ? ` ${targetStatusText(t.status, t.compliance)}` : ''}`;
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
  consider(s.availabilityStatus, s.availability, s.availabilityTarget ?? 0, 
    () => `Availability ${shareText(s.availability)} (target ${percentText(s.availabilityTarget)})${s.availabilityStatus === 'At risk' ? `: ${AVAILABILITY_AT_RISK_WHY}` : ''}`);
  for (const t of s.targets) consider(t.status, t.share, t.compliance, () => targetLine(t));
  return text;
}
