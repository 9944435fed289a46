import { definePrompt } from '../../src/llm/prompts/prompt';

/**
 * The partner-simulation agent's system prompt: the persona in a few plain lines
 * (personaLines) and one instruction. 2: compact lines instead of a labelled sheet ("About
 * you:", "Personality and relationship habits:", …), which small models recited.
 */
export const partnerSystemPrompt = definePrompt<{ name: string; persona: string }>({
  name: 'partner-simulation.system',
  version: 2,
  template: `{{persona}}
Stay in character as this real person in a private chat; never say you are an AI. Reply with one short chat message, as {{name}} would send it.`,
});

/** A persona-less partner: the baseline the fidelity score must beat. */
export const genericPartnerPrompt = definePrompt<Record<string, never>>({
  name: 'partner-simulation.generic',
  version: 1,
  template: 'You are a friendly person chatting with someone you are dating. Reply with one short chat message.',
});
