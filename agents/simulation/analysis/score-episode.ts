import { DIMENSIONS, type EpisodeEnding, type EpisodeScore } from '../../../src/domain/simulations/dimensions';
import { cleanDimensionScores, isDimension } from './clean-scores';
import { STALE_LIMIT, tag, type SimulationDeps } from '../configuration';
import { describeScene } from '../scenario-generator/describe-scene';
import type { EpisodePlanItem, EpisodeState } from '../state';
import { episodeScoreSchema, type RawEpisodeScore } from './episode-score.schema';
import { scoreEpisodePrompt } from './prompts';

/** Why a finished episode ended. */
export function endingOf(episode: EpisodeState): EpisodeEnding {
  if (episode.endSignals.self && episode.endSignals.partner) return 'natural';
  if (episode.staleTurns >= STALE_LIMIT) return 'stale';
  return 'max-turns';
}

/**
 * The analysis agent scores the finished episode on every dimension (deep tier, JSON
 * schema) and names the turns that swung it. Turn refs become transcript message ids;
 * refs to turns that do not exist are dropped.
 */
export async function scoreEpisode(deps: SimulationDeps, episode: EpisodeState, item: EpisodePlanItem): Promise<{ score: EpisodeScore; model: string }> {
  const { self, partner } = deps.run;
  const ref = (turnIndex: number) => `t${turnIndex + 1}`;
  const byRef = new Map(episode.turns.map((t, i) => [ref(i), t]));
  const transcript = episode.turns.map((t, i) => `${ref(i)} ${t.name}: ${t.text.replace(/\n/g, ' ')}`).join('\n');
  const { value, model, usage } = await deps.llm.structured<RawEpisodeScore>({
    tier: 'deep',
    temperature: 0,
    maxTokens: deps.scoreDetail === 'full' ? 1800 : 1000,
    schema: episodeScoreSchema(deps.scoreDetail),
    schemaName: 'episode_score',
    messages: [
      {
        role: 'user',
        content: scoreEpisodePrompt.render({
          self: self.name,
          partner: partner.name,
          scene: describeScene(episode.scenario),
          goals: `${self.name}: ${episode.scenario.privateGoals.self}; ${partner.name}: ${episode.scenario.privateGoals.partner}`,
          transcript: transcript || '(no turns)',
          dimensions: DIMENSIONS.map((d) => `- ${d.key}: ${d.description}`).join('\n'),
        }),
      },
    ],
    tag: tag(deps, 'analysis', 'score-episode', scoreEpisodePrompt),
  });
  const dimensions = cleanDimensionScores(value, (ref) => byRef.get(ref)?.id).map(({ citedIds, ...d }) => ({ ...d, citedTurnIds: citedIds }));
  const criticalMoments = (value.criticalMoments ?? []).flatMap((m) => {
    const turn = byRef.get(m.turn);
    if (!turn || !isDimension(m.dimension)) return [];
    return [{ turnId: turn.id, speaker: turn.name, quote: turn.text.slice(0, 300), dimension: m.dimension, impact: m.impact, note: m.note }];
  });
  const tokens = usage.promptTokens + usage.completionTokens;
  const score: EpisodeScore = {
    episodeId: episode.episodeId,
    scenarioId: item.templateId,
    scenarioTitle: episode.scenario.title,
    episodeIndex: item.episodeIndex,
    seed: episode.scenario.seed,
    dimensions,
    horsemen: value.horsemen,
    positiveToNegativeRatio: value.negativeInteractions > 0 ? Math.round((value.positiveInteractions / value.negativeInteractions) * 100) / 100 : null,
    criticalMoments,
    turns: episode.turns.filter((t) => t.speaker !== 'narrator').length,
    endedBy: endingOf(episode),
    tokens,
    costUsd: deps.costOf(model, usage),
  };
  await deps.emit('EPISODE_SCORED', { score: score as unknown as Record<string, unknown> }, `${episode.episodeId}:scored`);
  return { score, model };
}
