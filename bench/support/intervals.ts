/** A span of wall time, in performance.now() milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** Collects spans of one kind (model calls, HTTP requests) as they finish. */
export class IntervalLog {
  readonly spans: Interval[] = [];

  /** Times `work` and records its span, whether it succeeds or fails. */
  async time<T>(work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.spans.push({ start, end: performance.now() });
    }
  }

  /** How much of [from, to] the recorded spans cover (overlapping spans counted once). */
  coverage(from: number, to: number): number {
    const clipped = this.spans
      .map((s) => ({ start: Math.max(s.start, from), end: Math.min(s.end, to) }))
      .filter((s) => s.end > s.start)
      .sort((a, b) => a.start - b.start);
    let total = 0;
    let reach = from;
    for (const s of clipped) {
      const start = Math.max(s.start, reach);
      if (s.end > start) total += s.end - start;
      reach = Math.max(reach, s.end);
    }
    return total;
  }

  clear(): void {
    this.spans.length = 0;
  }
}
