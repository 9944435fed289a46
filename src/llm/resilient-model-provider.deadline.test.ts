import { DomainError } from '../kernel/errors';
import { cannedReply } from './canned-replies';
import { providerOnStub } from './fixtures/provider-on-stub';
import type { ChatRequest, ChatStreamEvent } from '../ports/model-provider.port';
import { startStubLlmServer, type StubLlmServer } from './stub/stub-llm-server';
import { FirstTokenBudget } from './timed-iterator';

/**
 * The chain-wide first-token deadline (LLM_FIRST_TOKEN_DEADLINE_MS) through the real provider
 * and openai SDK client against the stub model server over HTTP. Each model's own first-token
 * timeout is set far beyond the test's time limit, so a call can only come back in time if the
 * shared deadline cut the hung model off: the tests assert what comes back, never how fast
 * (speed is measured in bench/, not asserted here).
 */
const OWN_TIMEOUT_MS = 120_000;
const DEADLINE_MS = 600;

let stub: StubLlmServer;
beforeAll(async () => {
  stub = await startStubLlmServer();
  // Warm up: the first call in a process loads the HTTP client and the tokenizer, which would
  // eat most of this test's short deadline (the default is 10 s, where it does not matter).
  await setup(['warm-up']).provider.chat(request('warm up'));
});
afterAll(async () => {
  await stub.close();
});
beforeEach(() => stub.reset());

const setup = (models: string[]) => providerOnStub(stub, models, { firstTokenTimeoutMs: OWN_TIMEOUT_MS, firstTokenDeadlineMs: DEADLINE_MS });

const tag = { agent: 'partner', node: 'reply', purpose: 'test' } as const;
const request = (content: string): ChatRequest => ({
  tier: 'chat',
  messages: [
    { role: 'system', content: 'You are Mei, warm and teasing.' },
    { role: 'user', content },
  ],
  tag,
});
const structuredRequest = (content: string) => ({
  ...request(content),
  schema: { type: 'object', properties: { mood: { type: 'string' }, score: { type: 'integer' } }, required: ['mood', 'score'] },
  schemaName: 'mood',
});

const chatRequests = (model: string) => stub.requests().filter((r) => r.path.endsWith('/chat/completions') && r.model === model);

async function drain(stream: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const events: ChatStreamEvent[] = [];
  for await (const e of stream) events.push(e);
  return events;
}

describe('FirstTokenBudget', () => {
  it('When several models are left, Then each may wait its own timeout or an equal share of what is left, whichever is less', () => {
    const budget = new FirstTokenBudget(10_000);
    expect(budget.allowanceMs(15_000, 2)).toBe(5_000);
    expect(budget.allowanceMs(3_000, 2)).toBe(3_000);
    budget.spend(5_000);
    expect(budget.allowanceMs(15_000, 1)).toBe(5_000);
    budget.spend(5_000);
    expect(budget.exhausted).toBe(true);
  });

  it('When no deadline is configured, Then only the model’s own timeout bounds the wait', () => {
    const budget = new FirstTokenBudget(undefined);
    budget.spend(1_000_000);
    expect(budget.exhausted).toBe(false);
    expect(budget.allowanceMs(15_000, 3)).toBe(15_000);
  });
});

describe('The first-token deadline across the fallback chain (real provider, stub over HTTP)', () => {
  it.each([
    ['accepts the request and never answers', { hang: true }],
    ['sends its headers and never a token', { firstTokenLatencyMs: OWN_TIMEOUT_MS }],
  ])('When the first model %s, Then the second model answers within the deadline', async (_label, knobs) => {
    const { provider, ledger } = setup(['hung-a', 'ok-b']);
    stub.configure('hung-a', knobs);
    stub.configure('ok-b', { reply: 'Hello from b' });
    const reply = await provider.chat(request(`hi ${Math.random()}`));
    expect(reply).toMatchObject({ text: 'Hello from b', model: 'ok-b', degraded: false });
    expect(chatRequests('hung-a')).toHaveLength(1);
    expect(ledger.map((r) => ({ model: r.model, outcome: r.outcome }))).toEqual([
      { model: 'hung-a', outcome: 'error' },
      { model: 'ok-b', outcome: 'ok' },
    ]);
  });

  it('When every model hangs, Then the in-character canned reply comes once the deadline is spent, in the user’s language', async () => {
    const { provider, ledger } = setup(['hung-a', 'hung-b']);
    stub.configure('*', { hang: true });
    const messages = [{ role: 'user' as const, content: '你还在吗？' }];
    const events = await drain(provider.streamChat({ tier: 'chat', messages, tag }));
    expect(events).toEqual([expect.objectContaining({ type: 'complete', text: cannedReply(messages), model: 'canned', degraded: true })]);
    expect(ledger.map((r) => r.outcome)).toEqual(['error', 'error', 'canned']);
  });

  it('When every model hangs on a structured call, Then it fails with AI_SERVICE_UNAVAILABLE (retryable) once the deadline is spent', async () => {
    const { provider } = setup(['hung-a', 'hung-b']);
    stub.configure('*', { firstTokenLatencyMs: OWN_TIMEOUT_MS });
    const failure = provider.structured(structuredRequest('How do I feel?'));
    await expect(failure).rejects.toBeInstanceOf(DomainError);
    await expect(failure).rejects.toMatchObject({ code: 'AI_SERVICE_UNAVAILABLE' });
    expect(chatRequests('hung-a')).toHaveLength(1);
    expect(chatRequests('hung-b')).toHaveLength(1);
  });

  it('When the first model hangs on a structured call, Then the second answers with schema-valid JSON', async () => {
    const { provider } = setup(['hung-a', 'ok-b']);
    stub.configure('hung-a', { hang: true });
    const { value, model } = await provider.structured<{ mood: string; score: number }>(structuredRequest('How do I feel?'));
    expect(model).toBe('ok-b');
    expect(value).toEqual({ mood: expect.any(String), score: expect.any(Number) });
  });

  it('When a chat stream dies after its first token, Then no other model is asked: the error keeps what was sent', async () => {
    const { provider } = setup(['cut-a', 'ok-b']);
    stub.configure('cut-a', { reply: 'one two three four five six', chunkCount: 6, cutAfterChunks: 1 });
    const events = await drain(provider.streamChat(request('tell me a story')));
    const chunks = events.filter((e) => e.type === 'chunk').map((e) => (e as { text: string }).text);
    expect(chunks.length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'AI_SERVICE_UNAVAILABLE', retryable: true, partialText: chunks.join('') });
    expect(chatRequests('ok-b')).toHaveLength(0);
  });

  it('When the caller withdraws a chat stream after its first token, Then the reply ends as interrupted, not as a complete reply, and no other model is asked', async () => {
    const { provider, ledger } = setup(['slow-a', 'ok-b']);
    stub.configure('slow-a', { reply: 'one two three four five six', chunkCount: 6, chunkIntervalMs: 200 });
    const withdraw = new AbortController();
    const events: ChatStreamEvent[] = [];
    for await (const e of provider.streamChat({ ...request('tell me a story'), signal: withdraw.signal })) {
      events.push(e);
      if (e.type === 'chunk') withdraw.abort();
    }
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'AI_SERVICE_UNAVAILABLE', partialText: 'one ' });
    expect(ledger.map((r) => r.outcome)).toEqual(['partial']);
    expect(chatRequests('ok-b')).toHaveLength(0);
  });
});
