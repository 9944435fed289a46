import { Migration } from '@mikro-orm/migrations';

export class Migration20261123092019_simulations extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "simulation_status" as enum ('QUEUED', 'RUNNING', 'COMPLETED', 'PARTIAL', 'CANCELLED', 'FAILED');`);
    this.addSql(`create table "simulations" ("id" uuid not null, "owner_id" uuid not null, "self_persona_id" uuid not null, "partner_persona_id" uuid not null, "status" "simulation_status" not null default 'QUEUED', "seed" varchar(64) not null, "scenario_ids" jsonb null, "scenario_count" int not null, "episodes_per_scenario" int not null, "max_turns" int not null, "token_budget" int not null, "tokens_used" int not null default 0, "cost_usd" numeric(14,8) not null default '0', "failure_reason" text null, "report" jsonb null, "event_seq" int not null default 0, "created_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, "cancel_requested_at" timestamptz null, constraint "simulations_pkey" primary key ("id"));`);
    this.addSql(`create index "simulations_owner_id_created_at_index" on "simulations" ("owner_id", "created_at");`);

    this.addSql(`create table "simulation_events" ("simulation_id" uuid not null, "seq" int not null, "type" varchar(24) not null, "payload" jsonb not null, "key" varchar(160) null, "created_at" timestamptz not null, constraint "simulation_events_pkey" primary key ("simulation_id", "seq"));`);
    this.addSql(`create index "simulation_events_simulation_id_seq_index" on "simulation_events" ("simulation_id", "seq");`);
    this.addSql(`alter table "simulation_events" add constraint "simulation_events_simulation_id_key_unique" unique ("simulation_id", "key");`);

    this.addSql(`create table "simulation_episodes" ("id" uuid not null, "simulation_id" uuid not null, "scenario_id" varchar(64) not null, "episode_index" int not null, "score" jsonb not null, "created_at" timestamptz not null, constraint "simulation_episodes_pkey" primary key ("id"));`);
    this.addSql(`alter table "simulation_episodes" add constraint "simulation_episodes_simulation_id_scenario_id_epi_4c0d8_unique" unique ("simulation_id", "scenario_id", "episode_index");`);

    this.addSql(`alter table "simulations" add constraint "simulations_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "simulations" add constraint "simulations_self_persona_id_foreign" foreign key ("self_persona_id") references "personas" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "simulations" add constraint "simulations_partner_persona_id_foreign" foreign key ("partner_persona_id") references "personas" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "simulation_events" add constraint "simulation_events_simulation_id_foreign" foreign key ("simulation_id") references "simulations" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "simulation_episodes" add constraint "simulation_episodes_simulation_id_foreign" foreign key ("simulation_id") references "simulations" ("id") on update cascade on delete cascade;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "simulation_events" drop constraint "simulation_events_simulation_id_foreign";`);

    this.addSql(`alter table "simulation_episodes" drop constraint "simulation_episodes_simulation_id_foreign";`);

    this.addSql(`drop table if exists "simulations" cascade;`);

    this.addSql(`drop table if exists "simulation_events" cascade;`);

    this.addSql(`drop table if exists "simulation_episodes" cascade;`);

    this.addSql(`drop type "simulation_status";`);
  }

}
