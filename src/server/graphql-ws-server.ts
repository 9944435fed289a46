import { randomUUID } from 'node:crypto';
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { QueryLimits } from '../../graphql/limits/query-limits';
import { limitRules } from '../../graphql/limits/validation-rules';
import { checkOperationCost } from '../../graphql/limits/operation-cost';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { formatError, isInternal } from '../../graphql/format-error';
import { operationLabel } from '../../graphql/operation-label';
import { subscribeWithEventPlans } from '../../graphql/subscription-event-plan';
import { SESSION_REVOCATIONS_TOPIC, type SessionRevocationNotice } from '../domain/accounts/session-revocations';
import { GraphqlWsSpans } from '../observability/graphql-ws-tracing';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { EventBus } from '../ports/event-bus.port';
import type { Tracer } from '../ports/tracer.port';
import { bearerToken, type ContextFactory } from './context-factory';
import { wellFormedReviver } from './well-formed-strings';

interface ConnectionState {
  /** The authenticated user (the id only: each operation authenticates again with `token`). */
  userId?: string;
  /** The sign-in session the token belongs to: when it ends, the socket is closed. */
  sessionId?: string;
  token?: string;
  /** Ids of this connection's open subscriptions, for the gauge. */
  subscriptions: Set<string>;
}

/** Distinct documents kept parsed (and validated): clients send the same few subscriptions over and over. */
const DOCUMENT_CACHE_SIZE = 200;

/**
 * Parses each distinct query text once and hands every subscription the same document, so an
 * open subscription does not keep a private AST (tokens, locations) alive: with thousands of
 * sockets that is most of their memory. Least recently used documents go first; documents are
 * never mutated by graphql-js, so sharing them is safe. Parse errors are not cached.
 */
class DocumentCache {
  private readonly documents = new Map<string, DocumentNode>();
  private readonly validated = new WeakMap<DocumentNode, readonly GraphQLError[]>();

  constructor(private readonly maxTokens: number) {}

  parse(query: string): DocumentNode {
    let document = this.documents.get(query);
    if (document) this.documents.delete(query);
    else document = parse(query, { maxTokens: this.maxTokens });
    this.documents.set(query, document);
    if (this.documents.size > DOCUMENT_CACHE_SIZE) this.documents.delete(this.documents.keys().next().value!);
    return document;
  }

  /** Validation depends only on the schema and the document: each document is validated once. */
  validate(document: DocumentNode, run: () => readonly GraphQLError[]): readonly GraphQLError[] {
    let errors = this.validated.get(document);
    if (!errors) {
      errors = run();
      this.validated.set(document, errors);
    }
    return errors;
  }
}

/** Token from connectionParams: `{ authorization: "Bearer …" }` or `{ accessToken: "…" }`. */
function tokenFrom(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (!params) return undefined;
  return bearerToken(params.authorization ?? params.Authorization) ?? (typeof params.accessToken === 'string' ? params.accessToken : undefined);
}

/**
 * graphql-ws on the HTTP server's GraphQL path. Connections must authenticate in
 * connectionParams; a missing or bad token closes the socket (4403). Each operation gets a
 * context from the same factory as HTTP, re-checking that the session is still active.
 */
export function attachGraphqlWs(options: {
  httpServer: HttpServer;
  path: string;
  schema: GraphQLSchema;
  contexts: ContextFactory;
  metrics: Metrics;
  logger: Logger;
  /** While draining, new websocket upgrades are refused. */
  isDraining: () => boolean;
  /** The browser Origin check (src/server/cors.ts): a page on a refused origin gets no socket. */
  allowsUpgrade: (req: IncomingMessage) => boolean;
  limits: QueryLimits;
  /** Per-user caps: open connections, and subscriptions across them. */
  caps: { maxConnectionsPerUser: number; maxSubscriptionsPerUser: number };
  /** Production: no "Did you mean …?" hints in validation errors. */
  hideSchemaDetails: boolean;
  /** Where ended sessions are announced (src/domain/accounts/session-revocations.ts). */
  events: EventBus;
  /** A span per operation, as over HTTP (off: nothing is kept). */
  tracer: Tracer;
}) {
  const { metrics, contexts, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  options.httpServer.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== options.path || options.isDraining()) {
      socket.destroy();
      return;
    }
    if (!options.allowsUpgrade(req)) {
      // Answered rather than cut, so the refusal is visible in logs and browser dev tools.
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const state = new WeakMap<object, ConnectionState>();
  const stateOf = (extra: object): ConnectionState => {
    let s = state.get(extra);
    if (!s) {
      s = { subscriptions: new Set() };
      state.set(extra, s);
    }
    return s;
  };

  // Per user, across this process's sockets: one user cannot hold the server's sockets or streams.
  const connectionsOf = new Map<string, number>();
  const subscriptionsOf = new Map<string, number>();
  const bump = (counts: Map<string, number>, userId: string, by: number) => {
    const next = (counts.get(userId) ?? 0) + by;
    if (next > 0) counts.set(userId, next);
    else counts.delete(userId);
  };

  const documents = new DocumentCache(options.limits.maxTokens);
  /** GraphQL's rules and the limit rules, once per document (see DocumentCache). */
  const validationErrors = (schema: GraphQLSchema, document: DocumentNode): GraphQLError[] => {
    const run = () =>
      validate(schema, document, [...specifiedRules, ...limitRules(options.limits)]).map((e) =>
        // Apollo marks GraphQL's own validation errors with this code; graphql-ws does not.
        e.extensions?.code
          ? e
          : new GraphQLError(options.hideSchemaDetails ? e.message.replace(/ ?Did you mean .*$/, '') : e.message, {
              nodes: e.nodes,
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
      );
    return schema === options.schema ? [...documents.validate(document, run)] : run();
  };
  const spans = new GraphqlWsSpans(options.tracer);

  // This process's authenticated sockets per user, so an ended session's sockets can be closed.
  const socketsOf = new Map<string, Set<{ sessionId: string; socket: { close(code: number, reason: string): void } }>>();
  const revocations = closeEndedSessions(options.events, socketsOf, logger);

  const serverCleanup = useServer(
    {
      schema: options.schema,
      parse: (source) => documents.parse(typeof source === 'string' ? source : source.body),
      connectionInitWaitTimeout: 3000,
      jsonMessageReviver: wellFormedReviver,
      // Events of plain subscriptions (chatEvents) shaped by a plan made once per document, not executed one by one.
      subscribe: subscribeWithEventPlans,
      // Same limits as HTTP: depth and aliases in validation, tokens checked before graphql-ws parses.
      validate: (schema, document) => validationErrors(schema, document),
      onSubscribe: (ctx, id, payload) => {
        spans.subscribed(ctx.extra, id);
        let document: DocumentNode;
        try {
          // Parsed here (with the token limit) and kept for graphql-ws's own parse of it.
          document = documents.parse(payload.query);
        } catch (err) {
          return [new GraphQLError(err instanceof Error ? err.message : 'Invalid query', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        // Validated first (as over HTTP, where the cost is priced after validation): the depth,
        // alias and fragment-cycle rules bound the walk the pricing does; an abusive document
        // priced before them held the event loop for seconds. Cached, so graphql-ws's own
        // validation of it costs nothing more.
        const invalid = validationErrors(options.schema, document);
        if (invalid.length > 0) return invalid;
        // The cost limit priced with the variables sent (validation only sees a lower bound), as over HTTP.
        const tooCostly = checkOperationCost(options.schema, document, payload.operationName, payload.variables, options.limits.maxCost);
        if (tooCostly) return [tooCostly];
        const userId = state.get(ctx.extra)?.userId;
        if (userId && (subscriptionsOf.get(userId) ?? 0) >= options.caps.maxSubscriptionsPerUser) {
          return [
            new GraphQLError(`At most ${options.caps.maxSubscriptionsPerUser} open subscriptions per user`, {
              extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: options.caps.maxSubscriptionsPerUser },
            }),
          ];
        }
        return undefined;
      },
      onConnect: async (ctx) => {
        const token = tokenFrom(ctx.connectionParams);
        if (!token) return false;
        let userId: string;
        let sessionId: string;
        try {
          // Only the ids are kept: the principal's entities (and their EntityManager) are per operation.
          const principal = await contexts.authenticate(token);
          userId = principal.user.id;
          sessionId = principal.sessionId;
        } catch {
          return false;
        }
        if ((connectionsOf.get(userId) ?? 0) >= options.caps.maxConnectionsPerUser) {
          ctx.extra.socket.close(4429, 'Too many connections for this user');
          return false;
        }
        const s = stateOf(ctx.extra);
        s.userId = userId;
        s.sessionId = sessionId;
        s.token = token;
        let sockets = socketsOf.get(userId);
        if (!sockets) socketsOf.set(userId, (sockets = new Set()));
        sockets.add({ sessionId, socket: ctx.extra.socket });
        bump(connectionsOf, userId, 1);
        metrics.openConnections.inc();
        return true;
      },
      onClose: (ctx) => {
        const s = state.get(ctx.extra);
        if (!s?.userId) return;
        const sockets = socketsOf.get(s.userId);
        for (const entry of sockets ?? []) if (entry.socket === ctx.extra.socket) sockets!.delete(entry);
        if (sockets?.size === 0) socketsOf.delete(s.userId);
        bump(connectionsOf, s.userId, -1);
        bump(subscriptionsOf, s.userId, -s.subscriptions.size);
        metrics.openConnections.dec();
        metrics.openSubscriptions.dec(s.subscriptions.size);
        spans.closed(ctx.extra);
        s.subscriptions.clear();
      },
      context: async (ctx) => {
        const s = stateOf(ctx.extra);
        return contexts.create({ requestId: randomUUID(), token: s.token, clientAddress: ctx.extra.request.socket.remoteAddress });
      },
      onOperation: (ctx, id, _payload, args, result) => {
        const label = operationLabel(args.document, args.operationName);
        const { name, type } = label;
        spans.executing(ctx.extra, id, label);
        const isStream = Symbol.asyncIterator in Object(result);
        const failed = !isStream && Boolean((result as { errors?: unknown[] }).errors?.length);
        metrics.recordOperation(name, type, failed ? 'error' : 'ok', 0);
        if (isStream) {
          const s = stateOf(ctx.extra);
          s.subscriptions.add(id);
          if (s.userId) bump(subscriptionsOf, s.userId, 1);
          metrics.openSubscriptions.inc();
        }
      },
      onComplete: (ctx, id) => {
        spans.ended(ctx.extra, id);
        const s = state.get(ctx.extra);
        if (!s?.subscriptions.delete(id)) return;
        if (s.userId) bump(subscriptionsOf, s.userId, -1);
        metrics.openSubscriptions.dec();
      },
      onNext: (ctx, id, _payload, _args, result) => {
        spans.sent(ctx.extra, id);
        if (!result.errors?.length) return result;
        const errors = result.errors.map((e) => formatAndCount(e, metrics, logger));
        spans.failed(ctx.extra, id, errors.map((e) => String(e.extensions?.code ?? 'INTERNAL')));
        return { ...result, errors };
      },
      // An operation refused before it ran (parse, validation, limits) or a stream that failed: either ends it.
      onError: (ctx, id, _payload, errors) => {
        const formatted = errors.map((e) => formatAndCount(e, metrics, logger));
        spans.failed(ctx.extra, id, formatted.map((e) => String(e.extensions?.code ?? 'INTERNAL')));
        spans.ended(ctx.extra, id);
        return formatted.map((e) => new GraphQLError(e.message, { extensions: e.extensions }));
      },
    },
    wss,
  );

  return {
    wss,
    openSubscriptionCount: () => metrics.openSubscriptions.get().then((m) => m.values[0]?.value ?? 0),
    /** Closes every connection (1001 Going Away) and stops the websocket server. */
    dispose: async () => {
      await revocations.stop();
      await serverCleanup.dispose();
    },
  };
}

/**
 * Listens for ended sessions (logout, refresh-token reuse, account erasure) on any instance
 * and closes this process's sockets of those sessions with 4403, which ends their open
 * subscriptions at once (graphql-ws clients treat 4403 as final and do not reconnect).
 */
function closeEndedSessions(
  events: EventBus,
  socketsOf: Map<string, Set<{ sessionId: string; socket: { close(code: number, reason: string): void } }>>,
  logger: Logger,
): { stop(): Promise<void> } {
  const subscription = events.subscribe<SessionRevocationNotice>(SESSION_REVOCATIONS_TOPIC);
  const listening = (async () => {
    for await (const notice of await subscription) {
      for (const entry of [...(socketsOf.get(notice.userId) ?? [])]) {
        if (notice.sessionId === null || entry.sessionId === notice.sessionId) entry.socket.close(4403, 'Session has ended');
      }
    }
  })().catch((err: unknown) => logger.error({ err }, 'stopped listening for ended sessions: their websockets stay open until they next authenticate'));
  return {
    async stop() {
      await (await subscription.catch(() => null))?.return?.();
      await listening;
    },
  };
}

function formatAndCount(error: GraphQLError, metrics: Metrics, logger: Logger) {
  const formatted = formatError(error.toJSON(), error);
  metrics.errors.inc({ code: String(formatted.extensions?.code) });
  if (isInternal(error)) logger.error({ err: error.originalError ?? error }, 'internal error in subscription');
  return formatted;
}
