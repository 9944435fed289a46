import { definePrompt } from '../../../src/llm/prompts/prompt';
import { sceneLineTemplate, type SceneLineVars } from '../../partner-simulation/scene-prompt';

/**
 * The user-proxy agent: plays the user from their SELF persona (profile, measured style, real
 * samples, as the partner gets), with a private goal. 2: short persona lines in second person
 * instead of "About you: age 29; …", which small models recited. 3: no [END] instruction on a
 * small model.
 */
export const userProxyPrompt = definePrompt<SceneLineVars>({
  name: 'simulation.user-proxy',
  version: 3,
  template: sceneLineTemplate,
});
