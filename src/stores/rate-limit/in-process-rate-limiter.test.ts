import { InProcessRateLimiter } from './in-process-rate-limiter';
import { rateLimiterContract } from './rate-limiter.contract';

rateLimiterContract('in-process', async () => ({ limiter: new InProcessRateLimiter(), close: async () => undefined }));
