import { Migration } from '@mikro-orm/migrations';

export class Migration20261123082045_accounts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "user_tier" as enum ('BASIC', 'PREMIUM', 'PROFESSIONAL');`);
    this.addSql(`create type "user_role" as enum ('USER', 'ANALYST', 'ADMIN');`);
    this.addSql(`create type "session_revocation" as enum ('LOGOUT', 'REFRESH_TOKEN_REUSED', 'ACCOUNT_DELETED');`);
    this.addSql(`create type "identity_provider" as enum ('GOOGLE', 'APPLE');`);
    this.addSql(`create table "users" ("id" uuid not null, "email" varchar(254) not null, "password_hash" text null, "display_name" varchar(80) not null, "tier" "user_tier" not null default 'BASIC', "role" "user_role" not null default 'USER', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "users_pkey" primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);
    this.addSql(`create index "users_role_index" on "users" ("role");`);

    this.addSql(`create table "auth_sessions" ("id" uuid not null, "user_id" uuid not null, "user_agent" varchar(200) null, "created_at" timestamptz not null, "last_used_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_reason" "session_revocation" null, constraint "auth_sessions_pkey" primary key ("id"));`);
    this.addSql(`create index "auth_sessions_user_id_index" on "auth_sessions" ("user_id");`);

    this.addSql(`create table "refresh_tokens" ("id" uuid not null, "session_id" uuid not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "refresh_tokens_pkey" primary key ("id"));`);
    this.addSql(`create index "refresh_tokens_session_id_index" on "refresh_tokens" ("session_id");`);
    this.addSql(`alter table "refresh_tokens" add constraint "refresh_tokens_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "user_identities" ("id" uuid not null, "user_id" uuid not null, "provider" "identity_provider" not null, "subject" varchar(255) not null, "created_at" timestamptz not null, constraint "user_identities_pkey" primary key ("id"));`);
    this.addSql(`create index "user_identities_user_id_index" on "user_identities" ("user_id");`);
    this.addSql(`alter table "user_identities" add constraint "user_identities_provider_subject_unique" unique ("provider", "subject");`);

    this.addSql(`alter table "auth_sessions" add constraint "auth_sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "refresh_tokens" add constraint "refresh_tokens_session_id_foreign" foreign key ("session_id") references "auth_sessions" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_identities" add constraint "user_identities_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "auth_sessions" drop constraint "auth_sessions_user_id_foreign";`);

    this.addSql(`alter table "user_identities" drop constraint "user_identities_user_id_foreign";`);

    this.addSql(`alter table "refresh_tokens" drop constraint "refresh_tokens_session_id_foreign";`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop table if exists "auth_sessions" cascade;`);

    this.addSql(`drop table if exists "refresh_tokens" cascade;`);

    this.addSql(`drop table if exists "user_identities" cascade;`);

    this.addSql(`drop type "user_tier";`);
    this.addSql(`drop type "user_role";`);
    this.addSql(`drop type "session_revocation";`);
    this.addSql(`drop type "identity_provider";`);
  }

}
