import { Migration } from '@mikro-orm/migrations';

/**
 * The embedded long-term memory store (src/stores/memory-store/postgres-memory-store.ts):
 * summaries, events and facts per (user, persona, agent view), each with its embedding as a
 * plain `real[]` (no pgvector: recall filters by user, persona and view first and scores
 * that small set in process). The scope index serves recall and listing; the partial unique
 * index keeps at most one current fact per key, so concurrent writers of the same fact
 * cannot both leave theirs current. No foreign key to users: in production memories live in
 * Weaviate, so erasure goes through MemoryStore.deleteByUser on every engine alike.
 */
export class Migration20261123110000_memories extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "memories" ("id" uuid not null, "user_id" text not null, "persona_id" text not null, "view" text not null, "kind" text not null, "text" text not null, "importance" smallint not null, "valid_from" timestamptz not null, "valid_to" timestamptz null, "source_message_ids" text[] not null default '{}', "vector" real[] not null, "fact_key" text null, "created_at" timestamptz not null default now(), constraint "memories_pkey" primary key ("id"), constraint "memories_view_check" check ("view" in ('partner', 'coach')), constraint "memories_kind_check" check ("kind" in ('SUMMARY', 'EVENT', 'FACT')), constraint "memories_importance_check" check ("importance" between 1 and 10), constraint "memories_vector_check" check (cardinality("vector") > 0), constraint "memories_validity_check" check ("valid_to" is null or "valid_to" >= "valid_from"));`);
    this.addSql(`create index "memories_scope_index" on "memories" ("user_id", "persona_id", "view", "valid_from" desc);`);
    this.addSql(`create unique index "memories_current_fact_unique" on "memories" ("user_id", "persona_id", "view", "fact_key") where "kind" = 'FACT' and "fact_key" is not null and "valid_to" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "memories";`);
  }

}
