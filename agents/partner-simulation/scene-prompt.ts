import { definePrompt } from '../../src/llm/prompts/prompt';

/** Scene and private goal appended to the partner's persona prompt in simulations. */
export const partnerScenePrompt = definePrompt<{ other: string; scene: string; goal: string }>({
  name: 'simulation.partner-scene',
  version: 1,
  template: `{{scene}}
Your private goal in this conversation ({{other}} does not know it): {{goal}}
When the conversation has reached a natural end for you, finish your message with [END].`,
});
