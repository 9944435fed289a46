import { buildPartnerPrompt } from '../../../agents/partner-simulation/build-partner-prompt';
import { otherPersonLine } from '../../../agents/partner-simulation/persona-lines';
import { personaFacts } from '../personas/persona-facts';
import type { Persona } from '../personas/persona.entity';
import { describeStyle } from '../personas/style/describe-style';
import type { ScenarioTemplate } from '../../kernel/simulation/scenarios/scenario-template.schema';

/**
 * The partner agent's system prompt for a live chat: the persona's facts, its latest
 * finished profile (`profileSummary`), its measured writing style and real samples, and the
 * chat's scenario as a scene when one was chosen — and who the user is, from their SELF
 * persona when they have one (as the user-proxy plays them in simulations).
 */
export function partnerSystemPrompt(
  persona: Persona,
  profileSummary: string | null,
  userName: string,
  scenario: ScenarioTemplate | undefined,
  /** The persona's opened style fingerprint (its samples and phrases readable). */
  style: Record<string, unknown> | null,
  /** The user's SELF persona; null when they have not described themselves. */
  self: Pick<Persona, 'age' | 'gender' | 'description'> | null = null,
): string {
  const base = buildPartnerPrompt({
    ...personaFacts(persona, style),
    profileSummary,
    styleSummary: describeStyle(style),
  });
  const scene = scenario
    ? `\nThe situation: ${scenario.premise.replaceAll('{{self}}', userName).replaceAll('{{partner}}', persona.name)} (${scenario.setting[0] ?? ''})`
    : '';
  const user = self ? otherPersonLine({ name: userName, age: self.age, gender: self.gender, description: self.description }, persona.relationshipContext) : `You are chatting with ${userName}.`;
  return `${base}\n${user}${scene}`;
}
