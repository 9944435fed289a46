import { DatabaseSeeder } from '../../../seeds/database.seeder';
import { createApp } from '../../composition-root';
import { loadConfig } from '../../config/load-config';

/** `soullink seed`: inserts demo data (idempotent). */
export async function seedCommand(): Promise<void> {
  const app = await createApp(loadConfig());
  try {
    const { created } = await new DatabaseSeeder().run(app.services.orm.em.fork());
    process.stdout.write(created.length ? `Seeded: ${created.join(', ')}\n` : 'Demo data already present.\n');
  } finally {
    await app.close();
  }
}
