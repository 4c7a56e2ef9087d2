/** Record sign-off on the built bundle: who signed which SLA version and when; the SLA tab follows; signed versions stay. */
import { exampleRuntime } from '../support/offline';
import { tabRecords } from '../support/tabRows';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
const rowsOf = (rt: ReturnType<typeof exampleRuntime>, tab: string) => tabRecords(rt.spreadsheet as unknown as Ss, tab);

describe('Record sign-off', () => {
  test('marks the version signed, agrees every service on that day, and is never recorded twice', () => {
    const rt = exampleRuntime();
    const sla = rt.global.generateSla(null);
    const view = rt.global.getSignOffPlan();
    expect(view.name).toBe(sla.name);
    const head = view.signatories.find((s: { role: string }) => s.role === 'Head teacher')!;
    const rep = view.signatories.find((s: { role: string }) => s.role === 'End-user representative')!;
    expect(view.signatories[0]).toEqual(head);
    const line = rt.global.recordSignOff([head.name, rep.name], '2026-12-07T12:00:00Z');
    expect(line).toBe(`Signed on 7 December 2026 by ${head.name} (Head teacher), ${rep.name} (End-user representative)`);
    const doc = rowsOf(rt, 'Documents').find((d) => d.Name === sla.name)!;
    expect(doc.Signed).toBe(line);
    for (const s of rowsOf(rt, 'SLA')) {
      expect(['Agreed', 'Monitoring']).toContain(s['SLA status']);
      expect((s['Agreed on'] as Date).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    }
    expect(() => rt.global.recordSignOff([head.name], null)).toThrow(/already signed/);
    // The next generation is a new version; the signed one's row is left exactly as it was.
    const next = rt.global.generateSla(null);
    expect(next.name).not.toBe(sla.name);
    const docs = rowsOf(rt, 'Documents');
    expect(docs.find((d) => d.Name === sla.name)!.Signed).toBe(line);
    expect(docs.find((d) => d.Name === next.name)!.Signed).toBe('');
    expect(rt.global.getSignOffPlan()).toMatchObject({ name: next.name, signed: null });
    expect(() => rt.global.recordSignOff(['Someone Else'], null)).toThrow(/Someone Else is not a head teacher/);
  });
});
