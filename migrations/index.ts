import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123082045_accounts } from './Migration20261123082045_accounts';
import { Migration20261123083938_usage_ledger } from './Migration20261123083938_usage_ledger';

/**
 * Every migration, in order. Listed explicitly so the compiled app and the TS test run
 * find the same set without scanning folders. `soullink migration-create <name>` writes a
 * new file; add it here.
 */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123082045_accounts', class: Migration20261123082045_accounts },
  { name: 'Migration20261123083938_usage_ledger', class: Migration20261123083938_usage_ledger },
];
