import { startAppWithStub } from './support/app-with-stub';
import { send, userWithChat, watch } from './support/chat-helpers';
import { eventually } from './support/ws-client';

describe('Rate limits and streamed replies', () => {
  it('When a reply streams more events than the global budget allows, Then every chunk still arrives: events do not count, requests do', async () => {
    const { t, stub, close } = await startAppWithStub({
      RATE_LIMITS: JSON.stringify({ global: { limit: 20, windowMs: 60_000 }, auth: { limit: 1000, windowMs: 60_000 } }),
    });
    try {
      stub.configure('', { chunkCount: 64, chunkIntervalMs: 2 });
      const { token, sessionId } = await userWithChat(t);
      const w = watch(t, token, sessionId);
      const sent = await send(t, token, sessionId, 'Tell me everything about your week, in detail please');
      const complete = await w.finished(sent.replyId!);
      const chunks = w.chunksOf(sent.replyId!);
      expect(chunks.map((c) => c.text).join('')).toBe(complete.text);
      expect(w.events().some((e) => e.type === 'ERROR' && e.code === 'RATE_LIMITED')).toBe(false);
      await w.close();
    } finally {
      await close();
    }
  });

  it('When a user opens more subscriptions than the global budget has left, Then the ones over it are refused RATE_LIMITED: a subscription counts once, when subscribed', async () => {
    const { t, close } = await startAppWithStub({
      RATE_LIMITS: JSON.stringify({ global: { limit: 6, windowMs: 60_000 }, auth: { limit: 1000, windowMs: 60_000 } }),
    });
    const watches: ReturnType<typeof watch>[] = [];
    try {
      // Two operations of the user's so far: createPersona and startChat (registration counts against the address).
      const { token, sessionId } = await userWithChat(t);
      for (let i = 0; i < 6; i++) watches.push(watch(t, token, sessionId));
      const refused = () => watches.filter((w) => w.sub.results.some((r) => r.errors?.some((e) => e.extensions?.code === 'RATE_LIMITED')));
      await eventually(() => refused().length >= 2);
      // Four subscriptions fit the four operations left; they stay open, and nothing else was counted.
      await new Promise((r) => setTimeout(r, 200));
      expect(refused()).toHaveLength(2);
      expect(watches.filter((w) => w.sub.results.every((r) => !r.errors?.length) && !w.sub.error)).toHaveLength(4);
    } finally {
      await Promise.all(watches.map((w) => w.close()));
      await close();
    }
  });
});
