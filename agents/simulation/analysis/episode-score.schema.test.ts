import { DIMENSION_KEYS } from '../../../src/kernel/simulation/dimensions';
import { toGrammarSchema } from '../../../src/llm/offline/grammar-schema';
import { sampleFromJsonSchema } from '../../../src/llm/stub/json-schema-sampler';
import { cleanDimensionScores } from './clean-scores';
import { episodeScoreSchema, judgeGroupSchema, type RawEpisodeScore } from './episode-score.schema';

describe('episodeScoreSchema', () => {
  it.each(['full', 'brief'] as const)('When built (%s), Then every dimension is its own required property, not an array item', (detail) => {
    const schema = episodeScoreSchema(detail);
    expect(Object.keys(schema.properties.dimensions!.properties)).toEqual(DIMENSION_KEYS);
    expect(schema.properties.dimensions!.required).toEqual(DIMENSION_KEYS);
    expect(schema.$defs.verdict.required).toEqual(['reasoning', 'score', 'citations']);
  });

  it('When the offline grammar is built from it, Then scores and counts are enumerated integers (bounds the grammar enforces)', () => {
    const grammar = toGrammarSchema(episodeScoreSchema('brief')) as { $defs: { verdict: { properties: { score: unknown } }; count: unknown } };
    expect(grammar.$defs.verdict.properties.score).toEqual({ enum: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
    expect(grammar.$defs.count).toEqual({ enum: Array.from({ length: 100 }, (_, i) => i) });
  });

  it('When the small model is asked for the counts alone, Then the schema has no dimensions to fill', () => {
    const schema = judgeGroupSchema([], 'brief', true);
    expect(Object.keys(schema.properties)).toEqual(['horsemen', 'positiveInteractions', 'negativeInteractions', 'criticalMoments']);
    expect(schema.required).toEqual(['horsemen', 'positiveInteractions', 'negativeInteractions', 'criticalMoments']);
  });

  it('When any schema-valid answer is cleaned (the stub model samples one), Then all ten dimensions have a score', () => {
    const answer = sampleFromJsonSchema(episodeScoreSchema('brief')) as RawEpisodeScore;
    expect(cleanDimensionScores(answer, () => undefined).map((d) => d.dimension)).toEqual(DIMENSION_KEYS);
  });
});
