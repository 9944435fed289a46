import { createApp } from '../../composition-root';
import { loadConfig } from '../../config/load-config';
import { startWorker } from '../../jobs/worker';
import { untilSignal } from './run-until-signal';

/** `soullink worker`: runs background jobs until SIGTERM, then finishes the current ones. */
export async function workerCommand(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const worker = await startWorker(app.services);
  const signal = await untilSignal();
  app.services.logger.info({ signal }, 'worker shutting down');
  await worker.close();
  await app.close();
}
