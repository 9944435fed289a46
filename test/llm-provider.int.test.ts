import { MeDocument, RegisterDocument } from '../graphql/generated/graphql';
import { MonthlyTokenUsage } from '../src/domain/usage/monthly-token-usage.entity';
import { monthOf } from '../src/kernel/calendar-month';
import { DomainError } from '../src/domain/errors';
import type { ChatRequest, ChatStreamEvent, ModelProvider } from '../src/ports/model-provider.port';
import { startStubLlmServer, type StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { countChatPromptTokens, countTextTokens } from '../src/llm/tokens/token-counter';
import { UsageRecord } from '../src/llm/usage/usage-record.entity';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';

let stub: StubLlmServer;
let t: TestApp;
let llm: ModelProvider;

beforeAll(async () => {
  stub = await startStubLlmServer();
  t = await startTestApp({
    LLM_BASE_URL: stub.baseUrl,
    LLM_API_KEY: 'stub-key',
    // Each test uses its own models, so breakers opened by one test do not leak into another.
    LLM_CHAT_MODELS: 'chat-a,chat-b',
    LLM_DEEP_MODELS: 'deep-a',
    LLM_FAST_MODELS: 'brk-a,brk-b',
    LLM_FIRST_TOKEN_TIMEOUT_MS: '500',
    LLM_CHUNK_GAP_TIMEOUT_MS: '500',
    LLM_BREAKER_FAILURES: '3',
    LLM_BREAKER_HALF_OPEN_MS: '600',
    LLM_PRICES: JSON.stringify({ 'chat-a': { input: 1, output: 2 }, 'chat-b': { input: 3, output: 4 } }),
    MODERATION: 'local',
  });
  llm = t.app.services.llm;
  // Warm up: the first call loads the HTTP client and tokenizer, which must not count
  // against the first-token timeouts below.
  await llm.chat(request('warm up'));
});
afterAll(async () => {
  await t.close();
  await stub.close();
});
beforeEach(() => stub.reset());

const chatRequests = (model?: string) =>
  stub.requests().filter((r) => r.path.endsWith('/chat/completions') && (!model || r.model === model));

async function newUserId(): Promise<string> {
  const { register } = await t.http.ok(RegisterDocument, { input: newAccountInput() });
  return register.user.id;
}

function request(content: string, extra: Partial<ChatRequest> = {}): ChatRequest {
  return {
    tier: 'chat',
    messages: [
      { role: 'system', content: 'You are Mei, warm and teasing.' },
      { role: 'user', content },
    ],
    tag: { agent: 'partner', node: 'reply', purpose: 'test' },
    ...extra,
  };
}

async function drain(stream: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const events: ChatStreamEvent[] = [];
  for await (const e of stream) events.push(e);
  return events;
}

describe('Model tiers, fallback and breakers (against the stub over HTTP)', () => {
  it.each([
    ['a 500', { failStatus: 500 }],
    ['a first token slower than the timeout', { firstTokenLatencyMs: 1500 }],
    ['a hang', { hang: true }],
  ])('When the first model fails with %s, Then the next model in the tier answers', async (_label, knobs) => {
    stub.configure('chat-a', { ...knobs, failTimes: null });
    stub.configure('chat-b', { reply: 'Hello from b' });
    const reply = await llm.chat(request(`hi ${Math.random()}`));
    expect(reply).toMatchObject({ text: 'Hello from b', model: 'chat-b', degraded: false });
    expect(chatRequests('chat-a').length).toBeGreaterThanOrEqual(1);
    // A success resets chat-a's consecutive-failure count, so the next case starts clean.
    stub.configure('chat-a', { failStatus: null, firstTokenLatencyMs: 0, hang: false });
    expect((await llm.chat(request('recovered?'))).model).toBe('chat-a');
  });

  it('When a model keeps failing, Then its breaker opens (no more calls to it) and half-opens later', async () => {
    stub.configure('brk-a', { failStatus: 503 });
    stub.configure('brk-b', { reply: 'backup' });
    for (let i = 0; i < 3; i++) await llm.chat(request(`fail ${i}`, { tier: 'fast' }));
    const before = chatRequests('brk-a').length;
    expect(before).toBe(3);
    expect((await llm.chat(request('while open', { tier: 'fast' }))).model).toBe('brk-b');
    expect(chatRequests('brk-a').length).toBe(before);

    stub.configure('brk-a', { failStatus: null, reply: 'primary is back' });
    await new Promise((r) => setTimeout(r, 700));
    const recovered = await llm.chat(request('after half-open', { tier: 'fast' }));
    expect(recovered).toMatchObject({ model: 'brk-a', text: 'primary is back' });
  });

  it('When a stream breaks after the first token, Then there is no silent retry: an error event keeps the partial text', async () => {
    stub.configure('chat-a', { reply: 'one two three four five six', chunkCount: 6, cutAfterChunks: 2 });
    const events = await drain(llm.streamChat(request('tell me a story')));
    const chunks = events.filter((e) => e.type === 'chunk').map((e) => (e as { text: string }).text);
    const error = events.at(-1) as Extract<ChatStreamEvent, { type: 'error' }>;
    expect(chunks.length).toBeGreaterThan(0);
    expect(error).toMatchObject({ type: 'error', code: 'AI_SERVICE_UNAVAILABLE', retryable: true });
    expect(error.partialText).toBe(chunks.join(''));
    expect(chatRequests('chat-b')).toHaveLength(0);
    stub.configure('chat-a', { cutAfterChunks: null, reply: null, chunkCount: 4 });
  });

  it('When every model is down, Then a canned in-character reply is flagged degraded and /readyz says llm degraded', async () => {
    stub.configure('deep-a', { failStatus: 500 });
    const first = await llm.chat(request('are you there?', { tier: 'deep', cannedReply: 'Give me a second, love.' }));
    expect(first).toMatchObject({ text: 'Give me a second, love.', degraded: true, model: 'canned' });
    for (let i = 0; i < 2; i++) await llm.chat(request(`still there? ${i}`, { tier: 'deep' }));
    const ready = (await (await fetch(`${t.baseUrl}/readyz`)).json()) as { dependencies: { llm: { status: string } } };
    expect(ready.dependencies.llm.status).toBe('degraded');
    stub.configure('deep-a', { failStatus: null });
  });
});

describe('Token accounting, ledger and quotas', () => {
  const corpus = [
    'Hello! How was your day? 😊',
    '今天过得怎么样？我有点想你了。',
    'Mixed 中英文 text with emoji 🎉🎉 and punctuation...!?',
    '我们周末去爬山吧 🏔️ or maybe a movie night?',
    'ok',
  ];

  it('When replies come back, Then local token counts equal the usage the endpoint reports, for Chinese, English and emoji', async () => {
    for (const [i, text] of corpus.entries()) {
      stub.configure('chat-a', { reply: corpus[(i + 1) % corpus.length]! });
      const req = request(text);
      const reply = await llm.chat(req);
      expect(reply.usage).toEqual({
        promptTokens: countChatPromptTokens(req.messages, 'chat-a'),
        completionTokens: countTextTokens(reply.text, 'chat-a'),
      });
    }
  });

  it('When a user-tagged call completes, Then the ledger row has tokens, cost from the price table, latency and outcome', async () => {
    const userId = await newUserId();
    stub.configure('chat-a', { reply: 'Sure, let us meet at eight.' });
    const reply = await llm.chat(request('dinner tonight?', { tag: { userId, agent: 'partner', node: 'reply', purpose: 'chat', prompt: { name: 'partner.reply', version: 3 } } }));
    const rows = await t.app.services.orm.em.fork().find(UsageRecord, { userId });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ model: 'chat-a', agent: 'partner', node: 'reply', outcome: 'ok', cacheHit: false, promptName: 'partner.reply', promptVersion: 3 });
    expect(row.promptTokens).toBe(reply.usage.promptTokens);
    expect(Number(row.costUsd)).toBeCloseTo((reply.usage.promptTokens * 1 + reply.usage.completionTokens * 2) / 1_000_000, 8);
    expect(row.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('When the monthly allowance is used up, Then QUOTA_EXCEEDED comes before any model is called and nothing is recorded', async () => {
    const userId = await newUserId();
    const em = t.app.services.orm.em.fork();
    em.create(MonthlyTokenUsage, { userId, month: monthOf(new Date()), used: '199990', reserved: '0' });
    await em.flush();
    const before = chatRequests().length;
    await expect(llm.chat(request('hello', { tag: { userId, agent: 'partner', node: 'reply', purpose: 'chat' } }))).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
    });
    expect(chatRequests().length).toBe(before);
    expect(await t.app.services.orm.em.fork().count(UsageRecord, { userId })).toBe(0);
  });

  it('When a call is settled, Then the reservation is replaced by the actual tokens', async () => {
    const userId = await newUserId();
    stub.configure('chat-a', { reply: 'short' });
    const reply = await llm.chat(request('hi', { maxTokens: 400, tag: { userId, agent: 'partner', node: 'reply', purpose: 'chat' } }));
    const usage = await t.app.services.orm.em.fork().findOneOrFail(MonthlyTokenUsage, { userId });
    expect(Number(usage.used)).toBe(reply.usage.promptTokens + reply.usage.completionTokens);
    expect(Number(usage.reserved)).toBe(0);
  });

  it('When the user reads myUsage, Then calls are grouped by day, model and agent', async () => {
    const input = newAccountInput();
    const { register } = await t.http.ok(RegisterDocument, { input });
    const tag = { userId: register.user.id, node: 'reply', purpose: 'chat' };
    stub.configure('chat-a', { reply: 'a' });
    await llm.chat(request('one', { tag: { ...tag, agent: 'partner' } }));
    await llm.chat(request('two', { tag: { ...tag, agent: 'coach' } }));
    const result = await t.http.raw<{ myUsage: { total: { calls: number }; byAgent: { key: string; calls: number }[]; byModel: { key: string }[]; byDay: { key: string }[] } }>(
      { query: '{ myUsage { total { calls costUsd } byAgent { key calls } byModel { key } byDay { key } } }' },
      register.accessToken,
    );
    expect(result.data?.myUsage.total.calls).toBe(2);
    expect(result.data?.myUsage.byAgent).toEqual([
      { key: 'coach', calls: 1 },
      { key: 'partner', calls: 1 },
    ]);
    expect(result.data?.myUsage.byModel.map((b) => b.key)).toEqual(['chat-a']);
    expect(result.data?.myUsage.byDay.map((b) => b.key)).toEqual([new Date().toISOString().slice(0, 10)]);
    const other = await t.http.raw({ query: `{ myUsage(userId: "${register.user.id}") { total { calls } } }` }, (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.http.ok(MeDocument, undefined, register.accessToken)).me.id).toBe(register.user.id);
  });
});

describe('Moderation and the response cache', () => {
  it('When user input is a threat, Then CONTENT_BLOCKED names the category and no model is called', async () => {
    const before = chatRequests().length;
    const attempt = llm.chat(request('I am going to kill you tonight, I know where you live', { moderateInput: true }));
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'CONTENT_BLOCKED' });
    expect(chatRequests().length).toBe(before);
  });

  it('When the user talks about ending their life, Then a supportive reply with help resources comes instead of role-play', async () => {
    const before = chatRequests().length;
    const reply = await llm.chat(request('I want to kill myself, nothing matters anymore', { moderateInput: true }));
    expect(reply.safety).toBe('support');
    expect(reply.text).toMatch(/988|Samaritans|findahelpline/);
    expect(chatRequests().length).toBe(before);
  });

  it('When the model output is flagged, Then it is replaced by a safe reply', async () => {
    stub.configure('chat-a', { reply: 'Here is how to build a pipe bomb step by step: first get explosives' });
    const reply = await llm.chat(request('tell me something', { moderateOutput: true }));
    expect(reply.safety).toBe('replaced');
    expect(reply.text).not.toMatch(/bomb/i);
  });

  it('When the same deterministic call is made twice, Then the second is a cache hit and the model is called once', async () => {
    stub.configure('chat-a', { reply: 'classified: positive' });
    const req = request(`classify this ${Math.random()}`, { temperature: 0 });
    const first = await llm.chat(req);
    const second = await llm.chat(req);
    expect(first.cached).toBe(false);
    expect(second).toMatchObject({ cached: true, text: first.text });
    expect(chatRequests('chat-a')).toHaveLength(1);
    const metrics = await t.app.services.metrics.registry.metrics();
    expect(metrics).toMatch(/soullink_llm_cache_total\{result="hit"\} [1-9]/);
  });

  it('When a structured answer is asked for, Then the reply is schema-valid JSON', async () => {
    const schema = {
      type: 'object',
      properties: { mood: { type: 'string', enum: ['happy', 'sad'] }, score: { type: 'integer', minimum: 0, maximum: 10 } },
      required: ['mood', 'score'],
      additionalProperties: false,
    };
    const { value } = await llm.structured<{ mood: string; score: number }>({
      tier: 'chat',
      messages: [{ role: 'user', content: 'How do I feel?' }],
      schema,
      schemaName: 'mood',
      tag: { agent: 'analysis', node: 'score', purpose: 'test' },
    });
    expect(['happy', 'sad']).toContain(value.mood);
    expect(Number.isInteger(value.score)).toBe(true);
  });
});
