import type { MikroORM } from '@mikro-orm/postgresql';
import type { DependencyHealth, HealthCheck } from '../../ports/health-check.port';
import { withTimeout } from '../shared/with-timeout';

export class PostgresHealth implements HealthCheck {
  readonly name = 'postgres' as const;

  constructor(
    private readonly orm: MikroORM,
    private readonly mode: 'embedded' | 'external',
  ) {}

  async check(): Promise<DependencyHealth> {
    try {
      await withTimeout(this.orm.em.getConnection().execute('select 1'), 2000);
      return { status: 'ok', mode: this.mode };
    } catch (err) {
      return { status: 'down', mode: this.mode, detail: (err as Error).message.slice(0, 200) };
    }
  }
}
