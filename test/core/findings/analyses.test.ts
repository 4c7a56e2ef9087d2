/** Each analysis on small hand-made workbooks: edge cases, and nothing flagged that the data does not show. */
import { analyseWorkbook } from '../../../src/core/findings/analyse';
import type { Finding } from '../../../src/core/findings/types';
import { parseWorkbook } from '../../../src/core/workbook/parseWorkbook';
import { cleanTabs, NOW, TZ, valuesOf, workbook, type Tabs } from './fixture';

const run = (tabs: Tabs, now = NOW) => analyseWorkbook(workbook(tabs), { now });
/** As the sheet reads it with its problems: bad optional cells left blank or kept as text. */
const runLenient = (tabs: Tabs) => analyseWorkbook(parseWorkbook(valuesOf(tabs), TZ).workbook, { now: NOW });
const ids = (fs: Finding[]) => fs.map((f) => f.id);
const find = (fs: Finding[], id: string): Finding => {
  const f = fs.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id}; have ${ids(fs).join(', ')}`);
  return f;
};
/** The clean school with some tabs' rows replaced. */
const withTabs = (over: Tabs): Tabs => ({ ...cleanTabs(), people: [{ name: 'Sam Patel', role: 'Service manager', services: 'ALL' }], ...over });
const svc = (serviceId: string, rank: number, serviceHours: string | undefined, extra: Record<string, unknown> = {}) => ({
  serviceId,
  name: `Service ${serviceId}`,
  rank,
  status: 'Supported',
  users: 'Staff',
  representatives: 'Jo Harris',
  serviceHours,
  ...extra,
});
const contract = (contractRef: string, services: string, supportHours: string | undefined, extra: Record<string, unknown> = {}) => ({
  contractRef,
  supplier: `Supplier ${contractRef}`,
  kind: 'UC',
  services,
  supportHours,
  respondHours: 1,
  fixHours: 4,
  annualCost: 1000,
  renewal: '2027-12-31',
  ...extra,
});
const slaFor = (...services: string[]) =>
  services.map((serviceId) => ({ serviceId, status: 'Agreed', agreedOn: '2026-01-10', nextReview: '2027-06-01', availabilityTarget: 99 }));

describe('a clean workbook', () => {
  test('yields nothing but information', () => {
    const fs = run(cleanTabs());
    expect(fs.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(ids(fs)).toEqual(['lifecycle:summary']);
  });

  test('suppliers who met every time are reported as information only', () => {
    const tabs = withTabs({
      incidents: [
        {
          ref: 'I1',
          serviceId: 'EMAIL',
          type: 'Incident',
          priority: 'High',
          opened: '2026-11-02 10:00',
          responded: '2026-11-02 10:30',
          resolved: '2026-11-02 13:00',
          contractRef: 'MAIL-1',
          supplierLogged: '2026-11-02 10:15',
          supplierResponded: '2026-11-02 10:45',
          supplierFixed: '2026-11-02 12:45',
        },
      ],
    });
    const fs = run(tabs);
    expect(fs.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(find(fs, 'supplierPerformance:MAIL-1').figures).toMatchObject({ calls: 1, responseMet: 1, fixMet: 1, fixBreached: 0 });
  });
});

describe('hours coverage', () => {
  test('overnight service hours against a contract that stops at 02:00', () => {
    const fs = run(
      withTabs({
        services: [svc('BACKUP', 1, 'Mon-Fri 22:00-06:00')],
        sla: slaFor('BACKUP'),
        equipment: [],
        contracts: [contract('NIGHT', 'BACKUP', 'Mon-Sun 20:00-02:00')],
      }),
    );
    const f = find(fs, 'coverage:NIGHT:BACKUP');
    // Tue-Sat 02:00-06:00 is outside the contract: 4 h on five mornings.
    expect(f.figures!.uncoveredHoursPerWeek).toBe(20);
    expect(f.evidence).toContain('Tue-Sat 02:00-06:00');
    expect(f.severity).toBe('high');
  });

  test('a 24x7 contract covers term-time service hours fully', () => {
    const fs = run(
      withTabs({
        services: [svc('NET', 1, 'Term')],
        sla: slaFor('NET'),
        equipment: [],
        calendars: [{ name: 'Term', hours: 'Mon-Fri 08:00-18:00' }],
        closures: [{ calendar: 'Term', from: '2026-12-21', to: '2027-01-01', reason: 'Christmas' }],
        contracts: [contract('ISP', 'NET', '24x7', { fixHours: 3, respondHours: 0.75 })],
      }),
    );
    expect(ids(fs).filter((id) => id.startsWith('coverage'))).toEqual([]);
    // ... but it is beyond need: 118 h a week that term-time service never uses.
    expect(find(fs, 'overProvision:ISP').figures).toMatchObject({ excessHoursPerWeek: 118, annualCost: 1000 });
  });

  test('a term-time contract does not cover the holiday weeks of a service needed all year; ALL closures apply to both', () => {
    const fs = run(
      withTabs({
        services: [svc('MAIL', 1, 'Mon-Fri 08:00-18:00')],
        sla: slaFor('MAIL'),
        equipment: [],
        calendars: [{ name: 'Term', hours: 'Mon-Fri 08:00-18:00' }],
        closures: [
          { calendar: 'Term', from: '2026-12-21', to: '2027-01-01', reason: 'Christmas' },
          { calendar: 'ALL', from: '2027-05-03', reason: 'Bank holiday' },
        ],
        contracts: [contract('TT', 'MAIL', 'Term')],
      }),
    );
    const f = find(fs, 'coverage:TT:MAIL');
    expect(f.figures).toMatchObject({ uncoveredHoursPerWeek: 0, closedDays: 10, closedHours: 100, uncoveredHoursAhead: 100 });
    expect(f.title).toMatch(/closed on 10 days/);
    expect(f.evidence).toContain('the first on 21 December 2026');
  });

  test("a contract calendar in another time zone is compared in the service's zone", () => {
    const fs = run(
      withTabs({
        services: [svc('MAIL', 2, 'Mon-Fri 08:00-18:00')],
        sla: slaFor('MAIL'),
        equipment: [],
        calendars: [{ name: 'New York office', hours: 'Mon-Fri 09:00-17:00', timeZone: 'America/New_York' }],
        contracts: [contract('US', 'MAIL', 'New York office', { fixHours: 1 })],
      }),
    );
    // 09:00-17:00 in New York is 14:00-22:00 in London in November: 08:00-14:00 uncovered.
    const f = find(fs, 'coverage:US:MAIL');
    expect(f.figures!.uncoveredHoursPerWeek).toBe(30);
    expect(f.evidence).toContain('Mon-Fri 08:00-14:00');
  });

  test('one contract covering many services: a finding per service it falls short of, none for the one it fits', () => {
    const fs = run(
      withTabs({
        services: [svc('A', 1, 'Mon-Fri 08:00-18:00'), svc('B', 2, 'Mon-Fri 09:00-17:00'), svc('C', 5, '24x7')],
        sla: slaFor('A', 'B', 'C'),
        equipment: [],
        contracts: [contract('MANY', 'A, B, C', 'Mon-Fri 09:00-17:00', { fixHours: 1, respondHours: 0.5 })],
        targets: [{ serviceId: 'ALL', type: 'Incident', respondHours: 1, resolveHours: 16 }],
      }),
    );
    const cov = fs.filter((f) => f.analysis === 'coverage');
    expect(ids(cov).sort()).toEqual(['coverage:MANY:A', 'coverage:MANY:C']);
    expect(find(fs, 'coverage:MANY:A').figures!.uncoveredHoursPerWeek).toBe(10);
    expect(find(fs, 'coverage:MANY:C').figures!.uncoveredHoursPerWeek).toBe(128);
    expect(find(fs, 'coverage:MANY:A').severity).toBe('high');
    expect(find(fs, 'coverage:MANY:C').severity).toBe('medium');
  });

  test('unknown and unreadable contract hours are gaps; blank service hours are reported, not guessed', () => {
    const fs = runLenient(
      withTabs({
        services: [svc('A', 1, 'Mon-Fri 08:00-18:00'), svc('B', 4, undefined)],
        sla: slaFor('A', 'B'),
        equipment: [],
        contracts: [contract('BLANK', 'A', undefined), contract('ODD', 'A', 'whenever we can'), contract('TOB', 'B', 'Mon-Fri 09:00-17:00')],
      }),
    );
    expect(find(fs, 'coverage:BLANK:unknown').title).toBe('Supplier BLANK (BLANK): support hours unknown');
    expect(find(fs, 'coverage:ODD:unreadable').evidence).toContain('whenever we can');
    expect(find(fs, 'unknowns:noServiceHours:B').refs[0]).toMatchObject({ tab: 'services', row: 3, column: 'Service hours' });
    expect(ids(fs)).not.toContain('coverage:TOB:B');
  });

  test('unreadable service or support hours are reported on their cell, not silently skipped', () => {
    const fs = runLenient(
      withTabs({
        services: [svc('A', 1, 'Schol day'), svc('B', 4, 'Mon-Fri 08:00-18:00', { supportHours: 'Mon-Fry 08:00-18:00' })],
        sla: slaFor('A', 'B'),
        equipment: [],
        contracts: [contract('SLOW', 'A, B', 'Mon-Fri 09:00-17:00', { fixHours: 40 })],
      }),
    );
    const a = find(fs, 'unknowns:unreadableHours:A:serviceHours');
    expect(a.title).toBe('Service A: service hours cannot be read');
    expect(a.evidence).toContain('"Schol day"');
    expect(a.refs).toEqual([{ tab: 'services', tabName: 'Services', row: 2, column: 'Service hours' }]);
    expect(a.severity).toBe('high');
    expect(find(fs, 'unknowns:unreadableHours:B:supportHours').refs[0]).toMatchObject({ row: 3, column: 'Support hours' });
    expect(ids(fs)).not.toContain('unknowns:unreadableHours:B:serviceHours');
    // B's service hours are readable, so its coverage is still checked; nothing is guessed for A.
    expect(
      ids(fs)
        .filter((id) => /^(coverage|targetChain|weakestLink):/.test(id))
        .sort(),
    ).toEqual(['coverage:SLOW:B']);
  });
});

describe('target chain', () => {
  const tabs = (fixHours: number) =>
    withTabs({
      services: [svc('MAIL', 2, 'Mon-Fri 08:00-18:00')],
      sla: slaFor('MAIL'),
      equipment: [],
      targets: [{ serviceId: 'MAIL', type: 'Incident', respondHours: 1, resolveHours: 4 }],
      contracts: [contract('SUP', 'MAIL', 'Mon-Fri 08:00-18:00', { fixHours, respondHours: 1 })],
    });

  test('a fix that leaves the school its handling hour fits; one that does not is reported with the target row', () => {
    expect(ids(run(tabs(3))).filter((id) => id.startsWith('targetChain'))).toEqual([]);
    const f = find(run(tabs(3.5)), 'targetChain:SUP:MAIL');
    expect(f.figures).toMatchObject({ fixHours: 3.5, worstCaseHours: 4.5, tightestTargetHours: 4 });
    expect(f.refs).toEqual(expect.arrayContaining([{ tab: 'targets', tabName: 'Targets', row: 2, column: 'Resolve within (h)' }]));
    // The title gives the reason: the supplier's fix comes after the school's own hour.
    expect(f.title).toBe(
      "Supplier SUP (SUP) cannot fix Service MAIL within the 4 h target: after 1 h of the school's own handling, its 3.5 h fix can take up to 4.5 h",
    );
  });

  test('a fix that fits the target once handling is allowed for is not called more than needed either', () => {
    // 4 h target less 1 h of handling leaves 3 h: a 2 h fix is well within it, not twice as fast as needed; 1.5 h is.
    expect(ids(run(tabs(2))).filter((id) => /^(targetChain|overProvision):/.test(id))).toEqual([]);
    expect(find(run(tabs(1.5)), 'overProvision:SUP').evidence).toContain("allows 4 h (3 h after 1 h of the school's own handling)");
  });

  test("a contract's fix in narrower hours takes longer in the service's hours than its number says", () => {
    const t = tabs(3);
    t.contracts = [contract('SUP', 'MAIL', 'Mon-Fri 09:00-17:00', { fixHours: 3 })];
    const f = find(run(t), 'targetChain:SUP:MAIL');
    // A call at 16:00: handling to 17:00, supplier closed until 09:00, fixed 12:00: 5 h of the service's hours.
    expect(f.figures!.worstCaseHours).toBeGreaterThanOrEqual(5);
  });
});

describe('weakest link', () => {
  const tabs = (sw: Record<string, unknown>) =>
    withTabs({
      services: [svc('MAIL', 1, 'Mon-Fri 08:00-18:00')],
      sla: slaFor('MAIL'),
      targets: [{ serviceId: 'ALL', type: 'Incident', respondHours: 1, resolveHours: 4 }],
      equipment: [
        { serviceId: 'MAIL', component: 'Server', kind: 'Hardware', supplier: 'Fast', contractRef: 'HW' },
        { serviceId: 'MAIL', component: 'Mail software', kind: 'Software', supplier: 'Slow', contractRef: 'SW' },
      ],
      contracts: [contract('HW', 'MAIL', 'Mon-Fri 08:00-18:00', { fixHours: 2 }), contract('SW', 'MAIL', 'Mon-Fri 08:00-18:00', sw)],
    });

  test('a component too slow to fix is said once, by the target chain, which names it and its slow response', () => {
    const fs = run(tabs({ fixHours: 24, respondHours: 8 }));
    expect(ids(fs).filter((id) => id.startsWith('weakestLink'))).toEqual([]);
    const f = find(fs, 'targetChain:SW:MAIL');
    expect(f.evidence).toContain('It supports Mail software.');
    expect(f.evidence).toContain('It also responds in 8 h, against a 1 h response target.');
    expect(f.refs).toContainEqual({ tab: 'equipment', tabName: 'Equipment', row: 3, column: 'Contract ref' });
    expect(ids(fs)).not.toContain('targetChain:HW:MAIL');
  });

  test('a component fixed in time but answered too slowly is the weakest link; the fast one is not blamed', () => {
    const f = find(run(tabs({ fixHours: 2, respondHours: 8 })), 'weakestLink:MAIL');
    expect(f.title).toBe('Service MAIL: Mail software is answered more slowly than the 1 h response target');
    expect(f.refs.filter((r) => r.tab === 'equipment').map((r) => r.row)).toEqual([3]);
    expect(f.evidence).not.toContain('Server');
  });

  test('equipment under a contract that does not list its service is still checked against that service', () => {
    const t = tabs({ fixHours: 24, services: 'OTHER' });
    expect(find(runLenient(t), 'targetChain:SW:MAIL').figures!.fixHours).toBe(24);
  });

  test('software is compared with hardware, on response and fix, not with every other kind', () => {
    const item = (k: number, component: string, respondMin: number, fixH: number) => ({
      ref: `${component}${k}`,
      serviceId: 'MAIL',
      type: 'Incident',
      priority: 'Medium',
      component,
      opened: `2026-11-${String(2 + (k % 5)).padStart(2, '0')} 09:00`,
      responded: `2026-11-${String(2 + (k % 5)).padStart(2, '0')} ${String(9 + Math.floor(respondMin / 60)).padStart(2, '0')}:${String(respondMin % 60).padStart(2, '0')}`,
      resolved: `2026-11-${String(2 + (k % 5)).padStart(2, '0')} ${String(9 + fixH).padStart(2, '0')}:00`,
    });
    const five = (component: string, respondMin: number, fixH: number) => [0, 1, 2, 3, 4].map((k) => item(k, component, respondMin, fixH));
    const t = withTabs({ services: [svc('MAIL', 1, 'Mon-Fri 08:00-18:00')], sla: slaFor('MAIL'), equipment: [], contracts: [] });
    // Software answered in 2 h against hardware's 30 min, fixed in 6 h like hardware; network faults are quick but do not count.
    t.incidents = [...five('Software', 120, 6), ...five('Hardware', 30, 6), ...five('Network', 10, 1)];
    const f = find(run(t), 'weakestLink:kind:ALL:Software');
    expect(f.title).toBe('Software faults are answered more slowly than hardware faults');
    expect(f.figures).toMatchObject({ respondHours: 2, hardwareRespondHours: 0.5, fixHours: 6, hardwareFixHours: 6, incidents: 5 });
    expect(f.evidence).toContain('The rows cited are the 5 slowest software fixes.');
    // Answered as fast as hardware: nothing to say, however quick the network faults were.
    t.incidents = [...five('Software', 30, 6), ...five('Hardware', 30, 6), ...five('Network', 10, 1)];
    expect(ids(run(t)).filter((id) => id.startsWith('weakestLink'))).toEqual([]);
  });
});

describe('unknowns and orphans', () => {
  test('blank and malformed cells: gaps are named with their row and column', () => {
    const tabs = withTabs({
      services: [svc('A', 1, 'Mon-Fri 08:00-18:00', { representatives: '' }), svc('B', 5, 'Mon-Fri 08:00-18:00', { users: '' })],
      sla: [{ serviceId: 'A', status: 'Agreed', nextReview: '2027-06-01' }],
      targets: [
        { serviceId: 'A', type: 'Incident', respondHours: 1, resolveHours: 6 },
        { serviceId: 'A', type: 'Request', description: 'Quickly' },
      ],
      equipment: [{ serviceId: 'A', component: 'Router', kind: 'Network', supplier: 'Net Co' }],
      contracts: [
        contract('A1', 'A', 'Mon-Fri 08:00-18:00', { fixHours: 'fast' }),
        contract('NONE', '', 'Mon-Fri 08:00-18:00', { annualCost: 750 }),
        contract('OLD', 'A', 'Mon-Fri 08:00-18:00', { renewal: '2026-10-01' }),
        contract('SOON', 'A', 'Mon-Fri 08:00-18:00', { renewal: '2027-02-16' }),
        contract('LATER', 'A', 'Mon-Fri 08:00-18:00', { renewal: '2027-02-17' }),
      ],
    });
    // A malformed optional cell is a problem for Check workbook and is read as blank here.
    const parsed = parseWorkbook(valuesOf(tabs), TZ);
    expect(parsed.problems.filter((p) => p.severity === 'error').map((p) => [p.tab, p.row, p.column])).toEqual([['Contracts', 2, 'Fix within (h)']]);
    const fs = analyseWorkbook(parsed.workbook, { now: NOW });
    expect(find(fs, 'unknowns:noSla:B').severity).toBe('medium');
    expect(find(fs, 'unknowns:noAvailabilityTarget:A').refs[0].column).toBe('Availability target %');
    expect(find(fs, 'unknowns:noTargets:B').evidence).toMatch(/neither for the service nor for ALL/);
    expect(find(fs, 'unknowns:unmeasurableTarget:3').refs.map((r) => r.column)).toEqual(['Respond within (h)', 'Resolve within (h)']);
    expect(find(fs, 'unknowns:noRepresentative:A').severity).toBe('medium');
    expect(ids(fs)).not.toContain('unknowns:noRepresentative:B');
    expect(find(fs, 'unknowns:noUsers:B').severity).toBe('low');
    expect(find(fs, 'unknowns:noContract:2').refs[0]).toEqual({ tab: 'equipment', tabName: 'Equipment', row: 2, column: 'Contract ref' });
    expect(find(fs, 'unknowns:contractTimes:A1').title).toMatch(/fix time not known/);
    expect(find(fs, 'unknowns:orphanContract:NONE').figures).toEqual({ annualCost: 750 });
    expect(find(fs, 'unknowns:expired:OLD').severity).toBe('high');
    expect(find(fs, 'unknowns:renewal:SOON').figures!.daysToRenewal).toBe(90);
    expect(ids(fs)).not.toContain('unknowns:renewal:LATER');
  });
});

describe('supplier performance', () => {
  test("a fix measured in the contract's own hours: met over a weekend, breached when it runs on; breaches list the incident rows", () => {
    const item = (ref: string, fixed: string) => ({
      ref,
      serviceId: 'PRINT',
      type: 'Incident',
      priority: 'Medium',
      opened: '2026-11-06 15:45',
      resolved: fixed,
      contractRef: 'P9',
      supplierLogged: '2026-11-06 16:00',
      supplierResponded: '2026-11-06 16:30',
      supplierFixed: fixed,
    });
    const fs = run(
      withTabs({
        contracts: [cleanTabs().contracts![0], contract('P9', 'PRINT', 'Mon-Fri 09:00-17:00', { respondHours: 1, fixHours: 8 })],
        equipment: [],
        // Friday 16:00 to Monday 16:00 is 8 h of Mon-Fri 09:00-17:00; to Tuesday 10:00 is 10 h.
        incidents: [item('OK1', '2026-11-09 16:00'), item('LATE', '2026-11-10 10:00')],
      }),
    );
    const f = find(fs, 'supplierPerformance:P9');
    expect(f.figures).toMatchObject({ calls: 2, responseMet: 2, fixMet: 1, fixBreached: 1 });
    expect(f.evidence).toContain('LATE fix 10 h against 8 h');
    expect(f.refs).toEqual([
      { tab: 'contracts', tabName: 'Contracts', row: 3 },
      { tab: 'incidents', tabName: 'Incidents', row: 3, column: 'Supplier fixed' },
    ]);
    // Half the fixes missed, and LATE still met its 16 h SLA resolution target; but a supplier that missed on real calls
    // ranks at least as high as the worst theoretical gap of its contract (here its hours against Printing's).
    const gaps = fs.filter((g) => g.contractRef === 'P9' && ['coverage', 'targetChain', 'weakestLink'].includes(g.analysis));
    expect(gaps.length).toBeGreaterThan(0);
    const order = ['high', 'medium', 'low', 'info'];
    expect(f.severity).toBe(order[Math.min(...gaps.map((g) => order.indexOf(g.severity)))]);
    expect(f.figures!.slaMissed).toBe(0);
    expect(f.evidence).toContain('None of those incidents missed its SLA resolution target.');
  });

  test('each missed measure is given with its own count; a late supplier that also broke the SLA raises the severity', () => {
    const item = (ref: string, responded: string, fixed: string, resolved: string) => ({
      ref,
      serviceId: 'PRINT',
      type: 'Incident',
      priority: 'Medium',
      opened: '2026-11-02 09:00',
      resolved,
      contractRef: 'P9',
      supplierLogged: '2026-11-02 09:00',
      supplierResponded: responded,
      supplierFixed: fixed,
    });
    const tabs = withTabs({
      contracts: [cleanTabs().contracts![0], contract('P9', 'PRINT', 'Mon-Fri 08:00-18:00', { respondHours: 1, fixHours: 8 })],
      equipment: [],
      incidents: [
        item('A', '2026-11-02 11:00', '2026-11-02 12:00', '2026-11-02 12:00'),
        item('B', '2026-11-02 11:00', '2026-11-02 12:00', '2026-11-02 12:00'),
        item('C', '2026-11-02 09:30', '2026-11-03 17:00', '2026-11-03 17:00'),
      ],
    });
    const f = find(run(tabs), 'supplierPerformance:P9');
    expect(f.title).toBe('Supplier P9 (P9) missed its response time on 2 of 3 calls and its fix time on 1 of 3 calls in the 12 months to 18 November 2026');
    // C took 18 h against the 16 h Medium target: the SLA was broken, on a rank 2 service.
    expect(f.figures).toMatchObject({ slaMissed: 1 });
    expect(f.severity).toBe('high');
    expect(f.evidence).toContain('1 incident (C) also missed the SLA resolution target.');
  });
});

describe('SLA lifecycle', () => {
  test('overdue, due soon and in negotiation are flagged; the summary gives every stage', () => {
    const fs = run(
      withTabs({
        services: [svc('A', 1, 'Mon-Fri 08:00-18:00'), svc('B', 2, 'Mon-Fri 08:00-18:00'), svc('C', 3, 'Mon-Fri 08:00-18:00')],
        equipment: [],
        contracts: [],
        sla: [
          { serviceId: 'A', status: 'Monitoring', agreedOn: '2025-11-01', nextReview: '2026-11-01', availabilityTarget: 99 },
          { serviceId: 'B', status: 'Agreed', agreedOn: '2026-01-01', nextReview: '2026-12-01', availabilityTarget: 99 },
          { serviceId: 'C', status: 'Negotiation', availabilityTarget: 99 },
        ],
      }),
    );
    expect(find(fs, 'lifecycle:overdue:A').figures!.daysToReview).toBe(-17);
    expect(find(fs, 'lifecycle:overdue:A').evidence).toContain('was due for review on 1 November 2026.');
    expect(find(fs, 'lifecycle:due:B').figures!.daysToReview).toBe(13);
    expect(find(fs, 'lifecycle:negotiation:C').refs[0].column).toBe('SLA status');
    expect(find(fs, 'lifecycle:summary').title).toBe('SLA lifecycle: 1 negotiation, 1 review due, 1 review overdue');
  });
});

describe('prioritisation trends', () => {
  test('a low-ranked service that takes more fix time than every high-priority one is shown; too few items say nothing', () => {
    const items = (serviceId: string, n: number, hours: number, offset: number) =>
      Array.from({ length: n }, (_, k) => ({
        ref: `${serviceId}${k}`,
        serviceId,
        type: 'Incident',
        priority: 'Medium',
        opened: `2026-11-${String(2 + ((k + offset) % 5)).padStart(2, '0')} 09:00`,
        resolved: `2026-11-${String(2 + ((k + offset) % 5)).padStart(2, '0')} ${String(9 + hours).padStart(2, '0')}:00`,
      }));
    const tabs = withTabs({ incidents: [...items('EMAIL', 4, 1, 0), ...items('PRINT', 6, 5, 1)] });
    tabs.services = [svc('EMAIL', 1, 'Mon-Fri 08:00-18:00'), svc('PRINT', 5, 'Mon-Fri 08:00-18:00')];
    tabs.equipment = [];
    const fs = run(tabs);
    // 30 h of 34 h of fix time went to printing.
    expect(find(fs, 'prioritisation:outweighs:PRINT').figures).toMatchObject({ items: 6, fixHours: 30 });
    expect(find(fs, 'prioritisation:summary').evidence).toContain('1. Service EMAIL 40% of items, 11.8% of fix time');
    tabs.incidents = tabs.incidents!.slice(0, 9);
    expect(ids(run(tabs)).filter((id) => id.startsWith('prioritisation'))).toEqual([]);
  });
});
