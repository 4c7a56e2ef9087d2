import { availabilityStatus, complianceStatus } from '../../../src/core/attainment/status';
import { computeAttainment } from '../../../src/core/attainment/compute';
import type { ServiceAttainment, TargetAttainment } from '../../../src/core/attainment/types';
import { at, baseTabs, period, workbook, type Tabs } from './fixture';

const NOV = period('2026-11-02', '2026-11-09'); // Monday to Monday

const svc = (tabs: Tabs, id: string, p = NOV, asOf?: number): ServiceAttainment =>
  computeAttainment(workbook(tabs), p, { asOf }).services.find((s) => s.serviceId === id)!;
const target = (s: ServiceAttainment, measure: 'response' | 'resolution', type = 'Incident'): TargetAttainment =>
  s.targets.find((t) => t.measure === measure && t.type === type)!;

const inc = (ref: string, o: Record<string, unknown>): Record<string, unknown> => ({ ref, serviceId: 'EMAIL', type: 'Incident', priority: 'Medium', ...o });

describe('response and resolution', () => {
  test('working time is measured in support hours: overnight does not count', () => {
    const tabs = { ...baseTabs(), incidents: [inc('I1', { opened: '2026-11-02 17:00', responded: '2026-11-03 08:30', resolved: '2026-11-03 10:30' })] };
    const s = svc(tabs, 'EMAIL');
    // Response 1.5 h (17:00-18:00 + 08:00-08:30) > 1 h; resolution 3.5 h <= 4 h.
    expect(target(s, 'response')).toMatchObject({ met: 0, breached: 1, pending: 0 });
    expect(target(s, 'response').breaches[0]).toMatchObject({ ref: 'I1', actualHours: 1.5, targetHours: 1, open: false });
    expect(target(s, 'resolution')).toMatchObject({ met: 1, breached: 0 });
  });

  test('support hours, when given, replace service hours for response and resolution', () => {
    const tabs = baseTabs();
    tabs.services = [{ ...tabs.services![0], supportHours: 'Mon-Fri 09:00-17:00' }, tabs.services![1]];
    tabs.incidents = [inc('I1', { opened: '2026-11-02 16:30', responded: '2026-11-03 09:20' })];
    // 16:30-17:00 + 09:00-09:20 = 50 min <= 1 h.
    expect(target(svc(tabs, 'EMAIL', NOV), 'response')).toMatchObject({ met: 1, breached: 0 });
  });

  test('a resolved item with no response time is not judged for response, and is counted', () => {
    const tabs = {
      ...baseTabs(),
      incidents: [
        inc('I1', { opened: '2026-11-02 09:00', resolved: '2026-11-02 09:45' }),
        inc('I2', { opened: '2026-11-02 09:00', resolved: '2026-11-02 12:00' }),
        inc('I3', { opened: '2026-11-02 09:00', responded: '2026-11-02 11:00', resolved: '2026-11-02 12:00' }),
      ],
    };
    const s = svc(tabs, 'EMAIL');
    expect(target(s, 'response')).toMatchObject({ met: 0, breached: 1, noResponseTime: 2 });
    expect(target(s, 'response').breaches.map((b) => b.ref)).toEqual(['I3']);
    expect(target(s, 'resolution')).toMatchObject({ met: 3, breached: 0, noResponseTime: 0 });
    expect(s).toMatchObject({ noResponseTime: 2, met: 2, breached: 1 });
  });

  test('an open item past its response due time with no response is breached; before it, pending', () => {
    const tabs = { ...baseTabs(), incidents: [inc('LATE', { opened: '2026-11-02 09:00' }), inc('SOON', { opened: '2026-11-02 11:30' })] };
    const s = svc(tabs, 'EMAIL', NOV, at('2026-11-02 12:00'));
    expect(target(s, 'response')).toMatchObject({ met: 0, breached: 1, pending: 1, noResponseTime: 0 });
    expect(target(s, 'response').breaches).toEqual([expect.objectContaining({ ref: 'LATE', open: true, actualHours: 3 })]);
  });

  test('12 resolved items with no Responded time and 2 h fixes against 1 h / 8 h: response not judged, the service not breached', () => {
    const tabs = baseTabs();
    tabs.targets = [{ serviceId: 'ALL', type: 'Incident', respondHours: 1, resolveHours: 8, compliance: 90 }];
    tabs.incidents = Array.from({ length: 12 }, (_, k) => inc(`N${k}`, { opened: `2026-11-0${2 + (k % 5)} 09:00`, resolved: `2026-11-0${2 + (k % 5)} 11:00` }));
    const s = svc(tabs, 'EMAIL');
    expect(target(s, 'response')).toMatchObject({ met: 0, breached: 0, share: undefined, noResponseTime: 12 });
    expect(target(s, 'response').status).not.toBe('Breached');
    expect(target(s, 'resolution')).toMatchObject({ met: 12, breached: 0, status: 'Met' });
    expect(s).toMatchObject({ met: 12, breached: 0, noResponseTime: 12 });
    expect(s.status).not.toBe('Breached');
  });

  test('time on hold is deducted from resolution, not from response', () => {
    const tabs = {
      ...baseTabs(),
      incidents: [
        inc('I1', { opened: '2026-11-02 09:00', responded: '2026-11-02 09:30', resolved: '2026-11-02 15:00', onHoldHours: 2.5 }),
        inc('I2', { opened: '2026-11-02 09:00', responded: '2026-11-02 09:30', resolved: '2026-11-02 15:00', onHoldHours: 1.5 }),
      ],
    };
    const s = svc(tabs, 'EMAIL');
    // 6 h less 2.5 h = 3.5 h (met); 6 h less 1.5 h = 4.5 h (breached).
    expect(target(s, 'resolution')).toMatchObject({ met: 1, breached: 1 });
    expect(target(s, 'resolution').breaches[0]).toMatchObject({ ref: 'I2', actualHours: 4.5 });
  });

  test('exactly on target is met', () => {
    const tabs = { ...baseTabs(), incidents: [inc('I1', { opened: '2026-11-02 09:00', responded: '2026-11-02 10:00', resolved: '2026-11-02 13:00' })] };
    const s = svc(tabs, 'EMAIL');
    expect(target(s, 'response')).toMatchObject({ met: 1, breached: 0 });
    expect(target(s, 'resolution')).toMatchObject({ met: 1, breached: 0 });
  });

  test('requests are measured against their own targets: a new account within 2 days (20 working hours)', () => {
    const tabs = {
      ...baseTabs(),
      incidents: [
        // Opened Monday 10:00, done Wednesday 11:00: 8 + 10 + 3 = 21 h — too slow for a request.
        inc('R1', { type: 'Request', opened: '2026-11-02 10:00', responded: '2026-11-02 11:00', resolved: '2026-11-04 11:00' }),
        // Opened Monday 10:00, done Tuesday 17:00: 17 h — met.
        inc('R2', { type: 'Request', opened: '2026-11-02 10:00', responded: '2026-11-02 11:00', resolved: '2026-11-03 17:00' }),
        inc('I1', { opened: '2026-11-02 10:00', responded: '2026-11-02 11:00', resolved: '2026-11-03 17:00' }),
      ],
    };
    const s = svc(tabs, 'EMAIL');
    expect(target(s, 'resolution', 'Request')).toMatchObject({ targetHours: 20, met: 1, breached: 1 });
    expect(target(s, 'resolution', 'Request').breaches[0]).toMatchObject({ ref: 'R1', actualHours: 21 });
    expect(target(s, 'resolution', 'Incident')).toMatchObject({ targetHours: 4, met: 0, breached: 1 });
    expect(target(s, 'response', 'Request')).toMatchObject({ met: 2 });
  });
});

describe('target lookup: the most specific row wins', () => {
  const tabs = (): Tabs => ({
    ...baseTabs(),
    targets: [
      { serviceId: 'ALL', type: 'Incident', resolveHours: 40, compliance: 90 },
      { serviceId: 'ALL', type: 'Incident', priority: 'High', resolveHours: 30, compliance: 90 },
      { serviceId: 'EMAIL', type: 'Incident', resolveHours: 20, compliance: 90 },
      { serviceId: 'EMAIL', type: 'Incident', priority: 'Critical', resolveHours: 10, compliance: 90 },
    ],
    incidents: (['Critical', 'High', 'Low'] as const).flatMap((priority) => [
      inc(`E-${priority}`, { priority, opened: '2026-11-02 09:00' }),
      { ...inc(`N-${priority}`, { priority, opened: '2026-11-02 09:00' }), serviceId: 'NET' },
    ]),
  });
  const hoursOf = (s: ServiceAttainment) =>
    s.targets.filter((t) => t.measure === 'resolution').map((t) => [t.targetRow, t.targetHours, t.met + t.breached + t.pending]);

  test('service+type+priority, then service+type, for the named service', () => {
    // Critical → row 5 (EMAIL Critical); High and Low → row 4 (EMAIL, any priority), not ALL High.
    expect(hoursOf(svc(tabs(), 'EMAIL'))).toEqual([
      [4, 20, 2],
      [5, 10, 1],
    ]);
  });

  test('ALL+type+priority, then ALL+type, for other services', () => {
    expect(hoursOf(svc(tabs(), 'NET'))).toEqual([
      [2, 40, 2],
      [3, 30, 1],
    ]);
  });

  test('ALL rows skip Unsupported and Retired services; a row naming the service still applies', () => {
    for (const status of ['Unsupported', 'Retired']) {
      const t = tabs();
      t.services = t.services!.map((x) => (x.serviceId === 'NET' ? { ...x, status } : x));
      expect(svc(t, 'NET')).toMatchObject({ items: 3, met: 0, breached: 0, pending: 0, targets: [] });
      t.targets = [...t.targets!, { serviceId: 'NET', type: 'Incident', resolveHours: 50, compliance: 90 }];
      expect(hoursOf(svc(t, 'NET'))).toEqual([[6, 50, 3]]);
    }
    const proposed = tabs();
    proposed.services = proposed.services!.map((x) => (x.serviceId === 'NET' ? { ...x, status: 'Proposed' } : x));
    expect(hoursOf(svc(proposed, 'NET'))).toEqual([
      [2, 40, 2],
      [3, 30, 1],
    ]);
  });

  test('items with no applicable target are counted as items but judged against nothing', () => {
    const t = tabs();
    t.targets = t.targets!.filter((x) => x.serviceId === 'EMAIL');
    const net = svc(t, 'NET');
    expect(net).toMatchObject({ items: 3, met: 0, breached: 0, pending: 0, targets: [] });
  });
});

describe('open items at the end of the period', () => {
  test('breached when already past target, pending otherwise, never met', () => {
    const tabs = {
      ...baseTabs(),
      incidents: [
        inc('OLD', { opened: '2026-11-06 09:00' }), // Friday 09:00: 9 h to period end
        inc('NEW', { opened: '2026-11-06 16:00', responded: '2026-11-06 16:10' }), // 2 h to period end
        inc('LATE', { opened: '2026-11-06 16:00', resolved: '2026-11-12 10:00' }), // resolved after the period
      ],
    };
    const s = svc(tabs, 'EMAIL');
    expect(target(s, 'resolution')).toMatchObject({ met: 0, breached: 1, pending: 2 });
    expect(target(s, 'resolution').breaches[0]).toMatchObject({ ref: 'OLD', open: true, actualHours: 9 });
    // OLD has had no response for 9 h: breached; NEW responded; LATE open 2 h: breached too.
    expect(target(s, 'response')).toMatchObject({ met: 1, breached: 2, pending: 0 });
    expect(s).toMatchObject({ items: 3, met: 0, breached: 2, pending: 1 });
  });

  test('asOf judges a running period at that instant', () => {
    const tabs = { ...baseTabs(), incidents: [inc('OPEN', { opened: '2026-11-02 09:00' })] };
    expect(target(svc(tabs, 'EMAIL', NOV, at('2026-11-02 10:30')), 'resolution')).toMatchObject({ pending: 1, breached: 0 });
    expect(target(svc(tabs, 'EMAIL', NOV, at('2026-11-02 13:30')), 'resolution')).toMatchObject({ pending: 0, breached: 1 });
  });

  test('items opened before or after the period are not counted', () => {
    const tabs = {
      ...baseTabs(),
      incidents: [
        inc('BEFORE', { opened: '2026-11-01 09:00', resolved: '2026-11-02 09:00' }),
        inc('AFTER', { opened: '2026-11-09 00:00' }),
        inc('IN', { opened: '2026-11-08 23:59', resolved: '2026-11-09 08:30' }),
      ],
    };
    expect(svc(tabs, 'EMAIL')).toMatchObject({ items: 1 });
  });

  test('rows for services missing from the catalogue are ignored', () => {
    const tabs = { ...baseTabs(), incidents: [{ ...inc('X', { opened: '2026-11-02 09:00' }), serviceId: 'NOPE' }] };
    const r = computeAttainment(workbook(tabs), NOV);
    expect(r.services.map((s) => s.items)).toEqual([0, 0]);
  });
});

describe('availability', () => {
  const down = (ref: string, o: Record<string, unknown>) => inc(ref, { serviceDown: 'Yes', ...o });

  test('downtime within service hours over service hours', () => {
    const tabs = { ...baseTabs(), incidents: [down('D1', { opened: '2026-11-02 10:00', resolved: '2026-11-02 15:00' })] };
    const s = svc(tabs, 'EMAIL');
    expect(s.serviceHours).toBe(50);
    expect(s.downtimeHours).toBe(5);
    expect(s.availability).toBeCloseTo(0.9);
    expect(s.availabilityStatus).toBe('Breached');
  });

  test('overlapping outages count once', () => {
    const tabs = {
      ...baseTabs(),
      incidents: [
        down('D1', { opened: '2026-11-02 10:00', resolved: '2026-11-02 12:00' }),
        down('D2', { opened: '2026-11-02 11:00', resolved: '2026-11-02 13:00' }),
        down('D3', { opened: '2026-11-02 11:30', resolved: '2026-11-02 11:45' }),
        down('D4', { opened: '2026-11-03 10:00', outageStart: '2026-11-03 09:00', outageEnd: '2026-11-03 10:00' }),
      ],
    };
    expect(svc(tabs, 'EMAIL').downtimeHours).toBe(4);
  });

  test('outages are clipped to the period and to service hours; open outages run to the period end', () => {
    const tabs = {
      ...baseTabs(),
      incidents: [
        // Started the previous Friday afternoon: only Monday 08:00-09:00 is in the period.
        down('D1', { opened: '2026-10-30 16:00', resolved: '2026-11-02 09:00' }),
        // Overnight: 17:00-18:00 and 08:00-08:30 are service hours.
        down('D2', { opened: '2026-11-03 17:00', resolved: '2026-11-04 08:30' }),
        // Still open: Friday 17:00 to the period end is 1 h of service hours.
        down('D3', { opened: '2026-11-06 17:00' }),
        // Outage end given although the item is still open.
        down('D4', { opened: '2026-11-05 09:00', outageEnd: '2026-11-05 10:00' }),
        // Not down: no downtime.
        inc('UP', { opened: '2026-11-05 12:00', resolved: '2026-11-05 14:00', serviceDown: 'No' }),
      ],
    };
    expect(svc(tabs, 'EMAIL').downtimeHours).toBe(1 + 1.5 + 1 + 1);
  });

  test('no service hours in the period: no figure and no status', () => {
    const weekend = period('2026-11-07', '2026-11-09');
    const tabs = { ...baseTabs(), incidents: [down('D1', { opened: '2026-11-07 10:00', resolved: '2026-11-07 11:00' })] };
    const s = svc(tabs, 'EMAIL', weekend);
    expect(s.serviceHours).toBe(0);
    expect(s.availability).toBeUndefined();
    expect(s.availabilityStatus).toBeUndefined();
    expect(svc(tabs, 'NET', weekend).availability).toBe(1);
  });

  test('blank service hours give no availability figure (never 100%); support is measured round the clock', () => {
    const tabs = baseTabs();
    tabs.services = [{ serviceId: 'EMAIL', name: 'Email', rank: 1, status: 'Supported' }];
    tabs.sla = [];
    tabs.incidents = [down('D1', { opened: '2026-11-07 10:00', resolved: '2026-11-07 22:00' })];
    const s = svc(tabs, 'EMAIL');
    expect(s.serviceHours).toBe(0);
    expect(s.availability).toBeUndefined();
    expect(s.availabilityStatus).toBeUndefined();
    expect(s.hoursError).toBeUndefined();
    // 12 h round the clock against the 4 h resolution target.
    expect(target(s, 'resolution')).toMatchObject({ breached: 1 });
  });

  test('a service with service hours but no SLA row has no availability figure: nothing was agreed (never 100%)', () => {
    const tabs = { ...baseTabs(), incidents: [down('D1', { opened: '2026-11-02 10:00', resolved: '2026-11-02 15:00' })] };
    tabs.sla = [{ serviceId: 'NET', status: 'Agreed', availabilityTarget: 99.5 }];
    const s = svc(tabs, 'EMAIL');
    expect(s.availability).toBeUndefined();
    expect(s.availabilityStatus).toBeUndefined();
    // Its calls are still judged against the ALL targets, and the covered service is still measured.
    expect(s.items).toBe(1);
    expect(svc(tabs, 'NET').availability).toBe(1);
    // An SLA still being negotiated covers its proposed hours: the figure is measured.
    tabs.sla = [{ serviceId: 'EMAIL', status: 'Negotiation' }];
    expect(svc(tabs, 'EMAIL').availability).toBeCloseTo(0.9);
  });

  test('a week with the clocks going back holds one more hour of a 24x7 service', () => {
    // Europe/London leaves summer time on Sunday 25 October 2026.
    const tabs = { ...baseTabs(), incidents: [{ ...down('D1', { opened: '2026-10-25 00:00', resolved: '2026-10-25 03:00' }), serviceId: 'NET' }] };
    const s = svc(tabs, 'NET', period('2026-10-19', '2026-10-26'));
    expect(s.serviceHours).toBe(169);
    expect(s.downtimeHours).toBe(4);
    // Office hours are wall-clock hours: the same 50 h either side of the change.
    expect(svc(tabs, 'EMAIL', period('2026-10-19', '2026-10-26')).serviceHours).toBe(50);
    expect(svc(tabs, 'EMAIL', period('2026-10-26', '2026-11-02')).serviceHours).toBe(50);
  });

  test('an item measured across the spring change is measured in wall-clock working hours', () => {
    // Friday 27 March 2026 17:00 to Monday 30 March 09:00 (BST from Sunday): 2 working hours.
    const tabs = { ...baseTabs(), incidents: [inc('I1', { opened: '2026-03-27 17:00', responded: '2026-03-30 08:59', resolved: '2026-03-30 09:00' })] };
    const s = svc(tabs, 'EMAIL', period('2026-03-23', '2026-03-30 12:00'));
    expect(target(s, 'resolution')).toMatchObject({ met: 1 });
    expect(target(s, 'response').breaches[0].actualHours).toBeCloseTo(1 + 59 / 60);
  });

  test('closures at the edges of the period remove whole days', () => {
    const tabs = {
      ...baseTabs(),
      closures: [
        { calendar: 'ALL', from: '2026-11-02', to: '2026-11-02', reason: 'INSET day' },
        { calendar: 'ALL', from: '2026-11-06', to: '2026-11-10', reason: 'Closure' },
      ],
      incidents: [inc('I1', { opened: '2026-10-30 17:00', resolved: '2026-11-03 08:30' })],
    };
    // Tue-Thu remain: 30 h.
    expect(svc(tabs, 'EMAIL').serviceHours).toBe(30);
    // The 24x7 service is closed on those days too (ALL closures apply to every hours spec).
    expect(svc(tabs, 'NET').serviceHours).toBe(72);
    // Opened Friday 17:00, resolved Tuesday 08:30 with Monday closed: 1.5 h.
    const p = period('2026-10-26', '2026-11-09');
    expect(target(svc(tabs, 'EMAIL', p), 'resolution')).toMatchObject({ met: 1 });
  });
});

describe('status', () => {
  test('compliance: below target is Breached; At risk is met but one more breach would miss it', () => {
    expect(complianceStatus(20, 0, 95, 1)).toBe('Met'); // 20/21 = 95.2%
    expect(complianceStatus(19, 1, 95, 1)).toBe('At risk'); // 95% now, 19/21 = 90.5% after one more breach
    expect(complianceStatus(18, 2, 95, 1)).toBe('Breached'); // 90%: never softened into At risk
    expect(complianceStatus(1, 0, 100, 1)).toBe('At risk');
    expect(complianceStatus(3, 1, 50, 1)).toBe('Met');
    expect(complianceStatus(0, 0, 95, 1)).toBeUndefined();
  });

  test('availability: Breached below target, At risk with less than a quarter of the allowed downtime left', () => {
    expect(availabilityStatus(0.975, 99)).toBe('Breached'); // Internet access: 2.5 times the allowed downtime
    expect(availabilityStatus(0.958, 98)).toBe('Breached');
    expect(availabilityStatus(0.9926, 99)).toBe('Met'); // 0.26 of the 1 point allowed is left
    expect(availabilityStatus(0.9924, 99)).toBe('At risk'); // 0.24 left
    expect(availabilityStatus(0.99, 99)).toBe('At risk');
    expect(availabilityStatus(1, 100)).toBe('Met');
    expect(availabilityStatus(undefined, 99)).toBeUndefined();
  });

  test('compliance per target and the service status is the worst of its statuses', () => {
    const items = Array.from({ length: 10 }, (_, k) =>
      inc(`I${k}`, { opened: '2026-11-02 09:00', responded: '2026-11-02 09:10', resolved: k === 0 ? '2026-11-02 15:00' : '2026-11-02 10:00' }),
    );
    const s = svc({ ...baseTabs(), incidents: items }, 'EMAIL');
    expect(target(s, 'response')).toMatchObject({ met: 10, share: 1, status: 'Met' });
    // 90% against 90%: met, but a tenth breach of eleven would miss it.
    expect(target(s, 'resolution')).toMatchObject({ met: 9, breached: 1, share: 0.9, status: 'At risk' });
    expect(s.availabilityStatus).toBe('Met');
    expect(s.status).toBe('At risk');
    expect(s.statusDriver).toBe('1 late fix (9 of 10 fixed within 4 h, target 90%): one more would take it below 90%');
    items[1].resolved = '2026-11-02 15:00';
    const worse = svc({ ...baseTabs(), incidents: items }, 'EMAIL');
    expect(target(worse, 'resolution')).toMatchObject({ share: 0.8, status: 'Breached' });
    expect(worse.status).toBe('Breached');
  });

  test('services come in rank order', () => {
    expect(computeAttainment(workbook(baseTabs()), NOV).services.map((s) => s.serviceId)).toEqual(['NET', 'EMAIL']);
  });
});

describe('supplier attainment', () => {
  const tabs = (): Tabs => ({
    ...baseTabs(),
    contracts: [
      { contractRef: 'ISP', supplier: 'Link Ltd', kind: 'UC', services: 'NET', supportHours: 'Mon-Fri 09:00-17:00', respondHours: 1, fixHours: 8 },
      { contractRef: 'IWB', supplier: 'Boards Ltd', kind: 'UC', services: 'EMAIL', respondHours: 4, fixHours: 16 },
    ],
    incidents: [
      // Logged Monday 16:30, responded Tuesday 09:20 (50 min), fixed Tuesday 17:00 (8.5 h): response met, fix breached.
      inc('S1', {
        contractRef: 'ISP',
        opened: '2026-11-02 16:00',
        supplierLogged: '2026-11-02 16:30',
        supplierResponded: '2026-11-03 09:20',
        supplierFixed: '2026-11-03 17:00',
      }),
      // No response time: the response is not judged (a time nobody recorded); fixed in 1 h: met.
      inc('S2', { contractRef: 'ISP', opened: '2026-11-04 09:00', supplierLogged: '2026-11-04 10:00', supplierFixed: '2026-11-04 11:00' }),
      // Still with the supplier at the end of the period, 30 min in: pending.
      inc('S3', { contractRef: 'ISP', opened: '2026-11-06 16:00', supplierLogged: '2026-11-06 16:30' }),
      // Contract with unknown hours: cannot be measured.
      inc('S4', { contractRef: 'IWB', opened: '2026-11-04 09:00', supplierLogged: '2026-11-04 10:00', supplierFixed: '2026-11-04 11:00' }),
    ],
  });

  test("against the contract's own hours and targets; unknown hours are never assumed", () => {
    const r = computeAttainment(workbook(tabs()), NOV);
    expect(r.suppliers).toEqual([
      expect.objectContaining({
        contractRef: 'ISP',
        supplier: 'Link Ltd',
        calls: 3,
        responseMet: 1,
        responseBreached: 0,
        responseNotRecorded: 1,
        fixMet: 1,
        fixBreached: 1,
        pending: 1,
        hoursKnown: true,
      }),
      expect.objectContaining({ contractRef: 'IWB', calls: 1, responseMet: 0, responseBreached: 0, fixMet: 0, fixBreached: 0, pending: 1, hoursKnown: false }),
    ]);
    expect(r.suppliers[0].breaches).toEqual([expect.objectContaining({ ref: 'S1', measure: 'resolution', actualHours: 8.5, targetHours: 8 })]);
  });
});
