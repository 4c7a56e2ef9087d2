/** The guidance's own review findings, as the example school shows them. */
import { analyseWorkbook } from '../../../src/core/findings/analyse';
import type { Finding } from '../../../src/core/findings/types';
import { exampleWorkbook, NOW } from './fixture';

const findings = analyseWorkbook(exampleWorkbook(), { now: NOW });
const byId = (id: string): Finding => {
  const f = findings.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id}; have ${findings.map((x) => x.id).join(', ')}`);
  return f;
};

describe('the example school', () => {
  test('the ISP is flagged as beyond need with its annual cost, and nothing says its hours fall short', () => {
    const f = byId('overProvision:ISP-01');
    // Its 2 h fix fits the 3 h a 4 h target leaves after the school's handling, so only hours and response are beyond need.
    expect(f.figures).toMatchObject({
      annualCost: 6400,
      contractHoursPerWeek: 168,
      neededHoursPerWeek: 50,
      excessHoursPerWeek: 118,
      respondHours: 0.25,
      tightestRespondHours: 0.5,
    });
    // Renewals fall on school days: 60 days on is a Sunday, so it renews the Monday after.
    expect(f.evidence).toContain('It renews on 18 January 2027.');
    expect(f.title).toContain('£6,400');
    expect(f.evidence).toContain('24x7');
    expect(f.refs).toEqual(expect.arrayContaining([{ tab: 'contracts', tabName: 'Contracts', row: 2, column: 'Annual cost' }]));
    expect(findings.some((x) => x.id.startsWith('coverage:ISP-01'))).toBe(false);
    expect(findings.some((x) => x.id.startsWith('targetChain:ISP-01'))).toBe(false);
    // Its logged times are within its contract: nothing says it is late.
    expect(byId('supplierPerformance:ISP-01').severity).toBe('info');
  });

  test('the local authority OLA covers the hours of every service it underpins (same term-time calendar)', () => {
    expect(findings.filter((x) => x.id.startsWith('coverage:LA-01'))).toEqual([]);
  });

  test("the whiteboard supplier's hours are unknown, on its Contracts row", () => {
    const f = byId('coverage:WB-01:unknown');
    expect(f.title).toBe('Whiteboard Supplier Ltd (WB-01): support hours unknown');
    expect(f.refs[0]).toEqual({ tab: 'contracts', tabName: 'Contracts', row: 6, column: 'Support hours' });
    expect(f.question).toBe('Third-party response or fix issues');
    // Said once: the target chain and supplier performance do not repeat it.
    expect(findings.filter((x) => /hours (are )?(unknown|not known)/.test(x.title + x.evidence)).map((x) => x.id)).toEqual(['coverage:WB-01:unknown']);
    expect(byId('targetChain:WB-01:WHITEBOARD').title).toContain('its 40 h fix takes at least 41 h');
  });

  test('the colour printer has no known users yet a fast-fix contract that costs money', () => {
    const users = byId('unknowns:noUsers:COLOURPRINT');
    expect(users.figures).toEqual({ annualCost: 1450, incidents: 0 });
    expect(users.evidence).toContain('no incident or request has been logged');
    expect(users.action).toMatch(/Find the users/);
    const over = byId('overProvision:CLR-01');
    expect(over.figures).toMatchObject({ fixHours: 1, tightestResolveHours: 4, respondHours: 0.25, tightestRespondHours: 0.5, annualCost: 1450 });
    expect(over.figures).not.toHaveProperty('excessHoursPerWeek');
  });

  test("the email service's 4-hour fix cannot be met through the software helpdesk's 24 h fix", () => {
    const f = byId('targetChain:SW-01:EMAIL');
    expect(f.figures!.fixHours).toBe(24);
    expect(f.figures!.tightestTargetHours).toBe(4);
    // 24 h of Mon-Fri 09:00-17:00 is three supplier days; in Email's 08:00-18:00 that is at least 30 h.
    expect(f.figures!.worstCaseHours).toBeGreaterThanOrEqual(30);
    expect(f.severity).toBe('high');
    expect(f.evidence).toContain('It supports Email service.');
  });

  test('PrintCare leaves 10 h a week of printing uncovered', () => {
    const f = byId('coverage:PRN-01:PRINT');
    expect(f.figures!.uncoveredHoursPerWeek).toBe(10);
    expect(f.evidence).toContain('Mon-Fri 08:00-09:00 17:00-18:00');
    // The contract is not term-time bound, so no holiday gap.
    expect(f.figures!.closedDays).toBe(0);
  });

  test('language exam software is unsupported with unknown licences: a service nobody knew existed', () => {
    const f = byId('unknowns:unsupported:LANGEXAM');
    expect(f.question).toBe('Services we did not know existed');
    expect(f.title).toMatch(/unknown licences/);
    expect(f.evidence).toContain('Room L2');
    expect(f.refs.some((r) => r.tab === 'equipment' && r.column === 'Licences')).toBe(true);
  });

  test('LIBRARY incidents are reported as a service not in the catalogue, with every row', () => {
    const f = byId('unknowns:notInCatalogue:LIBRARY');
    expect(f.severity).toBe('high');
    expect(f.question).toBe('Services we did not know existed');
    expect(f.refs.length).toBe(f.figures!.incidents);
    expect(f.refs.every((r) => r.tab === 'incidents' && r.column === 'Service ID')).toBe(true);
  });

  test('software faults are fixed more slowly than the rest, and the overdue review and renewal show', () => {
    const sw = byId('weakestLink:kind:ALL:Software');
    expect(sw.title).toMatch(/^Software faults are answered .*more slowly than hardware faults$/);
    expect(sw.figures!.respondHours).toBeGreaterThanOrEqual(1.5 * sw.figures!.hardwareRespondHours);
    expect(byId('lifecycle:overdue:WP').figures!.daysToReview).toBe(-12);
    expect(byId('unknowns:renewal:ISP-01').figures!.daysToRenewal).toBe(61);
    expect(byId('lifecycle:negotiation:WHITEBOARD').severity).toBe('low');
  });

  test('findings are sorted by severity then rank, ids are unique, and every ref names a real tab row and column', () => {
    const order = ['high', 'medium', 'low', 'info'];
    for (let i = 1; i < findings.length; i++) expect(order.indexOf(findings[i].severity)).toBeGreaterThanOrEqual(order.indexOf(findings[i - 1].severity));
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    for (const f of findings) {
      expect(f.title && f.evidence && f.action).toBeTruthy();
      for (const r of f.refs) expect(r.row).toBeGreaterThan(1);
    }
    expect(findings[0].severity).toBe('high');
  });

  test('each fact is said once, in plain words: contracts too slow for a service come from the target chain alone', () => {
    expect(findings.filter((f) => f.analysis === 'weakestLink').map((f) => f.id)).toEqual(['weakestLink:kind:ALL:Software']);
    expect(findings.filter((f) => f.analysis === 'targetChain')).toHaveLength(8);
    // No "whiteboards's", no "(s)" plurals, no ISO dates.
    expect(findings.filter((f) => /s's\b|\(s\)|\d{4}-\d{2}-\d{2}/.test(f.title + f.evidence)).map((f) => f.id)).toEqual([]);
  });

  test('the same workbook gives the same findings', () => {
    expect(analyseWorkbook(exampleWorkbook(), { now: NOW })).toEqual(findings);
  });
});
