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

  const serverCleanup = useServer(
    {
      schema: options.schema,
      connectionInitWaitTimeout: 3000,
      // Same limits as HTTP: depth and aliases in validation, tokens checked before graphql-ws parses.
      validate: (schema, document) =>
        validate(schema, document, [...specifiedRules, ...limitRules(options.limits)]).map((e) =>
          // Apollo marks GraphQL's own validation errors with this code; graphql-ws does not.
          e.extensions?.code ? e : new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
        ),
      onSubscribe: (_ctx, _id, payload) => {
        try {
          parse(payload.query, { maxTokens: options.limits.maxTokens });
        } catch (err) {
          return [new GraphQLError(err instanceof Error ? err.message : 'Invalid query', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        return undefined;
      },
      onConnect: async (ctx) => {
        const token = tokenFrom(ctx.connectionParams);
        if (!token) return false;
        try {
          const s = stateOf(ctx.extra);
          s.principal = await contexts.authenticate(token);
          s.token = token;
          metrics.openConnections.inc();
          return true;
        } catch {
          return false;
        }
      },
      onClose: (ctx) => {
        const s = state.get(ctx.extra);
        if (!s?.principal) return;
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
          stateOf(ctx.extra).subscriptions.add(id);
          metrics.openSubscriptions.inc();
        }
      },
      onComplete: (ctx, id) => {
        if (state.get(ctx.extra)?.subscriptions.delete(id)) metrics.openSubscriptions.dec();
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
