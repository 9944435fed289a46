import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { QueryLimits } from '../../graphql/limits/query-limits';
import { limitRules } from '../../graphql/limits/validation-rules';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { formatError, isInternal } from '../../graphql/format-error';
import { operationLabel } from '../../graphql/operation-label';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { bearerToken, type ContextFactory } from './context-factory';
import { wellFormedReviver } from './well-formed-strings';

interface ConnectionState {
  /** The authenticated user (the id only: each operation authenticates again with `token`). */
  userId?: string;
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
  limits: QueryLimits;
  /** Per-user caps: open connections, and subscriptions across them. */
  caps: { maxConnectionsPerUser: number; maxSubscriptionsPerUser: number };
  /** Production: no "Did you mean …?" hints in validation errors. */
  hideSchemaDetails: boolean;
}) {
  const { metrics, contexts, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  options.httpServer.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== options.path || options.isDraining()) {
      socket.destroy();
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

  const serverCleanup = useServer(
    {
      schema: options.schema,
      parse: (source) => documents.parse(typeof source === 'string' ? source : source.body),
      connectionInitWaitTimeout: 3000,
      jsonMessageReviver: wellFormedReviver,
      // Same limits as HTTP: depth and aliases in validation, tokens checked before graphql-ws parses.
      validate: (schema, document) => {
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
      },
      onSubscribe: (ctx, _id, payload) => {
        try {
          // Parsed here (with the token limit) and kept for graphql-ws's own parse of it.
          documents.parse(payload.query);
        } catch (err) {
          return [new GraphQLError(err instanceof Error ? err.message : 'Invalid query', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
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
        try {
          // Only the id is kept: the principal's entities (and their EntityManager) are per operation.
          userId = (await contexts.authenticate(token)).user.id;
        } catch {
          return false;
        }
        if ((connectionsOf.get(userId) ?? 0) >= options.caps.maxConnectionsPerUser) {
          ctx.extra.socket.close(4429, 'Too many connections for this user');
          return false;
        }
        const s = stateOf(ctx.extra);
        s.userId = userId;
        s.token = token;
        bump(connectionsOf, userId, 1);
        metrics.openConnections.inc();
        return true;
      },
      onClose: (ctx) => {
        const s = state.get(ctx.extra);
        if (!s?.userId) return;
        bump(connectionsOf, s.userId, -1);
        bump(subscriptionsOf, s.userId, -s.subscriptions.size);
        metrics.openConnections.dec();
        metrics.openSubscriptions.dec(s.subscriptions.size);
        s.subscriptions.clear();
      },
      context: async (ctx) => {
        const s = stateOf(ctx.extra);
        return contexts.create({ requestId: randomUUID(), token: s.token, clientAddress: ctx.extra.request.socket.remoteAddress });
      },
      onOperation: (ctx, id, _payload, args, result) => {
        const { name, type } = operationLabel(args.document, args.operationName);
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
        const s = state.get(ctx.extra);
        if (!s?.subscriptions.delete(id)) return;
        if (s.userId) bump(subscriptionsOf, s.userId, -1);
        metrics.openSubscriptions.dec();
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return result;
        return { ...result, errors: result.errors.map((e) => formatAndCount(e, metrics, logger)) };
      },
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((e) => {
          const formatted = formatAndCount(e, metrics, logger);
          return new GraphQLError(formatted.message, { extensions: formatted.extensions });
        }),
    },
    wss,
  );

  return {
    wss,
    openSubscriptionCount: () => metrics.openSubscriptions.get().then((m) => m.values[0]?.value ?? 0),
    /** Closes every connection (1001 Going Away) and stops the websocket server. */
    dispose: () => serverCleanup.dispose(),
  };
}

function formatAndCount(error: GraphQLError, metrics: Metrics, logger: Logger) {
  const formatted = formatError(error.toJSON(), error);
  metrics.errors.inc({ code: String(formatted.extensions?.code) });
  if (isInternal(error)) logger.error({ err: error.originalError ?? error }, 'internal error in subscription');
  return formatted;
}
