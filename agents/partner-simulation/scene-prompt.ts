import { definePrompt } from '../../src/llm/prompts/prompt';

/** What both role-play agents' turn prompts take (see sceneLineTemplate). */
export type SceneLineVars = { persona: string; otherLine: string; scene: string; goal: string; name: string; other: string; closing: string };

/**
 * The shape both role-play agents' turn prompts share: persona lines, who they are texting,
 * the scene and their own private goal, then the ask. `closing` is the [END] instruction, or
 * nothing: on the small offline model the instruction itself became the topic ("let's finish
 * the chat"), so there episodes end on max turns or stale turns instead (see SCENE_LINE_CLOSING).
 */
export const sceneLineTemplate = `{{persona}}
{{otherLine}}
{{scene}}
What you secretly want here, and {{other}} does not know: {{goal}}
Reply with {{name}}'s next text message to {{other}} only, one or two short sentences in your own words.{{closing}}`;

/** The [END] instruction, for models that follow it without talking about it. */
export const SCENE_LINE_CLOSING = ' Add [END] after it once the chat is over for you.';

/** The closing a turn prompt gets: none on a small model (see sceneLineTemplate). */
export const sceneLineClosing = (smallModel: boolean) => (smallModel ? '' : SCENE_LINE_CLOSING);

/**
 * The partner's turn in a simulation. 2: short, in second person, with no labels to recite;
 * the same shape as the user-proxy's prompt. 3: no [END] instruction on a small model.
 */
export const partnerScenePrompt = definePrompt<SceneLineVars>({
  name: 'simulation.partner-scene',
  version: 3,
  template: sceneLineTemplate,
});
