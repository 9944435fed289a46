import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { ChatCompletionStreamError, ChatCompletionStreamer } from './chat-completion-stream';
import { chunkFinishReason, chunkText, usageOf } from './openai-chat-chunk';
import { streamedChatBody } from './openai-chat-request';
import { startStubLlmServer, type StubLlmServer } from './stub/stub-llm-server';

const REPLY = 'Morning! I slept well, and you? 早上好 😊 See you at eight.';

describe('ChatCompletionStreamer (streamed Chat Completions over node:http) against the stub model server', () => {
  let stub: StubLlmServer;
  const streamer = new ChatCompletionStreamer();
  const body = (model = 'm') => streamedChatBody({ model, messages: [{ role: 'user', content: 'Hi' }], temperature: 0.5, maxTokens: 50 });
  const read = async (chunks: AsyncIterable<ChatCompletionChunk>) => {
    const all: ChatCompletionChunk[] = [];
    for await (const chunk of chunks) all.push(chunk);
    return all;
  };

  beforeAll(async () => {
    stub = await startStubLlmServer();
  });
  afterEach(() => stub.reset());
  afterAll(async () => {
    streamer.close();
    await stub.close();
  });

  it('When the model streams a reply, Then every chunk arrives in order with the finish reason and the usage, and the text is whole (multi-byte characters split across reads too)', async () => {
    stub.configure('m', { reply: REPLY, chunkCount: 40, chunkIntervalMs: 0 });
    const chunks = await read(await streamer.open(stub.baseUrl, 'key', body(), new AbortController().signal));
    expect(chunks.map(chunkText).join('')).toBe(REPLY);
    expect(chunks.map(chunkFinishReason).filter(Boolean)).toEqual(['stop']);
    expect(usageOf(chunks.at(-1)!)).toEqual({ promptTokens: expect.any(Number), completionTokens: expect.any(Number) });
    // The body is the one the SDK would send, with the key as a bearer token.
    const [request] = stub.requests();
    expect(request).toMatchObject({ body: body() });
  });

  it('When the endpoint refuses, Then opening fails with its status and message, before any chunk', async () => {
    stub.configure('m', { failStatus: 503, failTimes: 1 });
    const opening = streamer.open(stub.baseUrl, 'key', body(), new AbortController().signal);
    await expect(opening).rejects.toBeInstanceOf(ChatCompletionStreamError);
    await expect(opening).rejects.toMatchObject({ status: 503, message: expect.stringContaining('503 Stub failure configured') });
  });

  it('When the connection is cut mid-stream, Then reading fails after the chunks that came', async () => {
    stub.configure('m', { reply: REPLY, chunkCount: 10, chunkIntervalMs: 0, cutAfterChunks: 3 });
    const chunks = await streamer.open(stub.baseUrl, 'key', body(), new AbortController().signal);
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of chunks) seen.push(chunkText(chunk));
      })(),
    ).rejects.toThrow('cut off');
    expect(seen).toHaveLength(3);
  });

  it('When the caller aborts mid-stream, Then the chunks end quietly and the model stops being read', async () => {
    stub.configure('m', { reply: REPLY, chunkCount: 20, chunkIntervalMs: 20 });
    const abort = new AbortController();
    const chunks = await streamer.open(stub.baseUrl, 'key', body(), abort.signal);
    const seen: string[] = [];
    for await (const chunk of chunks) {
      seen.push(chunkText(chunk));
      if (seen.length === 2) abort.abort();
    }
    expect(seen.length).toBeLessThan(20);
  });

  it('When the caller aborts before the answer starts, Then opening fails with the abort', async () => {
    stub.configure('m', { hang: true });
    const abort = new AbortController();
    const opening = streamer.open(stub.baseUrl, 'key', body(), abort.signal);
    setTimeout(() => abort.abort(), 20);
    await expect(opening).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('When the reader stops early, Then the next request on the same endpoint is answered whole', async () => {
    stub.configure('m', { reply: REPLY, chunkCount: 20, chunkIntervalMs: 5 });
    for await (const chunk of await streamer.open(stub.baseUrl, 'key', body(), new AbortController().signal)) if (chunkText(chunk)) break;
    const chunks = await read(await streamer.open(stub.baseUrl, 'key', body(), new AbortController().signal));
    expect(chunks.map(chunkText).join('')).toBe(REPLY);
  });
});
