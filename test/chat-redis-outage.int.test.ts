import { startStubLlmServer, type StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { conversation, send, userWithChat, watch } from './support/chat-helpers';
import { hasRedisServer, startPrivateRedis } from './support/private-redis';
import { startTestApp, type TestApp } from './support/test-app';

const describeWithRedis = hasRedisServer ? describe : describe.skip;

describeWithRedis('Live chat when Redis stops mid-chat', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let stub: StubLlmServer;
  let t: TestApp;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    stub = await startStubLlmServer();
    t = await startTestApp({ LLM_BASE_URL: stub.baseUrl, LLM_API_KEY: 'stub', MODERATION: 'local', REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await t.close();
    await stub.close();
    await redis.stop();
  });

  it('When Redis dies between two messages, Then the next reply still streams to the open subscription, with history, and /readyz says degraded', async () => {
    stub.configure('', { chunkCount: 5, chunkIntervalMs: 10 });
    const { token, sessionId } = await userWithChat(t);
    const w = watch(t, token, sessionId);
    await w.sub.ready;
    const first = await send(t, token, sessionId, 'My favourite food is hotpot');
    const before = await w.finished(first.replyId!);
    expect(before.status).toBe('COMPLETE');

    await redis.stop();

    const second = await send(t, token, sessionId, 'What should we eat tonight?');
    const after = await w.finished(second.replyId!);
    expect(after.status).toBe('COMPLETE');
    const chunks = w.chunksOf(second.replyId!);
    expect(chunks.map((c) => c.text).join('')).toBe(after.text);
    const seqs = w.events().map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

    // Short-term memory was unreachable: the history came from the transcript store.
    const prompt = stub
      .requests()
      .map((r) => r.body as { messages: { role: string; content: string }[] })
      .filter((b) => b.messages[0]?.content.includes('Stay in character'))
      .at(-1)!;
    expect(prompt.messages.map((m) => m.content)).toEqual(expect.arrayContaining(['My favourite food is hotpot', 'What should we eat tonight?']));

    expect((await conversation(t, token, sessionId)).map((m) => m.status)).toEqual(['SENT', 'COMPLETE', 'SENT', 'COMPLETE']);
    const ready = (await (await fetch(`${t.baseUrl}/readyz`)).json()) as { status: string; dependencies: { redis: { status: string } } };
    expect(ready.status).toBe('degraded');
    expect(ready.dependencies.redis.status).toBe('down');
    await w.close();
  }, 30_000);
});
