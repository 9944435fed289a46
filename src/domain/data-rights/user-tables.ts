/**
 * Every PostgreSQL table that holds a user's data, with how to find their rows. Export reads
 * them all; erasure checks against the same list, so a new table added here is covered by
 * both (and one missing here is missing from both: keep it complete).
 */
export interface UserTable {
  table: string;
  /** SQL condition with one `?` for the user id. */
  where: string;
  /** Secrets (hashes) that are not the user's data and never leave the server. */
  omit?: string[];
}

const OWN_PERSONAS = 'persona_id in (select id from personas where owner_id = ?)';
const OWN_SIMULATIONS = 'simulation_id in (select id from simulations where owner_id = ?)';

export const USER_TABLES: readonly UserTable[] = [
  { table: 'users', where: 'id = ?', omit: ['password_hash'] },
  { table: 'user_identities', where: 'user_id = ?' },
  { table: 'auth_sessions', where: 'user_id = ?' },
  { table: 'refresh_tokens', where: 'session_id in (select id from auth_sessions where user_id = ?)', omit: ['token_hash'] },
  { table: 'usage_records', where: 'user_id = ?' },
  { table: 'monthly_token_usage', where: 'user_id = ?' },
  { table: 'personas', where: 'owner_id = ?' },
  { table: 'chat_imports', where: OWN_PERSONAS },
  { table: 'persona_profiles', where: OWN_PERSONAS },
  { table: 'custom_scenarios', where: 'owner_id = ?' },
  { table: 'simulations', where: 'owner_id = ?' },
  { table: 'simulation_episodes', where: OWN_SIMULATIONS },
  { table: 'simulation_events', where: OWN_SIMULATIONS },
  { table: 'chat_sessions', where: 'owner_id = ?', omit: ['share_token_hash', 'reply_lease_owner'] },
  { table: 'chat_messages', where: 'session_id in (select id from chat_sessions where owner_id = ?)' },
  // Study datasets' sealed bytes are left out: they open only with the data key, and the
  // tables they came from are the analyst's own files.
  { table: 'study_datasets', where: 'owner_id = ?', omit: ['data', 'staged_people'] },
  { table: 'studies', where: 'owner_id = ?' },
  { table: 'match_models', where: 'owner_id = ?' },
  { table: 'persona_study_attributes', where: 'owner_id = ?' },
  // Files' bytes are in the object store: export adds them decrypted, erasure deletes them.
  { table: 'media_files', where: 'owner_id = ?', omit: ['analysis'] },
  { table: 'persona_voice_settings', where: OWN_PERSONAS },
  { table: 'access_grants', where: '?::uuid in (owner_id, grantee_id)' },
  // Who read your data (and what you read of others', as an analyst or admin).
  { table: 'audit_events', where: '?::uuid in (owner_id, actor_id)' },
];

/** Tables without a foreign key to users (usage is kept apart from accounts): erasure deletes them by id. */
export const UNLINKED_USER_TABLES: readonly UserTable[] = USER_TABLES.filter((t) => ['usage_records', 'monthly_token_usage', 'audit_events'].includes(t.table));
