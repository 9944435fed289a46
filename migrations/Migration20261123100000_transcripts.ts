import { Migration } from '@mikro-orm/migrations';

/**
 * The embedded transcript store (src/stores/transcripts/postgres-transcript-store.ts): every
 * chat message, simulation turn and imported chat-log line, plus one seq counter per
 * conversation. No foreign key to users: in production transcripts live in MongoDB, so
 * erasure goes through TranscriptStore.deleteByOwner on every engine alike.
 */
export class Migration20261123100000_transcripts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "transcript_messages" ("id" uuid not null, "owner_id" uuid not null, "conversation_id" text not null, "kind" text not null, "batch_id" text not null, "dedupe_key" text not null, "seq" bigint not null, "sender" text not null, "role" text not null, "text" text not null, "sent_at" timestamptz not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), constraint "transcript_messages_pkey" primary key ("id"), constraint "transcript_messages_kind_check" check ("kind" in ('IMPORT', 'CHAT', 'SIMULATION')), constraint "transcript_messages_role_check" check ("role" in ('persona', 'user', 'other', 'system', 'agent')), constraint "transcript_messages_seq_check" check ("seq" > 0));`);
    this.addSql(`alter table "transcript_messages" add constraint "transcript_messages_conversation_id_dedupe_key_unique" unique ("conversation_id", "dedupe_key");`);
    this.addSql(`alter table "transcript_messages" add constraint "transcript_messages_conversation_id_seq_unique" unique ("conversation_id", "seq");`);
    this.addSql(`create index "transcript_messages_owner_id_index" on "transcript_messages" ("owner_id");`);

    this.addSql(`create table "transcript_seq_counters" ("conversation_id" text not null, "last_seq" bigint not null, constraint "transcript_seq_counters_pkey" primary key ("conversation_id"), constraint "transcript_seq_counters_last_seq_check" check ("last_seq" >= 0));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "transcript_seq_counters";`);
    this.addSql(`drop table if exists "transcript_messages";`);
  }

}
