/**
 * Each use case (the service review, the panel's overview, the digest, the trends) builds one model, one set of incident columns,
 * and computes each period's attainment once, however many parts of it (figures, comparison, supplier
 * findings, trends, open items' clocks) read it.
 * Every attainment figure comes from one tally of the log (`measure`), so counting its calls per period
 * counts the attainment computations; the model and column builders are counted the same way.
 */
import { dailyDigest } from '../../../src/core/usecases/digest';
import { periodOverview } from '../../../src/core/usecases/overview';
import { serviceReview } from '../../../src/core/usecases/review';
import { recentTrends } from '../../../src/core/usecases/trends';
import { exampleWorkbook, NOW } from '../documents/fixture';

jest.mock('../../../src/core/attainment/measure', () => {
  const actual = jest.requireActual('../../../src/core/attainment/measure');
  return { ...actual, measure: jest.fn(actual.measure) };
});
jest.mock('../../../src/core/attainment/model', () => {
  const actual = jest.requireActual('../../../src/core/attainment/model');
  return { ...actual, buildModel: jest.fn(actual.buildModel) };
});
jest.mock('../../../src/core/attainment/columns', () => {
  const actual = jest.requireActual('../../../src/core/attainment/columns');
  // Every builder of incident columns, whatever the reader is called.
  return Object.fromEntries(
    Object.entries(actual).map(([k, v]) => [k, typeof v === 'function' && /columns/i.test(k) ? jest.fn(v as (...a: unknown[]) => unknown) : v]),
  );
});

const measure = jest.requireMock('../../../src/core/attainment/measure').measure as jest.Mock;
const buildModel = jest.requireMock('../../../src/core/attainment/model').buildModel as jest.Mock;
const columnBuilders = Object.values(jest.requireMock('../../../src/core/attainment/columns')).filter((f): f is jest.Mock => jest.isMockFunction(f));

/** Calls of `measure` per period [start, end). */
const computationsPerPeriod = (): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const [, , start, end] of measure.mock.calls) counts.set(`${start}|${end}`, (counts.get(`${start}|${end}`) ?? 0) + 1);
  return counts;
};
const columnBuilds = () => columnBuilders.reduce((n, f) => n + f.mock.calls.length, 0);

beforeEach(() => {
  measure.mockClear();
  buildModel.mockClear();
  for (const f of columnBuilders) f.mockClear();
});

describe('generating a service review', () => {
  const wb = exampleWorkbook();

  test('this term: one model, one set of incident columns, each period measured once', () => {
    // The example logs supplier calls, so supplier performance (a finding that needs the period's breaches) runs.
    expect(wb.incidents.some((i) => i.contractRef !== undefined)).toBe(true);
    const review = serviceReview(wb, { period: { kind: 'thisTerm' }, now: NOW, school: 'Hillside School', unread: [] });
    expect(review.internal.internal).toBe(true);
    expect(review.shared.internal).toBe(false);
    expect(buildModel).toHaveBeenCalledTimes(1);
    expect(columnBuilds()).toBe(1);
    const counts = computationsPerPeriod();
    // The term, the term before and the twelve trend months.
    expect(counts.size).toBe(14);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    expect(measure).toHaveBeenCalledTimes(14);
  });

  test("this month: the period is also the trends' last month, and is still measured once", () => {
    serviceReview(wb, { period: { kind: 'thisMonth' }, now: NOW, school: 'Hillside School', unread: [] });
    const counts = computationsPerPeriod();
    // The month, the month before (also a trend month) and the ten trend months before those.
    expect(counts.size).toBe(12);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    expect(buildModel).toHaveBeenCalledTimes(1);
    expect(columnBuilds()).toBe(1);
  });
});

describe('the overview, the digest and the trends', () => {
  const wb = exampleWorkbook();

  test('the overview: one model, one set of columns, the period measured once', () => {
    expect(periodOverview(wb, { kind: 'thisTerm' }, NOW).report.services.length).toBeGreaterThan(0);
    expect(buildModel).toHaveBeenCalledTimes(1);
    expect(columnBuilds()).toBe(1);
    expect(measure).toHaveBeenCalledTimes(1);
  });

  test('the digest: one model, one set of columns (clocks and attainment share them), this month measured once', () => {
    expect(dailyDigest(wb, 'Hillside School', NOW, undefined, {}).digest).toBeDefined();
    expect(buildModel).toHaveBeenCalledTimes(1);
    expect(columnBuilds()).toBe(1);
    expect(measure).toHaveBeenCalledTimes(1);
  });

  test('the trends: one model, one set of columns, each of the twelve months measured once', () => {
    expect(recentTrends(wb, NOW).months).toHaveLength(12);
    expect(buildModel).toHaveBeenCalledTimes(1);
    expect(columnBuilds()).toBe(1);
    const counts = computationsPerPeriod();
    expect(counts.size).toBe(12);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
  });
});
