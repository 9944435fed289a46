import type { Logger } from '../../observability/logger';
import type { RateLimiter } from '../../ports/rate-limiter.port';
import { RateLimitedError } from '../errors';
import type { RateClass, RateRule } from './rate-limit-policy';

/**
 * When this process last logged a limiter outage, on the process's monotonic clock: a log
 * line's throttle is process time, not business time (clock.port.ts), so no Clock is needed.
 */
let lastOutageLog = Number.NEGATIVE_INFINITY;

/**
 * Counts one hit for `subject` in `rateClass` and throws RATE_LIMITED (with retry-after) when
 * over. Fails open: if the limiter's store is down, the request goes through and the outage
 * is logged (at most once a minute), so Redis trouble never takes the API down.
 */
export async function enforceRateLimit(
  deps: { limiter: RateLimiter; rules: Record<RateClass, RateRule>; logger: Logger },
  rateClass: RateClass,
  subject: string,
): Promise<void> {
  const rule = deps.rules[rateClass];
  let decision;
  try {
    decision = await deps.limiter.hit(`${rateClass}:${subject}`, rule.limit, rule.windowMs);
  } catch (err) {
    const now = performance.now();
    if (now - lastOutageLog > 60_000) {
      lastOutageLog = now;
      deps.logger.warn({ err: (err as Error).message }, 'rate limiter unavailable; failing open');
    }
    return;
  }
  if (!decision.allowed) throw new RateLimitedError(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
}
