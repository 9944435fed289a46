import { startTestApp, type TestApp } from './test-app';

/** The run's Redis (global-setup sets it when one is reachable); without one, multi-instance suites are skipped. */
export const testRedisUrl = process.env.TEST_REDIS_URL;

/** `describe` for suites about several API instances: skipped when the run has no Redis to join them. */
export const describeWithRedis = testRedisUrl ? describe : describe.skip;

/**
 * Two API instances of the real app, as two replicas behind a load balancer would be: each
 * its own composition root and API server on its own port, both on the run's test database
 * and joined by one Redis (pub/sub notices, rate limits, chat events). Call it inside a
 * describeWithRedis block. `close` stops whichever started, also after a failed start.
 */
export async function startApiInstancesOverRedis(env: Record<string, string | undefined> = {}): Promise<{ a: TestApp; b: TestApp; close(): Promise<void> }> {
  if (!testRedisUrl) throw new Error('two API instances need a Redis to join them: TEST_REDIS_URL is not set');
  const started: TestApp[] = [];
  const close = async () => {
    // One after the other, each even when the one before failed to close; the first failure is reported.
    let failure: unknown;
    for (const t of started) await t.close().catch((err: unknown) => (failure ??= err));
    if (failure !== undefined) throw failure;
  };
  try {
    for (let i = 0; i < 2; i++) started.push(await startTestApp({ REDIS_URL: testRedisUrl, ...env }));
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
  const [a, b] = started as [TestApp, TestApp];
  return { a, b, close };
}
