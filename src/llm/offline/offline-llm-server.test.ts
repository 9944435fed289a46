import { AIMessageChunk, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { z } from 'zod';
import { ensureOfflineModel } from './model-fetcher';
import { defaultModelCacheDir } from './offline-model.manifest';
import { startOfflineLlmServer, type OfflineLlmServer } from './offline-llm-server';

// The one slow suite: the first run downloads the ~320 MB model into MODEL_CACHE_DIR
// (default ~/.cache/soullink/models); later runs reuse it. Replies are kept to a few dozen
// tokens so the CPU-only model answers in seconds.
jest.setTimeout(15 * 60_000);

describe('offline LLM server', () => {
  let server: OfflineLlmServer;
  const chat = (maxTokens: number) =>
    new ChatOpenAI({ model: 'tinyllama', apiKey: 'offline', configuration: { baseURL: server.baseUrl }, maxRetries: 0, maxTokens, temperature: 0 });

  beforeAll(async () => {
    const modelPath = await ensureOfflineModel({ cacheDir: defaultModelCacheDir() });
    server = await startOfflineLlmServer({ modelPath, chatModelName: 'tinyllama', maxTokensCap: 96 });
  });
  afterAll(() => server?.close());

  it('When structured output is requested with a JSON schema, Then the local model answers schema-valid JSON through ChatOpenAI', async () => {
    const Mood = z.object({
      mood: z.enum(['happy', 'sad', 'neutral']),
      intensity: z.number().int().min(1).max(5),
      reason: z.string().max(60),
    });
    const result = await chat(80)
      .withStructuredOutput(Mood, { name: 'mood', method: 'jsonSchema' })
      .invoke([new SystemMessage('You classify the mood of a message.'), new HumanMessage('We had a lovely dinner and laughed all evening!')]);

    expect(Mood.parse(result)).toEqual(result);
  });

  it('When a chat is streamed, Then text chunks arrive and usage is reported in the model tokenizer', async () => {
    let text = '';
    let usage: AIMessageChunk['usage_metadata'];
    for await (const chunk of await chat(12).stream([new HumanMessage('Say hello to Lin.')])) {
      text += typeof chunk.content === 'string' ? chunk.content : '';
      usage = chunk.usage_metadata ?? usage;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(usage?.input_tokens).toBeGreaterThan(5);
    expect(usage?.output_tokens).toBeGreaterThan(0);
    expect(usage?.output_tokens).toBeLessThanOrEqual(12);
  });

  it('When texts are embedded offline, Then 512-d unit vectors put related sentences closer', async () => {
    const embeddings = new OpenAIEmbeddings({ model: server.embeddingModelName, apiKey: 'offline', configuration: { baseURL: server.baseUrl } });
    const [date, dinner, tax] = await embeddings.embedDocuments(['our first date at the lake', 'a romantic evening by the water', 'quarterly tax filing deadline']);
    const cosine = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i], 0);
    expect(date).toHaveLength(512);
    expect(cosine(date, date)).toBeCloseTo(1, 4);
    expect(cosine(date, dinner)).toBeGreaterThan(cosine(date, tax));
  });
});
