import { MongoClient, MongoTopologyClosedError } from 'mongodb';
import type { DependencyHealth, HealthCheck } from '../../ports/health-check.port';
import { withTimeout } from '../shared/with-timeout';

/** MongoDB readiness (transcripts). Unset MONGODB_URL: transcripts live in PostgreSQL. */
export class MongodbHealth implements HealthCheck {
  readonly name = 'mongodb' as const;

  constructor(private readonly client: MongoClient | undefined) {}

  async check(): Promise<DependencyHealth> {
    if (!this.client) return { status: 'not configured', detail: 'MONGODB_URL unset; transcripts use PostgreSQL' };
    try {
      await withTimeout(this.ping(this.client), 2000);
      return { status: 'ok', mode: 'external' };
    } catch (err) {
      return { status: 'down', mode: 'external', detail: (err as Error).message.slice(0, 200) };
    }
  }

  /**
   * After a failed first connection the driver closes the client's topology for good: a ping
   * then connects again, so readiness turns ok once MongoDB is back.
   */
  private async ping(client: MongoClient): Promise<void> {
    try {
      await client.db('admin').command({ ping: 1 });
    } catch (err) {
      if (!(err instanceof MongoTopologyClosedError)) throw err;
      await client.connect();
      await client.db('admin').command({ ping: 1 });
    }
  }
}

/** A lazily connecting client: the driver connects on first use and reconnects by itself. */
export function createMongoClient(url: string): MongoClient {
  return new MongoClient(url, { serverSelectionTimeoutMS: 2000, appName: 'soullink' });
}
