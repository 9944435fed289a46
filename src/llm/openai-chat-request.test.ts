import { providerOnStub } from './fixtures/provider-on-stub';
import { isReasoningModel, raterBody, streamedChatBody } from './openai-chat-request';
import { startStubLlmServer, type StubLlmServer } from './stub/stub-llm-server';

/**
 * The request bodies the provider sends through the openai SDK are the ones @langchain/openai
 * 1.5.8's ChatOpenAI sent for the same calls (recorded from the stub's request log when the
 * provider still went through LangChain): the endpoints, the stub and the offline server see
 * no change.
 */
const tag = { agent: 'partner', node: 'reply', purpose: 'test' } as const;

describe('Chat Completions request bodies', () => {
  it('When a streamed call has a seed, stop sequences and a response format, Then all are sent, with usage asked for on the final chunk', () => {
    const body = streamedChatBody({
      model: 'gpt-4o-mini',
      messages: [{ role: 'system', content: 'You are Mei.' }, { role: 'user', content: 'Hi' }],
      temperature: 0.3,
      maxTokens: 50,
      seed: 7,
      stop: ['Mei:'],
      responseFormat: { type: 'json_schema', json_schema: { name: 'mood', schema: { type: 'object' } } },
    });
    expect(body).toEqual({
      model: 'gpt-4o-mini',
      temperature: 0.3,
      stop: ['Mei:'],
      stream: true,
      response_format: { type: 'json_schema', json_schema: { name: 'mood', schema: { type: 'object' } } },
      seed: 7,
      stream_options: { include_usage: true },
      max_tokens: 50,
      messages: [
        { role: 'system', content: 'You are Mei.' },
        { role: 'user', content: 'Hi' },
      ],
    });
  });

  it('When there is no seed and the stop list is empty, Then neither field is sent', () => {
    const body = streamedChatBody({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], temperature: 0.7, maxTokens: 512, stop: [] });
    expect(Object.keys(body).sort()).toEqual(['max_tokens', 'messages', 'model', 'stream', 'stream_options', 'temperature']);
  });

  it('When a message shows images, Then its text comes first and each image follows as an image_url part', () => {
    const body = streamedChatBody({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'What is this?', images: [{ url: 'data:image/png;base64,AAAA' }, { url: 'https://example.com/a.jpg' }] }],
      temperature: 0.7,
      maxTokens: 512,
    });
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
          { type: 'image_url', image_url: { url: 'https://example.com/a.jpg' } },
        ],
      },
    ]);
  });

  it.each([
    ['o3-mini', true],
    ['o1', true],
    ['gpt-5-mini', true],
    ['gpt-5-chat-latest', false],
    ['gpt-4o-mini', false],
    ['tinyllama-1.1b-chat', false],
  ])('When the model is %s, Then it is a reasoning model: %s (max_completion_tokens and a developer message)', (model, reasoning) => {
    expect(isReasoningModel(model)).toBe(reasoning);
    const body = streamedChatBody({ model, messages: [{ role: 'system', content: 'Be brief.' }], temperature: 0.7, maxTokens: 20 });
    expect(body).toMatchObject(reasoning ? { max_completion_tokens: 20, messages: [{ role: 'developer' }] } : { max_tokens: 20, messages: [{ role: 'system' }] });
    expect(body).not.toHaveProperty(reasoning ? 'max_tokens' : 'max_completion_tokens');
  });

  it('When a rating is asked, Then one token at temperature 0 with the top 20 logprobs, not streamed', () => {
    expect(raterBody('gpt-4o-mini', [{ role: 'user', content: 'Yes or no?' }])).toEqual({
      model: 'gpt-4o-mini',
      temperature: 0,
      logprobs: true,
      top_logprobs: 20,
      stream: false,
      max_tokens: 1,
      messages: [{ role: 'user', content: 'Yes or no?' }],
    });
  });
});

describe('What the provider sends over HTTP (stub request log)', () => {
  let stub: StubLlmServer;
  beforeAll(async () => {
    stub = await startStubLlmServer();
  });
  afterAll(async () => {
    await stub.close();
  });
  beforeEach(() => stub.reset());

  const bodies = () => stub.requests().filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body);

  it('When a chat reply is streamed, Then the body is exactly what ChatOpenAI sent', async () => {
    const { provider } = providerOnStub(stub, ['gpt-4o-mini']);
    const messages = [
      { role: 'system' as const, content: 'You are Mei.' },
      { role: 'user' as const, content: 'Hi' },
      { role: 'assistant' as const, content: 'Hey' },
      { role: 'user' as const, content: 'How are you?' },
    ];
    await provider.chat({ tier: 'chat', seed: 7, stop: ['Mei:', '\n'], temperature: 0.3, maxTokens: 50, messages, tag });
    expect(bodies()).toEqual([
      {
        model: 'gpt-4o-mini',
        temperature: 0.3,
        stop: ['Mei:', '\n'],
        stream: true,
        seed: 7,
        stream_options: { include_usage: true },
        max_tokens: 50,
        messages,
      },
    ]);
  });

  it('When a structured answer is asked for, Then the body carries the json_schema response format, streamed, exactly as ChatOpenAI sent it', async () => {
    const { provider } = providerOnStub(stub, ['gpt-4o-mini']);
    const schema = { type: 'object', description: 'A mood', properties: { mood: { type: 'string' } }, required: ['mood'] };
    const messages = [{ role: 'user' as const, content: 'Mood?' }];
    await provider.structured({ tier: 'deep', schemaName: 'mood', schema, messages, tag });
    expect(bodies()).toEqual([
      {
        model: 'gpt-4o-mini',
        temperature: 0,
        stream: true,
        response_format: { type: 'json_schema', json_schema: { name: 'mood', description: 'A mood', schema } },
        stream_options: { include_usage: true },
        max_tokens: 1024,
        messages,
      },
    ]);
  });
});
