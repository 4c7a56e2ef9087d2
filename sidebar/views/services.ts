/**
 * The overview: one line per service (its name, status word, a reason in a few words and its availability),
 * read at a glance in the 300 px panel; the figures behind it open under the line (a native <details>).
 */
import type { Overview, ServiceView, TargetView } from '../../src/api';
import { byId, el, replace } from '../dom';
import { percentText, plural, shareText, shortDate } from '../../src/core/text';
import { hours, ragClass, ragText } from '../format';
import { AVAILABILITY_AT_RISK_WHY, atRiskWhy } from '../../src/core/attainment/status';

const badge = (status: ServiceView['status']) => el('span', { class: ragClass(status) }, ragText(status));

function targetLine(t: TargetView): HTMLLIElement {
  const who = `${t.priority === 'Any' ? 'All' : t.priority} ${t.type.toLowerCase()}s`;
  const what = `${t.measure === 'response' ? 'respond' : 'resolve'} within ${hours(t.targetHours)}`;
  const counted = t.met + t.breached;
  const result =
    counted > 0
      ? `${t.met} of ${counted} met (${shareText(t.share)}), target ${percentText(t.compliance)}`
      : t.noResponseTime
        ? 'none judged'
        : 'none finished yet';
  return el(
    'li',
    { class: 'target' },
    el('div', { class: 'row' }, el('span', {}, `${who}: ${what}`), badge(t.status)),
    el(
      'div',
      { class: 'gray small' },
      result,
      t.pending ? `; ${t.pending} pending` : '',
      t.noResponseTime ? `; ${t.noResponseTime} resolved with no response time recorded (not judged)` : '',
      t.status === 'At risk' ? `; at risk: ${atRiskWhy(t.compliance)}` : '',
    ),
  );
}

function stageText(s: ServiceView): string {
  const sla = s.slaStatus === 'No SLA' ? 'no SLA yet' : s.slaStatus === 'Negotiation' ? 'SLA in negotiation' : `SLA ${s.slaStatus.toLowerCase()}`;
  const parts = [`Rank ${s.rank}`, sla];
  if (s.nextReview) parts.push(`review ${shortDate(s.nextReview)}`);
  return parts.join(' · ');
}

function availabilityText(s: ServiceView): string {
  if (s.availability === null) return 'Availability: — (no service hours in this period)';
  return `Availability ${shareText(s.availability)}${s.availabilityTarget === null ? ' (no target)' : `, target ${percentText(s.availabilityTarget)}`}`;
}

/** Planned maintenance, reported apart from incidents and requests; null when there was none. */
function maintenanceLine(s: ServiceView): HTMLDivElement | null {
  const p = s.plannedMaintenance;
  if (!p.items && !p.announcedHours && !p.unannounced.length) return null;
  const announced = p.announcedHours ? `, ${hours(p.announcedHours)} announced beforehand (not downtime)` : '';
  const late = p.unannounced.length ? `; logged after it began, so counted as downtime: ${p.unannounced.join(', ')}` : '';
  return el('div', { class: 'gray small' }, `Planned maintenance: ${p.items}${announced}${late}`);
}

/** The server's plain-words reason as the start of a line. */
const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "available 99.6%", or nothing when there is no figure. */
const availabilityShort = (s: ServiceView): string | null => (s.availability === null ? null : `available ${shareText(s.availability)}`);

function serviceItem(s: ServiceView): HTMLLIElement {
  const counts = `${s.met} on target, ${s.breached} breached${s.pending ? `, ${s.pending} pending` : ''}`;
  const available = availabilityShort(s);
  // A service still being agreed is judged against its proposed targets: said on its line, as the review says it.
  const chip =
    s.slaStatus === 'Negotiation' && s.status
      ? el('span', { class: 'chip review' }, 'Proposed targets')
      : s.reviewOverdue
        ? el('span', { class: 'chip overdue' }, 'Review overdue')
        : s.reviewDue
          ? el('span', { class: 'chip review' }, 'Review due')
          : null;
  return el(
    'li',
    { class: 'service', 'data-service': s.serviceId },
    el(
      'details',
      { class: 'service-details' },
      el(
        'summary',
        {},
        el('span', { class: 'row' }, el('h3', { class: 'name' }, s.name), badge(s.status)),
        el('span', { class: 'reason small' }, sentence(s.reason), available ? ` · ${available}` : '', chip),
      ),
      el(
        'div',
        { class: 'more' },
        el('div', { class: 'gray small' }, stageText(s)),
        el(
          'div',
          { class: 'figures' },
          el(
            'div',
            {},
            availabilityText(s),
            ' ',
            s.availabilityStatus ? el('span', { class: `${ragClass(s.availabilityStatus)} small-badge` }, s.availabilityStatus) : null,
            s.availabilityStatus === 'At risk' ? el('div', { class: 'gray small' }, `At risk: ${AVAILABILITY_AT_RISK_WHY}`) : null,
          ),
          el('div', {}, `Incidents and requests: ${counts}`),
          maintenanceLine(s),
        ),
        s.targets.length
          ? el('ul', { class: 'targets', 'aria-label': `Targets of ${s.name}` }, ...s.targets.map(targetLine))
          : el('div', { class: 'gray small' }, 'No incidents or requests against targets in this period.'),
      ),
    ),
  );
}

/** Draws the services and the headline counts. */
export function showServices(overview: Overview): void {
  const list = byId('services');
  const summary = byId('services-summary');
  const counts = { Met: 0, 'At risk': 0, Breached: 0, 'Too few to judge': 0 } as Record<string, number>;
  for (const s of overview.services) if (s.status) counts[s.status] += 1;
  const unmeasured = overview.services.filter((s) => !s.status).length;
  const proposedBreached = overview.services.filter((s) => s.status === 'Breached' && s.slaStatus === 'Negotiation').length;
  replace(byId('services-count'), String(overview.services.length));
  if (overview.services.length === 0) {
    replace(summary, 'No services on the Services tab yet. Add them there, or run Set up workbook and load the example school.');
  } else {
    replace(
      summary,
      `${overview.periodWording}: ${counts.Met} met, ${counts['At risk']} at risk, ${counts.Breached} breached` +
        (proposedBreached ? ` (${proposedBreached} against proposed targets, still being agreed)` : '') +
        (counts['Too few to judge'] ? `, ${counts['Too few to judge']} too few to judge` : '') +
        (unmeasured ? `, ${plural(unmeasured, 'service')} not measured.` : '.') +
        (overview.leftOut ? ` ${plural(overview.leftOut, 'incident row')} left out: a cell could not be read (Check workbook names each).` : ''),
    );
  }
  // A service opened stays open when the figures are drawn again (another period, Refresh).
  const open = new Set(
    Array.from(list.querySelectorAll<HTMLElement>('li.service'))
      .filter((li) => li.querySelector('details[open]'))
      .map((li) => li.dataset.service),
  );
  replace(
    list,
    ...overview.services.map((s) => {
      const item = serviceItem(s);
      if (open.has(s.serviceId)) item.querySelector('details')!.open = true;
      return item;
    }),
  );
}
