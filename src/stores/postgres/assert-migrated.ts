import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * The database lacks migrations this version needs (a fresh database, or an upgrade whose
 * `soullink migrate` has not run). Starting anyway would fail later on a missing table with a
 * raw driver error; this names the command that fixes it.
 */
export class DatabaseNotMigratedError extends Error {
  override readonly name = 'DatabaseNotMigratedError';

  constructor(readonly pending: string[]) {
    super(
      `The database is not migrated: ${pending.length} migration(s) pending (${pending.slice(0, 3).join(', ')}${pending.length > 3 ? ', …' : ''}).\n` +
        'Run `soullink migrate` (npm run migrate; in compose: docker compose run --rm migrate) before starting the API or the worker,\n' +
        'or set MIGRATE_ON_START=true to apply them at startup.',
    );
  }
}

/** Throws DatabaseNotMigratedError when a committed migration has not been applied. */
export async function assertMigrated(orm: MikroORM): Promise<void> {
  // Creates MikroORM's empty bookkeeping table on a fresh database, which `migrate` would create anyway.
  const pending = await orm.migrator.getPendingMigrations();
  if (pending.length > 0) throw new DatabaseNotMigratedError(pending.map((m) => m.name));
}
