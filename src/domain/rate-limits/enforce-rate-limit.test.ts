import type { Logger } from '../../observability/logger';
import type { RateLimiter } from '../../ports/rate-limiter.port';
import { RateLimitedError } from '../errors';
import { enforceRateLimit } from './enforce-rate-limit';
import { DEFAULT_RATE_RULES } from './rate-limit-policy';

const down: RateLimiter = { hit: async () => Promise.reject(new Error('redis is down')) } as unknown as RateLimiter;

describe('enforceRateLimit', () => {
  it('When the limiter’s store is down, Then requests go through and the outage is logged once, at the first failure', async () => {
    const warn = jest.fn();
    const logger = { warn } as unknown as Logger;

    for (let i = 0; i < 5; i += 1) await expect(enforceRateLimit({ limiter: down, rules: DEFAULT_RATE_RULES, logger }, 'global', 'user:u-1')).resolves.toBeUndefined();

    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith({ err: 'redis is down' }, 'rate limiter unavailable; failing open');
  });

  it('When a subject is over its budget, Then RATE_LIMITED says when to retry, in whole seconds', async () => {
    const limiter = { hit: async () => ({ allowed: false, retryAfterMs: 1_200 }) } as unknown as RateLimiter;
    const refused = enforceRateLimit({ limiter, rules: DEFAULT_RATE_RULES, logger: {} as Logger }, 'chat', 'user:u-1');
    await expect(refused).rejects.toBeInstanceOf(RateLimitedError);
    await expect(refused).rejects.toMatchObject({ details: { retryAfterSeconds: 2 } });
  });
});
