import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { costLimitRule } from './cost-limit.rule';
import { depthLimitRule } from './depth-limit.rule';
import { directiveLimitRule } from './directive-limit.rule';

const schema = buildSchema(`
  type PageInfo { hasNextPage: Boolean!, hasPreviousPage: Boolean!, startCursor: String, endCursor: String }
  type Message { id: ID!, text: String!, alternatives: [Message!]! }
  type MessageEdge { node: Message!, cursor: String! }
  type MessageConnection { edges: [MessageEdge!]!, nodes: [Message!]!, pageInfo: PageInfo!, totalCount: Int }
  type Chat { id: ID!, title: String, messages(first: Int, after: String, last: Int, before: String): MessageConnection! }
  type ChatConnection { edges: [ChatEdge!]!, nodes: [Chat!]!, pageInfo: PageInfo!, totalCount: Int }
  type ChatEdge { node: Chat!, cursor: String! }
  type Query { chats(first: Int, after: String): ChatConnection!, chat(id: ID!): Chat, tags: [String!]! }
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

  it('When connections nest, Then children of edges and nodes count once per item of each page (literal, default and variable page sizes)', () => {
    // chats: 1 + nodes: (1 + 10 × (1 id + messages: 1 + nodes: (1 + 5 × 2)))) = 1 + 1 + 10 × 13 = 132
    expect(costOf('{ chats(first: 10) { nodes { id messages(first: 5) { nodes { id text } } } } }', 100).cost).toBe(132);
    // the default page is 20: chats 1 + edges 1 + 20 × (cursor 1 + node 1 + id 1) = 62
    expect(costOf('{ chats { edges { cursor node { id } } } }', 10).cost).toBe(62);
    // last counts like first; a variable page size without a default counts as 100
    expect(costOf('query($n: Int) { chat(id: "1") { messages(last: $n) { nodes { id } } } }', 10).cost).toBe(103);
    expect(costOf('query($n: Int = 3) { chat(id: "1") { messages(last: $n) { nodes { id } pageInfo { hasPreviousPage } } } }', 7).cost).toBe(8);
  });

  it('When a costly query goes through fragments, Then it is still counted and refused with QUERY_TOO_COSTLY', () => {
    const { errors } = costOf(
      `{ chats(first: 50) { nodes { ...C } } }
       fragment C on Chat { messages(first: 100) { ...M } }
       fragment M on MessageConnection { nodes { id text alternatives { id text } } }`,
      5000,
    );
    expect(errors[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 5000 });
  });

  it('When a fragment cycles, Then GraphQL reports the cycle and the cost rule does not loop', () => {
    const errors = validate(schema, parse('{ chat(id: "1") { ...A } } fragment A on Chat { messages { nodes { ...B } } } fragment B on Message { alternatives { ...B } }'), [
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

describe('depthLimitRule', () => {
  it('When a query pages through connections, Then edges, node and nodes add no depth (a page nests as deep as a plain list)', () => {
    // chats 1 → messages 2 → alternatives 3 → id 4
    const query = parse('{ chats { edges { cursor node { messages { nodes { alternatives { id } } } } } } }');
    expect(validate(schema, query, [depthLimitRule(4)])).toHaveLength(0);
    expect(validate(schema, query, [depthLimitRule(3)])[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 3 });
  });
});
