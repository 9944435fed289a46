import { createApp } from '../../composition-root';
import { loadConfig } from '../../config/load-config';

/** `soullink migrate`: applies pending migrations (production runs this before rollout). */
export async function migrateCommand(): Promise<void> {
  const config = loadConfig();
  const app = await createApp({ ...config, postgres: { ...config.postgres, migrateOnStart: false } });
  try {
    const applied = await app.services.orm.migrator.up();
    process.stdout.write(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}\n` : 'No pending migrations.\n');
  } finally {
    await app.close();
  }
}

/** `soullink migration-create <name>`: writes migrations/Migration<ts>_<name>.ts from the entity diff. */
export async function migrationCreateCommand(name: string): Promise<void> {
  const config = loadConfig();
  const app = await createApp({ ...config, postgres: { ...config.postgres, migrateOnStart: true } });
  try {
    const result = await app.services.orm.migrator.createMigration('migrations', false, false, name);
    process.stdout.write(result.fileName ? `Wrote migrations/${result.fileName}; add it to migrations/index.ts\n` : 'No changes.\n');
  } finally {
    await app.close();
  }
}
