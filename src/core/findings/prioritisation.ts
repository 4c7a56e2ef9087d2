/** Prioritisation trends: where the work goes (share of items and of fix time per service) against the school's ranking. */
import { PLANNED_MAINTENANCE } from '../attainment/model';
import { periodWording } from '../attainment/status';
import type { Context } from './context';
import { resolvedItems } from './resolution';
import { EFFORT_OUTWEIGH_RATIO, MIN_EFFORT_SHARE, MIN_TREND_ITEMS } from './thresholds';
import type { Finding } from './types';
import { hoursText, plural, shareText } from '../text';
import { idKey } from '../schema/ids';

const QUESTION = 'Trends in how work is prioritised' as const;

/** The services ranked high priority, said with their cut-off: "the top 3 services" ("the top service" for one). */
const topWords = (highRank: number, any: string): string => (highRank === 1 ? 'the top service' : `${any}the top ${highRank} services`);

interface Effort {
  readonly id: string;
  readonly name: string;
  readonly rank: number;
  readonly row: number | undefined;
  /** False when the service has no readable hours to measure fix time in. */
  readonly measurable: boolean;
  items: number;
  fixHours: number;
}

export function prioritisationFindings(ctx: Context): Finding[] {
  const { start, end } = ctx.period;
  const logged = ctx.wb.incidents.filter((i) => i.opened >= start && i.opened < end && i.type !== PLANNED_MAINTENANCE);
  if (logged.length < MIN_TREND_ITEMS) return [];
  const highRank = ctx.settings.highPriorityRank;
  const by = new Map<string, Effort>();
  const effortOf = (serviceId: string): Effort => {
    const key = idKey(serviceId);
    let e = by.get(key);
    if (!e) {
      const s = ctx.service(serviceId);
      e = {
        id: s?.serviceId ?? serviceId.trim(),
        name: s?.name ?? `${serviceId.trim()} (not in the catalogue)`,
        rank: s?.rank ?? Infinity,
        row: s?.row,
        measurable: s !== undefined && ctx.supportHours(s).kind === 'ok',
        items: 0,
        fixHours: 0,
      };
      by.set(key, e);
    }
    return e;
  };
  for (const s of ctx.wb.services) effortOf(s.serviceId);
  for (const i of logged) effortOf(i.serviceId).items++;
  for (const r of resolvedItems(ctx)) effortOf(r.incident.serviceId).fixHours += r.hours;
  const list = [...by.values()].sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id));
  const totalItems = logged.length;
  const totalFix = list.reduce((t, e) => t + e.fixHours, 0);
  const fixShare = (e: Effort) => (totalFix > 0 ? e.fixHours / totalFix : 0);
  const out: Finding[] = [];
  out.push({
    id: 'prioritisation:summary',
    analysis: 'prioritisation',
    severity: 'info',
    question: QUESTION,
    title: `Where the work went in ${periodWording(ctx.period, ctx.now)}: ${plural(totalItems, 'item')} and ${hoursText(totalFix)} of fix time`,
    evidence: `In ${periodWording(ctx.period, ctx.now)}: ${list
      .filter((e) => e.items > 0 || e.rank <= highRank)
      .map(
        (e) =>
          `${Number.isFinite(e.rank) ? `${e.rank}. ` : ''}${e.name} ${shareText(e.items / totalItems)} of items, ${e.measurable ? `${shareText(fixShare(e))} of fix time` : 'fix time not measurable (no hours)'}`,
      )
      .join('; ')}.`,
    action: 'Compare where effort goes with what the school said matters; agree with the representatives whether the ranking or the work should change.',
    refs: list.filter((e) => e.row !== undefined).map((e) => ctx.ref('services', e.row!, 'rank')),
    serviceIds: list.map((e) => e.id),
    figures: { items: totalItems, fixHours: totalFix },
  });
  const high = list.filter((e) => e.rank <= highRank);
  if (high.length === 0 || totalFix <= 0) return out;
  const top = high.reduce((a, b) => (fixShare(b) > fixShare(a) ? b : a));
  for (const e of list) {
    if (e.rank <= highRank) continue;
    const sh = fixShare(e);
    if (sh < MIN_EFFORT_SHARE || sh < EFFORT_OUTWEIGH_RATIO * fixShare(top)) continue;
    out.push({
      id: `prioritisation:outweighs:${e.id}`,
      analysis: 'prioritisation',
      severity: 'low',
      question: QUESTION,
      title: `${e.name}${Number.isFinite(e.rank) ? ` (rank ${e.rank})` : ''} took ${shareText(sh)} of fix time, more than ${topWords(highRank, 'any of ')}`,
      evidence: `In ${periodWording(ctx.period, ctx.now)}, ${e.name} had ${plural(e.items, 'item')} and ${hoursText(e.fixHours)} of fix time (${shareText(sh)}); the busiest of ${topWords(highRank, '')}, ${top.name} (rank ${top.rank}), took ${hoursText(top.fixHours)} (${shareText(fixShare(top))}).`,
      action: `Find out why ${e.name} takes so much support time (repeat faults, a weak supplier, training); review its rank and its support with the representatives.`,
      refs: e.row !== undefined ? [ctx.ref('services', e.row, 'rank')] : [],
      serviceIds: [e.id],
      figures: { items: e.items, fixHours: e.fixHours, fixShare: sh, topHighPriorityShare: fixShare(top) },
    });
  }
  return out;
}
