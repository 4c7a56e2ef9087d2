import fc from 'fast-check';
import { attainmentOf, computeAttainment } from '../../../src/core/attainment/compute';
import { buildModel } from '../../../src/core/attainment/model';
import { readIncidentColumns } from '../../../src/core/attainment/columns';
import { at, baseTabs, period, sheet, workbook } from './fixture';

const P = period('2026-11-02', '2026-11-16');
const T0 = at('2026-10-26');
const MIN = 60_000;

/** Random items around the period: some open, some down, some with a supplier, for both services. */
const item = fc.record({
  service: fc.constantFrom('EMAIL', 'NET', 'NOPE'),
  type: fc.constantFrom('Incident', 'Request'),
  priority: fc.constantFrom('Critical', 'High', 'Medium', 'Low'),
  opened: fc.integer({ min: 0, max: 60 * 24 * 28 }),
  respondAfter: fc.option(fc.integer({ min: 0, max: 60 * 48 })),
  resolveAfter: fc.option(fc.integer({ min: 0, max: 60 * 24 * 6 })),
  onHold: fc.option(fc.integer({ min: 0, max: 10 })),
  down: fc.boolean(),
  outage: fc.option(fc.tuple(fc.integer({ min: -600, max: 600 }), fc.integer({ min: 0, max: 60 * 72 }))),
});
type Item = typeof item extends fc.Arbitrary<infer T> ? T : never;

const records = (items: Item[]) =>
  items.map((x, k) => {
    const opened = T0 + x.opened * MIN;
    const resolved = x.resolveAfter === null ? undefined : opened + x.resolveAfter * MIN;
    return {
      ref: `I${k}`,
      serviceId: x.service,
      type: x.type,
      priority: x.priority,
      opened: new Date(opened),
      responded: x.respondAfter === null || (resolved !== undefined && opened + x.respondAfter * MIN > resolved) ? '' : new Date(opened + x.respondAfter * MIN),
      resolved: resolved === undefined ? '' : new Date(resolved),
      onHoldHours: x.onHold ?? '',
      serviceDown: x.down ? 'Yes' : 'No',
      outageStart: x.outage ? new Date(opened + x.outage[0] * MIN) : '',
      outageEnd: x.outage ? new Date(opened + x.outage[0] * MIN + x.outage[1] * MIN) : '',
    };
  });

const tabs = (items: Item[]) => {
  const t = baseTabs();
  t.incidents = records(items);
  return t;
};

describe('properties', () => {
  test('availability stays within 0..1 and downtime within the service hours', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        for (const s of computeAttainment(workbook(tabs(items)), P).services) {
          expect(s.availability).toBeGreaterThanOrEqual(0);
          expect(s.availability).toBeLessThanOrEqual(1);
          expect(s.downtimeHours).toBeLessThanOrEqual(s.serviceHours + 1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });

  test('reordering the incidents changes nothing but the order of breaches', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 30 }).chain((items) => fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length }))),
        ([items, shuffled]) => {
          const norm = (r: ReturnType<typeof computeAttainment>) =>
            JSON.stringify(r, (k, v) => (k === 'breaches' ? (v as { ref: string }[]).map((b) => JSON.stringify({ ...b, ref: '', row: 0 })).sort() : v));
          const a = computeAttainment(workbook(tabs(items)), P);
          const b = computeAttainment(workbook(tabs(shuffled)), P);
          expect(norm(b)).toBe(norm(a));
        },
      ),
      { numRuns: 60 },
    );
  });

  test('the raw-values path (custom function) gives the same report as the parsed-rows path', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const t = tabs(items);
        const wb = workbook(t);
        const model = buildModel(wb);
        const fromValues = attainmentOf(model, readIncidentColumns(sheet('incidents', t.incidents!), model), P);
        expect(fromValues).toEqual(computeAttainment(wb, P));
      }),
      { numRuns: 60 },
    );
  });
});

describe('raw values', () => {
  test('a down row with no priority counts its outage, is judged against no target, and is reported', () => {
    const t = baseTabs();
    const wb = workbook(t);
    const model = buildModel(wb);
    const values = sheet('incidents', [
      {
        ref: 'D1',
        serviceId: 'email',
        type: 'Incident',
        priority: '',
        opened: new Date(at('2026-11-02 10:00')),
        resolved: new Date(at('2026-11-02 15:00')),
        serviceDown: 'yes',
      },
      { ref: 'I2', serviceId: 'EMAIL', type: 'Incident', priority: 'high', opened: '2026-11-03 09:00', resolved: '03/11/2026 10:00' },
      { ref: 'BLANK', serviceId: '', type: '', priority: '', opened: '' },
    ]);
    const skipped: { row: number; column: string }[] = [];
    const email = attainmentOf(model, readIncidentColumns(values, model, [], skipped as never), P).services.find((s) => s.serviceId === 'EMAIL')!;
    expect(email.downtimeHours).toBe(5);
    expect(email).toMatchObject({ items: 1, met: 1, breached: 0 });
    expect(skipped.map((p) => [p.row, p.column])).toEqual([
      [2, 'Priority'],
      [4, 'Service ID'],
      [4, 'Type'],
      [4, 'Priority'],
      [4, 'Opened'],
    ]);
  });
});
