import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { GraphQLError, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import type { QueryLimits } from '../../graphql/limits/query-limits';
import { limitRules } from '../../graphql/limits/validation-rules';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { formatError, isInternal } from '../../graphql/format-error';
import { operationLabel } from '../../graphql/operation-label';
import type { Principal } from '../domain/accounts/authenticate';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { bearerToken, type ContextFactory } from './context-factory';
import { wellFormedReviver } from './well-formed-strings';

interface ConnectionState {
  principal?: Principal;
  token?: string;
  /** Ids of this connection's open subscriptions, for the gauge. */
  subscriptions: Set<string>;
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

  const serverCleanup = useServer(
    {
      schema: options.schema,
      connectionInitWaitTimeout: 3000,
      jsonMessageReviver: wellFormedReviver,
      // Same limits as HTTP: depth and aliases in validation, tokens checked before graphql-ws parses.
      validate: (schema, document) =>
        validate(schema, document, [...specifiedRules, ...limitRules(options.limits)]).map((e) =>
          // Apollo marks GraphQL's own validation errors with this code; graphql-ws does not.
          e.extensions?.code
            ? e
            : new GraphQLError(options.hideSchemaDetails ? e.message.replace(/ ?Did you mean .*$/, '') : e.message, {
                nodes: e.nodes,
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
              }),
        ),
      onSubscribe: (ctx, _id, payload) => {
        try {
          parse(payload.query, { maxTokens: options.limits.maxTokens });
        } catch (err) {
          return [new GraphQLError(err instanceof Error ? err.message : 'Invalid query', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const userId = state.get(ctx.extra)?.principal?.user.id;
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
        let principal: Principal;
        try {
          principal = await contexts.authenticate(token);
        } catch {
          return false;
        }
        if ((connectionsOf.get(principal.user.id) ?? 0) >= options.caps.maxConnectionsPerUser) {
          ctx.extra.socket.close(4429, 'Too many connections for this user');
          return false;
        }
        const s = stateOf(ctx.extra);
        s.principal = principal;
        s.token = token;
        bump(connectionsOf, principal.user.id, 1);
        metrics.openConnections.inc();
        return true;
      },
      onClose: (ctx) => {
        const s = state.get(ctx.extra);
        if (!s?.principal) return;
        bump(connectionsOf, s.principal.user.id, -1);
        bump(subscriptionsOf, s.principal.user.id, -s.subscriptions.size);
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
          if (s.principal) bump(subscriptionsOf, s.principal.user.id, 1);
          metrics.openSubscriptions.inc();
        }
      },
      onComplete: (ctx, id) => {
        const s = state.get(ctx.extra);
        if (!s?.subscriptions.delete(id)) return;
        if (s.principal) bump(subscriptionsOf, s.principal.user.id, -1);
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
