import { dropDatabase } from './support/test-database';
import { stopTestServices } from './support/test-services';

export default async function globalTeardown(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) await dropDatabase(process.env.TEST_DATABASE_URL);
  await stopTestServices();
}
