import { createApp } from '../../composition-root';
import { loadConfig } from '../../config/load-config';
import { startWorker } from '../../jobs/worker';
import { startWorkerHttp } from '../../jobs/worker-http';
import { untilSignal } from './run-until-signal';

/** `soullink worker`: runs background jobs until SIGTERM, then finishes the current ones. Serves /healthz, /readyz, /metrics on WORKER_METRICS_PORT. */
export async function workerCommand(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const http = await startWorkerHttp(app.services, config.workerHttp ?? { host: '127.0.0.1', port: 4001 });
  const worker = await startWorker(app.services);
  const signal = await untilSignal();
  app.services.logger.info({ signal }, 'worker shutting down');
  await worker.close();
  await http.close();
  await app.close();
}
