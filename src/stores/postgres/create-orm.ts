import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { EntityClass } from '@mikro-orm/core';
import type { MigrationObject } from '@mikro-orm/core';
import type { Logger } from '../../observability/logger';

export interface OrmOptions {
  clientUrl: string;
  entities: EntityClass<unknown>[];
  migrations: MigrationObject[];
  logger: Logger;
  poolMax?: number;
  /**
   * MikroORM's onQuery hook, set here once for the ORM's life (never replaced at run time):
   * sees every statement the ORM sends and returns the one to run.
   */
  onQuery?: (sql: string, params: unknown[]) => string;
}

/** MikroORM options shared by the app and the MikroORM CLI config. */
export function ormOptions(options: Omit<OrmOptions, 'logger'> & { logger?: Logger }): Options {
  return {
    clientUrl: options.clientUrl,
    entities: options.entities,
    extensions: [Migrator],
    forceUtcTimezone: true,
    // Entities are discovered from explicit classes; no folder scanning at runtime.
    discovery: { requireEntitiesArray: true },
    pool: { min: 0, max: options.poolMax ?? 10 },
    debug: false,
    logger: (message) => options.logger?.debug({ component: 'mikro-orm' }, message),
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
    migrations: {
      migrationsList: options.migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      path: 'migrations',
      pathTs: 'migrations',
      emit: 'ts',
    },
  };
}

export async function createOrm(options: OrmOptions): Promise<MikroORM> {
  return MikroORM.init(ormOptions(options));
}
