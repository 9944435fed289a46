import { ensureTestServices } from './support/test-services';

/**
 * Jest globalSetup: make sure a real PostgreSQL and Redis are reachable before any suite
 * runs (start them if absent), create a fresh database for this run and migrate it.
 * What it found or started is handed to the suites through environment variables.
 */
export default async function globalSetup(): Promise<void> {
  await ensureTestServices();
}
