import { AccountEventsDocument, RegisterDocument } from '../graphql/generated/graphql';
import { collect, wsClient } from './support/ws-client';
import { newAccountInput, startTestApp } from './support/test-app';

describe('Graceful shutdown', () => {
  it('When the server drains, Then readiness turns unavailable, open streams get the grace period, then are closed with 1001', async () => {
    const t = await startTestApp();
    const { register } = await t.http.ok(RegisterDocument, { input: newAccountInput() });
    const { client, closes } = wsClient(t.wsUrl, { authorization: `Bearer ${register.accessToken}` });
    const sub = collect(client, AccountEventsDocument);
    await sub.ready;
    await new Promise((r) => setTimeout(r, 50));

    const started = Date.now();
    const closing = t.server.close(400);
    const ready = await fetch(`${t.baseUrl}/readyz`, { headers: { connection: 'close' } }).catch(() => undefined);
    expect(ready?.status ?? 503).toBe(503);
    await closing;
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(350);
    expect(took).toBeLessThan(5000);
    await sub.done.catch(() => undefined);
    expect(closes[0]?.code).toBe(1001);
    await expect(fetch(`${t.baseUrl}/healthz`)).rejects.toThrow();
    await client.dispose();
    await t.app.close();
  });
});
