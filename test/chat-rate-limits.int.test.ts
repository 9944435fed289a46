import { startAppWithStub } from './support/app-with-stub';
import { send, userWithChat, watch } from './support/chat-helpers';

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
});
