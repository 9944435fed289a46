import { DIMENSION_KEYS } from '../../../src/kernel/simulation/dimensions';
import { cleanCriticalMoments, cleanDimensionScores, cleanHorsemen, interactionRatio } from './clean-scores';
import type { RawEpisodeScore } from './episode-score.schema';

const ids: Record<string, string> = { t1: 'm-1', t2: 'm-2', t3: 'm-3' };
const idOf = (ref: string) => ids[ref];

function verdict(overrides: Partial<RawEpisodeScore> = {}): RawEpisodeScore {
  return {
    dimensions: Object.fromEntries(DIMENSION_KEYS.map((key, i) => [key, { reasoning: ` reason ${i} `, score: i, citations: ['t1'] }])),
    horsemen: { criticism: 1, contempt: 0, defensiveness: 2, stonewalling: 0 },
    positiveInteractions: 5,
    negativeInteractions: 2,
    criticalMoments: [],
    ...overrides,
  };
}

describe('cleanDimensionScores', () => {
  it('When a reasoning is a fragment of JSON rather than a sentence (TinyLlama under the grammar), Then it is shown as none and the score kept', () => {
    const raw = verdict();
    const dimensions = raw.dimensions as Record<string, { reasoning: string }>;
    dimensions.goalCompletion!.reasoning = ':{';
    dimensions.believability!.reasoning = 'communicationQuality';
    dimensions.relationshipChange!.reasoning = '…';
    dimensions.socialNorms!.reasoning = 'They kept it polite';
    const cleaned = cleanDimensionScores(raw, idOf);
    expect(cleaned.slice(0, 4).map((d) => [d.reasoning, d.score])).toEqual([['', 0], ['', 1], ['', 2], ['They kept it polite', 3]]);
  });

  it('When every dimension is a property, Then each is read once, in DIMENSIONS order, with refs mapped to ids', () => {
    const cleaned = cleanDimensionScores(verdict(), idOf);
    expect(cleaned.map((d) => d.dimension)).toEqual(DIMENSION_KEYS);
    expect(cleaned.map((d) => d.score)).toEqual(DIMENSION_KEYS.map((_, i) => i));
    expect(cleaned[0]).toEqual({ dimension: 'goalCompletion', score: 0, reasoning: 'reason 0', citedIds: ['m-1'] });
  });

  it('When a dimension is missing or garbled, Then it is left out, never given a score', () => {
    const raw = verdict();
    const dimensions = raw.dimensions as Record<string, unknown>;
    delete dimensions.believability;
    dimensions.socialNorms = { reasoning: 'no number', score: 'seven', citations: [] };
    dimensions.humorAndWarmth = null;
    dimensions.valuesAlignment = { reasoning: 'x', score: Number.NaN, citations: [] };
    const cleaned = cleanDimensionScores(raw, idOf).map((d) => d.dimension);
    expect(cleaned).toHaveLength(DIMENSION_KEYS.length - 4);
    expect(cleaned).not.toEqual(expect.arrayContaining(['believability', 'socialNorms', 'humorAndWarmth', 'valuesAlignment']));
  });

  it('When a score is out of range or the citations are odd, Then the score is clamped and only known refs stay, once', () => {
    const raw = verdict({ dimensions: { goalCompletion: { reasoning: 'r', score: 14, citations: ['t2', 't2', 't99', 'Alex said so', 3 as never] }, believability: { reasoning: 'r', score: -2, citations: [] } } });
    expect(cleanDimensionScores(raw, idOf)).toEqual([
      { dimension: 'goalCompletion', score: 10, reasoning: 'r', citedIds: ['m-2'] },
      { dimension: 'believability', score: 0, reasoning: 'r', citedIds: [] },
    ]);
  });

  it('When the verdict has no dimensions object (an array, as the old schema had, or nothing), Then no dimension is read', () => {
    expect(cleanDimensionScores(verdict({ dimensions: [{ dimension: 'goalCompletion', score: 5 }] as never }), idOf)).toEqual([]);
    expect(cleanDimensionScores({} as RawEpisodeScore, idOf)).toEqual([]);
  });
});

describe('the rest of the verdict', () => {
  it('When horsemen and interactions are odd, Then counts are non-negative integers and the ratio needs a negative interaction', () => {
    expect(cleanHorsemen(verdict({ horsemen: { criticism: -10, contempt: 2.6, defensiveness: 1 } as never }))).toEqual({ criticism: 0, contempt: 3, defensiveness: 1, stonewalling: 0 });
    expect(interactionRatio(verdict())).toBe(2.5);
    expect(interactionRatio(verdict({ negativeInteractions: 0 }))).toBeNull();
  });

  it('When critical moments cite unknown turns or dimensions, Then those are dropped and impacts clamped', () => {
    const raw = verdict({
      criticalMoments: [
        { turn: 't3', dimension: 'conflictRepair', impact: 14, note: ' apology ' },
        { turn: 't42', dimension: 'conflictRepair', impact: 3, note: 'unknown turn' },
        { turn: 't1', dimension: 'jealousy', impact: 3, note: 'unknown dimension' },
      ],
    });
    expect(cleanCriticalMoments(raw, idOf)).toEqual([{ line: 'm-3', dimension: 'conflictRepair', impact: 10, note: 'apology' }]);
  });
});
