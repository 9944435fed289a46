export interface RateDecision {
  allowed: boolean;
  /** How long until one more hit would be allowed (0 when allowed). */
  retryAfterMs: number;
  remaining: number;
}

/** Sliding-window counting shared by every instance (Redis), or per process by default. */
export interface RateLimiter {
  /** Counts one hit on `key` and decides whether it fits `limit` hits per `windowMs`. */
  hit(key: string, limit: number, windowMs: number): Promise<RateDecision>;
  /** Erasure: drops every counter of a subject (keys ending in `:<subject>`, e.g. `user:<id>`). */
  forget(subject: string): Promise<void>;
}
