/**
 * Clashes between the ranking and the targets: a service ranked lower (less important) that has stricter
 * targets than a higher-ranked one for the same type and priority of call. Support staff told to take the
 * higher-ranked service first would then miss the lower one's tighter target, or the ranking means nothing.
 */
import { idKey } from '../schema/ids';
import type { Priority, Service, Target } from '../schema/records';
import { hoursText, joinWords, percentText } from '../text';
import { gapSeverity, PRIORITIES, type Context } from './context';
import type { Finding } from './types';

const QUESTION = 'Clashes in priority or availability' as const;

/** -1 when `a` is looser than `b` on this figure, 1 when stricter, 0 when the same or unknown. */
const cmp = (a: number | undefined, b: number | undefined, smallerIsStricter: boolean): number =>
  a === undefined || b === undefined || Math.abs(a - b) < 1e-9 ? 0 : a < b === smallerIsStricter ? 1 : -1;

/** Whether `low`'s target is stricter than `high`'s: tighter on at least one of response, fix and share, and looser on none. */
function stricter(low: Target, high: Target): boolean {
  const c = [cmp(low.respondHours, high.respondHours, true), cmp(low.resolveHours, high.resolveHours, true), cmp(low.compliance, high.compliance, false)];
  return c.some((x) => x > 0) && !c.some((x) => x < 0);
}

const targetWords = (t: Target): string =>
  [t.respondHours !== undefined && `${hoursText(t.respondHours)} to answer`, t.resolveHours !== undefined && `${hoursText(t.resolveHours)} to fix`]
    .filter(Boolean)
    .join(' and ') + (t.compliance !== undefined ? ` at ${percentText(t.compliance)}` : '');

const ranksText = (list: readonly Service[]): string => {
  const ranks = [...new Set(list.map((s) => s.rank))].sort((a, b) => a - b);
  return ranks.length === 1 ? `rank ${ranks[0]}` : `ranks ${joinWords(ranks.map(String))}`;
};

/**
 * One finding per stricter target: the lower-ranked services on it, the higher-ranked services whose
 * target for the same priority is looser, and the priorities concerned (so a service's own strict target
 * set against the school's defaults is one finding, not one per priority and service).
 */
export function rankClashFindings(ctx: Context): Finding[] {
  const inUse = ctx.wb.services
    .filter((s) => s.status !== 'Retired' && s.status !== 'Unsupported' && ctx.wb.sla.some((r) => idKey(r.serviceId) === idKey(s.serviceId)))
    .sort((a, b) => a.rank - b.rank);
  interface Group {
    strict: Target;
    lower: Service[];
    higher: Service[];
    priorities: Priority[];
    looser: Map<Priority, Target>;
  }
  const groups = new Map<string, Group>();
  for (const priority of PRIORITIES as readonly Priority[]) {
    for (const low of inUse) {
      const t = ctx.targetFor(low, 'Incident', priority);
      if (!t) continue;
      const higher = inUse
        .filter((h) => h.rank < low.rank)
        .flatMap((h) => {
          const mine = ctx.targetFor(h, 'Incident', priority);
          return mine && mine !== t && stricter(t, mine) ? [{ h, mine }] : [];
        });
      if (!higher.length) continue;
      const key = `${t.row}|${higher.map((x) => x.h.serviceId).join(',')}`;
      const g: Group = groups.get(key) ?? { strict: t, lower: [], higher: higher.map((x) => x.h), priorities: [], looser: new Map() };
      if (!g.lower.includes(low)) g.lower.push(low);
      if (!g.priorities.includes(priority)) g.priorities.push(priority);
      g.looser.set(priority, higher[0].mine);
      groups.set(key, g);
    }
  }
  return [...groups.values()].map((g): Finding => {
    const lowNames = `${joinWords(g.lower.map((s) => s.name))} (${ranksText(g.lower)})`;
    const highNames = `${joinWords(g.higher.map((s) => s.name))} (${ranksText(g.higher)})`;
    const many = g.lower.length > 1;
    const looser = g.priorities.map((p) => `${p}: ${targetWords(g.looser.get(p)!)}`).join('; ');
    return {
      id: `rankClash:${g.lower.map((s) => s.serviceId).join('+')}:${g.priorities.join('+')}`,
      analysis: 'rankClash',
      severity: gapSeverity(ctx, g.higher[0].rank),
      question: QUESTION,
      title: `${lowNames} ${many ? 'have' : 'has'} a stricter ${joinWords(g.priorities)} incident target than ${highNames}, though ranked below`,
      evidence: `${lowNames} ${many ? 'get' : 'gets'} ${targetWords(g.strict)}; ${highNames} ${g.higher.length > 1 ? 'get' : 'gets'} less (${looser}). Calls are taken by priority, then by rank, so the more important service has the slower promise.`,
      action: `Agree with the representatives whether the targets of ${joinWords(g.higher.map((s) => s.name))} should be at least as strict, or whether the ranking should change.`,
      refs: [...g.higher, ...g.lower].map((s) => ctx.ref('services', s.row, 'rank')),
      serviceIds: [...g.higher, ...g.lower].map((s) => s.serviceId),
      figures: { lowerServices: g.lower.length, higherServices: g.higher.length },
    };
  });
}
