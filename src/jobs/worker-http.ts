import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppServices } from '../app-services';
import { checkReadiness } from '../server/readiness';

export interface WorkerHttpServer {
  /** http://host:port of the listening server. */
  url: string;
  close(): Promise<void>;
}

/**
 * The worker's own small HTTP server, so a process that serves no API can still be probed
 * and scraped: /healthz (alive), /readyz (its dependencies, 503 without PostgreSQL or while
 * stopping) and /metrics (Prometheus: jobs, queue depth, model calls, simulation progress).
 * It serves nothing else, and binds WORKER_METRICS_HOST (loopback by default).
 */
export async function startWorkerHttp(services: Pick<AppServices, 'metrics' | 'healthChecks' | 'logger'>, options: { host: string; port: number }): Promise<WorkerHttpServer> {
  const { metrics, healthChecks, logger } = services;
  let stopping = false;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const respond = async () => {
      if (req.method !== 'GET') return void res.writeHead(405).end();
      switch (path) {
        case '/healthz':
          return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', process: 'worker' }));
        case '/readyz': {
          const report = await checkReadiness(healthChecks);
          const status = stopping ? 'unavailable' : report.status;
          return void res.writeHead(status === 'unavailable' ? 503 : 200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...report, status }));
        }
        case '/metrics':
          return void res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(await metrics.registry.metrics());
        default:
          return void res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
      }
    };
    respond().catch((err: unknown) => {
      logger.error({ err, path }, 'worker HTTP handler failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'internal error' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  logger.info({ host: options.host, port }, 'worker serving /healthz, /readyz and /metrics');
  return {
    url: `http://${host}:${port}`,
    close: async () => {
      stopping = true;
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
