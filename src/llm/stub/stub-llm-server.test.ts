import { AIMessageChunk, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { z } from 'zod';
import { countChatPromptTokens, countTextTokens } from '../tokens/token-counter';
import { startStubLlmServer, type StubLlmServer } from './stub-llm-server';

// The stub is driven here exactly as the provider layer drives a real endpoint: through
// @langchain/openai pointed at its base URL.
function chatModel(stub: StubLlmServer, fields: { model?: string; streaming?: boolean } = {}) {
  return new ChatOpenAI({
    model: fields.model ?? 'gpt-4o-mini',
    apiKey: 'stub',
    configuration: { baseURL: stub.baseUrl },
    maxRetries: 0,
    streaming: fields.streaming ?? false,
    streamUsage: true,
  });
}

describe('stub LLM server through @langchain/openai', () => {
  let stub: StubLlmServer;
  beforeAll(async () => {
    stub = await startStubLlmServer();
  });
  afterAll(() => stub.close());
  beforeEach(() => stub.reset());

  it('When a chat is streamed with usage, Then the chunks join into the reply and usage is counted exactly', async () => {
    stub.configure('*', { chunkCount: 5 });
    const messages = [new SystemMessage('你是一个温柔的伴侣。'), new HumanMessage('Hi 👋 今天过得怎么样？')];
    const chunks: AIMessageChunk[] = [];
    for await (const chunk of await chatModel(stub, { streaming: true }).stream(messages)) chunks.push(chunk);

    const text = chunks.map((c) => c.content).join('');
    expect(text).toBe('Stub reply to "Hi 👋 今天过得怎么样？".');
    expect(chunks.filter((c) => c.content !== '').length).toBe(5);
    const usage = chunks.find((c) => c.usage_metadata)?.usage_metadata;
    const promptTokens = countChatPromptTokens(
      [
        { role: 'system', content: '你是一个温柔的伴侣。' },
        { role: 'user', content: 'Hi 👋 今天过得怎么样？' },
      ],
      'gpt-4o-mini',
    );
    expect(usage).toMatchObject({ input_tokens: promptTokens, output_tokens: countTextTokens(text, 'gpt-4o-mini') });
    expect(stub.requests()[0].body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('When a chat is not streamed, Then the reply and the reported usage arrive in one response', async () => {
    const reply = await chatModel(stub).invoke([new HumanMessage('What shall we cook tonight?')]);
    expect(reply.content).toBe('Stub reply to "What shall we cook tonight?".');
    expect(reply.usage_metadata).toMatchObject({
      input_tokens: countChatPromptTokens([{ role: 'user', content: 'What shall we cook tonight?' }], 'gpt-4o-mini'),
      output_tokens: countTextTokens(String(reply.content), 'gpt-4o-mini'),
    });
  });

  it('When structured output is requested with a JSON schema, Then the answer is schema-valid and parsed', async () => {
    const Verdict = z.object({
      score: z.number().int().min(1).max(10),
      mood: z.enum(['warm', 'tense', 'neutral']),
      reasons: z.array(z.string().min(3)).min(2),
      followUp: z.object({ question: z.string(), urgent: z.boolean() }),
    });
    const result = await chatModel(stub).withStructuredOutput(Verdict, { name: 'verdict', method: 'jsonSchema' }).invoke('Rate this date.');

    expect(Verdict.parse(result)).toEqual(result);
    expect(result.reasons).toHaveLength(2);
    const sent = stub.requests()[0].body as { response_format: { type: string; json_schema: { name: string } } };
    expect(sent.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'verdict' } });
  });

  it('When a JSON reply is scripted, Then structured output returns exactly that object', async () => {
    stub.script([{ match: 'Rate', reply: { score: 7, mood: 'warm' } }]);
    const Verdict = z.object({ score: z.number(), mood: z.string() });
    const result = await chatModel(stub).withStructuredOutput(Verdict, { method: 'jsonSchema' }).invoke('Rate this date.');
    expect(result).toEqual({ score: 7, mood: 'warm' });
  });

  it('When script rules match on the user message, system prompt and model, Then the first live rule answers and times runs out', async () => {
    stub.script([
      { system: 'analyst', reply: 'analysis reply' },
      { match: '周末', model: 'gpt-4o', reply: 'weekend reply on 4o', times: 1 },
      { match: '周末', reply: 'weekend reply' },
    ]);
    const ask = (model: string, system: string, user: string) =>
      chatModel(stub, { model }).invoke([new SystemMessage(system), new HumanMessage(user)]).then((m) => m.content);

    expect(await ask('gpt-4o', 'You are the analyst.', '周末去哪儿？')).toBe('analysis reply');
    expect(await ask('gpt-4o', 'You are a partner.', '周末去哪儿？')).toBe('weekend reply on 4o');
    expect(await ask('gpt-4o', 'You are a partner.', '周末去哪儿？')).toBe('weekend reply');
    expect(await ask('gpt-4o', 'You are a partner.', 'hello')).toBe('Stub reply to "hello".');
  });

  it('When texts are embedded, Then vectors are deterministic, unit length, and closer for texts sharing words', async () => {
    const embeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-small', apiKey: 'stub', configuration: { baseURL: stub.baseUrl }, maxRetries: 0 });
    const [cat, cat2, stocks] = await embeddings.embedDocuments(['I love my cat', 'my cat loves me', 'stock market report']);
    const again = await embeddings.embedQuery('I love my cat');
    const cosine = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i], 0);

    expect(cat).toHaveLength(512);
    expect(again).toEqual(cat);
    expect(cosine(cat, cat)).toBeCloseTo(1, 5);
    expect(cosine(cat, cat2)).toBeGreaterThan(cosine(cat, stocks) + 0.3);
  });

  it('When embeddings ask for dimensions, Then vectors have that length', async () => {
    const embeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-small', dimensions: 64, apiKey: 'stub', configuration: { baseURL: stub.baseUrl } });
    expect(await embeddings.embedQuery('他喜欢猫')).toHaveLength(64);
  });

  it('When driven over HTTP, Then /__stub config, script, requests and reset control the same stub', async () => {
    const control = stub.baseUrl.replace(/\/v1$/, '/__stub');
    const post = (path: string, body: unknown) =>
      fetch(`${control}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    expect((await post('config', { model: 'gpt-4o-mini', knobs: { reply: 'fixed by http' } })).status).toBe(200);
    expect((await chatModel(stub).invoke('hi')).content).toBe('fixed by http');
    expect((await post('script', { rules: [{ match: 'scripted', reply: 'scripted by http' }] })).status).toBe(200);
    expect((await chatModel(stub).invoke('scripted please')).content).toBe('scripted by http');

    const { requests } = (await (await fetch(`${control}/requests`)).json()) as { requests: { path: string; model: string }[] };
    expect(requests.map((r) => [r.path, r.model])).toEqual([
      ['/v1/chat/completions', 'gpt-4o-mini'],
      ['/v1/chat/completions', 'gpt-4o-mini'],
    ]);

    expect((await post('reset', {})).status).toBe(200);
    expect((await chatModel(stub).invoke('hi')).content).toBe('Stub reply to "hi".');
    expect((await post('config', { model: '*', knobs: { chunkCount: 0 } })).status).toBe(400);
    expect((await post('script', { rules: [{ match: '(', reply: 'x' }] })).status).toBe(400);
  });
});
