import { complianceStatus, serviceStatus, statusReason, targetReason, TOO_FEW } from '../../../src/core/attainment/status';

describe('complianceStatus: the one rule, with the fewest items to judge a target on', () => {
  test.each([
    [1, 0, TOO_FEW],
    [2, 1, TOO_FEW],
    [0, 3, 'Breached'],
    [9, 1, 'At risk'],
    [12, 0, 'Met'],
    // The edge: 8 of 9 could still reach 9 of 10 (90%); 7 of 9 cannot (8 of 10 at best).
    [8, 1, TOO_FEW],
    [7, 2, 'Breached'],
    [10, 0, 'Met'],
    [0, 0, undefined],
  ])('%i met, %i missed at 90%% with a minimum of 10: %s', (met, missed, word) => {
    expect(complianceStatus(met, missed, 90, 10)).toBe(word);
  });

  test('a minimum of 1 judges every target as before', () => {
    expect([complianceStatus(1, 0, 90, 1), complianceStatus(2, 1, 90, 1)]).toEqual(['At risk', 'Breached']);
  });

  test('a service is Too few to judge only when every target is and its availability is met or has no figure', () => {
    expect(serviceStatus('Met', [TOO_FEW, TOO_FEW])).toBe(TOO_FEW);
    expect(serviceStatus(undefined, [TOO_FEW, undefined])).toBe(TOO_FEW);
    expect(serviceStatus('Met', [TOO_FEW, 'Met'])).toBe('Met');
    expect(serviceStatus('At risk', [TOO_FEW])).toBe('At risk');
    expect(serviceStatus('Met', [TOO_FEW, 'Breached'])).toBe('Breached');
    expect(serviceStatus('Met', [])).toBe('Met');
    expect(serviceStatus(undefined, [])).toBeUndefined();
  });
});

describe('statusReason: plain words', () => {
  const t = {
    type: 'Incident',
    priority: null,
    measure: 'response' as const,
    compliance: 90,
    met: 32,
    breached: 5,
    share: 32 / 37,
    status: 'Breached' as const,
    fewest: 10,
  };
  test("the brief's example", () => {
    expect(targetReason(t, 'this term')).toBe('5 slow first replies this term (32 of 37 on time, target 90%)');
    expect(targetReason({ ...t, targetHours: 1 }, 'this term')).toBe('5 slow first replies this term (32 of 37 answered within 1 h, target 90%)');
    expect(targetReason({ ...t, targetHours: 4, measure: 'resolution', met: 2, breached: 1, status: TOO_FEW })).toBe(
      '2 of 3 fixed within 4 h: too few to judge (10 needed)',
    );
    expect(
      statusReason(
        { status: 'Breached', met: 30, breached: 7, targets: [t, { ...t, measure: 'resolution', met: 36, breached: 1, share: 36 / 37, status: 'Met' }] },
        'this term',
      ),
    ).toBe('5 slow first replies this term (32 of 37 on time, target 90%)');
  });
  test('priorities and requests are named; availability sets it when it is furthest below', () => {
    expect(targetReason({ ...t, priority: 'Critical', breached: 1, met: 9, status: 'At risk' })).toBe(
      '1 slow first reply to critical incidents (9 of 10 on time, target 90%): one more would take it below 90%',
    );
    expect(targetReason({ ...t, type: 'Request', measure: 'resolution', priority: 'High' })).toBe(
      '5 High priority requests done late (32 of 37 on time, target 90%)',
    );
    expect(
      statusReason(
        {
          status: 'Breached',
          availability: 0.95,
          availabilityTarget: 99,
          availabilityStatus: 'Breached',
          downtimeHours: 6,
          met: 32,
          breached: 5,
          targets: [t],
        },
        'this month',
      ),
    ).toBe('down 6 h this month: 95% available (target 99%); 1 target missed too');
  });
});
