import { MongoClient } from 'mongodb';
import type { DependencyHealth, HealthCheck } from '../../ports/health-check.port';
import { withTimeout } from '../shared/with-timeout';

/** MongoDB readiness (transcripts). Unset MONGODB_URL: transcripts live in PostgreSQL. */
export class MongodbHealth implements HealthCheck {
  readonly name = 'mongodb' as const;

  constructor(private readonly client: MongoClient | undefined) {}

  async check(): Promise<DependencyHealth> {
    if (!this.client) return { status: 'not configured', detail: 'MONGODB_URL unset; transcripts use PostgreSQL' };
    try {
      await withTimeout(this.client.db('admin').command({ ping: 1 }), 2000);
      return { status: 'ok', mode: 'external' };
    } catch (err) {
      return { status: 'down', mode: 'external', detail: (err as Error).message.slice(0, 200) };
    }
  }
}

/** A lazily connecting client: the driver connects on first use and reconnects by itself. */
export function createMongoClient(url: string): MongoClient {
  return new MongoClient(url, { serverSelectionTimeoutMS: 2000, appName: 'soullink' });
}
