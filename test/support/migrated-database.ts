import 'reflect-metadata';
import { migrations } from '../../migrations';
import { entities } from '../../src/entities';
import { createLogger } from '../../src/observability/logger';
import { createOrm } from '../../src/stores/postgres/create-orm';
import { createDatabase } from './test-database';

/** A fresh database on the server behind `baseUrl` with the committed migrations applied, as production would have it. */
export async function migratedDatabase(baseUrl: string, prefix: string): Promise<string> {
  const url = await createDatabase(baseUrl, prefix);
  const orm = await createOrm({ clientUrl: url, entities, migrations, logger: createLogger('silent') });
  try {
    await orm.migrator.up();
  } finally {
    await orm.close(true);
  }
  return url;
}
