import { startBenchServices } from './bench-app';

export interface BenchDatabase {
  /** A fresh database with every committed migration applied. */
  url: string;
  /** Redis on this machine, when there is one (the benchmarks' main figures do not use it). */
  redisUrl: string | undefined;
  drop(): Promise<void>;
}

/** The streaming benchmarks' view of startBenchServices: a fresh, migrated database (and Redis). */
export async function createBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const services = await startBenchServices(prefix);
  return { url: services.databaseUrl, redisUrl: services.redisUrl, drop: () => services.close() };
}
