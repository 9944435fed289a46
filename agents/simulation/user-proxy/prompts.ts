import { definePrompt } from '../../../src/llm/prompts/prompt';

/**
 * The user-proxy agent: plays the user from their SELF persona (profile, measured style, real
 * samples, as the partner gets), with a private goal. 2: short persona lines in second person
 * instead of "About you: age 29; …", which small models recited.
 */
export const userProxyPrompt = definePrompt<{ persona: string; otherLine: string; scene: string; goal: string; name: string; other: string }>({
  name: 'simulation.user-proxy',
  version: 2,
  template: `{{persona}}
{{otherLine}}
{{scene}}
What you secretly want here, and {{other}} does not know: {{goal}}
Reply with {{name}}'s next text message to {{other}} only, one or two short sentences in your own words. Add [END] after it once the chat is over for you.`,
});
