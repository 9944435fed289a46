import { Migration } from '@mikro-orm/migrations';

export class Migration20261123083938_usage_ledger extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "monthly_token_usage" ("user_id" uuid not null, "month" varchar(7) not null, "used" bigint not null default 0, "reserved" bigint not null default 0, constraint "monthly_token_usage_pkey" primary key ("user_id", "month"));`);

    this.addSql(`create table "usage_records" ("id" uuid not null, "user_id" uuid null, "agent" varchar(64) not null, "node" varchar(64) not null, "purpose" varchar(64) not null, "tier" varchar(16) not null, "model" varchar(128) not null, "prompt_name" varchar(96) null, "prompt_version" int null, "prompt_tokens" int not null, "completion_tokens" int not null, "cost_usd" numeric(14,8) not null, "latency_ms" int not null, "cache_hit" boolean not null, "outcome" varchar(16) not null, "created_at" timestamptz not null, constraint "usage_records_pkey" primary key ("id"));`);
    this.addSql(`create index "usage_records_created_at_index" on "usage_records" ("created_at");`);
    this.addSql(`create index "usage_records_user_id_created_at_index" on "usage_records" ("user_id", "created_at");`);
    // Quota rows belong to the account; the ledger keeps accounting rows by id (erasure deletes them explicitly).
    this.addSql(`alter table "monthly_token_usage" add constraint "monthly_token_usage_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "monthly_token_usage" cascade;`);

    this.addSql(`drop table if exists "usage_records" cascade;`);
  }

}
