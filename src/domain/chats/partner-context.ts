import type { EntityManager } from '@mikro-orm/postgresql';
import { buildPartnerPrompt } from '../../../agents/partner-simulation/build-partner-prompt';
import { personaFacts } from '../personas/persona-facts';
import { PersonaProfile, ProfileStatus } from '../personas/persona-profile.entity';
import type { Persona } from '../personas/persona.entity';
import { describeStyle } from '../personas/style/describe-style';
import type { ScenarioTemplate } from '../../kernel/simulation/scenarios/scenario-template.schema';

/** The summary of the persona's latest finished profile (null when there is none). Loaded beside the rest of the reply's context. */
export async function partnerProfileSummary(em: EntityManager, personaId: string): Promise<string | null> {
  const profile = await em.findOne(PersonaProfile, { persona: personaId, status: ProfileStatus.COMPLETED }, { orderBy: { version: 'desc' }, fields: ['profile'] });
  return typeof profile?.profile?.summary === 'string' ? profile.profile.summary : null;
}

/**
 * The partner agent's system prompt for a live chat: the persona's facts, its latest
 * finished profile (`profileSummary`), its measured writing style and real samples, and the
 * chat's scenario as a scene when one was chosen.
 */
export function partnerSystemPrompt(persona: Persona, profileSummary: string | null, userName: string, scenario: ScenarioTemplate | undefined): string {
  const base = buildPartnerPrompt({
    ...personaFacts(persona),
    profileSummary,
    styleSummary: describeStyle(persona.styleFingerprint),
  });
  const scene = scenario
    ? `\nThe situation: ${scenario.premise.replaceAll('{{self}}', userName).replaceAll('{{partner}}', persona.name)} (${scenario.setting[0] ?? ''})`
    : '';
  return `${base}\nYou are chatting with ${userName}.${scene}`;
}
