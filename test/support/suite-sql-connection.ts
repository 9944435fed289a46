import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/stores/postgres/create-orm';
import type { SqlExecutor } from '../../src/stores/postgres/sql-executor';

/**
 * A bare SQL connection (no entities) to the run's test database, which globalSetup migrated,
 * for a store adapter's suite: opened before the suite's tests, closed after them. Call it in
 * the describe block; `db` is the connection while the tests run.
 */
export function suiteSqlConnection(url: string): { readonly db: SqlExecutor } {
  let orm: MikroORM | undefined;
  beforeAll(async () => {
    const options = ormOptions({ clientUrl: url, entities: [], migrations: [] });
    orm = await MikroORM.init({ ...options, discovery: { requireEntitiesArray: true, warnWhenNoEntities: false } });
  });
  afterAll(() => orm?.close(true));
  return {
    get db(): SqlExecutor {
      if (!orm) throw new Error('suiteSqlConnection: the connection opens in beforeAll; use it inside a test or hook');
      return orm.em.getConnection();
    },
  };
}
