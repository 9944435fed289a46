import type { PersonaAnalysisDeps } from '../configuration';
import { tag } from '../configuration';
import { observationsSchema, type Observation } from '../profile.schema';
import { extractObservationsPrompt } from '../prompts';
import type { PersonaAnalysisStateType, PersonaAnalysisUpdate } from '../state';

/** Observes one chunk (fast tier) per visit; the router loops until every chunk is done. */
export async function extractObservations(deps: PersonaAnalysisDeps, state: PersonaAnalysisStateType): Promise<PersonaAnalysisUpdate> {
  const chunk = state.chunks[state.chunkIndex]!;
  const { value, model } = await deps.llm.structured<{ observations: Observation[] }>({
    tier: 'fast',
    temperature: 0,
    maxTokens: 800,
    schema: observationsSchema,
    schemaName: 'observations',
    messages: [{ role: 'user', content: extractObservationsPrompt.render({ name: deps.persona.name, chunk }) }],
    tag: tag(deps, 'extract-observations', extractObservationsPrompt),
  });
  const done = state.chunkIndex + 1;
  await deps.progress('observations', 0.05 + 0.55 * (done / state.chunks.length));
  return { observations: value.observations ?? [], chunkIndex: done, models: [model] };
}
