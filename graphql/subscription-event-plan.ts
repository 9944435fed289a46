import {
  Kind,
  createSourceEventStream,
  execute,
  getOperationAST,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  subscribe,
  type ExecutionArgs,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type GraphQLLeafType,
  type GraphQLOutputType,
  type OperationDefinitionNode,
} from 'graphql';

/** A subscription field's per-event resolve that reads only the event (not its arguments, context or info). */
type EventOnlyResolve = (event: unknown) => unknown;
const eventOnly = new WeakSet<object>();

/**
 * Marks a subscription field's resolve as reading only the event (and giving the same value
 * for the same event), which lets subscribeWithEventPlans shape its events without
 * graphql-js's per-event execution.
 */
export function eventOnlyResolve<E, R>(resolve: (event: E) => R): (event: E) => R {
  eventOnly.add(resolve);
  return resolve;
}

/** A leaf value completed as graphql-js would (null kept, serialized), or FALLBACK. */
type Completer = (value: unknown) => unknown;

/** One response key of the event object: a leaf field read off the resolved value, or __typename. */
interface LeafStep {
  key: string;
  fieldName: string;
  complete: Completer;
  typename?: string;
}

interface EventPlan {
  rootKey: string;
  resolve: EventOnlyResolve;
  steps: LeafStep[];
}

/** Shaping failed (a null where the schema says non-null, a value a scalar refuses…): graphql-js does it instead, errors and all. */
const FALLBACK = Symbol('fallback');

/** Plans by schema, document and operation name (documents are shared: the websocket server caches them). */
const plans = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string | null, EventPlan | null>>>();

/**
 * graphql-js's `subscribe`, except that each event of a subscription whose selection is a
 * marked field (eventOnlyResolve) with only argument-free, directive-free leaf fields under it
 * (scalars, enums, lists of them; aliases and __typename allowed) is shaped by a plan made once
 * per document: the resolve, then each leaf's serialize, into the same result graphql-js
 * builds. Per event, graphql-js would build an execution context, coerce the variables again,
 * collect the fields and run each field's resolve and completion. Any event the plan cannot
 * shape exactly as graphql-js would (a null in a non-null field, a serialize that throws, a
 * promise) goes through graphql-js's execute, so results are the same either way; any other
 * operation goes through graphql-js's subscribe.
 */
export async function subscribeWithEventPlans(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const plan = planFor(args);
  if (!plan) return subscribe(args);
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
  return mapEvents(stream, (event) => {
    const shaped = shape(plan, event);
    return shaped === FALLBACK ? execute({ ...args, rootValue: event }) : shaped;
  });
}

function planFor(args: ExecutionArgs): EventPlan | undefined {
  let byDocument = plans.get(args.schema);
  if (!byDocument) plans.set(args.schema, (byDocument = new WeakMap()));
  let byName = byDocument.get(args.document);
  if (!byName) byDocument.set(args.document, (byName = new Map()));
  const name = args.operationName ?? null;
  let plan = byName.get(name);
  if (plan === undefined) {
    const operation = getOperationAST(args.document, args.operationName);
    plan = operation ? makePlan(args, operation) : null;
    byName.set(name, plan);
  }
  return plan ?? undefined;
}

function makePlan(args: ExecutionArgs, operation: OperationDefinitionNode): EventPlan | null {
  const subscriptionType = args.schema.getSubscriptionType();
  if (operation.operation !== 'subscription' || !subscriptionType || operation.selectionSet.selections.length !== 1) return null;
  const root = operation.selectionSet.selections[0];
  if (root.kind !== Kind.FIELD || root.directives?.length || !root.selectionSet) return null;
  const field = subscriptionType.getFields()[root.name.value];
  if (!field?.resolve || !eventOnly.has(field.resolve)) return null;
  const objectType = isNonNullType(field.type) ? field.type.ofType : field.type;
  if (!isObjectType(objectType) || objectType.isTypeOf) return null;
  const fields = objectType.getFields();
  const steps: LeafStep[] = [];
  const keys = new Set<string>();
  for (const selection of root.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length || selection.arguments?.length || selection.selectionSet) return null;
    const key = selection.alias?.value ?? selection.name.value;
    // Validation made repeated keys the same field: graphql-js merges them where the key first appears.
    if (keys.has(key)) continue;
    keys.add(key);
    if (selection.name.value === '__typename') {
      steps.push({ key, fieldName: '__typename', complete: () => objectType.name, typename: objectType.name });
      continue;
    }
    const def = fields[selection.name.value];
    if (!def || def.resolve || def.args.length > 0 || !isLeafOrLeafList(def.type)) return null;
    steps.push({ key, fieldName: def.name, complete: completer(def.type) });
  }
  return { rootKey: root.alias?.value ?? root.name.value, resolve: field.resolve as unknown as EventOnlyResolve, steps };
}

function isLeafOrLeafList(type: GraphQLOutputType): boolean {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    const item = isNonNullType(nullable.ofType) ? nullable.ofType.ofType : nullable.ofType;
    return isLeafType(item);
  }
  return isLeafType(nullable);
}

/** The result graphql-js's execute gives for this event, or FALLBACK where it would need more than reading and serializing. */
function shape(plan: EventPlan, event: unknown): ExecutionResult | typeof FALLBACK {
  let value: unknown;
  try {
    value = plan.resolve(event);
  } catch {
    return FALLBACK;
  }
  if (value === null || typeof value !== 'object' || value instanceof Error || typeof (value as { then?: unknown }).then === 'function') return FALLBACK;
  // graphql-js builds result objects without a prototype.
  const object: Record<string, unknown> = Object.create(null);
  for (const step of plan.steps) {
    if (step.typename !== undefined) {
      object[step.key] = step.typename;
      continue;
    }
    const completed = step.complete((value as Record<string, unknown>)[step.fieldName]);
    if (completed === FALLBACK) return FALLBACK;
    object[step.key] = completed;
  }
  const data: Record<string, unknown> = Object.create(null);
  data[plan.rootKey] = object;
  return { data };
}

/** How graphql-js completes a value of this (leaf or leaf list) type, with the type checks done once, here. */
function completer(type: GraphQLOutputType): Completer {
  if (isNonNullType(type)) {
    const inner = completer(type.ofType);
    return (value) => (value === null || value === undefined ? FALLBACK : inner(value));
  }
  const unusual = (value: unknown) => value instanceof Error || typeof value === 'function' || typeof (value as { then?: unknown }).then === 'function';
  if (isListType(type)) {
    const item = completer(type.ofType);
    return (value) => {
      if (value === null || value === undefined) return null;
      if (!Array.isArray(value)) return FALLBACK;
      const items: unknown[] = [];
      for (const element of value) {
        const completed = item(element);
        if (completed === FALLBACK) return FALLBACK;
        items.push(completed);
      }
      return items;
    };
  }
  const leaf = type as GraphQLLeafType;
  return (value) => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'object' || typeof value === 'function') {
      if (unusual(value)) return FALLBACK;
    }
    try {
      const serialized = leaf.serialize(value);
      return serialized === null || serialized === undefined ? FALLBACK : serialized;
    } catch {
      return FALLBACK;
    }
  };
}

/** graphql-js's mapAsyncIterator (the source closed when mapping throws), without a turn of the event loop for a result ready at once. */
function mapEvents(source: AsyncIterable<unknown>, map: (event: unknown) => ExecutionResult | Promise<ExecutionResult>): AsyncIterableIterator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  const close = async () => {
    try {
      await iterator.return?.();
    } catch {
      // The mapping error is the one to report.
    }
  };
  const mapResult = (result: IteratorResult<unknown>): IteratorResult<ExecutionResult> | Promise<IteratorResult<ExecutionResult>> => {
    if (result.done) return result;
    let mapped: ExecutionResult | Promise<ExecutionResult>;
    try {
      mapped = map(result.value);
    } catch (err) {
      return close().then(() => Promise.reject(err));
    }
    if (!(mapped instanceof Promise)) return { value: mapped, done: false };
    return mapped.then(
      (value) => ({ value, done: false }),
      (err: unknown) => close().then(() => Promise.reject(err)),
    );
  };
  const mapped: AsyncIterableIterator<ExecutionResult> = {
    next: () => iterator.next().then(mapResult),
    return: async () => (typeof iterator.return === 'function' ? mapResult(await iterator.return()) : { value: undefined, done: true }),
    throw: async (error: unknown) => {
      if (typeof iterator.throw === 'function') return mapResult(await iterator.throw(error));
      throw error;
    },
    [Symbol.asyncIterator]: () => mapped,
  };
  return mapped;
}
