import { buildSchema } from 'graphql';
import { DEFAULT_QUERY_LIMITS } from '../../graphql/limits/query-limits';
import { QueryPrecheck } from './query-precheck';

const schema = buildSchema('type Query { me: User } type User { id: ID, friend: User }');
const nested = (depth: number) => `{ me ${'{ friend '.repeat(depth)}{ id }${' }'.repeat(depth)} }`;

describe('QueryPrecheck', () => {
  const precheck = new QueryPrecheck(schema, DEFAULT_QUERY_LIMITS);

  it('When a document is within the limits, Then it passes (GraphQL’s own rules are left to Apollo)', () => {
    expect(precheck.check(nested(2))).toBeNull();
    expect(precheck.check('{ me { notAField } }')).toBeNull();
  });

  it('When a document breaks a limit or cannot be parsed, Then it is refused with the same code Apollo would give', () => {
    expect(precheck.check(nested(8))?.map((e) => e.extensions.code)).toContain('QUERY_TOO_DEEP');
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect(precheck.check(aliases)?.map((e) => e.extensions.code)).toContain('TOO_MANY_ALIASES');
    expect(precheck.check(`{ me { ${'id '.repeat(1200)}} }`)?.[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(precheck.check('{ me {')?.[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(precheck.check('{ me { ...A } } fragment A on User { friend { ...B } } fragment B on User { friend { ...A } }')?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('When the same document comes again, Then the verdict is remembered', () => {
    const first = precheck.check(nested(9));
    expect(precheck.check(nested(9))).toBe(first);
  });
});
