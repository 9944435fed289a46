import type { ScenarioInstance } from '../../../src/kernel/simulation/scenarios/instantiate-scenario';

/** The shared scene both agents see (never the other side's private goal). */
export function describeScene(scenario: ScenarioInstance): string {
  return [
    `Scene: ${scenario.title}. ${scenario.premise}`,
    `Setting: ${scenario.setting}.`,
    `What is at stake: ${scenario.stakes}.`,
    `Tension: ${scenario.stressorIntensity} on a scale of 1 to 5.`,
  ].join('\n');
}
