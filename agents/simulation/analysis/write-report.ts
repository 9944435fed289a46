import { buildCompatibilityReport } from '../../../src/domain/simulations/report/compatibility-report';
import { tag, type SimulationDeps } from '../configuration';
import type { SimulationStateType, SimulationUpdate } from '../state';
import { reportNarrativeSchema } from './episode-score.schema';
import { reportNarrativePrompt } from './prompts';

/** The longest episode transcript read back for references (maxTurns is capped far below). */
const EPISODE_LINES = 1000;

/**
 * Transcript id → "t3", the numbering the judge saw (the episode's lines in order, narrator
 * lines included), so the report cites turns a reader can find in the transcript.
 */
async function episodeMessageRefs(deps: SimulationDeps, state: SimulationStateType): Promise<Record<string, string>> {
  const refs: Record<string, string> = {};
  // One read per episode, all at once: the report waits on the slowest, not on their sum.
  const episodes = await Promise.all(state.scores.map((s) => deps.transcripts.list(s.episodeId, { order: 'asc', limit: EPISODE_LINES })));
  for (const lines of episodes) lines.forEach((line, i) => (refs[line.id] = `t${i + 1}`));
  return refs;
}

/**
 * The analysis agent writes the narrative (strengths, risks, recommendations) from the
 * scored episodes; the statistics (means, bootstrap intervals, breakdowns) are computed,
 * not written by a model.
 */
export async function writeReport(deps: SimulationDeps, state: SimulationStateType, caveats: string[]): Promise<SimulationUpdate> {
  const { self, partner } = deps.run;
  let narrative = { strengths: [] as string[], risks: [] as string[], recommendations: [] as string[] };
  let tokens = 0;
  let costUsd = 0;
  const models: string[] = [];
  if (state.scores.length > 0) {
    const summary = state.scores
      .map(
        (s) =>
          `${s.scenarioTitle} #${s.episodeIndex + 1} (${s.endedBy}): ` +
          s.dimensions.map((d) => `${d.dimension} ${d.score} — ${d.reasoning}`).join('; ') +
          `; horsemen ${JSON.stringify(s.horsemen)}`,
      )
      .join('\n');
    const result = await deps.llm.structured<typeof narrative>({
      tier: 'deep',
      temperature: 0,
      maxTokens: deps.scoreDetail === 'full' ? 1200 : 300,
      schema: reportNarrativeSchema(deps.scoreDetail),
      schemaName: 'report_narrative',
      messages: [{ role: 'user', content: reportNarrativePrompt.render({ self: self.name, partner: partner.name, summary }) }],
      tag: tag(deps, 'analysis', 'write-report', reportNarrativePrompt),
    });
    narrative = result.value;
    tokens = result.usage.promptTokens + result.usage.completionTokens;
    costUsd = deps.costOf(result.model, result.usage);
    models.push(result.model);
  }
  const report = buildCompatibilityReport({
    messageRefs: await episodeMessageRefs(deps, state),
    simulationId: deps.run.id,
    seed: deps.run.seed,
    episodes: state.scores,
    narrative,
    caveats,
    models: [...new Set([...state.models, ...models])].sort(),
    tokens: state.tokens + tokens,
    costUsd: Math.round((state.costUsd + costUsd) * 1e6) / 1e6,
    partial: state.stopReason !== null || state.scores.length < state.plan.length,
    selfName: self.name,
    partnerName: partner.name,
  });
  return { report, tokens, costUsd, models };
}
