import { buildPartnerPrompt } from '../../partner-simulation/build-partner-prompt';
import type { SimPersona } from '../configuration';
import { partnerScenePrompt } from './prompts';

/** The partner's system prompt: its persona prompt (profile, style, samples) plus scene and private goal. */
export function partnerTurnPrompt(partner: SimPersona, otherName: string, scene: string, goal: string): string {
  return `${buildPartnerPrompt({ ...partner, styleSummary: null })}\n\n${partnerScenePrompt.render({ other: otherName, scene, goal })}`;
}
