import { execute, parse, subscribe, type ExecutionResult, type GraphQLError, type GraphQLSchema } from 'graphql';
import { Arg, Authorized, buildSchema, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription, type PubSub } from 'type-graphql';
import { DEFAULT_RATE_RULES } from '../src/domain/rate-limits/rate-limit-policy';
import { InProcessRateLimiter } from '../src/stores/rate-limit/in-process-rate-limiter';
import { authChecker } from './auth-checker';
import type { GraphQLContext } from './context.type';
import { attachFieldMiddlewares } from './field-middlewares';

/* A small schema of the shapes the API has: a root query and mutation behind @Authorized, a
   paginated nested field with arguments, an object type method with an argument, plain fields
   and a subscription. Its own classes, so the test sees type-graphql's wiring, not the app's. */

@ObjectType()
class Shelf {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'An object type method taking an argument.' })
  label(@Arg('prefix', () => String) prefix: string): string {
    return `${prefix}${this.title}`;
  }
}

@ObjectType()
class Book {
  @Field(() => String)
  name!: string;
}

let resolverCalls = 0;

@Resolver(() => Shelf)
class ShelfResolver {
  @Authorized()
  @Query(() => Shelf)
  shelf(@Arg('id', () => ID) id: string): Shelf {
    resolverCalls++;
    return Object.assign(new Shelf(), { id, title: 'Poems' });
  }

  @Authorized()
  @Mutation(() => Shelf)
  renameShelf(@Arg('id', () => ID) id: string, @Arg('title', () => String) title: string): Shelf {
    resolverCalls++;
    return Object.assign(new Shelf(), { id, title });
  }

  @FieldResolver(() => [Book], { description: 'Nested and paginated: takes `first`.' })
  books(@Root() _shelf: Shelf, @Arg('first', () => Int) first: number): Book[] {
    return Array.from({ length: first }, (_, i) => ({ name: `book ${i}` }));
  }

  @FieldResolver(() => Int, { description: 'Nested, without arguments.' })
  size(): number {
    return 3;
  }

  @Subscription(() => Book, {
    subscribe: async function* () {
      yield { name: 'a' };
      yield { name: 'b' };
    },
  })
  bookAdded(@Root() book: Book): Book {
    return book;
  }
}

const noPubSub: PubSub = {
  publish: () => undefined,
  subscribe: () => {
    throw new Error('unused');
  },
};

const ID_A = '00000000-0000-4000-8000-00000000000a';

async function testSchema(): Promise<GraphQLSchema> {
  attachFieldMiddlewares([ShelfResolver]);
  return buildSchema({ resolvers: [ShelfResolver], authChecker, validate: false, pubSub: noPubSub });
}

/** A context signed in (or not) whose global budget is `limit` operations a minute. */
function contextWith(limiter: InProcessRateLimiter, limit: number, signedIn = true): GraphQLContext {
  return {
    principal: signedIn ? { user: { id: 'user-1', role: 'USER' } } : undefined,
    clientAddress: '127.0.0.1',
    services: { rateLimiter: limiter, rateRules: { ...DEFAULT_RATE_RULES, global: { limit, windowMs: 60_000 } }, logger: { warn: () => undefined } },
  } as unknown as GraphQLContext;
}

const codeOf = (error: GraphQLError | undefined) => (error?.originalError as { code?: string } | undefined)?.code ?? error?.message;
const codes = (result: ExecutionResult) => (result.errors ?? []).map(codeOf);

/** Throws on any use: a middleware reads `info` (and the rate limit the context) before anything else. */
const untouchable = new Proxy({}, { get: (_, key) => { throw new Error(`read ${String(key)}`); } });

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await testSchema();
});

describe('attachFieldMiddlewares', () => {
  it('When a plain property, or a nested field without arguments, resolves, Then no middleware wraps it: the value comes back synchronously, info and context unread', () => {
    const shelf = Object.assign(new Shelf(), { id: ID_A, title: 'Poems' });
    const field = (type: string, name: string) => (schema.getType(type) as unknown as { getFields(): Record<string, { resolve?: (...args: unknown[]) => unknown }> }).getFields()[name]!;
    expect(field('Shelf', 'title').resolve!(shelf, {}, untouchable, untouchable)).toBe('Poems');
    expect(field('Book', 'name').resolve!({ name: 'b' }, {}, untouchable, untouchable)).toBe('b');
    expect(field('Shelf', 'size').resolve!(shelf, {}, untouchable, untouchable)).toBe(3);
  });

  it('When signed out, Then @Authorized refuses first and nothing is counted (the order globalMiddlewares had)', async () => {
    const limiter = new InProcessRateLimiter();
    const result = await execute({ schema, document: parse(`{ shelf(id: "nope") { id } }`), contextValue: contextWith(limiter, 1, false) });
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
    // The one operation of the budget is still there.
    const next = await execute({ schema, document: parse(`{ shelf(id: "${ID_A}") { id } }`), contextValue: contextWith(limiter, 1) });
    expect(next.errors).toBeUndefined();
  });

  it('When a root field is called, Then it counts once against the budget, before its arguments are checked; over budget, RATE_LIMITED', async () => {
    const limiter = new InProcessRateLimiter();
    resolverCalls = 0;
    // A malformed id still spends the budget (rate limit first), and the resolver does not run.
    expect(codes(await execute({ schema, document: parse(`mutation { renameShelf(id: "nope", title: "x") { id } }`), contextValue: contextWith(limiter, 2) }))).toEqual(['VALIDATION_FAILED']);
    expect(resolverCalls).toBe(0);
    // Counted once, though the schema was built twice (attaching again adds nothing).
    const again = await testSchema();
    const ok = await execute({ schema: again, document: parse(`{ shelf(id: "${ID_A}") { id title books(first: 2) { name } size } }`), contextValue: contextWith(limiter, 2) });
    expect(ok).toEqual({ data: { shelf: { id: ID_A, title: 'Poems', books: [{ name: 'book 0' }, { name: 'book 1' }], size: 3 } } });
    expect(codes(await execute({ schema, document: parse(`{ shelf(id: "${ID_A}") { id } }`), contextValue: contextWith(limiter, 2) }))).toEqual(['RATE_LIMITED']);
  });

  it('When a nested field’s argument is out of bounds or holds NUL, Then VALIDATION_FAILED names it, and nested fields are not counted', async () => {
    const limiter = new InProcessRateLimiter();
    const run = (query: string) => execute({ schema, document: parse(query), contextValue: contextWith(limiter, 3) });
    const books = await run(`{ shelf(id: "${ID_A}") { books(first: 0) { name } } }`);
    expect(codes(books)).toEqual(['VALIDATION_FAILED']);
    expect(books.errors?.[0]?.path).toEqual(['shelf', 'books']);
    expect(codes(await run(`{ shelf(id: "${ID_A}") { label(prefix: "a\\u0000") } }`))).toEqual(['VALIDATION_FAILED']);
    expect(await run(`{ shelf(id: "${ID_A}") { label(prefix: "My ") books(first: 1) { name } } }`)).toEqual({ data: { shelf: { label: 'My Poems', books: [{ name: 'book 0' }] } } });
    // Three operations, three counted: the nested fields spent nothing.
    expect(codes(await run(`{ shelf(id: "${ID_A}") { id } }`))).toEqual(['RATE_LIMITED']);
  });

  it('When a subscription delivers events, Then its root field has no middleware: every event arrives and none is counted', async () => {
    const limiter = new InProcessRateLimiter();
    const result = await subscribe({ schema, document: parse('subscription { bookAdded { name } }'), contextValue: contextWith(limiter, 1) });
    const names: unknown[] = [];
    for await (const event of result as AsyncIterable<ExecutionResult>) names.push((event.data?.bookAdded as { name: string }).name);
    expect(names).toEqual(['a', 'b']);
    expect(schema.getSubscriptionType()!.getFields().bookAdded!.resolve!({ name: 'c' }, {}, untouchable, untouchable as never)).toEqual({ name: 'c' });
  });
});
