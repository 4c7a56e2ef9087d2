/**
 * Working-time throughput against moment-business-time, side by side in one run on the same random intervals
 * (UTC, Mon-Fri 08:00-18:00, no closures, no clock changes), with the two answers compared case by case:
 * - the custom function SLM_WORKHOURS of the built bundle (dist/Code.js, loaded into a fresh vm context as
 *   Sheets loads it) over two columns of 100,000 date cells, minute-aligned, in 2025-2026 — the headline ratio;
 * - the engine alone (makeCalendar().workingMs), and in Europe/London with closures, and dueMs.
 * moment-business-time is given the instants as numbers (its cheapest input); SLM_WORKHOURS reads date cells.
 * Run after npm run build: npx tsx bench/workingTime.ts [cases]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { makeCalendar } from '../src/core/time/calendar';
import { parseHours } from '../src/core/time/hours';

const CODE = path.resolve(__dirname, '..', 'dist', 'Code.js');

/** SLM_WORKHOURS over two columns against moment-business-time over the same intervals, one after the other. */
export interface VectorisedBench {
  /** Rows of each column (intervals). */
  rows: number;
  /** moment-business-time over all rows, in one pass (ms). */
  momentMs: number;
  /** The first SLM_WORKHOURS call in a fresh context (parses the hours, builds the day tables) (ms). */
  firstMs: number;
  /** The next calls: best and median of `repeats` (ms). */
  bestMs: number;
  medianMs: number;
  repeats: number;
  /** momentMs / medianMs and momentMs / bestMs. */
  ratioMedian: number;
  ratioBest: number;
  /** Rows where the two differ by more than 1 ms, of all rows. */
  mismatches: number;
}

export interface WorkingTimeBench {
  vectorised: VectorisedBench;
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

const median = (xs: number[]): number => {
  const s = [...xs].sort((p, q) => p - q);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function momentBusinessTime(): MomentStatic {
  const moment = require('moment-business-time') as MomentStatic;
  const hours = ['08:00:00', '18:00:00'];
  moment.updateLocale(moment.locale(), { workinghours: { 0: null, 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: null }, holidays: [] });
  return moment;
}

/**
 * SLM_WORKHOURS(starts, ends, "Mon-Fri 08:00-18:00", "", "UTC") over two columns of `rows` date cells (random
 * minute-aligned starts in 2025-2026, each interval up to 10 days), against moment-business-time's workingDiff
 * on the same intervals. Expects TZ=UTC (moment-business-time works in the process's zone).
 */
function runVectorised(moment: MomentStatic, rows: number, repeats: number): VectorisedBench {
  if (!fs.existsSync(CODE)) throw new Error('dist/Code.js is missing: run npm run build first.');
  const next = random(20260101);
  const a: number[] = [];
  const b: number[] = [];
  const from = Date.UTC(2025, 0, 1);
  const minutes = (Date.UTC(2027, 0, 1) - from) / 60_000;
  for (let i = 0; i < rows; i++) {
    a.push(from + Math.floor(next() * minutes) * 60_000);
    b.push(a[i] + Math.floor(next() * 10 * 1440) * 60_000);
  }

  const context = vm.createContext({ console, A: a, B: b });
  new vm.Script(fs.readFileSync(CODE, 'utf8')).runInContext(context);
  // The columns as Sheets passes them: one array a row, holding a Date of the script's realm.
  vm.runInContext('var starts = A.map(function (t) { return [new Date(t)]; }); var ends = B.map(function (t) { return [new Date(t)]; });', context);
  const call = vm.compileFunction('return SLM_WORKHOURS(starts, ends, "Mon-Fri 08:00-18:00", "", "UTC");', [], {
    parsingContext: context,
  }) as () => unknown[][];
  let t0 = performance.now();
  const ours = call();
  const firstMs = performance.now() - t0;
  const times: number[] = [];
  for (let k = 0; k < repeats; k++) {
    t0 = performance.now();
    call();
    times.push(performance.now() - t0);
  }

  const theirs = new Float64Array(rows);
  t0 = performance.now();
  for (let i = 0; i < rows; i++) theirs[i] = moment.utc(b[i]).workingDiff(moment.utc(a[i]), 'milliseconds');
  const momentMs = performance.now() - t0;

  let mismatches = 0;
  for (let i = 0; i < rows; i++) if (!(Math.abs((ours[i][0] as number) * 3_600_000 - theirs[i]) <= 1)) mismatches++;
  const bestMs = Math.min(...times);
  const medianMs = median(times);
  return { rows, momentMs, firstMs, bestMs, medianMs, repeats, ratioMedian: momentMs / medianMs, ratioBest: momentMs / bestMs, mismatches };
}

export function runWorkingTimeBench(n = 20_000, rows = 100_000): WorkingTimeBench {
  const savedTz = process.env.TZ;
  process.env.TZ = 'UTC';
  try {
    const moment = momentBusinessTime();
    const vectorised = runVectorised(moment, rows, 9);

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
      vectorised,
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

/** The headline lines: SLM_WORKHOURS over columns against moment-business-time, measured side by side. */
export function printVectorisedFigures(v: VectorisedBench, target: number): void {
  const us = (ms: number): string => ((ms / v.rows) * 1000).toFixed(2);
  console.log(
    `SLM_WORKHOURS over two columns of ${fmt(v.rows)} date cells (minute-aligned, 2025-2026, up to 10 days each; UTC, Mon-Fri 08:00-18:00), against moment-business-time on the same intervals in the same run:`,
  );
  console.log(
    `  SLM_WORKHOURS: first call ${v.firstMs.toFixed(0)} ms; then median ${v.medianMs.toFixed(1)} ms (${us(v.medianMs)} µs a row), best ${v.bestMs.toFixed(1)} ms of ${v.repeats}`,
  );
  console.log(
    `  moment-business-time: ${v.momentMs.toFixed(0)} ms (${us(v.momentMs)} µs a row); ${v.mismatches} of ${fmt(v.rows)} rows differ by more than 1 ms`,
  );
  const ok = v.ratioMedian >= target && v.mismatches === 0;
  console.log(
    `  ratio ${v.ratioMedian.toFixed(1)}x on the median (${v.ratioBest.toFixed(1)}x on the best) (target >= ${target}x, same answers): ${ok ? 'meets target' : 'MISSES target'}`,
  );
}

if (typeof require !== 'undefined' && require.main === module) {
  const n = Number(process.argv[2]) || 20_000;
  const r = runWorkingTimeBench(n);
  printVectorisedFigures(r.vectorised, 50);
  console.log(`Working time in the engine alone, ${fmt(r.cases)} random intervals of up to 10 days in 2023-2024, UTC, Mon-Fri 08:00-18:00`);
  console.log(`  this engine           ${fmt(r.oursCallsPerSecond).padStart(14)} calls/s  (${(1e9 / r.oursCallsPerSecond).toFixed(0)} ns a call)`);
  console.log(`  moment-business-time  ${fmt(r.momentCallsPerSecond).padStart(14)} calls/s  (${(1e9 / r.momentCallsPerSecond).toFixed(0)} ns a call)`);
  console.log(`  ratio                 ${r.ratio.toFixed(0).padStart(14)}x`);
  console.log(`  mismatches            ${String(r.mismatches).padStart(14)}  (largest difference ${r.maxAbsDiffMs} ms)`);
  console.log(`  this engine, Europe/London with closures ${fmt(r.oursLondonCallsPerSecond)} calls/s`);
  console.log(`  this engine, dueMs                       ${fmt(r.oursDueCallsPerSecond)} calls/s`);
}
