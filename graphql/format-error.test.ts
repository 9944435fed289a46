import { GraphQLError, GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, subscribe } from 'graphql';
import { QuotaExceededError, ValidationError } from '../src/domain/errors';
import { formatError, isInternal } from './format-error';

const asResolverError = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['field'] });

describe('formatError', () => {
  it('When a resolver throws an unexpected error, Then the client sees INTERNAL and no internals', () => {
    const error = asResolverError(new Error('connection to 10.0.0.5 refused; password=hunter2'));
    const formatted = formatError(error.toJSON(), error);
    expect(formatted).toEqual({ message: 'Internal server error', path: ['field'], extensions: { code: 'INTERNAL' } });
  });

  it('When a domain error is thrown, Then its stable code and safe details reach the client', () => {
    const error = asResolverError(new ValidationError('input.email', 'input.email: must be a valid email address'));
    expect(formatError(error.toJSON(), error).extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'input.email' });
    const quota = asResolverError(new QuotaExceededError('Monthly token quota exhausted', { limit: 10 }));
    expect(formatError(quota.toJSON(), quota).extensions).toEqual({ code: 'QUOTA_EXCEEDED', limit: 10 });
  });

  it('When GraphQL itself rejects a request, Then its own code is kept', () => {
    const error = new GraphQLError('Cannot query field "x" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatError(error.toJSON(), error).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('When graphql-js refuses a request without a code (too many bad variable values), Then it is BAD_USER_INPUT, not INTERNAL', () => {
    const error = new GraphQLError('Too many errors processing variables, error limit reached. Execution aborted.');
    expect(formatError(error.toJSON(), error).extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(isInternal(error)).toBe(false);
  });

  it('When a variable has a value its scalar refuses (as graphql-ws passes graphql-js on), Then it is BAD_USER_INPUT naming the variable, not INTERNAL', async () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
      subscription: new GraphQLObjectType({ name: 'Subscription', fields: { ticks: { type: GraphQLInt, args: { after: { type: GraphQLInt } } } } }),
    });
    const result = await subscribe({ schema, document: parse('subscription ($after: Int) { ticks(after: $after) }'), variableValues: { after: 'ten' } });
    const [error] = (result as { errors: GraphQLError[] }).errors;
    expect(formatError(error!.toJSON(), error)).toEqual({ message: expect.stringContaining('Variable "$after" got invalid value "ten"'), locations: [{ line: 1, column: 15 }], extensions: { code: 'BAD_USER_INPUT' } });
    expect(isInternal(error)).toBe(false);
  });

  it('When a resolver throws a GraphQLError of its own making without a code, Then it stays INTERNAL (it has a path)', () => {
    const error = asResolverError(new GraphQLError('unexpected'));
    expect(formatError(error.toJSON(), error).extensions).toEqual({ code: 'INTERNAL' });
  });
});
