import type { ScenarioCategory, ScenarioEventKind } from './scenario-template.schema';

/** An event the scenario-generator injects before the given turn is played. */
export interface ScheduledEvent {
  /** 1-based, as the simulation graph counts turns. */
  turn: number;
  kind: ScenarioEventKind;
  description: string;
}

/** One episode's concrete scenario: every alternative resolved, names filled in. */
export interface ScenarioInstance {
  templateId: string;
  category: ScenarioCategory;
  title: string;
  setting: string;
  premise: string;
  /** 1–5, within the template's range. */
  stressorIntensity: number;
  stakes: string;
  /** Each agent is shown its own goal only. */
  privateGoals: { self: string; partner: string };
  /** Sorted by turn, at most one event per turn. */
  eventSchedule: ScheduledEvent[];
  openingLine?: { speaker: 'self' | 'partner'; text: string };
  maxTurns: number;
  languageHints?: string[];
  /** `${seed}:${templateId}:${episodeIndex}`: everything above follows from it. */
  seed: string;
}
