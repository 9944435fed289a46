import type { ScenarioInstance } from '../../../src/kernel/simulation/scenarios/instantiate-scenario';

/** The world's events scheduled for this turn (a late reply, a phone call, a friend's remark...). */
export function eventsAt(scenario: ScenarioInstance, turn: number): { kind: string; text: string }[] {
  return scenario.eventSchedule.filter((e) => e.turn === turn).map((e) => ({ kind: e.kind, text: e.description }));
}
