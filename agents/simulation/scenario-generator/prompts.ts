import { definePrompt } from '../../../src/llm/prompts/prompt';

/**
 * The scenario-generator writes the scene both agents will see from the episode's seeded
 * parameters. It is never shown either side's private goal, so it cannot leak one.
 */
export const writeScenePrompt = definePrompt<{ self: string; partner: string; title: string; premise: string; setting: string; stakes: string; tension: string }>({
  name: 'simulation.write-scene',
  // 2: two short sentences (was two or three): the reply is capped at ~70 tokens.
  version: 2,
  template: `Set the scene for a short role-played chat between {{self}} and {{partner}}, a couple.
Situation: {{title}}. {{premise}}
Place: {{setting}}
What is at stake: {{stakes}}
Tension: {{tension}} on a scale of 1 (calm) to 5 (charged).
In two short plain sentences, in the present tense, describe where they are and what is in the air right now, so both of them can step into it. Name no feelings for them, give no advice, and write nothing but the description.`,
});
