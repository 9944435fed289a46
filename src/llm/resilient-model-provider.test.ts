import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { InProcessResponseCache } from './cache/in-process-response-cache';
import type { ChatModelFactory } from './chat-model-factory';
import type { LlmSettings } from './llm-settings';
import { ModelBreakers } from './model-breakers';
import { LocalModerator } from './moderation';
import { ResilientModelProvider } from './resilient-model-provider';
import { createLogger } from '../observability/logger';
import { Metrics } from '../observability/metrics';

/** A streamed chunk as the openai SDK hands it over. */
const chunk = (content: string): ChatCompletionChunk => ({
  id: 'chatcmpl-test',
  object: 'chat.completion.chunk',
  created: 0,
  model: 'tiny',
  choices: [{ index: 0, delta: { content }, finish_reason: null }],
});

/** An openai SDK client whose chat.completions.create answers with `stream(body)`. */
/** The factory's streamed calls (ChatModelFactory.streams) answered by `stream`. */
const fakeStreams = (stream: (body: Record<string, unknown>) => AsyncIterableIterator<ChatCompletionChunk>) =>
  async (body: object) => stream(body as Record<string, unknown>);

/**
 * The offline model is fetched and loaded on first use: the model client is only handed out
 * once the model is ready. Here it takes longer than the first-token timeout to get ready.
 */
function slowToLoad(loadMs: number) {
  const streamed: Record<string, unknown>[] = [];
  const client = fakeStreams((body) => {
    streamed.push(body);
    return (async function* () {
      yield chunk('Morning! ');
      yield chunk('Slept well?');
    })();
  });
  const models = { streams: () => new Promise((resolve) => setTimeout(() => resolve(client), loadMs)) } as unknown as ChatModelFactory;
  return { models, streamed };
}

function provider(models: ChatModelFactory): ResilientModelProvider {
  const ref = { endpoint: { name: 'offline', baseUrl: 'http://127.0.0.1:1/v1', apiKey: 'offline' }, model: 'tiny' };
  const settings: LlmSettings = {
    mode: 'offline',
    tiers: { deep: [ref], chat: [ref], fast: [ref] },
    embedding: ref,
    moderation: 'local',
    prices: {},
    firstTokenTimeoutMs: 50,
    chunkGapTimeoutMs: 1000,
    requestTimeoutMs: 1000,
    breakerFailures: 5,
    breakerHalfOpenMs: 1000,
    cacheTtlSeconds: 0,
  };
  return new ResilientModelProvider({
    settings,
    models,
    breakers: new ModelBreakers(5, 1000),
    ledger: { record: async () => undefined },
    quota: { reserve: async () => ({ settle: async () => undefined }) },
    cache: new InProcessResponseCache(),
    moderator: new LocalModerator(),
    metrics: new Metrics({ defaultMetrics: false }),
    logger: createLogger('silent'),
  });
}

describe('ResilientModelProvider while the model gets ready', () => {
  it('When the first call arrives before the model is ready, Then it waits for the model and answers, instead of timing out into the canned reply', async () => {
    const { models } = slowToLoad(200);
    const reply = await provider(models).chat({ tier: 'chat', messages: [{ role: 'user', content: 'Hi' }], tag: { agent: 'user-proxy', node: 'user-proxy-turn', purpose: 'test' } });
    expect(reply).toMatchObject({ text: 'Morning! Slept well?', degraded: false, model: 'tiny' });
  });

  it('When a call carries stop sequences and a seed, Then the model is asked with both', async () => {
    const { models, streamed } = slowToLoad(0);
    await provider(models).chat({ tier: 'chat', seed: 7, stop: ['Mei:', '\n'], messages: [{ role: 'user', content: 'Hi' }], tag: { agent: 'user-proxy', node: 'user-proxy-turn', purpose: 'test' } });
    expect(streamed[0]).toMatchObject({ seed: 7, stop: ['Mei:', '\n'] });
  });

  it('When a call says onSending, Then it hears once, after the model is ready and before the model is asked, so the caller can work while the model does', async () => {
    const { models, streamed } = slowToLoad(20);
    const heard: number[] = [];
    await provider(models).chat({
      tier: 'chat',
      messages: [{ role: 'user', content: 'Hi' }],
      tag: { agent: 'analysis', node: 'score-episode', purpose: 'test' },
      onSending: () => heard.push(streamed.length),
    });
    expect(heard).toEqual([0]);
    expect(streamed).toHaveLength(1);
  });
});

/** A model that streams `pieces` one by one and notes how many were read. */
function streaming(pieces: string[]) {
  const read = { count: 0 };
  const client = fakeStreams(() =>
    (async function* () {
      for (const piece of pieces) {
        read.count += 1;
        yield chunk(piece);
      }
    })(),
  );
  return { models: { streams: async () => client } as unknown as ChatModelFactory, read };
}

describe('ResilientModelProvider output moderation while streaming', () => {
  const tag = { agent: 'partner-simulation', node: 'reply', purpose: 'test' };
  const harmful = 'Here is how to build a pipe bomb step by step: first get explosives. ';
  const pieces = ['Morning! I missed you ', 'so much last night, honestly. ', ...harmful.match(/\S+\s*/g)!, 'Anyway, ', 'see you at eight tonight. ', 'Bye'];

  it('When the model writes a flagged sentence mid-reply, Then the client gets the checked sentences before it and never the flagged one, and the model is stopped', async () => {
    const { models, read } = streaming(pieces);
    const events = [];
    for await (const e of provider(models).streamChat({ tier: 'chat', moderateOutput: true, messages: [{ role: 'user', content: 'Hi' }], tag })) events.push(e);

    const sent = events.filter((e) => e.type === 'chunk').map((e) => (e as { text: string }).text).join('');
    // Word by word (the in-process moderator): what was checked before the flagged phrase went out, nothing from it on.
    expect(pieces.join('').startsWith(sent)).toBe(true);
    expect(sent.startsWith('Morning! I missed you so much last night, honestly.')).toBe(true);
    expect(sent).not.toMatch(/bomb|explosive/i);
    expect(events.at(-1)).toMatchObject({ type: 'complete', safety: 'replaced' });
    expect((events.at(-1) as { text: string }).text).not.toMatch(/bomb|explosive/i);
    // Nothing after the flagged window was asked of the model.
    expect(read.count).toBeLessThan(pieces.length);
  });

  it('When nothing is flagged, Then each piece reaches the client as soon as its words are complete, and the complete text is the model’s', async () => {
    const clean = ['Morning! I missed you ', 'so much last night, honestly. ', 'Did you sleep well? ', 'See you at eight.'];
    const { models } = streaming(clean);
    const events = [];
    for await (const e of provider(models).streamChat({ tier: 'chat', moderateOutput: true, messages: [{ role: 'user', content: 'Hi' }], tag })) events.push(e);
    const chunks = events.filter((e) => e.type === 'chunk').map((e) => (e as { text: string }).text);
    // The last word ("eight.") is complete only when the stream ends.
    expect(chunks).toEqual(['Morning! I missed you ', 'so much last night, honestly. ', 'Did you sleep well? ', 'See you at ', 'eight.']);
    expect(events.at(-1)).toMatchObject({ type: 'complete', text: clean.join('') });
    expect(events.at(-1)).not.toHaveProperty('safety');
  });
});
