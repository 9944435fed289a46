import { Migration } from '@mikro-orm/migrations';

export class Migration20261123084816_personas extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "persona_kind" as enum ('SELF', 'PARTNER');`);
    this.addSql(`create type "profile_status" as enum ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED');`);
    this.addSql(`create table "personas" ("id" uuid not null, "owner_id" uuid not null, "kind" "persona_kind" not null, "name" varchar(80) not null, "age" int null, "gender" varchar(40) null, "relationship_context" varchar(120) null, "description" text not null default '', "interests" jsonb not null, "values" jsonb not null, "goals" jsonb not null, "dealbreakers" jsonb not null, "consent_given" boolean not null default false, "consent_at" timestamptz null, "style_fingerprint" jsonb null, "imported_message_count" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "personas_pkey" primary key ("id"));`);
    this.addSql(`create index "personas_owner_id_kind_index" on "personas" ("owner_id", "kind");`);

    this.addSql(`create table "persona_profiles" ("id" uuid not null, "persona_id" uuid not null, "version" int not null, "status" "profile_status" not null default 'PENDING', "failure_reason" text null, "profile" jsonb null, "fidelity" jsonb null, "models" jsonb not null, "prompts" jsonb not null, "created_at" timestamptz not null, "started_at" timestamptz null, "completed_at" timestamptz null, constraint "persona_profiles_pkey" primary key ("id"));`);
    this.addSql(`alter table "persona_profiles" add constraint "persona_profiles_persona_id_version_unique" unique ("persona_id", "version");`);

    this.addSql(`create table "chat_imports" ("id" uuid not null, "persona_id" uuid not null, "format" varchar(16) not null, "persona_speaker" varchar(120) not null, "parsed_messages" int not null, "inserted" int not null, "duplicates" int not null, "created_at" timestamptz not null, constraint "chat_imports_pkey" primary key ("id"));`);
    this.addSql(`create index "chat_imports_persona_id_index" on "chat_imports" ("persona_id");`);

    this.addSql(`alter table "personas" add constraint "personas_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "persona_profiles" add constraint "persona_profiles_persona_id_foreign" foreign key ("persona_id") references "personas" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "chat_imports" add constraint "chat_imports_persona_id_foreign" foreign key ("persona_id") references "personas" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "monthly_token_usage" drop constraint "monthly_token_usage_user_id_foreign";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "persona_profiles" drop constraint "persona_profiles_persona_id_foreign";`);

    this.addSql(`alter table "chat_imports" drop constraint "chat_imports_persona_id_foreign";`);

    this.addSql(`drop table if exists "personas" cascade;`);

    this.addSql(`drop table if exists "persona_profiles" cascade;`);

    this.addSql(`drop table if exists "chat_imports" cascade;`);

    this.addSql(`alter table "monthly_token_usage" add constraint "monthly_token_usage_user_id_foreign" foreign key ("user_id") references "users" ("id") on update no action on delete cascade;`);

    this.addSql(`drop type "persona_kind";`);
    this.addSql(`drop type "profile_status";`);
  }

}
