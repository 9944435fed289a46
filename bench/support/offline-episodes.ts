import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SimPersona, SimulationDeps } from '../../agents/simulation/configuration';
import { createEpisodeGraph, episodeStepLimit } from '../../agents/simulation/episode/graph';
import { withLineWriter } from '../../agents/simulation/episode/line-writer';
import type { EpisodeGraphStateType } from '../../agents/simulation/episode/state';
import { leakIn } from '../../agents/simulation/nodes/without-leaks';
import type { Turn } from '../../agents/simulation/state';
import { DEMO_CHAT_SPEAKER, DEMO_PARTNER, DEMO_SELF } from '../../seeds/demo/demo-personas';
import { SCENARIO_LIBRARY } from '../../seeds/scenarios/library';
import { describeStyle } from '../../src/domain/personas/style/describe-style';
import { computeStyleFingerprint } from '../../src/domain/personas/style/style-fingerprint';
import type { EpisodeScore } from '../../src/kernel/simulation/dimensions';
import { InProcessResponseCache } from '../../src/llm/cache/in-process-response-cache';
import { isCannedReply } from '../../src/llm/canned-replies';
import { ChatModelFactory } from '../../src/llm/chat-model-factory';
import type { LlmSettings } from '../../src/llm/llm-settings';
import { OFFLINE_CHAT_MODEL } from '../../src/llm/llm-settings-from-config';
import { ModelBreakers } from '../../src/llm/model-breakers';
import type { ChatCompletion, ChatRequest, ModelProvider, StructuredRequest, DistributionRequest } from '../../src/ports/model-provider.port';
import { LocalModerator } from '../../src/llm/moderation';
import { ensureOfflineModel } from '../../src/llm/offline/model-fetcher';
import { defaultModelCacheDir } from '../../src/llm/offline/offline-model.manifest';
import { startOfflineLlmServer } from '../../src/llm/offline/offline-llm-server';
import { ResilientModelProvider } from '../../src/llm/resilient-model-provider';
import type { NewTranscriptMessage, TranscriptMessage, TranscriptStore } from '../../src/ports/transcript-store.port';
import { createLogger } from '../../src/observability/logger';
import { Metrics } from '../../src/observability/metrics';

/** SOULLINK_OFFLINE_PROFILE=1 prints each model call's agent and time to stderr (no text), beside the runtime's token counts. */
const PROFILE = process.env.SOULLINK_OFFLINE_PROFILE === '1';

/** One role-play model call as the agents made it: the draft before any leak filtering. */
export interface DraftRecord {
  agent: string;
  system: string;
  text: string;
  degraded: boolean;
  ms: number;
}

/** A line an agent spoke in the transcript, with the prompt it was written from. */
export interface SpokenTurn {
  speaker: string;
  text: string;
  /** The system prompt of the agent's last call for this turn (what the line must not echo). */
  prompt: string;
  leak: ReturnType<typeof leakIn>;
  /** The canned in-character line stood in for leaky drafts. */
  canned: boolean;
}

export interface PlayedEpisode {
  scenarioId: string;
  seed: string;
  seconds: number;
  /** Lines written by the two agents' model calls (an opening line from the template is not one). */
  spoken: SpokenTurn[];
  drafts: DraftRecord[];
  sceneMs: number;
  judgeMs: number;
  score: EpisodeScore | null;
  transcript: Turn[];
}

/** The repository root, from the sources (tests) or the build (dist/bench). */
function repoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const MEI_AND_ALEX = join(repoRoot(__dirname), 'seeds/demo/mei-and-alex.chat.txt');

/**
 * The quick start's couple with their imported chat: Mei's measured style and samples (the
 * partner), and Alex's from his own lines of the same chat (the SELF persona), as
 * run-simulation snapshots them.
 */
function demoPersonas(chatFile: string): { self: SimPersona; partner: SimPersona } {
  const lines = readFileSync(chatFile, 'utf8')
    .split('\n')
    .map((l) => /^([^:]+):\s*(.+)$/.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null);
  const persona = (facts: typeof DEMO_SELF | typeof DEMO_PARTNER, speaker: string, id: string): SimPersona => {
    const fingerprint = computeStyleFingerprint(lines.map((m) => ({ text: m[2]!, sentAt: null, fromPersona: m[1] === speaker })));
    return {
      id,
      name: facts.name,
      age: facts.age,
      gender: facts.gender,
      relationshipContext: 'relationshipContext' in facts ? facts.relationshipContext : null,
      description: facts.description,
      interests: facts.interests,
      values: facts.values,
      goals: facts.goals,
      dealbreakers: facts.dealbreakers,
      profileSummary: null,
      styleSummary: describeStyle(fingerprint),
      samples: fingerprint.samples,
    };
  };
  return { self: persona(DEMO_SELF, DEMO_SELF.name, 'bench-self'), partner: persona(DEMO_PARTNER, DEMO_CHAT_SPEAKER, 'bench-partner') };
}

function memoryTranscripts(): TranscriptStore {
  const rows: TranscriptMessage[] = [];
  const find = (conversationId: string, key: string) => rows.find((r) => r.conversationId === conversationId && r.dedupeKey === key) ?? null;
  return {
    async append(messages: NewTranscriptMessage[]) {
      let inserted = 0;
      for (const m of messages) {
        if (find(m.conversationId, m.dedupeKey)) continue;
        rows.push({ ...m, id: `m-${rows.length + 1}`, seq: rows.length + 1, createdAt: new Date() } as TranscriptMessage);
        inserted += 1;
      }
      return { inserted, duplicates: messages.length - inserted };
    },
    findByDedupeKey: async (conversationId: string, key: string) => find(conversationId, key),
    findByDedupeKeys: async (conversationId: string, keys: string[]) => rows.filter((r) => r.conversationId === conversationId && keys.includes(r.dedupeKey)),
    list: async (conversationId: string) => rows.filter((r) => r.conversationId === conversationId),
  } as unknown as TranscriptStore;
}

/** The offline model as the composition root starts it, behind the real provider, with every role-play call recorded. */
export async function startOfflineEpisodes(): Promise<{ play: (scenarioId: string, seed: string, maxTurns: number) => Promise<PlayedEpisode>; close: () => Promise<void> }> {
  const modelPath = process.env.OFFLINE_MODEL_PATH ?? (await ensureOfflineModel({ cacheDir: defaultModelCacheDir() }));
  const server = await startOfflineLlmServer({ modelPath, chatModelName: OFFLINE_CHAT_MODEL, maxTokensCap: 1024 });
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
  const provider = new ResilientModelProvider({
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
  const personas = demoPersonas(MEI_AND_ALEX);

  const play = async (scenarioId: string, seed: string, maxTurns: number): Promise<PlayedEpisode> => {
    const drafts: DraftRecord[] = [];
    const spoken: SpokenTurn[] = [];
    const timings = { sceneMs: 0, judgeMs: 0 };
    const recorded: ModelProvider = {
      ...provider,
      streamChat: (request: ChatRequest) => provider.streamChat(request),
      embed: (texts, tag) => provider.embed(texts, tag),
      moderate: (text, direction) => provider.moderate(text, direction),
      async chat(request: ChatRequest): Promise<ChatCompletion> {
        const started = performance.now();
        const reply = await provider.chat(request);
        const took = performance.now() - started;
        if (PROFILE) process.stderr.write(`call ${request.tag.agent} ${Math.round(took)} ms${reply.degraded ? ' degraded' : ''}\n`);
        if (request.tag.agent === 'scenario-generator') timings.sceneMs += took;
        else drafts.push({ agent: request.tag.agent, system: request.messages.find((m) => m.role === 'system')?.content ?? '', text: reply.text, degraded: reply.degraded, ms: took });
        return reply;
      },
      async structured<T>(request: StructuredRequest) {
        const started = performance.now();
        try {
          return await provider.structured<T>(request);
        } finally {
          if (PROFILE) process.stderr.write(`call ${request.tag.agent} (structured) ${Math.round(performance.now() - started)} ms\n`);
          timings.judgeMs += performance.now() - started;
        }
      },
      async distribution(request: DistributionRequest) {
        const started = performance.now();
        try {
          return await provider.distribution(request);
        } finally {
          timings.judgeMs += performance.now() - started;
        }
      },
    };
    let score: EpisodeScore | null = null;
    let consumed = 0;
    const deps: SimulationDeps = {
      llm: recorded,
      transcripts: memoryTranscripts(),
      run: {
        id: `bench-${seed}`,
        ownerId: 'bench-owner',
        seed,
        ...personas,
        library: SCENARIO_LIBRARY,
        scenarioIds: [scenarioId],
        scenarioCount: 1,
        episodesPerScenario: 1,
        maxTurns,
        tokenBudget: 10_000_000,
      },
      emit: async (type, payload) => {
        if (type === 'TURN') {
          // The drafts made since the previous TURN are this turn's; none means the template's opening line.
          const own = drafts.slice(consumed);
          consumed = drafts.length;
          const last = own.at(-1);
          if (last) {
            const text = String(payload.text);
            // Not "no draft contains it": the stored line is a draft repaired (a name restored, a capped line trimmed).
            spoken.push({ speaker: String(payload.name), text, prompt: last.system, leak: leakIn(text, last.system), canned: isCannedReply(text) });
          }
        }
        if (type === 'EPISODE_SCORED') score = payload.score as unknown as EpisodeScore;
      },
      isCancelled: async () => false,
      smallModel: true,
      costOf: () => 0,
      episodeSlot: (work) => work(),
      resumed: false,
      warn: () => undefined,
    };
    // As createSimulationGraph runs an episode: lines are stored behind the turns, and played means stored.
    const { deps: ordered, lines } = withLineWriter(deps);
    const graph = createEpisodeGraph(ordered, { spent: 0 });
    const started = performance.now();
    const end = (await graph.invoke(
      { task: { item: { templateId: scenarioId, episodeIndex: 0 }, index: 0, tokensBefore: 0 } },
      { recursionLimit: episodeStepLimit(maxTurns) },
    )) as EpisodeGraphStateType;
    await lines.flush();
    const seconds = (performance.now() - started) / 1000;
    return { scenarioId, seed, seconds, spoken, drafts, ...timings, score: score ?? end.score, transcript: end.turns };
  };

  return { play, close: () => server.close() };
}
