import { otherPersonLine, personaLines } from '../../partner-simulation/persona-lines';
import { plainScene } from '../../partner-simulation/plain-scene';
import type { SimPersona } from '../configuration';
import { sceneLineClosing } from '../../partner-simulation/scene-prompt';
import { userProxyPrompt } from './prompts';

/**
 * The user-proxy's system prompt: the SELF persona in full (facts, analysed profile, measured
 * writing style, real message samples — as the partner gets), who it is texting, the shared
 * scene and its own private goal.
 */
export function userTurnPrompt(self: SimPersona, other: SimPersona | string, scene: string, goal: string, options: { smallModel?: boolean } = {}): string {
  const otherPersona = typeof other === 'string' ? { name: other, age: null, gender: null, description: '', relationshipContext: null } : other;
  return userProxyPrompt.render({
    persona: personaLines({ ...self, styleSummary: self.styleSummary ?? null }),
    // The relationship is recorded on the partner persona ("dating 3 months").
    otherLine: otherPersonLine(otherPersona, otherPersona.relationshipContext),
    scene: plainScene(scene),
    goal: goal.trim(),
    name: self.name,
    other: otherPersona.name,
    closing: sceneLineClosing(options.smallModel === true),
  });
}
