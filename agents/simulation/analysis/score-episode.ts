import type { ConversationMeasures } from '../../../src/kernel/measures';
import type { EpisodeEnding, EpisodeScore } from '../../../src/kernel/simulation/dimensions';
import { STALE_LIMIT, tag, type SimulationDeps } from '../configuration';
import { behindTheTurn } from '../episode/behind-the-turn';
import { describeScene } from '../scenario-generator/describe-scene';
import type { EpisodePlanItem, EpisodeState } from '../state';
import { scoreDetailOf } from './episode-score.schema';
import { judgeTranscript } from './judge-transcript';
import { measureTranscript } from './measure-transcript';

/** Why a finished episode ended. */
export function endingOf(episode: EpisodeState): EpisodeEnding {
  if (episode.endSignals.self && episode.endSignals.partner) return 'natural';
  if (episode.staleTurns >= STALE_LIMIT) return 'stale';
  return 'max-turns';
}

/**
 * The analysis agent scores the finished episode on every dimension and names the turns
 * that swung it (cited by transcript message id), and the episode's conversation measures
 * are computed from the two agents' turns (narrator lines are the scene, not the couple).
 *
 * The measures do not feed the judge's prompt, so they are computed once the judge's first
 * request is on its way to the model (the provider's onSending), while the model reads, not
 * between the last turn and the judge as they were until 2026-12-06: there they were the
 * scoring step's largest cost outside a model call (~1 ms in the orchestration bench).
 * Should they throw, the judge is aborted and the episode fails as it did when they ran
 * first; the difference is that the judge's request is already out.
 */
export async function scoreEpisode(deps: SimulationDeps, episode: EpisodeState, item: EpisodePlanItem): Promise<{ score: EpisodeScore; model: string }> {
  const { self, partner } = deps.run;
  const spoken = episode.turns.filter((t) => t.speaker !== 'narrator');
  const abort = new AbortController();
  let sent = () => {};
  const requestOut = new Promise<void>((resolve) => (sent = resolve));
  const judged = judgeTranscript(
    deps.llm,
    {
      self: self.name,
      partner: partner.name,
      // The scene the agents played in (model-written), or the template's text.
      scene: episode.scene || describeScene(episode.scenario),
      goals: `${self.name}: ${episode.scenario.privateGoals.self}; ${partner.name}: ${episode.scenario.privateGoals.partner}`,
      // The judge reads the narrator's lines too: injected events explain what the couple reacts to.
      lines: episode.turns,
      detail: scoreDetailOf(deps),
    },
    tag(deps, 'analysis', 'score-episode'),
    { signal: abort.signal, onSending: () => sent() },
  );
  // A judge that sends nothing (an answer from the cache) or fails before it does lets them run too.
  judged.then(sent, sent);
  let measures: ConversationMeasures;
  try {
    // Past the request's own continuation (LangChain's send), then the measures.
    await requestOut;
    await behindTheTurn();
    measures = measureTranscript(
      spoken.map((t) => ({ id: t.id, side: t.speaker === 'self' ? 'self' : 'partner', text: t.text })),
      { self: self.name, partner: partner.name },
    );
  } catch (error) {
    // Pure code failing is a bug: stop the judge, let its call settle (its quota reservation
    // too), and fail the episode with the measures' error.
    abort.abort();
    await judged.catch(() => undefined);
    throw error;
  }
  const { verdict, model, usage } = await judged;
  const score: EpisodeScore = {
    episodeId: episode.episodeId,
    scenarioId: item.templateId,
    scenarioTitle: episode.scenario.title,
    episodeIndex: item.episodeIndex,
    seed: episode.scenario.seed,
    dimensions: verdict.dimensions.map(({ citedIds, ...d }) => ({ ...d, citedTurnIds: citedIds })),
    horsemen: verdict.horsemen,
    positiveToNegativeRatio: verdict.positiveToNegativeRatio,
    criticalMoments: verdict.criticalMoments.map(({ line, ...m }) => ({ turnId: line.id, speaker: line.name, quote: line.text.slice(0, 300), ...m })),
    turns: spoken.length,
    endedBy: endingOf(episode),
    tokens: usage.promptTokens + usage.completionTokens,
    costUsd: deps.costOf(model, usage),
    measures,
  };
  await deps.emit('EPISODE_SCORED', { score: score as unknown as Record<string, unknown> }, `${episode.episodeId}:scored`);
  return { score, model };
}
