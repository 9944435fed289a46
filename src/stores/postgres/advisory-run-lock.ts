import { Client } from 'pg';
import type { RunLock } from '../../ports/run-lock.port';

/**
 * Run locks as PostgreSQL session advisory locks on a dedicated connection: if the holding
 * process dies (even kill -9), its connection drops and PostgreSQL releases the lock.
 */
export class AdvisoryRunLock implements RunLock {
  constructor(
    private readonly databaseUrl: string,
    /** Told when a held lock's connection breaks (PostgreSQL restarted, the session was terminated). */
    private readonly onLost: (err: Error, key: string) => void = () => undefined,
  ) {}

  async tryAcquire(key: string, onLost?: (err: Error) => void): Promise<(() => Promise<void>) | null> {
    const client = new Client({ connectionString: this.databaseUrl });
    // Without a listener a broken connection's 'error' would end the process. The lock is gone
    // with the session: the holder is told, and stops writing (another process may take the run).
    client.on('error', (err) => {
      this.onLost(err, key);
      onLost?.(err);
    });
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
