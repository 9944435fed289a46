import { Migration } from '@mikro-orm/migrations';

/**
 * Validation studies: study_datasets (an analyst's people and pairs tables; the parsed dataset
 * sealed with the owner's data key in `data`, and during a streamed upload the people table in
 * `staged_people`), studies (runs as jobs, with progress, the result, report and validity
 * card), match_models (versioned validity cards per owner and name) and
 * persona_study_attributes (study attributes an analyst set on a persona, for ranking). The
 * resource kinds gain the three owned study objects for the audit trail.
 */
export class Migration20261204200000_validation_studies extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter type "resource_kind" add value if not exists 'STUDY_DATASET';`);
    this.addSql(`alter type "resource_kind" add value if not exists 'STUDY';`);
    this.addSql(`alter type "resource_kind" add value if not exists 'MATCH_MODEL';`);

    this.addSql(`create type "study_dataset_format" as enum ('CSV', 'JSON');`);
    this.addSql(`create type "study_dataset_status" as enum ('UPLOADING', 'READY');`);
    this.addSql(`create type "study_status" as enum ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');`);

    this.addSql(`create table "study_datasets" ("id" uuid not null, "owner_id" uuid not null, "name" varchar(120) not null, "format" "study_dataset_format" not null, "status" "study_dataset_status" not null default 'UPLOADING', "schema" jsonb not null, "stats" jsonb null, "hash" varchar(128) null, "data" bytea null, "staged_people" bytea null, "created_at" timestamptz not null, "ready_at" timestamptz null, constraint "study_datasets_pkey" primary key ("id"));`);
    this.addSql(`create index "study_datasets_owner_id_created_at_index" on "study_datasets" ("owner_id", "created_at");`);

    this.addSql(`create table "studies" ("id" uuid not null, "owner_id" uuid not null, "dataset_id" uuid not null, "seed" int not null, "settings" jsonb not null, "status" "study_status" not null default 'QUEUED', "stage" varchar(64) not null default 'queued', "progress" double precision not null default 0, "error_code" varchar(64) null, "error_message" text null, "result" jsonb null, "report" jsonb null, "card" jsonb null, "created_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, constraint "studies_pkey" primary key ("id"));`);
    this.addSql(`create index "studies_owner_id_created_at_index" on "studies" ("owner_id", "created_at");`);

    this.addSql(`create table "match_models" ("id" uuid not null, "owner_id" uuid not null, "study_id" uuid null, "name" varchar(120) not null, "version" int not null, "schema" jsonb not null, "card" jsonb not null, "created_at" timestamptz not null, constraint "match_models_pkey" primary key ("id"));`);
    this.addSql(`create index "match_models_owner_id_created_at_index" on "match_models" ("owner_id", "created_at");`);
    this.addSql(`alter table "match_models" add constraint "match_models_owner_id_name_version_unique" unique ("owner_id", "name", "version");`);

    this.addSql(`create table "persona_study_attributes" ("persona_id" uuid not null, "owner_id" uuid not null, "attributes" jsonb not null, "updated_at" timestamptz not null, constraint "persona_study_attributes_pkey" primary key ("persona_id"));`);

    this.addSql(`alter table "study_datasets" add constraint "study_datasets_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "studies" add constraint "studies_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "studies" add constraint "studies_dataset_id_foreign" foreign key ("dataset_id") references "study_datasets" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "match_models" add constraint "match_models_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "match_models" add constraint "match_models_study_id_foreign" foreign key ("study_id") references "studies" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "persona_study_attributes" add constraint "persona_study_attributes_persona_id_foreign" foreign key ("persona_id") references "personas" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "persona_study_attributes" add constraint "persona_study_attributes_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "persona_study_attributes" cascade;`);
    this.addSql(`drop table if exists "match_models" cascade;`);
    this.addSql(`drop table if exists "studies" cascade;`);
    this.addSql(`drop table if exists "study_datasets" cascade;`);
    this.addSql(`drop type if exists "study_status";`);
    this.addSql(`drop type if exists "study_dataset_status";`);
    this.addSql(`drop type if exists "study_dataset_format";`);
    // PostgreSQL cannot drop enum values: the three resource kinds stay (unused).
  }

}
