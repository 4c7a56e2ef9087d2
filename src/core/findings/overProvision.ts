/** Over-provision: contract hours or speed well beyond what any service it underpins needs, with its cost. */
import { formatHours, uncoveredHours, weeklyHours } from '../time/hours';
import { contractLabel, describeHours, minOf, PRIORITIES, type Context } from './context';
import { OVER_HOURS_RATIO, OVER_SPEED_RATIO } from './thresholds';
import type { Finding } from './types';
import { patternIn, unionPatterns } from '../time/weekly';
import { appendAll } from '../values';
import { hoursText, longDate, moneyText } from '../text';

export function overProvisionFindings(ctx: Context): Finding[] {
  const out: Finding[] = [];
  for (const c of ctx.wb.contracts) {
    const services = ctx.servicesOf(c);
    if (services.length === 0) continue;
    const reasons: string[] = [];
    const short: string[] = [];
    const figures: Record<string, number> = {};
    const refs = [ctx.ref('contracts', c.row)];
    const names = services.map((s) => s.name).join(', ');

    const hours = ctx.contractHours(c);
    const needs = services.map((s) => ctx.serviceHours(s));
    if (hours.kind === 'ok' && needs.every((n) => n.kind === 'ok')) {
      const okNeeds = needs.map((n) => (n.kind === 'ok' ? n : undefined)!);
      const zone = okNeeds[0].resolved.timeZone;
      const need = unionPatterns(okNeeds.map((n) => patternIn(n.resolved, zone, ctx.now)));
      const have = patternIn(hours.resolved, zone, ctx.now);
      const needH = weeklyHours(need);
      const haveH = weeklyHours(have);
      const excess = uncoveredHours(have, need).hoursPerWeek;
      if (excess > 0 && haveH >= OVER_HOURS_RATIO * needH) {
        const needText = okNeeds.length === 1 ? describeHours(okNeeds[0]) : formatHours(need);
        reasons.push(
          `It covers ${describeHours(hours)} (${hoursText(haveH)} a week) where ${names} ${services.length === 1 ? 'needs' : 'need'} ${needText} (${hoursText(needH)} a week): ${hoursText(excess)} a week of cover no listed service needs.`,
        );
        short.push(`${formatHours(hours.resolved.hours)} against ${needText}`);
        Object.assign(figures, { contractHoursPerWeek: haveH, neededHoursPerWeek: needH, excessHoursPerWeek: excess });
        appendAll(refs, [ctx.ref('contracts', c.row, 'supportHours'), ...services.map((s) => ctx.ref('services', s.row, 'serviceHours'))]);
      }
    }

    const targets = services.flatMap((s) => PRIORITIES.map((p) => ctx.targetFor(s, 'Incident', p))).filter((t) => t !== undefined);
    const allTargeted = services.every((s) => PRIORITIES.some((p) => ctx.targetFor(s, 'Incident', p) !== undefined));
    const tight = (key: 'resolveHours' | 'respondHours') => {
      const hs = targets.map((t) => t[key]).filter((h): h is number => h !== undefined);
      const min = minOf(hs);
      return min === undefined ? undefined : { hours: min, rows: [...new Set(targets.filter((t) => t[key] === min).map((t) => t.row))] };
    };
    const speed = (value: number | undefined, key: 'resolveHours' | 'respondHours', contractKey: 'fixHours' | 'respondHours', word: string) => {
      const t = tight(key);
      if (!allTargeted || value === undefined || !t) return;
      // A fix follows the school's own handling, as the target chain has it: judge it against the time left.
      const handling = ctx.settings.handlingHours;
      const left = t.hours - (key === 'resolveHours' ? handling : 0);
      if (value > OVER_SPEED_RATIO * left) return;
      reasons.push(
        `It ${word} within ${hoursText(value)} where the tightest incident target of ${names} allows ${hoursText(t.hours)}${left < t.hours ? ` (${hoursText(left)} after ${hoursText(handling)} of the school's own handling)` : ''}.`,
      );
      short.push(`${word === 'fixes' ? 'fix' : 'response'} in ${hoursText(value)} against ${hoursText(t.hours)}`);
      figures[contractKey === 'fixHours' ? 'fixHours' : 'respondHours'] = value;
      figures[contractKey === 'fixHours' ? 'tightestResolveHours' : 'tightestRespondHours'] = t.hours;
      appendAll(refs, [ctx.ref('contracts', c.row, contractKey), ...t.rows.map((row) => ctx.ref('targets', row, key))]);
    };
    speed(c.fixHours, 'resolveHours', 'fixHours', 'fixes');
    speed(c.respondHours, 'respondHours', 'respondHours', 'responds');
    if (reasons.length === 0) continue;

    const cost = c.annualCost === undefined ? 'Its annual cost is not recorded.' : `It costs ${moneyText(c.annualCost)} a year.`;
    const renewal = c.renewal === undefined ? '' : ` It renews on ${longDate(c.renewal, ctx.wb.timeZone)}.`;
    if (c.annualCost !== undefined) {
      figures.annualCost = c.annualCost;
      refs.push(ctx.ref('contracts', c.row, 'annualCost'));
    }
    out.push({
      id: `overProvision:${c.contractRef}`,
      analysis: 'overProvision',
      severity: 'low',
      question: 'Third-party response or fix issues',
      title: `${contractLabel(c)} gives more than ${names} ${services.length === 1 ? 'needs' : 'need'}: ${short.join('; ')}${c.annualCost === undefined ? '' : ` (${moneyText(c.annualCost)} a year)`}`,
      evidence: `${reasons.join(' ')} ${cost}${renewal}`,
      action: `Review what ${names} really ${services.length === 1 ? 'needs' : 'need'} with the representatives, and find the cost of a contract matching those hours and targets before it renews: a possible saving.`,
      refs,
      serviceIds: services.map((s) => s.serviceId),
      contractRef: c.contractRef,
      figures,
    });
  }
  return out;
}
