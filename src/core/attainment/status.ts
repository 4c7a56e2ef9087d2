/**
 * The one rule for status words and period wording. The custom functions, the sidebar, the Dashboard and
 * both documents take their words from here, so a representative reads the same thing everywhere.
 */
import type { Period } from '../periods/period';
import type { Rag, TargetAttainment } from './types';
import { hoursText, percentText, plural, shareText } from '../text';

/** The word for a target judged on fewer items than the Settings tab's minimum. */
export const TOO_FEW = 'Too few to judge';

/**
 * The status words in order of severity, and what each means in plain words (for help texts and the SLA's
 * glossary, read by governors and staff as much as by the service manager).
 */
export const STATUS_MEANINGS: ReadonlyArray<readonly [string, string]> = [
  [
    TOO_FEW,
    'Too few calls so far to say fairly whether the promise is kept (fewer than the number the school set, 10 unless changed). The counts are still shown, such as "2 of 3 met". If so many calls were already late that the promise cannot be kept however the next ones go, it reads Breached instead.',
  ],
  ['Met', 'The promise is kept, with room to spare: one more late call would not break it.'],
  [
    'At risk',
    'The promise is kept, but only just: one more late call would break it (for availability: less than a quarter of the downtime the agreement allows is left).',
  ],
  ['Breached', 'The promise was not kept: too few calls were dealt with in time, or the service was down for longer than the agreement allows.'],
  ['To date', 'The period is still running, so its figures can still change.'],
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
 * Status of a compliance target judged on `met` + `breached` items, with `fewest` the fewest items to judge
 * it on (the Settings tab's). Below that it is Too few to judge, unless its misses already make the target
 * unreachable even if every item up to `fewest` were met: then Breached. At or above it: Met while the share met is at least the target even with one more
 * breached item, At risk when it is met but one more breach would take it below, Breached below it.
 */
export function complianceStatus(met: number, breached: number, targetPct: number, fewest: number): Rag | undefined {
  const judged = met + breached;
  if (judged === 0) return undefined;
  if (judged < fewest) {
    // Out of reach even if every item up to the minimum were met: the misses already decide it.
    return clean(((met + fewest - judged) / fewest) * 100) < targetPct ? 'Breached' : TOO_FEW;
  }
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

const ORDER: Record<Rag, number> = { [TOO_FEW]: 0, Met: 1, 'At risk': 2, Breached: 3 };

/**
 * The worst of several statuses; undefined when none was measured. Too few to judge gives way to any
 * judged status (a target met and one too few to judge: Met).
 */
export function worstRag(statuses: ReadonlyArray<Rag | undefined>): Rag | undefined {
  let worst: Rag | undefined;
  for (const s of statuses) if (s !== undefined && (worst === undefined || ORDER[s] > ORDER[worst])) worst = s;
  return worst;
}

/**
 * A service's status from its availability's and its targets' statuses: the worst of them, except that a
 * service whose targets are all too few to judge and whose availability is met (or has no figure) reads
 * Too few to judge, never a Met it has not shown.
 */
export function serviceStatus(availability: Rag | undefined, targets: ReadonlyArray<Rag | undefined>): Rag | undefined {
  const judged = targets.filter((t) => t !== undefined);
  if (judged.length > 0 && judged.every((t) => t === TOO_FEW) && (availability === undefined || availability === 'Met')) return TOO_FEW;
  return worstRag([availability, ...judged]);
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
 * "Incident High response within 8 h: 5 of 5 met (100%, target 95%) At risk: one more miss would take it below
 * 95%": one target's line.
 */
export function targetLine(t: TargetAttainment): string {
  const share = t.share === undefined ? 'none judged' : `${t.met} of ${t.met + t.breached} met (${shareText(t.share)}, target ${percentText(t.compliance)})`;
  return `${t.type} ${t.priority ?? 'any priority'} ${t.measure} within ${hoursText(t.targetHours)}: ${share}${t.pending ? `, ${t.pending} pending` : ''}${t.status ? ` ${targetStatusText(t.status, t.compliance)}` : ''}`;
}

/**
 * What sets a service's status, in plain words (statusReason): the "Status set by" of the Dashboard and the
 * review, and the panel's. Undefined when nothing was measured.
 */
export const statusDriver = (s: ReasonService): string | undefined => (s.status === undefined || s.status === null ? undefined : statusReason(s));

// ---------------------------------------------------------------- plain words

/** A target's figures as the reason wording needs them (the engine's or the panel's copy, blanks as null). */
export interface ReasonTarget {
  readonly type: string;
  readonly priority?: string | null;
  readonly measure: 'response' | 'resolution';
  readonly compliance: number;
  /** The target time: "32 of 37 answered within 1 h" says what on time means. */
  readonly targetHours?: number | null;
  readonly met: number;
  readonly breached: number;
  readonly share?: number | null;
  readonly status?: Rag | null;
  /** The fewest items to judge on (Settings tab); said beside "too few to judge". */
  readonly fewest?: number | null;
}

/** A service's figures as the reason wording needs them. */
export interface ReasonService {
  readonly status?: Rag | null;
  readonly availability?: number | null;
  readonly availabilityTarget?: number | null;
  readonly availabilityStatus?: Rag | null;
  readonly downtimeHours?: number | null;
  readonly items?: number | null;
  readonly met: number;
  readonly breached: number;
  readonly targets: readonly ReasonTarget[];
  readonly hoursError?: string | null;
}

const priorityWords = (p: string | null | undefined): string => (!p || p === 'Any' ? '' : p === 'Critical' ? 'critical ' : `${p} priority `);

/** "5 slow first replies to critical incidents", "1 late fix", "no late fixes": a target's misses in words. */
function missWords(t: ReasonTarget, n: number): string {
  const count = n === 0 ? 'no' : String(n);
  const kind = `${priorityWords(t.priority)}${t.type === 'Request' ? 'requests' : 'incidents'}`;
  const scoped = Boolean(priorityWords(t.priority)) || t.type === 'Request';
  if (t.measure === 'response') return `${count} slow first ${n === 1 ? 'reply' : 'replies'}${scoped ? ` to ${kind}` : ''}`;
  if (t.type === 'Request') return `${count} ${priorityWords(t.priority)}${n === 1 ? 'request' : 'requests'} done late`;
  return `${count} late ${n === 1 ? 'fix' : 'fixes'}${scoped ? ` of ${kind}` : ''}`;
}

const spaced = (when: string | undefined): string => (when ? ` ${when}` : '');

/**
 * One target's status in plain words, for a person rather than an auditor: "5 slow first replies this term
 * (32 of 37 answered within 1 h, target 90%)", "2 of 3 fixed within 4 h: too few to judge (10 needed)". `when` names
 * the period as it reads after the figures ("this term"); leave it out where the period is said nearby.
 */
export function targetReason(t: ReasonTarget, when?: string): string {
  const judged = t.met + t.breached;
  const target = percentText(t.compliance);
  const onTime =
    t.targetHours === undefined || t.targetHours === null
      ? 'on time'
      : `${t.measure === 'response' ? 'answered' : t.type === 'Request' ? 'done' : 'fixed'} within ${hoursText(t.targetHours)}`;
  const counts = `${t.met} of ${judged} ${onTime}, target ${target}`;
  const fewest = t.fewest ?? undefined;
  switch (t.status) {
    case 'Breached':
      return `${missWords(t, t.breached)}${spaced(when)} (${counts})${fewest !== undefined && judged < fewest ? `: cannot reach ${target} even if the next ${fewest - judged === 1 ? 'one is' : `${fewest - judged} are`} on time` : ''}`;
    case 'At risk':
      return `${missWords(t, t.breached)}${spaced(when)} (${counts}): one more would take it below ${target}`;
    case 'Met':
      return `${t.met} of ${judged} ${onTime}${spaced(when)} (target ${target})`;
    case TOO_FEW:
      return `${t.met} of ${judged} ${onTime}${spaced(when)}: too few to judge${fewest !== undefined ? ` (${fewest} needed)` : ''}`;
    default:
      return `nothing judged yet${spaced(when)}`;
  }
}

/** Availability's status in plain words: "down 6 h this month: 97.1% available (target 99%)". */
function availabilityReason(s: Pick<ReasonService, 'availability' | 'availabilityTarget' | 'availabilityStatus' | 'downtimeHours'>, when?: string): string {
  if (s.availability === undefined || s.availability === null) return `no availability figure${spaced(when)}`;
  const figures = `${shareText(s.availability)} available${spaced(when)} (target ${percentText(s.availabilityTarget)})`;
  if (s.availabilityStatus === 'Breached' && s.downtimeHours)
    return `down ${hoursText(s.downtimeHours)}${spaced(when)}: ${shareText(s.availability)} available (target ${percentText(s.availabilityTarget)})`;
  return s.availabilityStatus === 'At risk' ? `${figures}: ${AVAILABILITY_AT_RISK_WHY}` : figures;
}

/**
 * Why a service has its status, in a few plain words: the panel, the Dashboard, the digest and the documents
 * all say it this way. "5 slow first replies this term (32 of 37 on time, target 90%)"; "12 of 12 calls on
 * time (on target)"; "2 of 3 calls on time: too few to judge (10 needed)". The service's name is the
 * caller's to put in front ("Email: …").
 */
export function statusReason(s: ReasonService, when?: string): string {
  const judged = s.met + s.breached;
  switch (s.status) {
    case undefined:
    case null:
      return s.hoursError ?? (s.items ? `nothing judged yet${spaced(when)}` : `no calls${spaced(when)}`);
    case 'Met':
      return judged ? `${s.met} of ${plural(judged, 'call')} on time${spaced(when)}, every target met` : `every target met${spaced(when)}`;
    case TOO_FEW: {
      const fewest = s.targets.find((t) => t.fewest)?.fewest;
      // Calls spread over several targets can number more than the minimum while each target has fewer.
      const need = !fewest ? '' : judged >= fewest ? ` (each target needs ${fewest})` : ` (${fewest} needed)`;
      return `${s.met} of ${plural(judged, 'call')} on time${spaced(when)}: ${judged >= (fewest ?? Infinity) ? 'too few per target to judge' : 'too few to judge'}${need}`;
    }
    default: {
      // What sets it: availability or the target with that status furthest below its target.
      const margin = (share: number | null | undefined, target: number) => (share === null || share === undefined ? Infinity : share * 100 - target);
      const same = s.targets.filter((t) => t.status === s.status).sort((a, b) => margin(a.share, a.compliance) - margin(b.share, b.compliance));
      const availability = s.availabilityStatus === s.status ? margin(s.availability, s.availabilityTarget ?? 0) : Infinity;
      if (same.length === 0 || availability < margin(same[0].share, same[0].compliance)) {
        return `${availabilityReason(s, when)}${same.length ? `; ${plural(same.length, 'target')} ${s.status === 'Breached' ? 'missed' : 'at risk'} too` : ''}`;
      }
      const more = same.length - 1 + (s.availabilityStatus === s.status ? 1 : 0);
      return `${targetReason(same[0], when)}${more ? `; ${more} more ${more === 1 ? 'target' : 'targets'} ${s.status === 'Breached' ? 'missed' : 'at risk'}` : ''}`;
    }
  }
}
