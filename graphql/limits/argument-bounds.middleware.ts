import {
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { ValidationError } from '../../src/domain/errors';
import { MAX_PAGE_SIZE } from '../../src/domain/pagination/page';

/**
 * Every id SoulLink hands out is a UUID (PostgreSQL `uuid` keys, memory ids, grant ids).
 * Any 8-4-4-4-12 hex string is accepted, as PostgreSQL accepts it; which version is no concern
 * of the API.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Bounds of integer arguments by name, wherever they appear (root args, input fields, nested
 * fields): a connection's page size (lists with a tighter cap still refuse beyond theirs, in
 * src/domain/pagination). No list takes an offset (graphql/pagination.schema.test.ts).
 */
const INT_BOUNDS: { name: RegExp; min: number; max: number }[] = [{ name: /^(first|last)$/, min: 1, max: MAX_PAGE_SIZE }];

type Check = (value: unknown, path: string) => void;

/**
 * A check per argument type, built once per field and input type from the schema, so a
 * field without ids or page bounds costs one WeakMap lookup per resolution.
 */
const fieldChecks = new WeakMap<GraphQLField<unknown, unknown>, Check | null>();
const inputChecks = new WeakMap<GraphQLInputObjectType, Check | null>();

function checkOfType(type: GraphQLInputType, name: string): Check | null {
  const inner = getNullableType(type);
  if (isListType(inner)) {
    const item = checkOfType(inner.ofType, name);
    if (!item) return null;
    return (value, path) => {
      if (Array.isArray(value)) value.forEach((v, i) => item(v, `${path}[${i}]`));
    };
  }
  if (isScalarType(inner)) {
    if (inner.name === 'ID') {
      return (value, path) => {
        if (value !== null && value !== undefined && !(typeof value === 'string' && UUID.test(value))) throw new ValidationError(path, `${path}: not a valid id`);
      };
    }
    if (inner.name === 'String') return refuseNul;
    if (inner.name === 'JSONObject') return (value, path) => refuseNulDeep(value, path, 0);
    if (inner.name === 'Int') {
      const bounds = INT_BOUNDS.find((b) => b.name.test(name));
      if (!bounds) return null;
      return (value, path) => {
        if (typeof value === 'number' && (value < bounds.min || value > bounds.max)) {
          throw new ValidationError(path, `${path} must be ${bounds.min}–${bounds.max}`, { min: bounds.min, max: bounds.max });
        }
      };
    }
    return null;
  }
  if (isInputObjectType(inner)) return checkOfInput(inner);
  // Enums and other scalars are coerced (and refused) by GraphQL itself before any resolver runs.
  return null;
}

/** PostgreSQL text and jsonb cannot hold U+0000: a NUL in any client string is refused where it enters. */
const refuseNul: Check = (value, path) => {
  if (typeof value === 'string' && value.includes('\u0000')) throw new ValidationError(path, `${path} must not contain NUL characters`);
};

/** The same inside a JSON argument, keys included (GraphQL already bounds its size through the body limit). */
function refuseNulDeep(value: unknown, path: string, depth: number): void {
  if (typeof value === 'string') return refuseNul(value, path);
  if (value === null || typeof value !== 'object' || depth > 64) return;
  for (const [key, inner] of Object.entries(value)) {
    refuseNul(key, path);
    refuseNulDeep(inner, path, depth + 1);
  }
}

function checkOfInput(type: GraphQLInputObjectType): Check | null {
  if (inputChecks.has(type)) return inputChecks.get(type)!;
  // A self-referencing input meets its own (pending) entry: it is checked through the outer call.
  inputChecks.set(type, null);
  const check = checkOfMembers(Object.values(type.getFields()));
  inputChecks.set(type, check);
  return check;
}

function checkOfMembers(members: readonly (GraphQLArgument | GraphQLInputField)[]): Check | null {
  const checks = members.flatMap((m) => {
    const check = checkOfType(m.type, m.name);
    return check ? [{ name: m.name, check }] : [];
  });
  if (checks.length === 0) return null;
  return (value, path) => {
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    for (const { name, check } of checks) check(record[name], path ? `${path}.${name}` : name);
  };
}

function checkOfField(field: GraphQLField<unknown, unknown>): Check | null {
  let check = fieldChecks.get(field);
  if (check === undefined) {
    check = checkOfMembers(field.args);
    fieldChecks.set(field, check);
  }
  return check;
}

/** Throws ValidationError naming the first argument out of bounds (see argumentBoundsMiddleware). */
export type ArgumentsCheck = (args: Record<string, unknown>) => void;

/**
 * The checks argumentBoundsMiddleware runs for this field's arguments, for a caller that runs
 * them elsewhere (subscriptions: checkSubscriptionArgumentsOnce); null when no argument has bounds.
 */
export function argumentBoundsOf(field: GraphQLField<unknown, unknown>): ArgumentsCheck | null {
  const check = checkOfField(field);
  return check && ((args) => check(args, ''));
}

/**
 * Input validation every operation gets before its resolver runs, for every field that takes
 * arguments (root fields and nested ones, on queries and mutations alike): an id that is not
 * a UUID, a page size out of bounds and a string holding U+0000 are
 * VALIDATION_FAILED naming the argument (e.g. `input.partnerPersonaId`), so no malformed id
 * reaches PostgreSQL as a filter, no negative limit reaches a query and no NUL reaches a
 * text column. Enum values and scalar types are GraphQL's own coercion;
 * rules about meaning (lengths, ranges of a simulation's turns…) stay in src/domain.
 * Subscription root fields are skipped: the resolver runs once per event; their arguments are
 * checked once, when subscribed (checkSubscriptionArgumentsOnce). Attached to root fields and
 * fields with arguments alone (graphql/field-middlewares.ts); fields without arguments are not
 * wrapped.
 */
export const argumentBoundsMiddleware: MiddlewareFn = ({ args, info }, next) => {
  if (info.operation.operation === 'subscription' && info.parentType === info.schema.getSubscriptionType()) return next();
  const field = info.parentType.getFields()[info.fieldName];
  const check = field ? checkOfField(field) : null;
  if (check) check(args, '');
  return next();
};
