import { personaLines, type PersonaMaterial } from './persona-lines';
import { partnerSystemPrompt } from './prompts';

/** What the partner's prompt is built from: the persona, its analysed profile, measured style and real samples. */
export type PartnerPromptSource = PersonaMaterial;

/** Renders the partner's system prompt (live chat and fidelity replay): the persona in a few lines, then the one instruction. */
export function buildPartnerPrompt(source: PartnerPromptSource): string {
  return partnerSystemPrompt.render({ name: source.name, persona: personaLines(source) });
}
