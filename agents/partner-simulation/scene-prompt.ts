import { definePrompt } from '../../src/llm/prompts/prompt';

/**
 * The partner's turn in a simulation: its persona lines, who it is texting, the shared scene
 * and its own private goal. 2: short, in second person, with no labels to recite; the same
 * shape as the user-proxy's prompt.
 */
export const partnerScenePrompt = definePrompt<{ persona: string; otherLine: string; scene: string; goal: string; name: string; other: string }>({
  name: 'simulation.partner-scene',
  version: 2,
  template: `{{persona}}
{{otherLine}}
{{scene}}
What you secretly want here, and {{other}} does not know: {{goal}}
Reply with {{name}}'s next text message to {{other}} only, one or two short sentences in your own words. Add [END] after it once the chat is over for you.`,
});
