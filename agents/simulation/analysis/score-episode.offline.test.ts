import { SCENARIO_LIBRARY } from '../../../seeds/scenarios/library';
import { InProcessResponseCache } from '../../../src/llm/cache/in-process-response-cache';
import { ChatModelFactory } from '../../../src/llm/chat-model-factory';
import type { LlmSettings } from '../../../src/llm/llm-settings';
import { OFFLINE_CHAT_MODEL } from '../../../src/llm/llm-settings-from-config';
import { ModelBreakers } from '../../../src/llm/model-breakers';
import { LocalModerator } from '../../../src/llm/moderation';
import { ensureOfflineModel } from '../../../src/llm/offline/model-fetcher';
import { defaultModelCacheDir } from '../../../src/llm/offline/offline-model.manifest';
import { startOfflineLlmServer, type OfflineLlmServer } from '../../../src/llm/offline/offline-llm-server';
import { ResilientModelProvider } from '../../../src/llm/resilient-model-provider';
import { instantiateScenario } from '../../../src/kernel/simulation/scenarios/instantiate-scenario';
import { DIMENSION_KEYS } from '../../../src/kernel/simulation/dimensions';
import { createLogger } from '../../../src/observability/logger';
import { Metrics } from '../../../src/observability/metrics';
import type { SimulationDeps } from '../configuration';
import type { EpisodeState, Turn } from '../state';
import { scoreEpisode } from './score-episode';

// Slow and model-bound: runs only with SOULLINK_OFFLINE_TESTS=1 (the model is fetched on
// first use, ~320 MB). It scores three hand-written episodes with the offline model
// (TinyLlama) through the same provider path as a run and prints what the judge said, so a
// change to the judge's schema or prompt can be checked on the model the quick start uses.
const describeOffline = process.env.SOULLINK_OFFLINE_TESTS === '1' ? describe : describe.skip;
jest.setTimeout(20 * 60_000);

const WARM: [string, string][] = [
  ['Alex', 'I looked at the flat on Anfu Road. It is lovely but the rent is 9000. Could we talk about how to split it?'],
  ['Mei', 'Thanks for bringing it up gently. I earn more than you, so what feels fair to you?'],
  ['Alex', 'What if we split it by income, 60/40? I do not want to feel like a charity case, but half would squeeze me.'],
  ['Mei', 'That sounds fair. I was scared to pay more after my last relationship, but I trust you. I will take 60.'],
  ['Alex', 'Thank you for telling me that. And I will cook on your night shifts, haha.'],
  ['Mei', 'You spoil me 😊 Let us write it down so neither of us worries later.'],
  ['Alex', 'Good idea. I am happy we can talk about money without fighting.'],
  ['Mei', 'Me too. I love planning our home with you.'],
];

const HOSTILE: [string, string][] = [
  ['Alex', 'The rent is 9000. You earn double, so you pay more, obviously.'],
  ['Mei', 'No. Fifty-fifty, like always. Why do you always want more from me?'],
  ['Alex', 'You always play the victim. You are so selfish with money.'],
  ['Mei', 'Wow. That is so disrespectful. I am not discussing this with you.'],
  ['Alex', 'Whatever. Typical.'],
  ['Mei', '...'],
  ['Alex', 'Fine, I will find the flat alone then.'],
  ['Mei', 'Do that.'],
];

const MIXED: [string, string][] = [
  ['Alex', 'Can we talk about the rent? 9000 is a lot for me.'],
  ['Mei', 'Again? I said fifty-fifty. You always make money into a drama.'],
  ['Alex', 'That hurt. I am not making drama, I am scared of not making rent.'],
  ['Mei', 'Sorry, that was unfair of me. I had a long shift. Tell me what you need.'],
  ['Alex', 'Maybe we split by income for the first year, then look again?'],
  ['Mei', 'Okay, one year, and we write it down. Hug later? 🙂'],
];

function episodeOf(lines: [string, string][], id: string): EpisodeState {
  const template = SCENARIO_LIBRARY.find((t) => t.id === 'money-rent-on-unequal-incomes')!;
  const scenario = instantiateScenario(template, { seed: 'offline-judge', episodeIndex: 0, selfName: 'Alex', partnerName: 'Mei', maxTurns: lines.length });
  const turns: Turn[] = lines.map(([name, text], i) => ({ id: `${id}-m${i + 1}`, turn: i + 1, speaker: name === 'Alex' ? 'self' : 'partner', name, text }));
  return { episodeId: id, scenario, turn: turns.length, turns, staleTurns: 0, endSignals: { self: true, partner: true } };
}

describeOffline('scoreEpisode on the offline model', () => {
  let server: OfflineLlmServer;
  let deps: SimulationDeps;

  beforeAll(async () => {
    const modelPath = await ensureOfflineModel({ cacheDir: process.env.MODEL_CACHE_DIR ?? defaultModelCacheDir() });
    // As the composition root starts it.
    server = await startOfflineLlmServer({ modelPath, chatModelName: OFFLINE_CHAT_MODEL, maxTokensCap: 1024 });
    const ref = { endpoint: { name: 'offline', baseUrl: server.baseUrl, apiKey: 'offline' }, model: OFFLINE_CHAT_MODEL };
    const settings: LlmSettings = {
      mode: 'offline',
      tiers: { deep: [ref], chat: [ref], fast: [ref] },
      embedding: ref,
      moderation: 'local',
      prices: {},
      firstTokenTimeoutMs: 180_000,
      chunkGapTimeoutMs: 60_000,
      requestTimeoutMs: 900_000,
      breakerFailures: 5,
      breakerHalfOpenMs: 30_000,
      cacheTtlSeconds: 0,
    };
    const llm = new ResilientModelProvider({
      settings,
      models: new ChatModelFactory(),
      breakers: new ModelBreakers(5, 30_000),
      ledger: { record: async () => undefined },
      quota: { reserve: async () => ({ settle: async () => undefined }) },
      cache: new InProcessResponseCache(),
      moderator: new LocalModerator(),
      metrics: new Metrics({ defaultMetrics: false }),
      logger: createLogger('warn'),
    });
    deps = {
      llm,
      transcripts: undefined as never,
      run: { self: { name: 'Alex' }, partner: { name: 'Mei' } } as SimulationDeps['run'],
      emit: async () => undefined,
      isCancelled: async () => false,
      smallModel: true,
      costOf: () => 0,
      episodeSlot: (work) => work(),
      resumed: false,
      warn: () => undefined,
    };
  });
  afterAll(() => server?.close());

  // Asserts the shape only. What the scores say is printed for a person to judge: on TinyLlama
  // they are near-constant within an episode and do not follow the transcript, so a threshold
  // on them would test the model's noise, not this code.
  it.each([
    ['warm', WARM],
    ['hostile', HOSTILE],
    ['mixed', MIXED],
  ])('When the %s episode is scored, Then the judge finishes and every dimension gets a 0–10 score (one decimal, read off the answer probabilities), citing only real turns', async (name, lines) => {
    const episode = episodeOf(lines, name);
    const started = performance.now();
    const { score } = await scoreEpisode(deps, episode, { templateId: 'money-rent-on-unequal-incomes', episodeIndex: 0 });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `${name}: ${seconds}s, ${score.tokens} tokens\n` +
        score.dimensions.map((d) => `  ${d.dimension.padEnd(24)} ${d.score}  ${JSON.stringify(d.reasoning)} ${d.citedTurnIds.join(',')}`).join('\n') +
        `\n  horsemen ${JSON.stringify(score.horsemen)} ratio ${score.positiveToNegativeRatio}` +
        `\n  moments ${JSON.stringify(score.criticalMoments.map((m) => [m.turnId, m.dimension, m.impact, m.note]))}` +
        `\n  measured rapport ${score.measures?.pair.rapport.value ?? '-'}`,
    );
    expect(score.dimensions.map((d) => d.dimension)).toEqual(DIMENSION_KEYS);
    const ids = new Set(episode.turns.map((t) => t.id));
    for (const d of score.dimensions) {
      expect(Math.abs(d.score * 10 - Math.round(d.score * 10)) < 1e-9 && d.score >= 0 && d.score <= 10).toBe(true);
      for (const id of d.citedTurnIds) expect(ids.has(id)).toBe(true);
    }
    expect(score.measures?.messages).toBe(lines.length);
  });
});
