import { DIMENSION_KEYS } from '../../src/kernel/simulation/dimensions';
import type { ChatScriptRule } from '../../src/llm/stub/stub-script';

/** What the scripted analysis agent answers; every field has a default. */
export interface JudgeAnswer {
  /** Each dimension's score by its index in DIMENSION_KEYS. */
  score?: (index: number) => number;
  citations?: string[];
  criticalMoments?: { turn: string; dimension: string; impact: number; note: string }[];
}

/**
 * The stub model's rules for a simulation's analysis agent: the episode judge (every
 * dimension scored, with reasoning and citations) and the report narrative. Shared by the
 * tests that run simulations through the API.
 */
export function simulationJudgeRules(answer: JudgeAnswer = {}): ChatScriptRule[] {
  const score = answer.score ?? ((i: number) => 4 + (i % 5));
  return [
    {
      match: 'couples researcher scoring',
      reply: {
        dimensions: Object.fromEntries(DIMENSION_KEYS.map((dimension, i) => [dimension, { reasoning: `Because of turn ${(i % 3) + 1}`, score: score(i), citations: answer.citations ?? ['t1', 't2'] }])),
        horsemen: { criticism: 1, contempt: 0, defensiveness: 1, stonewalling: 0 },
        positiveInteractions: 6,
        negativeInteractions: 2,
        criticalMoments: answer.criticalMoments ?? [],
      },
    },
    { match: 'write the\nstrengths', reply: { strengths: ['Warm humour'], risks: ['Different pace on moving in'], recommendations: ['Agree on a timeline together'] } },
  ];
}
