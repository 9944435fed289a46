import { QueryPrecheck } from './query-precheck';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { GraphQLContext } from '../../graphql/context.type';
import { formatError } from '../../graphql/format-error';
import { limitRules } from '../../graphql/limits/validation-rules';
import { costLimitPlugin } from '../../graphql/limits/cost-limit.plugin';
import type { AppServices } from '../app-services';
import { ContextFactory, requestIdFrom } from './context-factory';
import { CorsPolicy } from './cors';
import { explorerRoute } from './explorer/explorer.route';
import { graphqlHttpHandler } from './graphql-http-handler';
import { attachGraphqlWs } from './graphql-ws-server';
import { observabilityPlugin } from './observability-plugin';
import { graphqlTracingPlugin } from '../observability/graphql-tracing.plugin';
import { traceHttp } from '../observability/http-tracing';
import { rateLimitedStatusPlugin } from './rate-limited-status.plugin';
import { copyOfSchema } from './schema-copy';
import { checkReadiness } from './readiness';
import { studyDatasetUploadRoute } from './study-dataset-upload.route';
import { mediaUploadRoute } from './media-upload.route';

export interface RunningApiServer {
  url: string;
  port: number;
  /** The GraphiQL explorer's page (GRAPHQL_EXPLORER), or undefined when it is off. */
  explorerUrl?: string;
  /** Graceful stop: refuse new work, let requests and streams finish up to `graceMs`, then cut. */
  close(graceMs?: number): Promise<void>;
}

/**
 * The API process: GraphQL over HTTP and graphql-ws on the same port and path, plus
 * /healthz (liveness), /readyz (per-dependency readiness) and /metrics (Prometheus).
 */
export async function startApiServer(services: AppServices, schema: GraphQLSchema): Promise<RunningApiServer> {
  const { config, metrics, logger } = services;
  const contexts = new ContextFactory(services);
  const apollo = new ApolloServer<GraphQLContext>({
    // Its own copy: Apollo wraps every field's resolve in the schema it is given (see copyOfSchema).
    schema: copyOfSchema(schema),
    introspection: config.http.introspection,
    includeStacktraceInErrorResponses: false,
    // No "Did you mean …?" hints that map the schema for an attacker, where introspection is off too.
    hideSchemaDetailsFromClientErrors: config.isProduction,
    // Stated rather than inherited: a non-JSON POST or a GET without a preflight header is refused.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    formatError,
    parseOptions: { maxTokens: config.queryLimits.maxTokens },
    validationRules: limitRules(config.queryLimits),
    // Apollo's own landing page loads Sandbox from a CDN; the self-hosted explorer replaces it.
    plugins: [
      observabilityPlugin(metrics),
      graphqlTracingPlugin(services.tracer),
      costLimitPlugin<GraphQLContext>(config.queryLimits.maxCost),
      rateLimitedStatusPlugin(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  const handleGraphql = graphqlHttpHandler(apollo, contexts, config.http.maxBodyBytes, new QueryPrecheck(schema, config.queryLimits));
  const handleStudyUpload = studyDatasetUploadRoute(services, contexts);
  const handleMedia = mediaUploadRoute(services, contexts);
  const cors = new CorsPolicy(config.http.corsOrigins);
  const explorer = config.http.explorer ? explorerRoute(config.http.graphqlPath) : undefined;
  let draining = false;

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    if (cors.handle(req, res)) return;
    if (explorer?.handle(req, res, url)) return;
    if (url.pathname === config.http.graphqlPath) {
      if (draining) res.setHeader('connection', 'close');
      return handleGraphql(req, res, url, requestId);
    }
    if (await handleStudyUpload(req, res, url)) return;
    if (await handleMedia(req, res, url)) return;
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    switch (url.pathname) {
      case '/healthz':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
        return;
      case '/readyz': {
        const report = await checkReadiness(services.healthChecks);
        const status = draining ? 'unavailable' : report.status;
        res
          .writeHead(status === 'unavailable' ? 503 : 200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ...report, status }));
        return;
      }
      case '/metrics':
        res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(await metrics.registry.metrics());
        return;
      default:
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
    }
  };

  const httpServer = createServer(
    traceHttp(services.tracer, config.http.graphqlPath, (req, res) =>
      route(req, res).catch((err: unknown) => {
        logger.error({ err }, 'unhandled error in HTTP handler');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL' } }] }));
      }),
    ),
  );
  // Slow-loris guard: a client must send its headers promptly.
  httpServer.headersTimeout = 10_000;
  httpServer.requestTimeout = 60_000;
  const ws = attachGraphqlWs({
    httpServer,
    path: config.http.graphqlPath,
    schema,
    contexts,
    metrics,
    logger,
    limits: config.queryLimits,
    caps: config.websocket,
    hideSchemaDetails: config.isProduction,
    isDraining: () => draining,
    allowsUpgrade: (req) => cors.allowsUpgrade(req),
    events: services.events,
    tracer: services.tracer,
  });

  httpServer.listen(config.http.port, config.http.host);
  await once(httpServer, 'listening');
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.http.host}:${port}${config.http.graphqlPath}`;
  logger.info({ url, explorer: Boolean(explorer), corsOrigins: config.http.corsOrigins }, 'SoulLink API listening');

  return {
    url,
    port,
    explorerUrl: explorer ? url : undefined,
    async close(graceMs = config.http.shutdownGraceMs) {
      draining = true;
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      // New websocket upgrades are refused; open streams get until the deadline to finish.
      const deadline = Date.now() + graceMs;
      while (Date.now() < deadline && (await ws.openSubscriptionCount()) > 0) {
        await new Promise((r) => setTimeout(r, 100));
      }
      await ws.dispose();
      const cut = setTimeout(() => httpServer.closeAllConnections(), Math.max(0, deadline - Date.now()));
      await closed;
      clearTimeout(cut);
      await apollo.stop();
      logger.info('SoulLink API stopped');
    },
  };
}
