import { z } from 'zod';
import { toGrammarSchema } from './grammar-schema';

describe('grammar schema adapter', () => {
  it('When zod output has nullable fields and a bounded integer, Then anyOf becomes oneOf and the range an enum', () => {
    const schema = z.toJSONSchema(z.object({ note: z.string().max(20).nullable(), score: z.number().int().min(1).max(5) }));
    expect(toGrammarSchema(schema)).toEqual({
      type: 'object',
      properties: {
        note: { oneOf: [{ type: 'string', maxLength: 20 }, { type: 'null' }] },
        score: { enum: [1, 2, 3, 4, 5] },
      },
      required: ['note', 'score'],
      additionalProperties: false,
    });
  });

  it('When an integer range is wide or open, Then it stays an integer', () => {
    expect(toGrammarSchema({ type: 'integer', minimum: 0, maximum: 1000 })).toEqual({ type: 'integer', minimum: 0, maximum: 1000 });
    expect(toGrammarSchema({ type: 'integer', minimum: 0 })).toEqual({ type: 'integer', minimum: 0 });
  });

  it('When refs use draft-7 definitions, Then they are rewritten to $defs', () => {
    expect(toGrammarSchema({ definitions: { a: { type: 'string' } }, $ref: '#/definitions/a' })).toEqual({ $defs: { a: { type: 'string' } }, $ref: '#/$defs/a' });
  });
});
