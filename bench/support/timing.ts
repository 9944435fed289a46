import { percentile } from '../percentiles';

/** Nearest-rank percentiles and the mean of a set of samples (milliseconds). */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export function summarise(samples: number[]): Summary {
  const n = samples.length;
  return {
    n,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    mean: n === 0 ? Number.NaN : samples.reduce((a, b) => a + b, 0) / n,
    max: n === 0 ? Number.NaN : Math.max(...samples),
  };
}

/** A figure rounded for a table: 2 decimals below 10, 1 below 100, whole numbers above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  return abs < 10 ? +value.toFixed(2) : abs < 100 ? +value.toFixed(1) : Math.round(value);
}

/** "1.23 ms" */
export const ms = (value: number) => `${round(value)} ms`;

export interface LoadResult {
  latencies: number[];
  seconds: number;
  requests: number;
  throughputPerSec: number;
}

/**
 * Runs `total` calls of `call` with `concurrency` of them in flight at any time (a closed
 * loop: each caller starts its next call when the previous one finished). Bounded.
 */
export async function closedLoop(concurrency: number, total: number, call: () => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let started = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < total) {
        started += 1;
        const t = performance.now();
        await call();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { latencies, seconds, requests: total, throughputPerSec: total / seconds };
}

/** A promise for `ms` milliseconds (lets pools and GC settle between phases). */
export const pause = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));
