/**
 * Time an execution spends waiting (Utilities.sleep, LockService waits) without the test waiting for it:
 * waits are simulated, added to the real elapsed time of the current call, and held to the same execution
 * limit (6 minutes, or 30 s for a custom function) that timeLimit.ts enforces in real time.
 */
import { TIME_LIMIT_MESSAGE } from './restrictions';

export class ExecutionClock {
  /** Simulated milliseconds waited since the runtime was made (never goes back). */
  waitedTotal = 0;
  private execution: { startedAt: number; waitedAtStart: number; limitMs: number } | null = null;

  /** A call from outside into the bundle starts (nested calls are part of it). */
  begin(limitMs: number): void {
    this.execution = { startedAt: Date.now(), waitedAtStart: this.waitedTotal, limitMs };
  }
  end(): void {
    this.execution = null;
  }

  /** Milliseconds the current execution has run, real plus simulated (0 outside an execution). */
  elapsed(): number {
    const e = this.execution;
    return e ? Date.now() - e.startedAt + (this.waitedTotal - e.waitedAtStart) : 0;
  }

  /** Waits `ms` (simulated); an execution that would pass its limit stops as Google stops it. */
  wait(ms: number): void {
    const e = this.execution;
    if (e && this.elapsed() + ms > e.limitMs) {
      this.waitedTotal += Math.max(0, e.limitMs - this.elapsed());
      throw new Error(TIME_LIMIT_MESSAGE);
    }
    this.waitedTotal += ms;
  }
}
