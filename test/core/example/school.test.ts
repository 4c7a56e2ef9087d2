import { exampleSchool } from '../../../src/core/example';
import { listPeriods } from '../../../src/core/periods';
import { tabOrder, workbookSchema } from '../../../src/core/schema/workbook';
import { parseWorkbook, type WorkbookValues } from '../../../src/core/workbook/parseWorkbook';
import { recordsToRows } from '../../../src/core/workbook/toCells';

const TZ = 'Europe/London';
const NOW = Date.UTC(2026, 10, 22, 12);

function asSheets(now: number): WorkbookValues {
  const school = exampleSchool(now, TZ);
  const values: WorkbookValues = {};
  for (const key of tabOrder()) {
    const tab = workbookSchema()[key];
    const header = tab.columns.map((c) => c.header);
    values[key] = [header, ...recordsToRows(tab, header, school[key])];
  }
  return values;
}

describe('the example school', () => {
  const { workbook, problems } = parseWorkbook(asSheets(NOW), TZ);

  test('reads back cleanly: the only problem is the service nobody catalogued', () => {
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const warnings = problems.filter((p) => p.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(0);
    expect(new Set(warnings.map((p) => p.value))).toEqual(new Set(['LIBRARY']));
  });

  test('holds the guidance examples', () => {
    const ids = workbook.services.map((s) => s.serviceId);
    expect(ids).toEqual(expect.arrayContaining(['PRINT', 'WP', 'INTERNET', 'STORAGE', 'EMAIL', 'COLOURPRINT', 'LANGEXAM']));
    const print = workbook.equipment.filter((e) => e.serviceId === 'PRINT').map((e) => e.component);
    expect(print).toEqual(['Printer', 'Computer', 'Cable', 'Ink cartridge', 'Paper', 'Printer driver', 'Electrical power']);
    // Email's 08:00-18:00 is the School day calendar: term time, as its SLA's service desk is staffed.
    expect(workbook.services.find((s) => s.serviceId === 'EMAIL')?.serviceHours).toBe('School day');
    expect(workbook.calendars.find((c) => c.name === 'School day')?.hours).toBe('Mon-Fri 08:00-18:00');
    expect(workbook.targets).toContainEqual(expect.objectContaining({ serviceId: 'EMAIL', type: 'Incident', resolveHours: 4 }));
    expect(workbook.targets).toContainEqual(expect.objectContaining({ serviceId: 'EMAIL', type: 'Request', resolveHours: 20 }));
    expect(workbook.contracts.find((c) => c.supplier === 'FastNet ISP')?.supportHours).toBe('24x7');
    expect(workbook.contracts.find((c) => c.supplier === 'Whiteboard Supplier Ltd')?.supportHours).toBeUndefined();
    expect(workbook.services.find((s) => s.serviceId === 'COLOURPRINT')?.users).toBeUndefined();
  });

  test('has the incidents of last term and this one up to now, some still open, and term-time closures', () => {
    const opened = workbook.incidents.map((i) => i.opened);
    expect(workbook.incidents.length).toBeGreaterThan(100);
    expect(Math.max(...opened)).toBeLessThanOrEqual(NOW);
    // The log starts with last term, so its figures are whole.
    const lastTerm = listPeriods(workbook, NOW).find((p) => p.kind === 'lastTerm')!;
    expect(lastTerm.label).toBe('Summer term 2026');
    expect(Math.min(...opened)).toBeGreaterThan(lastTerm.start - 8 * 86400000);
    expect(Math.min(...opened)).toBeLessThan(lastTerm.start + 2 * 86400000);
    expect(workbook.incidents.some((i) => i.resolved === undefined)).toBe(true);
    expect(workbook.incidents.some((i) => i.type === 'Request')).toBe(true);
    expect(workbook.incidents.some((i) => i.serviceDown)).toBe(true);
    expect(workbook.closures.map((c) => c.reason)).toEqual(expect.arrayContaining(['Christmas holidays', 'INSET day', 'Autumn half term']));
  });

  test("the ISP's logged times are within its 24x7 contract, and the colour printer's contract is genuinely fast", () => {
    const isp = workbook.contracts.find((c) => c.contractRef === 'ISP-01')!;
    const calls = workbook.incidents.filter((i) => i.contractRef === 'ISP-01' && i.supplierLogged !== undefined);
    expect(calls.length).toBeGreaterThan(5);
    const hours = (from: number, to: number | undefined) => (to === undefined ? 0 : (to - from) / 3_600_000);
    for (const i of calls) {
      expect(hours(i.supplierLogged!, i.supplierResponded)).toBeLessThanOrEqual(isp.respondHours!);
      expect(hours(i.supplierLogged!, i.supplierFixed)).toBeLessThanOrEqual(isp.fixHours!);
    }
    expect(workbook.contracts.find((c) => c.contractRef === 'CLR-01')).toMatchObject({ respondHours: 0.25, fixHours: 1 });
  });

  test('is the same for the same moment', () => {
    expect(exampleSchool(NOW, TZ)).toEqual(exampleSchool(NOW, TZ));
  });
});
