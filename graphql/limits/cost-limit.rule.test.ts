import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { costLimitRule } from './cost-limit.rule';
import { directiveLimitRule } from './directive-limit.rule';

const schema = buildSchema(`
  input PageInput { limit: Int = 20, offset: Int = 0 }
  type Message { id: ID!, text: String!, alternatives: [Message!]! }
  type Chat { id: ID!, title: String, messages(limit: Int = 50): [Message!]! }
  type Query { chats(page: PageInput): [Chat!]!, chat(id: ID!): Chat, tags: [String!]! }
`);

const costOf = (query: string, max = 1_000_000) => {
  const errors = validate(schema, parse(query), [...specifiedRules, costLimitRule(max)]);
  return { errors, cost: errors[0]?.extensions?.cost as number | undefined };
};

describe('costLimitRule', () => {
  it('When a query selects scalars and one object, Then each field costs 1', () => {
    expect(costOf('{ chat(id: "1") { id title } tags }', 3).errors).toHaveLength(1);
    expect(costOf('{ chat(id: "1") { id title } tags }', 4).errors).toHaveLength(0);
  });

  it('When lists nest, Then children count once per item of each page (literal, default and variable page sizes)', () => {
    // chats: page.limit 10 × (1 id + messages: 1 + 5 × (1 id + 1 text)) = 10 × 12 = 120, + 1 for chats itself
    expect(costOf('{ chats(page: { limit: 10 }) { id messages(limit: 5) { id text } } }', 120).cost).toBe(121);
    // default page 20 × (1 + (1 + 50 × 1)) = 20 × 52 + 1
    expect(costOf('{ chats { id messages { id } } }', 1000).cost).toBe(1041);
    // a variable page size without a default counts as 100
    expect(costOf('query($n: Int) { chat(id: "1") { messages(limit: $n) { id } } }', 10).cost).toBe(102);
    expect(costOf('query($n: Int = 3) { chat(id: "1") { messages(limit: $n) { id } } }', 1).cost).toBe(5);
  });

  it('When a costly query goes through fragments, Then it is still counted and refused with QUERY_TOO_COSTLY', () => {
    const { errors } = costOf(
      `{ chats(page: { limit: 50 }) { ...C } }
       fragment C on Chat { messages(limit: 100) { ...M } }
       fragment M on Message { id text alternatives { id text } }`,
      5000,
    );
    expect(errors[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 5000 });
  });

  it('When a fragment cycles, Then GraphQL reports the cycle and the cost rule does not loop', () => {
    const errors = validate(schema, parse('{ chat(id: "1") { ...A } } fragment A on Chat { messages { ...B } } fragment B on Message { alternatives { ...B } }'), [
      ...specifiedRules,
      costLimitRule(5000),
    ]);
    expect(errors.some((e) => /cannot spread fragment/i.test(e.message))).toBe(true);
  });
});

describe('directiveLimitRule', () => {
  it('When a document holds more directives than allowed, Then it is refused with TOO_MANY_DIRECTIVES', () => {
    const query = `{ tags ${'@include(if: true) '.repeat(51)} }`;
    const errors = validate(schema, parse(query), [directiveLimitRule(50)]);
    expect(errors[0]?.extensions).toMatchObject({ code: 'TOO_MANY_DIRECTIVES', limit: 50 });
  });
});
