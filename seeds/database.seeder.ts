import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../src/domain/accounts/password-hasher';
import { User } from '../src/domain/accounts/user.entity';
import { Role } from '../src/domain/tiers';
import { DEMO_ACCOUNTS } from './demo-accounts';

/** Seeds demo data. Idempotent: existing rows are left as they are. */
export class DatabaseSeeder {
  async run(em: EntityManager): Promise<{ created: string[] }> {
    const created: string[] = [];
    for (const account of DEMO_ACCOUNTS) {
      if (await em.findOne(User, { email: account.email })) continue;
      em.create(User, {
        email: account.email,
        displayName: account.displayName,
        passwordHash: await hashPassword(account.password),
        role: Role[account.role],
      });
      created.push(account.email);
    }
    await em.flush();
    return { created };
  }
}
