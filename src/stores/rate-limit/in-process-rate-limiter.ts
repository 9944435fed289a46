import type { RateDecision, RateLimiter } from '../../ports/rate-limiter.port';

/** Sliding window in this process: the hit times per key, pruned as they age out. */
export class InProcessRateLimiter implements RateLimiter {
  private readonly hits = new Map<string, number[]>();

  async hit(key: string, limit: number, windowMs: number): Promise<RateDecision> {
    const now = Date.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - windowMs);
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      return { allowed: false, retryAfterMs: recent[0]! + windowMs - now, remaining: 0 };
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 100_000) this.prune(now, windowMs);
    return { allowed: true, retryAfterMs: 0, remaining: limit - recent.length };
  }

  async forget(subject: string): Promise<void> {
    for (const key of [...this.hits.keys()]) if (key.endsWith(`:${subject}`)) this.hits.delete(key);
  }

  // Bounded memory: forget keys whose newest hit is older than the window.
  private prune(now: number, windowMs: number): void {
    for (const [key, times] of this.hits) if ((times.at(-1) ?? 0) <= now - windowMs) this.hits.delete(key);
  }
}
