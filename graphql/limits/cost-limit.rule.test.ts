import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { costLimitRule } from './cost-limit.rule';
import { checkOperationCost, operationCost, selectOperation } from './operation-cost';
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
    // last counts like first
    expect(costOf('{ chat(id: "1") { messages(last: 3) { nodes { id } pageInfo { hasPreviousPage } } } }', 7).cost).toBe(8);
  });

  it('When a page size comes from a variable, Then validation (which cannot see the values) prices it at 1, a lower bound', () => {
    // chat 1 + messages 1 + nodes (1 + 1 × id) = 4, whatever the declared default
    expect(costOf('query($n: Int = 100) { chat(id: "1") { messages(last: $n) { nodes { id } } } }', 3).cost).toBe(4);
    expect(costOf('query($n: Int) { chat(id: "1") { messages(last: $n) { nodes { id } } } }', 3).cost).toBe(4);
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

describe('operationCost with the variables sent', () => {
  const priced = (query: string, variables: Record<string, unknown>) => {
    const document = parse(query);
    return operationCost(schema, document, selectOperation(document)!, variables);
  };

  it('When a page size comes from a variable, Then the value sent is priced, else the declared default, else the default page', () => {
    const query = 'query($n: Int = 3) { chat(id: "1") { messages(first: $n) { nodes { id } } } }';
    // chat 1 + messages 1 + nodes (1 + n × 1)
    expect(priced(query, { n: 50 })).toBe(53);
    expect(priced(query, {})).toBe(6);
    expect(priced('query($n: Int) { chat(id: "1") { messages(first: $n) { nodes { id } } } }', {})).toBe(23);
    expect(priced('query($n: Int) { chat(id: "1") { messages(first: $n) { nodes { id } } } }', { n: null })).toBe(23);
  });

  it('When a field declares a complexity, Then it costs that instead of 1', () => {
    const costly = buildSchema('type Query { score: Int, plain: Int }');
    costly.getQueryType()!.getFields().score!.extensions = { complexity: 100 };
    const document = parse('{ score plain }');
    expect(operationCost(costly, document, selectOperation(document)!, {})).toBe(101);
  });

  it('When the sent values make the operation too costly, Then the refusal is QUERY_TOO_COSTLY with the cost and the limit', () => {
    const document = parse('query Q($n: Int = 1) { chats(first: $n) { nodes { id title } } }');
    expect(checkOperationCost(schema, document, 'Q', { n: 1 }, 100)).toBeNull();
    // Counting stops once past the limit: the cost reported is where it stopped (over 100).
    expect(checkOperationCost(schema, document, 'Q', { n: 50 }, 100)?.extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: expect.any(Number), limit: 100 });
    expect(checkOperationCost(schema, document, 'Q', { n: 50 }, 100)?.extensions.cost).toBeGreaterThan(100);
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
