import type { ConversationMeasures } from '../measures';

/**
 * What the analysis agent scores per episode, each 0–10 with reasoning and cited turn ids:
 * SOTOPIA-EVAL's social dimensions plus relationship-specific ones (Gottman's bids and
 * repair, values, long-term goals).
 */
export const DIMENSIONS = [
  { key: 'goalCompletion', label: 'Goal completion', description: 'How far each side reached its private goal for the scenario (SOTOPIA-EVAL).' },
  { key: 'believability', label: 'Believability', description: 'How natural and in-character both sides behaved (SOTOPIA-EVAL).' },
  { key: 'relationshipChange', label: 'Relationship change', description: 'Whether the relationship got closer (10) or more distant (0) over the episode (SOTOPIA-EVAL).' },
  { key: 'socialNorms', label: 'Social norms', description: 'Respect for social rules and each other’s boundaries (SOTOPIA-EVAL).' },
  { key: 'communicationQuality', label: 'Communication quality', description: 'Clarity, listening, and saying what matters.' },
  { key: 'conflictRepair', label: 'Conflict repair', description: 'Repair attempts made and accepted when things got tense.' },
  { key: 'emotionalResponsiveness', label: 'Emotional responsiveness', description: 'Bids for attention turned toward rather than away from or against.' },
  { key: 'valuesAlignment', label: 'Values alignment', description: 'How well their values fit in this situation.' },
  { key: 'humorAndWarmth', label: 'Humor and warmth', description: 'Playfulness, affection and shared laughter.' },
  { key: 'longTermGoalAlignment', label: 'Long-term goal alignment', description: 'Fit of plans for the future (home, family, career, money).' },
] as const;

export type DimensionKey = (typeof DIMENSIONS)[number]['key'];
export const DIMENSION_KEYS: readonly DimensionKey[] = DIMENSIONS.map((d) => d.key);

/** Gottman's four horsemen, counted per episode. */
export const HORSEMEN = ['criticism', 'contempt', 'defensiveness', 'stonewalling'] as const;
export type Horseman = (typeof HORSEMEN)[number];

export interface DimensionScore {
  dimension: DimensionKey;
  /** 0–10. */
  score: number;
  reasoning: string;
  /** Transcript message ids of the turns that justify the score. */
  citedTurnIds: string[];
}

/** A turn that swung a score, quoted. */
export interface CriticalMoment {
  turnId: string;
  speaker: string;
  quote: string;
  dimension: DimensionKey;
  /** −10 … +10: how much it moved the dimension. */
  impact: number;
  note: string;
}

export type EpisodeEnding = 'max-turns' | 'natural' | 'stale' | 'cancelled' | 'budget';

/** The analysis agent's verdict on one seeded episode. */
export interface EpisodeScore {
  episodeId: string;
  scenarioId: string;
  scenarioTitle: string;
  /** 0-based index of this episode within its scenario. */
  episodeIndex: number;
  seed: string;
  dimensions: DimensionScore[];
  horsemen: Record<Horseman, number>;
  /** Positive to negative interactions (Gottman's 5:1); null when there was no negative one. */
  positiveToNegativeRatio: number | null;
  criticalMoments: CriticalMoment[];
  turns: number;
  endedBy: EpisodeEnding;
  tokens: number;
  costUsd: number;
  /**
   * The conversation measures of the episode's transcript (no model; citations are transcript
   * message ids). Absent on episodes scored before the measures existed.
   */
  measures?: ConversationMeasures;
}
