import type { Clock } from '../../ports/clock.port';

/** A clock that stands still until told to move: for tests of expiries and month boundaries. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string | number = '2026-01-15T12:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves time forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.current += ms;
  }

  set(at: Date | string | number): void {
    this.current = new Date(at).getTime();
  }
}
