import { Annotation, END, START, Send, StateGraph, type BaseCheckpointSaver, type LangGraphRunnableConfig } from '@langchain/langgraph';
import { ChatOpenAI } from '@langchain/openai';
import type { IntervalLog } from './intervals';

/**
 * The bare stack a SoulLink simulation is compared with: LangGraph.js, the Postgres
 * checkpointer and @langchain/openai, nothing of SoulLink's. Same outer shape as
 * agents/simulation/graph.ts (plan-episodes → Send fan-out to play-episode → write-report),
 * one model call per turn through ChatOpenAI (streamed; SoulLink's provider streams through the
 * openai SDK that ChatOpenAI wraps), a
 * scoring call per episode and a report call. No transcript store, event log, quota,
 * ledger or moderation.
 *
 * Two ways to play an episode:
 * - `step-per-turn`: play-episode runs an episode subgraph whose `take-turn` node loops
 *   once per turn, so every turn is a LangGraph step with its checkpoint (durable per turn,
 *   the plain LangGraph way to get what SoulLink gets from its transcript store);
 * - `loop-in-node`: the turns loop inside the play-episode node, as in SoulLink's graph,
 *   with nothing persisted per turn (the floor: LangChain's own cost only).
 */
export type BareEpisodeMode = 'step-per-turn' | 'loop-in-node';

export interface BareSimulationDeps {
  baseUrl: string;
  checkpointer: BaseCheckpointSaver;
  /** Receives the span of every model call. */
  modelCalls: IntervalLog;
  /** Called when turn `turn` (1-based) of an episode starts, and with turn = maxTurns + 1 when scoring starts. */
  onTurnStart(episode: string, turn: number, at: number): void;
  maxTurns: number;
  systemPrompt: string;
}

interface Line {
  speaker: 'self' | 'partner';
  text: string;
}

const replace = <T>(_: T, next: T) => next;

/** One episode as the subgraph plays it. */
const EpisodeState = Annotation.Root({
  episode: Annotation<string>({ reducer: replace, default: () => '' }),
  turn: Annotation<number>({ reducer: replace, default: () => 0 }),
  lines: Annotation<Line[]>({ reducer: (all, more) => all.concat(more), default: () => [] }),
  score: Annotation<string>({ reducer: replace, default: () => '' }),
});
type EpisodeStateType = typeof EpisodeState.State;

/** One run: the plan, the episodes' scores, the report. */
const RunState = Annotation.Root({
  plan: Annotation<string[]>({ reducer: replace, default: () => [] }),
  scores: Annotation<string[]>({ reducer: (all, more) => all.concat(more), default: () => [] }),
  report: Annotation<string>({ reducer: replace, default: () => '' }),
});

export function createBareSimulationGraph(deps: BareSimulationDeps, mode: BareEpisodeMode, plan: string[]) {
  const model = new ChatOpenAI({
    model: 'gpt-4o-mini',
    apiKey: 'stub',
    configuration: { baseURL: deps.baseUrl },
    temperature: 0.8,
    maxTokens: 120,
    streamUsage: true,
    maxRetries: 0,
  });

  const complete = (messages: { role: 'system' | 'user' | 'assistant'; content: string }[]) =>
    deps.modelCalls.time(async () => {
      let text = '';
      // A signal per call, as SoulLink's provider passes (and no listener piles up on the run's).
      const abort = new AbortController();
      for await (const chunk of await model.stream(messages, { signal: abort.signal })) text += typeof chunk.content === 'string' ? chunk.content : '';
      return text;
    });

  const takeTurn = async (state: Pick<EpisodeStateType, 'episode' | 'turn' | 'lines'>): Promise<{ turn: number; lines: Line[] }> => {
    const turn = state.turn + 1;
    deps.onTurnStart(state.episode, turn, performance.now());
    const speaker: Line['speaker'] = turn % 2 === 1 ? 'self' : 'partner';
    const history = state.lines.map((l) => ({ role: l.speaker === speaker ? ('assistant' as const) : ('user' as const), content: l.text }));
    if (history.length === 0 || history.at(-1)!.role === 'assistant') history.push({ role: 'user', content: '[Your turn to write.]' });
    const text = await complete([{ role: 'system', content: `${deps.systemPrompt}\nYou speak as ${speaker}.` }, ...history]);
    return { turn, lines: [{ speaker, text }] };
  };

  const scoreEpisode = async (state: Pick<EpisodeStateType, 'episode' | 'lines'>): Promise<string> => {
    deps.onTurnStart(state.episode, deps.maxTurns + 1, performance.now());
    const transcript = state.lines.map((l, i) => `t${i + 1} ${l.speaker}: ${l.text}`).join('\n');
    return complete([
      { role: 'system', content: 'You are a couples researcher scoring one episode.' },
      { role: 'user', content: transcript },
    ]);
  };

  const episodeGraph = new StateGraph(EpisodeState)
    .addNode('take-turn', (state) => takeTurn(state))
    .addNode('score-episode', async (state) => ({ score: await scoreEpisode(state) }))
    .addEdge(START, 'take-turn')
    .addConditionalEdges('take-turn', (state) => (state.turn >= deps.maxTurns ? 'score-episode' : 'take-turn'), ['take-turn', 'score-episode'])
    .addEdge('score-episode', END)
    // No checkpointer of its own: invoked from a node, it checkpoints into the parent's thread.
    .compile();

  const playEpisode = async (episode: string, config: LangGraphRunnableConfig): Promise<{ scores: string[] }> => {
    if (mode === 'step-per-turn') {
      const done = await episodeGraph.invoke({ episode }, { ...config, recursionLimit: deps.maxTurns * 2 + 10 });
      return { scores: [done.score] };
    }
    let state = { episode, turn: 0, lines: [] as Line[] };
    while (state.turn < deps.maxTurns) {
      const next = await takeTurn(state);
      state = { ...state, turn: next.turn, lines: state.lines.concat(next.lines) };
    }
    return { scores: [await scoreEpisode(state)] };
  };

  return new StateGraph(RunState)
    .addNode('plan-episodes', () => ({ plan }))
    // Send delivers the episode's name, not the run state, to this node.
    .addNode('play-episode', (task, config) => playEpisode((task as unknown as { episode: string }).episode, config))
    .addNode('write-report', async (state) => ({
      report: await complete([
        { role: 'system', content: 'You are a couples researcher: write the\nstrengths, risks and recommendations.' },
        { role: 'user', content: state.scores.join('\n') },
      ]),
    }))
    .addEdge(START, 'plan-episodes')
    .addConditionalEdges('plan-episodes', (state) => state.plan.map((episode) => new Send('play-episode', { episode })), ['play-episode'])
    .addEdge('play-episode', 'write-report')
    .addEdge('write-report', END)
    .compile({ checkpointer: deps.checkpointer });
}
