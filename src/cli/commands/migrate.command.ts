import { openDatabase } from '../../composition-root';
import { loadConfig } from '../../config/load-config';

/** `soullink migrate`: applies pending migrations (production runs this before rollout). Opens only the database. */
export async function migrateCommand(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase({ ...config, postgres: { ...config.postgres, migrateOnStart: false } });
  try {
    const applied = await db.orm.migrator.up();
    process.stdout.write(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}\n` : 'No pending migrations.\n');
  } finally {
    await db.close();
  }
}

/**
 * `soullink migrate:create <name>`: brings the database up to the committed migrations, then
 * writes migrations/Migration<ts>_<name>.ts from the difference between it and the entities.
 */
export async function migrationCreateCommand(name: string, options: { path?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string | undefined> {
  if (!/^[\w-]{1,80}$/.test(name)) throw new TypeError('the migration name is letters, digits, "_" or "-" (e.g. add_user_locale)');
  const config = loadConfig(options.env);
  const db = await openDatabase({ ...config, postgres: { ...config.postgres, migrateOnStart: true } });
  try {
    const result = await db.orm.migrator.createMigration(options.path ?? 'migrations', false, false, name);
    process.stdout.write(result.fileName ? `Wrote ${options.path ?? 'migrations'}/${result.fileName}; add its class to migrations/index.ts\n` : 'No changes: the entities match the migrations.\n');
    return result.fileName || undefined;
  } finally {
    await db.close();
  }
}
