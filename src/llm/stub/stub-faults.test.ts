import { request } from 'node:http';
import { startStubLlmServer, type StubLlmServer } from './stub-llm-server';

interface SseEvent {
  data: string;
  atMs: number;
}

/** Posts a chat request and reads the SSE stream, noting when each event arrived. */
async function streamChat(stub: StubLlmServer, body: Record<string, unknown>): Promise<{ events: SseEvent[]; error?: unknown; status: number }> {
  const started = Date.now();
  const res = await fetch(`${stub.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'tell me a story' }], stream: true, ...body }),
  });
  const events: SseEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const bytes of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(bytes, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        events.push({ data: buffer.slice(0, end).replace(/^data: /, ''), atMs: Date.now() - started });
        buffer = buffer.slice(end + 2);
      }
    }
  } catch (error) {
    return { events, error, status: res.status };
  }
  return { events, status: res.status };
}

function postChat(stub: StubLlmServer, model: string, signal?: AbortSignal) {
  return fetch(`${stub.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hello' }] }),
    signal,
  });
}

const contentOf = (events: SseEvent[]) =>
  events
    .filter((e) => e.data !== '[DONE]')
    .map((e) => JSON.parse(e.data) as { choices: { delta: { content?: string } }[] })
    .map((chunk) => chunk.choices[0]?.delta.content ?? '')
    .join('');

describe('stub LLM server fault knobs', () => {
  let stub: StubLlmServer;
  beforeAll(async () => {
    stub = await startStubLlmServer();
  });
  afterAll(() => stub.close());
  beforeEach(() => stub.reset());

  it('When a stream asks for usage, Then content chunks, a finish chunk, a usage chunk with empty choices and [DONE] follow in order', async () => {
    stub.configure('*', { chunkCount: 3 });
    const { events } = await streamChat(stub, { stream_options: { include_usage: true } });
    const parsed = events.slice(0, -1).map((e) => JSON.parse(e.data));

    expect(events.at(-1)?.data).toBe('[DONE]');
    expect(parsed).toHaveLength(5);
    expect(parsed[0].choices[0].delta).toMatchObject({ role: 'assistant' });
    expect(parsed.slice(0, 4).every((c) => c.usage === null)).toBe(true);
    expect(parsed[3].choices[0].finish_reason).toBe('stop');
    expect(parsed[4]).toMatchObject({ choices: [], usage: { prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) } });
  });

  it('When a stream does not ask for usage, Then no usage chunk or usage field is sent', async () => {
    const { events } = await streamChat(stub, {});
    const parsed = events.slice(0, -1).map((e) => JSON.parse(e.data));
    expect(parsed.every((c) => !('usage' in c) && c.choices.length === 1)).toBe(true);
  });

  it('When first-token latency and chunk interval are set, Then the first token and the gaps between chunks wait that long', async () => {
    stub.configure('gpt-4o-mini', { firstTokenLatencyMs: 300, chunkCount: 3, chunkIntervalMs: 150 });
    const { events } = await streamChat(stub, {});
    const [first, second, third] = events;

    expect(first.atMs).toBeGreaterThanOrEqual(290);
    expect(second.atMs - first.atMs).toBeGreaterThanOrEqual(140);
    expect(third.atMs - second.atMs).toBeGreaterThanOrEqual(140);
    expect(contentOf(events)).toBe('Stub reply to "tell me a story".');
  });

  it('When a non-streaming request has first-token latency, Then the whole answer waits that long', async () => {
    stub.configure('*', { firstTokenLatencyMs: 250 });
    const started = Date.now();
    expect((await postChat(stub, 'gpt-4o-mini')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('When failStatus is set for two requests, Then two OpenAI-shaped errors come back and the third succeeds', async () => {
    stub.configure('gpt-4o-mini', { failStatus: 503, failTimes: 2 });
    const first = await postChat(stub, 'gpt-4o-mini');
    const second = await postChat(stub, 'gpt-4o-mini');
    const third = await postChat(stub, 'gpt-4o-mini');

    expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
    expect(await first.json()).toEqual({
      error: { message: expect.stringContaining('gpt-4o-mini'), type: 'service_unavailable', param: null, code: 'stub_failure' },
    });
  });

  it('When model A is broken with a wildcard default and model B is overridden healthy, Then only A fails', async () => {
    stub.configure('*', { failStatus: 500 });
    stub.configure('model-b', { failStatus: null });
    expect((await postChat(stub, 'model-a')).status).toBe(500);
    expect((await postChat(stub, 'model-a')).status).toBe(500);
    expect((await postChat(stub, 'model-b')).status).toBe(200);
  });

  it('When hang is set, Then the request gets no answer until the client gives up, and other models still answer', async () => {
    stub.configure('slow-model', { hang: true });
    const hung = postChat(stub, 'slow-model', AbortSignal.timeout(400));
    const started = Date.now();
    await expect(hung).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    expect((await postChat(stub, 'gpt-4o-mini')).status).toBe(200);
  });

  it('When cutAfterChunks is set, Then the socket is destroyed after that many chunks and no [DONE] arrives', async () => {
    stub.configure('*', { chunkCount: 6, cutAfterChunks: 2 });
    const { events, error, status } = await streamChat(stub, { stream_options: { include_usage: true } });

    expect(status).toBe(200);
    expect(error).toBeDefined();
    expect(events).toHaveLength(2);
    expect(events.some((e) => e.data === '[DONE]')).toBe(false);
  });

  it('When a fixed reply is set, Then every answer for that model is that text', async () => {
    stub.configure('gpt-4o-mini', { reply: '我在呢 🌙' });
    const { events } = await streamChat(stub, {});
    expect(contentOf(events)).toBe('我在呢 🌙');
  });

  it('When max_tokens is smaller than the reply, Then the reply is truncated with finish_reason length', async () => {
    stub.configure('*', { reply: 'one two three four five six seven eight nine ten' });
    const res = await fetch(`${stub.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'count' }], max_tokens: 3 }),
    });
    const body = (await res.json()) as { choices: { message: { content: string }; finish_reason: string }[]; usage: { completion_tokens: number } };
    expect(body.choices[0]).toMatchObject({ message: { content: 'one two three' }, finish_reason: 'length' });
    expect(body.usage.completion_tokens).toBe(3);
  });

  it('When a request hangs, Then close() still returns promptly', async () => {
    const local = await startStubLlmServer({ defaults: { hang: true } });
    const hung = postChat(local, 'gpt-4o-mini').catch((error: unknown) => error);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await local.close();
    expect(Date.now() - started).toBeLessThan(1000);
    // fetch rejects (its TypeError comes from another realm than jest's, hence the name check)
    expect(await hung).toMatchObject({ name: 'TypeError' });
  });

  it('When requests are malformed, oversized or unknown, Then OpenAI-shaped 400, 413 and 404 errors come back', async () => {
    const bad = await fetch(`${stub.baseUrl}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'x', messages: [] }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { type: 'invalid_request_error', param: 'messages' } });

    const notJson = await fetch(`${stub.baseUrl}/chat/completions`, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);

    // Declares a 5 MiB body but sends only its first bytes: the limit answers from the headers alone.
    const huge = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${stub.baseUrl}/embeddings`, { method: 'POST', headers: { 'content-length': 5 * 1024 * 1024 } }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write('{"model":"x","input":"');
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ error: { code: 'request_too_large' } });

    const unknown = await fetch(`${stub.baseUrl}/completions`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'unknown_url' } });
  });

  it('When text is moderated, Then keywords or scripted rules flag it in OpenAI response shape', async () => {
    stub.script([{ match: 'forbidden phrase', flag: ['hate'] }]);
    const res = await fetch(`${stub.baseUrl}/moderations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: ['我不想活了', 'a forbidden phrase', '今天吃什么？'] }),
    });
    const body = (await res.json()) as { model: string; results: { flagged: boolean; categories: Record<string, boolean>; category_scores: Record<string, number> }[] };

    expect(body.model).toBe('omni-moderation-latest');
    expect(body.results.map((r) => r.flagged)).toEqual([true, true, false]);
    expect(body.results[0].categories).toMatchObject({ 'self-harm': true, 'self-harm/intent': true, violence: false });
    expect(body.results[1].categories.hate).toBe(true);
    expect(Object.keys(body.results[2].category_scores)).toHaveLength(13);
  });

  it('When models are listed, Then configured models appear in the OpenAI list shape', async () => {
    stub.configure('my-local-model', { reply: 'x' });
    const body = (await (await fetch(`${stub.baseUrl}/models`)).json()) as { object: string; data: { id: string; object: string }[] };
    expect(body.object).toBe('list');
    expect(body.data.map((m) => m.id)).toContain('my-local-model');
  });
});
