/**
 * Working-time throughput: this engine against moment-business-time on the same random intervals
 * (UTC, Mon-Fri 08:00-18:00, no closures, no clock changes), with the two answers compared case by case.
 * Run: npx tsx bench/workingTime.ts [cases]
 */
import { makeCalendar } from '../src/core/time/calendar';
import { parseHours } from '../src/core/time/hours';

export interface WorkingTimeBench {
  /** Random intervals compared. */
  cases: number;
  oursCallsPerSecond: number;
  momentCallsPerSecond: number;
  /** oursCallsPerSecond / momentCallsPerSecond. */
  ratio: number;
  /** Cases where the two differ by more than 1 ms (moment-business-time rounds to whole ms). */
  mismatches: number;
  maxAbsDiffMs: number;
  /** The engine on the same intervals in Europe/London with a term's closures (clock changes included). */
  oursLondonCallsPerSecond: number;
  /** dueMs on the same starts and the working time each interval holds. */
  oursDueCallsPerSecond: number;
}

interface BusinessMoment {
  workingDiff(other: BusinessMoment, unit: string): number;
}
interface MomentStatic {
  utc(ms: number): BusinessMoment;
  locale(): string;
  updateLocale(name: string, data: object): void;
}

const DAY = 86_400_000;

/** Deterministic random numbers, so runs compare like with like. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Calls per second of `run` (which makes `calls` calls), repeated until at least `minMs` has passed. */
function rate(calls: number, run: () => number, minMs: number): { perSecond: number; sink: number } {
  let sink = run(); // warm-up (and builds the day tables)
  let done = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    sink += run();
    done += calls;
    elapsed = performance.now() - t0;
  } while (elapsed < minMs);
  return { perSecond: (done / elapsed) * 1000, sink };
}

export function runWorkingTimeBench(n = 20_000): WorkingTimeBench {
  const savedTz = process.env.TZ;
  process.env.TZ = 'UTC';
  try {
    const moment = require('moment-business-time') as MomentStatic;
    const hours = ['08:00:00', '18:00:00'];
    moment.updateLocale(moment.locale(), { workinghours: { 0: null, 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: null }, holidays: [] });

    const next = random(20250101);
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    const from = Date.UTC(2023, 0, 1);
    for (let i = 0; i < n; i++) {
      a[i] = from + Math.floor(next() * 2 * 365 * DAY);
      b[i] = a[i] + Math.floor(next() * 10 * DAY);
    }

    const cal = makeCalendar(parseHours('Mon-Fri 08:00-18:00'), [], 'UTC');
    const ours = new Float64Array(n);
    for (let i = 0; i < n; i++) ours[i] = cal.workingMs(a[i], b[i]);
    const theirs = new Float64Array(n);
    const tm = performance.now();
    for (let i = 0; i < n; i++) theirs[i] = moment.utc(b[i]).workingDiff(moment.utc(a[i]), 'milliseconds');
    const momentCallsPerSecond = (n / (performance.now() - tm)) * 1000;

    let mismatches = 0;
    let maxAbsDiffMs = 0;
    for (let i = 0; i < n; i++) {
      const diff = Math.abs(ours[i] - theirs[i]);
      if (diff > 1) mismatches++;
      if (diff > maxAbsDiffMs) maxAbsDiffMs = diff;
    }

    const oursRun = rate(
      n,
      () => {
        let s = 0;
        for (let i = 0; i < n; i++) s += cal.workingMs(a[i], b[i]);
        return s;
      },
      500,
    );

    const london = makeCalendar(
      parseHours('Mon-Fri 08:00-18:00'),
      [
        { from: '2023-12-21', to: '2024-01-03' },
        { from: '2024-03-28', to: '2024-04-12' },
        { from: '2024-07-22', to: '2024-09-02' },
      ],
      'Europe/London',
    );
    const londonRun = rate(
      n,
      () => {
        let s = 0;
        for (let i = 0; i < n; i++) s += london.workingMs(a[i], b[i]);
        return s;
      },
      500,
    );
    const dueRun = rate(
      n,
      () => {
        let s = 0;
        for (let i = 0; i < n; i++) s += cal.dueMs(a[i], ours[i]);
        return s;
      },
      500,
    );

    return {
      cases: n,
      oursCallsPerSecond: oursRun.perSecond,
      momentCallsPerSecond,
      ratio: oursRun.perSecond / momentCallsPerSecond,
      mismatches,
      maxAbsDiffMs,
      oursLondonCallsPerSecond: londonRun.perSecond,
      oursDueCallsPerSecond: dueRun.perSecond,
    };
  } finally {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  }
}

const fmt = (x: number): string => Math.round(x).toLocaleString('en-GB');

if (typeof require !== 'undefined' && require.main === module) {
  const n = Number(process.argv[2]) || 20_000;
  const r = runWorkingTimeBench(n);
  console.log(`Working time, ${fmt(r.cases)} random intervals of up to 10 days in 2023-2024, UTC, Mon-Fri 08:00-18:00`);
  console.log(`  this engine           ${fmt(r.oursCallsPerSecond).padStart(14)} calls/s  (${(1e9 / r.oursCallsPerSecond).toFixed(0)} ns a call)`);
  console.log(`  moment-business-time  ${fmt(r.momentCallsPerSecond).padStart(14)} calls/s  (${(1e9 / r.momentCallsPerSecond).toFixed(0)} ns a call)`);
  console.log(`  ratio                 ${r.ratio.toFixed(0).padStart(14)}x`);
  console.log(`  mismatches            ${String(r.mismatches).padStart(14)}  (largest difference ${r.maxAbsDiffMs} ms)`);
  console.log(`  this engine, Europe/London with closures ${fmt(r.oursLondonCallsPerSecond)} calls/s`);
  console.log(`  this engine, dueMs                       ${fmt(r.oursDueCallsPerSecond)} calls/s`);
}
