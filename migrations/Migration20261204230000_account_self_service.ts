import { Migration } from '@mikro-orm/migrations';

/**
 * Account self-service: a session can end because the password changed; one-time account
 * tokens (password reset, email verification, invitations) stored only as SHA-256 hashes;
 * and when the account's email address was verified.
 */
export class Migration20261204230000_account_self_service extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter type "session_revocation" add value if not exists 'PASSWORD_CHANGED';`);
    this.addSql(`alter table "users" add column "email_verified_at" timestamptz null;`);
    this.addSql(`create table "account_tokens" ("token_hash" bytea not null, "user_id" uuid not null, "purpose" varchar(24) not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "account_tokens_pkey" primary key ("token_hash"));`);
    this.addSql(`create index "account_tokens_user_id_purpose_index" on "account_tokens" ("user_id", "purpose");`);
    this.addSql(`alter table "account_tokens" add constraint "account_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "account_tokens";`);
    this.addSql(`alter table "users" drop column if exists "email_verified_at";`);
    // PostgreSQL cannot drop an enum value; sessions marked PASSWORD_CHANGED keep it.
  }

}
