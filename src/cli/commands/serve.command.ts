import { buildAppSchema } from '../../../graphql/build-schema';
import { createApp } from '../../composition-root';
import { loadConfig } from '../../config/load-config';
import { startApiServer } from '../../server/api-server';
import { startWorker } from '../../jobs/worker';
import { untilSignal } from './run-until-signal';
import { warmTokenCounter } from '../../llm/tokens/token-counter';

/** `soullink serve`: the API process; SIGTERM drains it gracefully. */
export async function serveCommand(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  // Without Redis, jobs run in this process: start their schedules here too.
  const worker = app.services.jobs.mode === 'in-process' ? await startWorker(app.services) : undefined;
  // Before the first request, not inside the first reply (see warmTokenCounter).
  warmTokenCounter();
  const server = await startApiServer(app.services, await buildAppSchema());
  const signal = await untilSignal();
  app.services.logger.info({ signal }, 'shutting down');
  await server.close();
  await worker?.close();
  await app.close();
}
