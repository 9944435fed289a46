import type { SimPersona } from '../configuration';
import { userProxyPrompt } from './prompts';

/** The user-proxy's system prompt: the SELF persona, the shared scene and its own private goal. */
export function userTurnPrompt(self: SimPersona, otherName: string, scene: string, goal: string): string {
  const facts = [
    self.age !== null && `age ${self.age}`,
    self.description,
    self.interests.length > 0 && `interests: ${self.interests.join(', ')}`,
    self.values.length > 0 && `values: ${self.values.join(', ')}`,
    self.goals.length > 0 && `relationship goals: ${self.goals.join(', ')}`,
    self.dealbreakers.length > 0 && `dealbreakers: ${self.dealbreakers.join(', ')}`,
  ]
    .filter(Boolean)
    .join('; ');
  return userProxyPrompt.render({ name: self.name, other: otherName, facts: facts || '(nothing more)', scene, goal });
}
