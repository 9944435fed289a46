import { buildPartnerPrompt } from './build-partner-prompt';
import type { SimPersona } from '../simulation/configuration';
import { partnerScenePrompt } from './scene-prompt';

/** The partner's system prompt: its persona prompt (profile, style, samples) plus scene and private goal. */
export function partnerTurnPrompt(partner: SimPersona, otherName: string, scene: string, goal: string): string {
  return `${buildPartnerPrompt({ ...partner, styleSummary: null })}\n\n${partnerScenePrompt.render({ other: otherName, scene, goal })}`;
}
