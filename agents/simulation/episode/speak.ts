import { cannedReply } from '../../../src/llm/canned-replies';
import type { ChatMessage } from '../../../src/ports/model-provider.port';
import { tag, type SimulationDeps } from '../configuration';
import { rolePlayMessages } from '../../partner-simulation/role-play-messages';
import { lineStops, lineWithoutLeaks, withoutLeaks } from '../nodes/without-leaks';
import type { Role, Turn } from '../state';
import { cancelWatchOf } from './cancel-watch';
import { turnSeed } from './model-seeds';
import { lineWriterOf, turnKey } from './line-writer';
import type { EpisodeGraphStateType, EpisodeGraphUpdate } from './state';
import type { TokenMeter } from './token-meter';

const END_MARK = /\s*\[END\]\s*$/i;

const normalise = (text: string) => text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

/** One agent's request for its next line; each agent's turn node builds its own. */
export interface LineRequest {
  agent: 'user-proxy' | 'partner-simulation';
  /** The agent's system prompt: its persona, the shared scene and its own private goal only. */
  system: string;
  /** The prompt definition, recorded on the call. */
  prompt: { name: string; version: number };
  temperature: number;
  maxTokens: number;
}

/** What `speaker` sees: its own lines as assistant, the other's and the narrator's as user. */
export function historyFor(speaker: Role, turns: Turn[]): ChatMessage[] {
  const history: ChatMessage[] = turns.map((t) =>
    t.speaker === speaker ? { role: 'assistant', content: t.text } : { role: 'user', content: t.speaker === 'narrator' ? `[${t.text}]` : t.text },
  );
  // Chat models expect the last message to come from the other side.
  if (history.length === 0 || history.at(-1)!.role === 'assistant') history.push({ role: 'user', content: '[Your turn to write.]' });
  return history;
}

/**
 * One agent turn, shared by user-proxy-turn and partner-turn: the agent replies (seeded per
 * run, episode and turn), its [END] mark is read off, leaks are dropped (all-leak or empty
 * replies become the canned in-character line), and the line is handed to the run's
 * LineWriter, which stores it and sends its TURN event, both once-only by key, while the next
 * turn runs. The cancel flag is read alongside the model call, so it costs the
 * turn no wait; the router acts on it before the next turn (or the one after, when the read
 * is slower than the model: see CancelWatch).
 */
export async function speak(deps: SimulationDeps, state: EpisodeGraphStateType, speaker: Role, request: LineRequest, meter: TokenMeter): Promise<EpisodeGraphUpdate> {
  const scenario = state.scenario!;
  const turnNo = state.turn + 1;
  const me = speaker === 'self' ? deps.run.self : deps.run.partner;
  const key = turnKey({ turn: turnNo, speaker });
  const lines = lineWriterOf(deps);
  // A line of an earlier turn that could not be stored fails the run here, before more is spent.
  lines.check();
  // Read behind the model request, taken when the reply is in (see CancelWatch).
  const cancel = cancelWatchOf(deps);
  cancel.refresh();

  let existing = null;
  if (deps.resumed) {
    // Lines in the checkpoint whose writes died with the last process are stored first.
    await lines.catchUp(state);
    // This turn may have been stored after the last checkpoint: reuse it, generate nothing.
    existing = await deps.transcripts.findByDedupeKey(state.episodeId, key);
  }
  let text: string;
  let spent = { tokens: 0, costUsd: 0, models: [] as string[] };
  if (existing) {
    text = existing.text;
  } else if (turnNo === 1 && scenario.openingLine?.speaker === speaker) {
    text = scenario.openingLine.text;
  } else {
    const other = speaker === 'self' ? deps.run.partner : deps.run.self;
    // A draft that echoes the prompt is asked for again with another seed, then replaced by the canned line.
    const said = await lineWithoutLeaks(deps.llm, {
      request: {
        tier: 'chat',
        temperature: request.temperature,
        maxTokens: request.maxTokens,
        seed: turnSeed(scenario, turnNo, speaker),
        // A flagged line is replaced by the provider's safe reply before it is stored or shown.
        moderateOutput: true,
        stop: lineStops(me.name, other.name),
        // The conversation as a transcript to continue (see rolePlayMessages: a small model plays it, rather than assisting).
        // The small offline model continues a prefilled reply (its server supports it; hosted APIs may not).
        messages: rolePlayMessages(request.system, state.turns, me.name, { prefill: deps.smallModel, other: other.name }),
        // No cannedReply: when every model fails, the provider's in-character reply (zh/en) stands in.
        tag: tag(deps, request.agent, speaker === 'self' ? 'user-proxy-turn' : 'partner-turn', request.prompt),
      },
      speaker: me.name,
      other: other.name,
      prompt: request.system,
      // The small offline model (brief judging) writes artefacts a larger one does not.
      smallModel: deps.smallModel,
      earlier: state.turns.filter((t) => t.speaker !== 'narrator'),
    });
    if (said.leaks.length > 0) deps.warn({ episodeId: state.episodeId, turn: turnNo, speaker, rejected: said.leaks, canned: said.canned }, 'a role-play draft was unusable (prompt echo or empty); asked again');
    text = said.text;
    spent = {
      tokens: said.attempts.reduce((sum, a) => sum + a.usage.promptTokens + a.usage.completionTokens, 0),
      costUsd: said.attempts.reduce((sum, a) => sum + deps.costOf(a.model, a.usage), 0),
      models: [...new Set(said.attempts.map((a) => a.model))],
    };
    meter.spent += spent.tokens;
  }

  const ended = END_MARK.test(text);
  // A reply that was all leak (or empty) becomes the in-character stand-in, never a bare "…".
  const clean = withoutLeaks(text.replace(END_MARK, ''), scenario.privateGoals[speaker], me.name).trim() || cannedReply(historyFor(speaker, state.turns), turnSeed(scenario, turnNo, speaker));
  // Stored and announced behind the turn (see LineWriter): the next agent starts meanwhile.
  const line: Turn = existing
    ? { id: existing.id, turn: turnNo, speaker, name: me.name, text: existing.text }
    : { id: lines.newId(), turn: turnNo, speaker, name: me.name, text: clean };
  lines.queueLine({ episodeId: state.episodeId, scenario }, line, [...state.turns, line]);

  const previousSame = [...state.turns].reverse().find((t) => t.speaker === speaker);
  const stale = previousSame !== undefined && normalise(previousSame.text) === normalise(line.text);
  const staleTurns = stale ? state.staleTurns + 1 : 0;
  const cancelled = cancel.seen();
  // `models` is a set: only a model new to the episode is written (most turns write none).
  const newModels = spent.models.filter((m) => !state.models.includes(m));
  // Only what changed: every channel written is a row in the turn's checkpoint (and a value
  // LangGraph copies, serialises and seals), so the turn's step stays small.
  return {
    turn: turnNo,
    turns: [line],
    nextSpeaker: speaker === 'self' ? 'partner' : 'self',
    ...(staleTurns !== state.staleTurns ? { staleTurns } : {}),
    ...(ended ? { endSignals: { self: speaker === 'self', partner: speaker === 'partner' } } : {}),
    ...(cancelled ? { cancelRequested: true } : {}),
    ...(spent.models.length > 0 ? { tokens: spent.tokens, costUsd: spent.costUsd } : {}),
    ...(newModels.length > 0 ? { models: newModels } : {}),
  };
}
