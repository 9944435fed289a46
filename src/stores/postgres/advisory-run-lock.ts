import { Client } from 'pg';
import type { RunLock } from '../../ports/run-lock.port';

/**
 * Run locks as PostgreSQL session advisory locks on a dedicated connection: if the holding
 * process dies (even kill -9), its connection drops and PostgreSQL releases the lock.
 */
export class AdvisoryRunLock implements RunLock {
  constructor(private readonly databaseUrl: string) {}

  async tryAcquire(key: string): Promise<(() => Promise<void>) | null> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as locked', [key]);
      if (!rows[0]?.locked) {
        await client.end();
        return null;
      }
    } catch (err) {
      await client.end();
      throw err;
    }
    return async () => {
      await client.end(); // ending the session releases the lock
    };
  }
}
