import type { PersonaAnalysisDeps } from '../configuration';
import { tag } from '../configuration';
import { profileSchema } from '../profile.schema';
import { aggregateProfilePrompt } from '../prompts';
import type { PersonaAnalysisStateType, PersonaAnalysisUpdate } from '../state';

/** Combines all observations into one profile (deep tier, JSON schema). */
export async function aggregateProfile(deps: PersonaAnalysisDeps, state: PersonaAnalysisStateType): Promise<PersonaAnalysisUpdate> {
  const { persona } = deps;
  const facts = [
    persona.description,
    persona.relationshipContext && `Relationship: ${persona.relationshipContext}`,
    persona.interests.length > 0 && `Interests: ${persona.interests.join(', ')}`,
    persona.values.length > 0 && `Values: ${persona.values.join(', ')}`,
  ]
    .filter(Boolean)
    .join('\n');
  const observations = state.observations.map((o) => `${o.kind}: ${o.note} [${o.citations.join(', ')}]`).join('\n');
  const { value, model } = await deps.llm.structured<Record<string, unknown>>({
    tier: 'deep',
    temperature: 0,
    maxTokens: 2000,
    schema: profileSchema,
    schemaName: 'persona_profile',
    messages: [{ role: 'user', content: aggregateProfilePrompt.render({ name: persona.name, facts: facts || '(nothing)', observations: observations || '(none)' }) }],
    tag: tag(deps, 'aggregate-profile', aggregateProfilePrompt),
  });
  await deps.progress('profile', 0.75);
  return { profile: value, models: [model] };
}
