import { z } from 'zod';
import { sampleFromJsonSchema } from './json-schema-sampler';

// Each sample is checked against zod's own reading of the schema, so "valid" is not our opinion.
function expectValid(schema: Record<string, unknown>): unknown {
  const value = sampleFromJsonSchema(schema);
  const result = z.fromJSONSchema(schema as never).safeParse(value);
  if (!result.success) throw new Error(`${JSON.stringify(value)} is invalid: ${result.error.message}`);
  return value;
}

describe('JSON schema sampler', () => {
  it('When an object has required and optional properties, Then only the required ones are filled', () => {
    const value = expectValid({
      type: 'object',
      properties: { name: { type: 'string' }, age: { type: 'integer' }, nickname: { type: 'string' } },
      required: ['name', 'age'],
      additionalProperties: false,
    });
    expect(value).toEqual({ name: 'stub name', age: 0 });
  });

  it('When arrays have minItems and uniqueItems, Then that many distinct items are produced', () => {
    const value = expectValid({ type: 'array', items: { type: 'string' }, minItems: 3, uniqueItems: true }) as string[];
    expect(value).toHaveLength(3);
    expect(new Set(value).size).toBe(3);
  });

  it('When strings, numbers and integers are bounded, Then samples fall inside the bounds', () => {
    expectValid({
      type: 'object',
      properties: {
        short: { type: 'string', maxLength: 3 },
        long: { type: 'string', minLength: 40 },
        score: { type: 'integer', minimum: 1, maximum: 10 },
        ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
        negative: { type: 'number', maximum: -5 },
        even: { type: 'integer', minimum: 3, multipleOf: 2 },
        flag: { type: 'boolean' },
      },
      required: ['short', 'long', 'score', 'ratio', 'negative', 'even', 'flag'],
    });
  });

  it('When a schema uses enums, consts, formats, nullable unions and $defs refs, Then the sample is valid', () => {
    const value = expectValid({
      type: 'object',
      properties: {
        mood: { enum: ['warm', 'tense'] },
        kind: { const: 'report' },
        at: { type: 'string', format: 'date-time' },
        email: { type: 'string', format: 'email' },
        id: { type: 'string', format: 'uuid' },
        note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        turn: { $ref: '#/$defs/turn' },
      },
      required: ['mood', 'kind', 'at', 'email', 'id', 'note', 'turn'],
      $defs: { turn: { type: 'object', properties: { index: { type: 'integer', minimum: 0 } }, required: ['index'] } },
    });
    expect(value).toMatchObject({ mood: 'warm', kind: 'report', note: 'stub note', turn: { index: 0 } });
  });

  it('When a zod schema is converted to JSON Schema, Then the sample parses with the original zod schema', () => {
    const Report = z.object({
      summary: z.string().min(10).max(200),
      dimensions: z.array(z.object({ name: z.enum(['trust', 'humour']), mean: z.number().min(0).max(1) })).min(2),
      citations: z.array(z.number().int().nonnegative()),
      verdict: z.enum(['compatible', 'uncertain', 'incompatible']).nullable(),
    });
    const value = sampleFromJsonSchema(z.toJSONSchema(Report));
    expect(Report.parse(value)).toEqual(value);
  });

  it('When a schema is recursive, Then sampling stops at the depth limit instead of looping', () => {
    const value = sampleFromJsonSchema({
      type: 'object',
      properties: { child: { $ref: '#' } },
      required: ['child'],
    });
    expect(JSON.stringify(value).length).toBeLessThan(1000);
  });
});
