import type { SimPersona } from '../simulation/configuration';
import { otherPersonLine, personaLines } from './persona-lines';
import { plainScene } from './plain-scene';
import { partnerScenePrompt, sceneLineClosing } from './scene-prompt';

/**
 * The partner's system prompt in a simulation: its persona (profile, measured style, real
 * samples), who it is texting, the scene and its own private goal.
 */
export function partnerTurnPrompt(partner: SimPersona, other: SimPersona | string, scene: string, goal: string, options: { smallModel?: boolean } = {}): string {
  const otherPersona = typeof other === 'string' ? { name: other, age: null, gender: null, description: '' } : other;
  return partnerScenePrompt.render({
    persona: personaLines({ ...partner, styleSummary: partner.styleSummary ?? null }),
    // The partner persona's relationship context ("dating 3 months") is the couple's.
    otherLine: otherPersonLine(otherPersona, partner.relationshipContext),
    scene: plainScene(scene),
    goal: goal.trim(),
    name: partner.name,
    other: otherPersona.name,
    closing: sceneLineClosing(options.smallModel === true),
  });
}
