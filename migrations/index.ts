import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123082045_accounts } from './Migration20261123082045_accounts';
import { Migration20261123083938_usage_ledger } from './Migration20261123083938_usage_ledger';
import { Migration20261123084816_personas } from './Migration20261123084816_personas';
import { Migration20261123092019_simulations } from './Migration20261123092019_simulations';
import { Migration20261123100000_transcripts } from './Migration20261123100000_transcripts';
import { Migration20261123101000_custom_scenarios } from './Migration20261123101000_custom_scenarios';
import { Migration20261123110000_memories } from './Migration20261123110000_memories';
import { Migration20261123130000_chats } from './Migration20261123130000_chats';
import { Migration20261123140000_user_data_keys } from './Migration20261123140000_user_data_keys';
import { Migration20261123150000_access_audit } from './Migration20261123150000_access_audit';
import { Migration20261204200000_validation_studies } from './Migration20261204200000_validation_studies';
import { Migration20261204210000_media } from './Migration20261204210000_media';
import { Migration20261204220000_seal_style_text } from './Migration20261204220000_seal_style_text';
import { Migration20261204230000_account_self_service } from './Migration20261204230000_account_self_service';
import { Migration20261205000000_keyset_indexes } from './Migration20261205000000_keyset_indexes';

/**
 * Every migration, in order. Listed explicitly so the compiled app and the TS test run
 * find the same set without scanning folders. `soullink migration-create <name>` writes a
 * new file; add it here.
 */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123082045_accounts', class: Migration20261123082045_accounts },
  { name: 'Migration20261123083938_usage_ledger', class: Migration20261123083938_usage_ledger },
  { name: 'Migration20261123084816_personas', class: Migration20261123084816_personas },
  { name: 'Migration20261123092019_simulations', class: Migration20261123092019_simulations },
  { name: 'Migration20261123100000_transcripts', class: Migration20261123100000_transcripts },
  { name: 'Migration20261123101000_custom_scenarios', class: Migration20261123101000_custom_scenarios },
  { name: 'Migration20261123110000_memories', class: Migration20261123110000_memories },
  { name: 'Migration20261123130000_chats', class: Migration20261123130000_chats },
  { name: 'Migration20261123140000_user_data_keys', class: Migration20261123140000_user_data_keys },
  { name: 'Migration20261123150000_access_audit', class: Migration20261123150000_access_audit },
  { name: 'Migration20261204200000_validation_studies', class: Migration20261204200000_validation_studies },
  { name: 'Migration20261204210000_media', class: Migration20261204210000_media },
  { name: 'Migration20261204220000_seal_style_text', class: Migration20261204220000_seal_style_text },
  { name: 'Migration20261204230000_account_self_service', class: Migration20261204230000_account_self_service },
  { name: 'Migration20261205000000_keyset_indexes', class: Migration20261205000000_keyset_indexes },
];
