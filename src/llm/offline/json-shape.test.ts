import { jsonShape } from './json-shape';

// The judge's verdict for two dimensions, as agents/simulation/analysis builds it (brief).
const VERDICTS = {
  type: 'object',
  properties: {
    dimensions: {
      type: 'object',
      properties: { goalCompletion: { $ref: '#/$defs/verdict' }, believability: { $ref: '#/$defs/verdict' } },
      required: ['goalCompletion', 'believability'],
    },
  },
  required: ['dimensions'],
  $defs: {
    verdict: {
      type: 'object',
      properties: {
        reasoning: { type: 'string', maxLength: 24 },
        score: { type: 'integer', minimum: 0, maximum: 10 },
        citations: { type: 'array', items: { type: 'string', maxLength: 5 }, maxItems: 1 },
      },
      required: ['reasoning', 'score', 'citations'],
    },
  },
};

describe('jsonShape', () => {
  it('When a schema has objects, refs, bounded integers, strings and arrays, Then it reads as the JSON to write with placeholders', () => {
    expect(jsonShape(VERDICTS)).toBe(
      '{"dimensions": {"goalCompletion": {"reasoning": "…", "score": <0-10>, "citations": ["…"]}, "believability": {"reasoning": "…", "score": <0-10>, "citations": ["…"]}}}',
    );
  });

  it('When enumerated values, constants, alternatives and empty arrays appear, Then a run of whole numbers is a range and the rest are listed', () => {
    expect(jsonShape({ type: 'object', properties: { n: { enum: [0, 1, 2, 3] }, k: { enum: ['a', 'b'] }, c: { const: 'x' }, o: { oneOf: [{ type: 'string' }, { type: 'boolean' }] }, e: { type: 'array', maxItems: 0 }, l: { type: 'array', items: { type: 'number' } } } })).toBe(
      '{"n": <0-3>, "k": <one of "a", "b">, "c": "x", "o": "…" or <true or false>, "e": [], "l": [<number>, …]}',
    );
  });

  it('When a schema refers to itself, Then the shape stops rather than loop', () => {
    expect(jsonShape({ $defs: { node: { type: 'object', properties: { next: { $ref: '#/$defs/node' } } } }, $ref: '#/$defs/node' })).toContain('<value>');
  });
});
