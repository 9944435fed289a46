import { Migration } from '@mikro-orm/migrations';

/**
 * Live chats: sessions (policy, fork parent, memory watermark, reply lease, share token
 * hash) and their messages' order, status and versions. Message text is not here: it lives
 * in the transcript store under (session id, message id).
 */
export class Migration20261123130000_chats extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "chat_policy" as enum ('ENQUEUE', 'INTERRUPT', 'REJECT', 'ROLLBACK');`);
    this.addSql(`create type "chat_role" as enum ('USER', 'PARTNER');`);
    this.addSql(`create type "chat_message_status" as enum ('SENT', 'QUEUED', 'STREAMING', 'COMPLETE', 'INTERRUPTED', 'DISCARDED', 'FAILED');`);
    this.addSql(`create table "chat_sessions" ("id" uuid not null, "owner_id" uuid not null, "persona_id" uuid not null, "scenario_id" varchar(100) null, "title" varchar(120) null, "title_by_user" boolean not null default false, "policy" "chat_policy" not null default 'ENQUEUE', "parent_id" uuid null, "forked_from_message_id" uuid null, "message_seq" int not null default 0, "message_count" int not null default 0, "memory_seq" int not null default 0, "event_seq" int not null default 0, "reply_lease_until" timestamptz null, "reply_lease_owner" varchar(80) null, "share_token_hash" varchar(64) null, "shared_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "last_activity_at" timestamptz not null, constraint "chat_sessions_pkey" primary key ("id"));`);
    this.addSql(`alter table "chat_sessions" add constraint "chat_sessions_share_token_hash_unique" unique ("share_token_hash");`);
    this.addSql(`create index "chat_sessions_owner_id_last_activity_at_index" on "chat_sessions" ("owner_id", "last_activity_at");`);
    this.addSql(`create table "chat_messages" ("id" uuid not null, "session_id" uuid not null, "seq" int not null, "version" int not null default 1, "role" "chat_role" not null, "status" "chat_message_status" not null, "active" boolean not null default true, "reply_to" uuid null, "client_message_id" varchar(100) null, "token_count" int not null default 0, "degraded" boolean not null default false, "created_at" timestamptz not null, "completed_at" timestamptz null, constraint "chat_messages_pkey" primary key ("id"));`);
    this.addSql(`create index "chat_messages_session_id_status_index" on "chat_messages" ("session_id", "status");`);
    this.addSql(`alter table "chat_messages" add constraint "chat_messages_session_id_client_message_id_unique" unique ("session_id", "client_message_id");`);
    this.addSql(`alter table "chat_messages" add constraint "chat_messages_session_id_seq_version_unique" unique ("session_id", "seq", "version");`);
    // Replies waiting to be written: the orphan sweep reads only these.
    this.addSql(`create index "chat_messages_pending_index" on "chat_messages" ("session_id") where "status" in ('QUEUED', 'STREAMING');`);
    this.addSql(`alter table "chat_sessions" add constraint "chat_sessions_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "chat_sessions" add constraint "chat_sessions_persona_id_foreign" foreign key ("persona_id") references "personas" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "chat_sessions" add constraint "chat_sessions_parent_id_foreign" foreign key ("parent_id") references "chat_sessions" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "chat_messages" add constraint "chat_messages_session_id_foreign" foreign key ("session_id") references "chat_sessions" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "chat_messages" cascade;`);
    this.addSql(`drop table if exists "chat_sessions" cascade;`);
    this.addSql(`drop type if exists "chat_message_status";`);
    this.addSql(`drop type if exists "chat_role";`);
    this.addSql(`drop type if exists "chat_policy";`);
  }

}
