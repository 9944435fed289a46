import { cannedReply } from '../../../src/llm/canned-replies';
import type { ChatMessage } from '../../../src/llm/model-provider.port';
import { tag, type SimulationDeps } from '../configuration';
import { partnerTurnPrompt } from '../../partner-simulation/partner-turn-prompt';
import { partnerScenePrompt } from '../../partner-simulation/scene-prompt';
import { describeScene } from '../scenario-generator/describe-scene';
import { eventsAt } from '../scenario-generator/inject-events';
import { userProxyPrompt } from '../user-proxy/prompts';
import { userTurnPrompt } from '../user-proxy/user-turn-prompt';
import type { EpisodeState, Role, Turn } from '../state';
import { withoutLeaks } from './without-leaks';

const END_MARK = /\s*\[END\]\s*$/i;


const normalise = (text: string) => text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

/** What `speaker` sees: its own lines as assistant, the other's and the narrator's as user. */
function historyFor(speaker: Role, turns: Turn[]): ChatMessage[] {
  const history: ChatMessage[] = turns.map((t) =>
    t.speaker === speaker ? { role: 'assistant', content: t.text } : { role: 'user', content: t.speaker === 'narrator' ? `[${t.text}]` : t.text },
  );
  // Chat models expect the last message to come from the other side.
  if (history.length === 0 || history.at(-1)!.role === 'assistant') history.push({ role: 'user', content: '[Your turn to write.]' });
  return history;
}

/** Stores a line in the transcript store (idempotently) and returns it with its message id. */
async function persist(deps: SimulationDeps, episode: EpisodeState, turn: Omit<Turn, 'id'>, key: string): Promise<Turn> {
  await deps.transcripts.append([
    {
      ownerId: deps.run.ownerId,
      conversationId: episode.episodeId,
      kind: 'SIMULATION',
      batchId: deps.run.id,
      dedupeKey: key,
      sender: turn.name,
      role: turn.speaker === 'self' ? 'user' : turn.speaker === 'partner' ? 'persona' : 'system',
      text: turn.text,
      sentAt: new Date(),
      metadata: { simulationId: deps.run.id, turn: turn.turn, speaker: turn.speaker },
    },
  ]);
  // append reports counts, not ids; if an earlier attempt stored this key, its row (and text) wins.
  const row = await deps.transcripts.findByDedupeKey(episode.episodeId, key);
  if (!row) throw new Error(`transcript: line ${JSON.stringify(key)} of episode ${episode.episodeId} missing right after its append`);
  return { ...turn, id: row.id, text: row.text };
}

/**
 * One turn of an episode: the scenario-generator injects any scheduled event, then the
 * agent whose turn it is (user-proxy or partner-simulation) replies from its persona, the
 * shared transcript and its own private goal. A turn already in the transcript store (a
 * resumed run) is reused, never generated twice.
 */
export async function takeTurn(deps: SimulationDeps, episode: EpisodeState): Promise<{ episode: EpisodeState; tokens: number; costUsd: number; models: string[] }> {
  const turnNo = episode.turn + 1;
  const turns = [...episode.turns];

  for (const [i, event] of eventsAt(episode.scenario, turnNo).entries()) {
    const line = await persist(deps, episode, { turn: turnNo, speaker: 'narrator', name: 'Narrator', text: event.text }, `${turnNo}:event:${i}`);
    turns.push(line);
    await deps.emit('EVENT_INJECTED', { episodeId: episode.episodeId, turn: turnNo, kind: event.kind, text: event.text, messageId: line.id }, `${episode.episodeId}:${turnNo}:event:${i}`);
  }

  const lastSpeaker = [...turns].reverse().find((t) => t.speaker !== 'narrator')?.speaker;
  const opening = episode.scenario.openingLine?.speaker ?? 'self';
  const speaker: Role = lastSpeaker === undefined ? opening : lastSpeaker === 'self' ? 'partner' : 'self';
  const { self, partner } = deps.run;
  const me = speaker === 'self' ? self : partner;
  const key = `${turnNo}:${speaker}`;

  const existing = await deps.transcripts.findByDedupeKey(episode.episodeId, key);
  let text: string;
  let spent = { tokens: 0, costUsd: 0, models: [] as string[] };
  if (existing) {
    text = existing.text;
  } else if (turnNo === 1 && episode.scenario.openingLine && episode.scenario.openingLine.speaker === speaker) {
    text = episode.scenario.openingLine.text;
  } else {
    const scene = describeScene(episode.scenario);
    const goal = episode.scenario.privateGoals[speaker];
    const system = speaker === 'self' ? userTurnPrompt(self, partner.name, scene, goal) : partnerTurnPrompt(partner, self.name, scene, goal);
    const prompt = speaker === 'self' ? userProxyPrompt : partnerScenePrompt;
    const reply = await deps.llm.chat({
      tier: 'chat',
      temperature: 0.8,
      maxTokens: 120,
      messages: [{ role: 'system', content: system }, ...historyFor(speaker, turns)],
      // No cannedReply: when every model fails, the provider's in-character reply (zh/en) stands in.
      tag: tag(deps, speaker === 'self' ? 'user-proxy' : 'partner-simulation', 'take-turn', prompt),
    });
    text = reply.text;
    spent = { tokens: reply.usage.promptTokens + reply.usage.completionTokens, costUsd: deps.costOf(reply.model, reply.usage), models: [reply.model] };
  }

  const ended = END_MARK.test(text);
  // A reply that was all leak (or empty) becomes the in-character stand-in, never a bare "…".
  const clean = withoutLeaks(text.replace(END_MARK, ''), episode.scenario.privateGoals[speaker], me.name).trim() || cannedReply(historyFor(speaker, turns));
  const line = await persist(deps, episode, { turn: turnNo, speaker, name: me.name, text: clean }, key);
  turns.push(line);
  await deps.emit('TURN', { episodeId: episode.episodeId, turn: turnNo, speaker, name: me.name, text: clean, messageId: line.id }, `${episode.episodeId}:${key}`);

  const previousSame = [...turns].reverse().slice(1).find((t) => t.speaker === speaker);
  const stale = previousSame !== undefined && normalise(previousSame.text) === normalise(clean);
  return {
    episode: {
      ...episode,
      turn: turnNo,
      turns,
      staleTurns: stale ? episode.staleTurns + 1 : 0,
      endSignals: { ...episode.endSignals, [speaker]: episode.endSignals[speaker] || ended },
    },
    ...spent,
  };
}
