import { tag, type SimulationDeps } from '../configuration';
import type { Narrative, SimulationStateType, SimulationUpdate } from '../state';
import { reportNarrativeSchema, scoreDetailOf } from './episode-score.schema';
import { reportNarrativePrompt } from './prompts';

/**
 * The analysis agent writes the narrative (strengths, risks, recommendations) from the
 * scored episodes. The statistics are computed, not written: src/domain builds the report
 * from the scores and this narrative.
 */
export async function writeNarrative(deps: SimulationDeps, state: SimulationStateType): Promise<SimulationUpdate> {
  const empty: Narrative = { strengths: [], risks: [], recommendations: [] };
  if (state.scores.length === 0) return { narrative: empty };
  const { self, partner } = deps.run;
  const summary = state.scores
    .map(
      (s) =>
        `${s.scenarioTitle} #${s.episodeIndex + 1} (${s.endedBy}): ` +
        s.dimensions.map((d) => `${d.dimension} ${d.score} — ${d.reasoning}`).join('; ') +
        `; horsemen ${JSON.stringify(s.horsemen)}`,
    )
    .join('\n');
  let result;
  try {
    result = await deps.llm.structured<Narrative>({
      tier: 'deep',
      temperature: 0,
      maxTokens: deps.smallModel ? 300 : 1200,
      schema: reportNarrativeSchema(scoreDetailOf(deps)),
      schemaName: 'report_narrative',
      messages: [{ role: 'user', content: reportNarrativePrompt.render({ self: self.name, partner: partner.name, summary }) }],
      tag: tag(deps, 'analysis', 'write-narrative', reportNarrativePrompt),
    });
  } catch (err) {
    // The report's statistics come from the scores, not from this text: a narrative the model
    // could not write leaves the lists empty rather than fail the whole run after its episodes.
    deps.warn({ err: (err as Error).message }, 'the report narrative could not be written; the report goes without it');
    return { narrative: empty };
  }
  return {
    narrative: result.value,
    tokens: result.usage.promptTokens + result.usage.completionTokens,
    costUsd: deps.costOf(result.model, result.usage),
    models: [result.model],
  };
}
