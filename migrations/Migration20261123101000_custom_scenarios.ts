import { Migration } from '@mikro-orm/migrations';

export class Migration20261123101000_custom_scenarios extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "custom_scenarios" ("id" uuid not null, "owner_id" uuid not null, "template_id" varchar(64) not null, "template" jsonb not null, "created_at" timestamptz not null, constraint "custom_scenarios_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "custom_scenarios" add constraint "custom_scenarios_owner_id_template_id_unique" unique ("owner_id", "template_id");`);
    this.addSql(
      `alter table "custom_scenarios" add constraint "custom_scenarios_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "custom_scenarios" cascade;`);
  }
}
