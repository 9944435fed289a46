import { Migration } from '@mikro-orm/migrations';

/**
 * One btree index per connection's keyset order (src/domain/pagination/find-page.ts): the
 * owner or filter columns, then the sort key and its unique tie-breaker (`id`), in the
 * directions the list orders by. A page is then an index range scan that stops after `first`
 * rows, instead of a sort of every row the owner has. A mixed order (`created_at desc, id
 * asc`) needs the index in those directions; an all-descending one is the ascending index
 * read backwards. The earlier (owner_id, created_at) indexes are prefixes of these and stay
 * for now (other queries use them).
 */
export class Migration20261205000000_keyset_indexes extends Migration {

  override async up(): Promise<void> {
    // personas: owner, newest first (kind is an optional filter on a short list).
    this.addSql(`create index if not exists "personas_owner_id_created_at_id_index" on "personas" ("owner_id", "created_at", "id");`);
    // chatSessions: owner (optionally one partner persona), most recently active first.
    this.addSql(`create index if not exists "chat_sessions_owner_id_last_activity_at_id_index" on "chat_sessions" ("owner_id", "last_activity_at" desc, "id" asc);`);
    this.addSql(`create index if not exists "chat_sessions_owner_id_persona_id_last_activity_at_id_index" on "chat_sessions" ("owner_id", "persona_id", "last_activity_at" desc, "id" asc);`);
    // simulations: owner (optionally one partner persona), newest first.
    this.addSql(`create index if not exists "simulations_owner_id_created_at_id_index" on "simulations" ("owner_id", "created_at", "id");`);
    this.addSql(`create index if not exists "simulations_owner_id_partner_persona_id_created_at_id_index" on "simulations" ("owner_id", "partner_persona_id", "created_at", "id");`);
    // accessGrants (given) and sharedWithMe (received, in force only).
    this.addSql(`create index if not exists "access_grants_owner_id_created_at_id_index" on "access_grants" ("owner_id", "created_at", "id");`);
    this.addSql(`create index if not exists "access_grants_grantee_id_created_at_id_index" on "access_grants" ("grantee_id", "created_at", "id") where "revoked_at" is null;`);
    // auditEvents: by owner (myAuditEvents) or by actor (admins), newest first.
    this.addSql(`create index if not exists "audit_events_owner_id_at_id_index" on "audit_events" ("owner_id", "at", "id");`);
    this.addSql(`create index if not exists "audit_events_actor_id_at_id_index" on "audit_events" ("actor_id", "at", "id");`);
    // studyDatasets, studies, matchModels: owner, newest first, ties by id ascending.
    this.addSql(`create index if not exists "study_datasets_owner_id_created_at_id_index" on "study_datasets" ("owner_id", "created_at" desc, "id" asc);`);
    this.addSql(`create index if not exists "studies_owner_id_created_at_id_index" on "studies" ("owner_id", "created_at" desc, "id" asc);`);
    this.addSql(`create index if not exists "match_models_owner_id_created_at_version_id_index" on "match_models" ("owner_id", "created_at" desc, "version" desc, "id" asc);`);
    // personaProfiles pages by (persona_id, version): the persona_profiles_persona_id_version_unique constraint's index.
  }

  override async down(): Promise<void> {
    for (const index of [
      'personas_owner_id_created_at_id_index',
      'chat_sessions_owner_id_last_activity_at_id_index',
      'chat_sessions_owner_id_persona_id_last_activity_at_id_index',
      'simulations_owner_id_created_at_id_index',
      'simulations_owner_id_partner_persona_id_created_at_id_index',
      'access_grants_owner_id_created_at_id_index',
      'access_grants_grantee_id_created_at_id_index',
      'audit_events_owner_id_at_id_index',
      'audit_events_actor_id_at_id_index',
      'study_datasets_owner_id_created_at_id_index',
      'studies_owner_id_created_at_id_index',
      'match_models_owner_id_created_at_version_id_index',
    ]) {
      this.addSql(`drop index if exists "${index}";`);
    }
  }

}
