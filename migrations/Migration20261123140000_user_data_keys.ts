import { Migration } from '@mikro-orm/migrations';

/**
 * Per-user data keys for encryption at rest (src/stores/encryption/postgres-data-key-ring.ts):
 * one AES-256 key per user, stored only wrapped by the master key named by `key_id`
 * (`iv | tag | ciphertext`). The foreign key deletes it with the user, so erasing the account
 * leaves every copy of their encrypted transcripts and memories unreadable, wherever it lives.
 */
export class Migration20261123140000_user_data_keys extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "user_data_keys" ("user_id" uuid not null, "key_id" varchar(32) not null, "wrapped_key" bytea not null, "created_at" timestamptz not null default now(), constraint "user_data_keys_pkey" primary key ("user_id"));`);
    this.addSql(`alter table "user_data_keys" add constraint "user_data_keys_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "user_data_keys";`);
  }

}
