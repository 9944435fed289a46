import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ChatRequest, ChatStreamEvent, ModelProvider } from '../ports/model-provider.port';
import { inMemoryTracing } from './fixtures/in-memory-tracing';
import { TracedModelProvider } from './traced-model-provider';

const PROMPT = 'I never told anyone about the night at the lake';
const REPLY = 'You can tell me about the lake whenever you want';
const usage = { promptTokens: 120, completionTokens: 14 };

/** A provider that answers from a script, so each span attribute can be checked against what it returned. */
function scriptedProvider(stream: ChatStreamEvent[] | Error): ModelProvider {
  return {
    async *streamChat() {
      if (stream instanceof Error) throw stream;
      for (const event of stream) yield event;
    },
    chat: async () => ({ text: REPLY, model: 'gpt-4o-mini', usage, degraded: false, cached: true }),
    structured: async <T>() => ({ value: { verdict: REPLY } as T, model: 'gpt-4o', usage, cached: false }),
    distribution: async () => ({ probabilities: [0.7, 0.3], mass: 0.9, model: 'tiny', usage, cached: false }),
    embed: async (texts) => texts.map(() => [0.1, 0.2]),
    moderate: async () => ({ flagged: true, categories: ['self-harm'], scores: { 'self-harm': 0.9 }, action: 'support' }),
  };
}

const request: ChatRequest = {
  tier: 'chat',
  messages: [{ role: 'system', content: 'Play Jun.' }, { role: 'user', content: PROMPT }],
  tag: { userId: 'user-4f1c', agent: 'live-chat', node: 'reply', purpose: 'chat', prompt: { name: 'partner-reply', version: 3 } },
  temperature: 0.7,
};

describe('TracedModelProvider', () => {
  it('When a streamed reply completes, Then one client span names tier, model, outcome, tokens and who asked, and nothing of the chat', async () => {
    const t = inMemoryTracing();
    const provider = new TracedModelProvider(
      scriptedProvider([
        { type: 'chunk', index: 0, text: 'You can tell me ' },
        { type: 'chunk', index: 1, text: 'about the lake whenever you want' },
        { type: 'complete', text: REPLY, model: 'gpt-4o-mini', usage, degraded: false, cached: false },
      ]),
      t.tracer,
    );
    const events = [];
    for await (const event of provider.streamChat(request)) events.push(event);

    expect(events).toHaveLength(3);
    const [span] = t.named('llm stream_chat');
    expect(span!.kind).toBe(SpanKind.CLIENT);
    expect(span!.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.response.model': 'gpt-4o-mini',
      'gen_ai.usage.input_tokens': 120,
      'gen_ai.usage.output_tokens': 14,
      'gen_ai.request.temperature': 0.7,
      'soullink.llm.tier': 'chat',
      'soullink.llm.outcome': 'ok',
      'soullink.llm.chunks': 2,
      'soullink.agent': 'live-chat',
      'soullink.prompt.name': 'partner-reply',
      'soullink.prompt.version': 3,
    });
    expect(typeof span!.attributes['soullink.llm.first_token_ms']).toBe('number');
    expect(t.exported()).not.toMatch(/lake|Play Jun|user-4f1c/);
  });

  it('When a stream fails after some text reached the user, Then the span is failed as partial, without that text', async () => {
    const t = inMemoryTracing();
    const provider = new TracedModelProvider(
      scriptedProvider([
        { type: 'chunk', index: 0, text: 'You can tell me ' },
        { type: 'error', code: 'AI_SERVICE_UNAVAILABLE', message: 'gap timeout', partialText: 'You can tell me ', retryable: true },
      ]),
      t.tracer,
    );
    for await (const _ of provider.streamChat(request));
    const [span] = t.named('llm stream_chat');
    expect(span!.attributes).toMatchObject({ 'soullink.llm.outcome': 'partial', 'error.type': 'AI_SERVICE_UNAVAILABLE' });
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(t.exported()).not.toContain('tell me');
  });

  it('When the stream throws or the reader stops early, Then the span still ends, as error or abandoned', async () => {
    const t = inMemoryTracing();
    await expect(async () => {
      for await (const _ of new TracedModelProvider(scriptedProvider(new TypeError(`bad: ${PROMPT}`)), t.tracer).streamChat(request));
    }).rejects.toThrow(TypeError);
    const endless = new TracedModelProvider(scriptedProvider([{ type: 'chunk', index: 0, text: 'a' }, { type: 'chunk', index: 1, text: 'b' }]), t.tracer);
    for await (const _ of endless.streamChat(request)) break;
    expect(t.named('llm stream_chat').map((s) => s.attributes['soullink.llm.outcome'])).toEqual(['error', 'abandoned']);
    expect(t.exported()).not.toContain('lake');
  });

  it('When chat, structured, distribution, embeddings and moderation are called, Then each has its span with model and tokens, and no verdict or text', async () => {
    const t = inMemoryTracing();
    const provider = new TracedModelProvider(scriptedProvider([]), t.tracer);
    await provider.chat(request);
    await provider.structured({ ...request, tier: 'deep', schema: {}, schemaName: 'episode-score' });
    await provider.distribution({ tier: 'fast', messages: request.messages, tag: request.tag, options: ['yes', 'no'] });
    await provider.embed([PROMPT, REPLY], { agent: 'memory', node: 'recall', purpose: 'embedding' });
    await provider.moderate(PROMPT, 'input');

    expect(t.named('llm chat')[0]!.attributes).toMatchObject({ 'soullink.llm.outcome': 'cached', 'soullink.llm.cached': true, 'gen_ai.response.model': 'gpt-4o-mini' });
    expect(t.named('llm structured')[0]!.attributes).toMatchObject({ 'soullink.llm.tier': 'deep', 'soullink.llm.schema': 'episode-score', 'gen_ai.usage.output_tokens': 14 });
    expect(t.named('llm distribution')[0]!.attributes).toMatchObject({ 'soullink.llm.tier': 'fast', 'soullink.llm.options': 2, 'gen_ai.response.model': 'tiny' });
    expect(t.named('llm embed')[0]!.attributes).toMatchObject({ 'soullink.llm.tier': 'embedding', 'soullink.llm.inputs': 2, 'gen_ai.operation.name': 'embeddings' });
    expect(t.named('llm moderate')[0]!.attributes).toEqual({ 'soullink.moderation.direction': 'input', 'soullink.llm.outcome': 'ok' });
    expect(t.exported()).not.toMatch(/lake|verdict|self-harm|support|user-4f1c/);
  });
});
