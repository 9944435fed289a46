/**
 * A composite rapport index, 0–100: a weighted mean of measures that each already lie in
 * 0–1. The weights are fixed and documented here, not fitted to any outcome: the index is a
 * readable summary of the measures beside it, not a validated predictor. A validation study
 * (on the analyst's own outcome data) is what can say how far it, or any measure, predicts.
 *
 * | component | 0–1 value | weight | why |
 * |---|---|---|---|
 * | responsiveness | share of bids (both sides) turned toward | 0.25 | Gottman: couples who stayed married turned toward 86% of bids, those who divorced 33% |
 * | positivity | positive / (positive + negative) interactions | 0.25 | Gottman's 5:1 ratio is 0.83 here |
 * | lsm | language style matching, overall | 0.20 | Ireland et al. 2011: LSM predicted mutual interest and staying together |
 * | questionsAnswered | share of questions (both sides) answered | 0.10 | basic engagement |
 * | balance | 1 − 2·|turn share − 0.5| | 0.10 | one-sided conversations lack reciprocity |
 * | warmth | share of messages with laughter, affection, gratitude or we-talk | 0.10 | warmth and shared humour |
 *
 * A component that cannot be measured (no bids, no questions) is left out and the remaining
 * weights are renormalised; the components list says which were used.
 */
import type { RapportComponent } from './conversation-measures';

export const RAPPORT_WEIGHTS = {
  responsiveness: 0.25,
  positivity: 0.25,
  lsm: 0.2,
  questionsAnswered: 0.1,
  balance: 0.1,
  warmth: 0.1,
} as const;

export type RapportInputs = Record<keyof typeof RAPPORT_WEIGHTS, number | null>;

export function rapportIndex(inputs: RapportInputs): { value: number | null; components: RapportComponent[] } {
  const components = (Object.keys(RAPPORT_WEIGHTS) as (keyof typeof RAPPORT_WEIGHTS)[]).map((key) => {
    const raw = inputs[key];
    const value = raw === null || !Number.isFinite(raw) ? null : Math.min(1, Math.max(0, raw));
    return { key, value, weight: RAPPORT_WEIGHTS[key] };
  });
  const used = components.filter((c) => c.value !== null);
  const weight = used.reduce((sum, c) => sum + c.weight, 0);
  if (weight === 0) return { value: null, components };
  const value = (100 * used.reduce((sum, c) => sum + c.weight * (c.value as number), 0)) / weight;
  return { value: Math.round(value * 10) / 10, components };
}
