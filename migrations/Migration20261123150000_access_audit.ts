import { Migration } from '@mikro-orm/migrations';

/**
 * Sharing with analysts and the audit trail: access_grants (an owner lets one analyst read
 * one object or every object of a kind) and audit_events (every access by a non-owner:
 * analyst reads, admin reads, denied attempts; ids only). audit_events has no foreign keys
 * so the trail outlives what it mentions; erasure deletes the rows naming the erased user.
 */
export class Migration20261123150000_access_audit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "resource_kind" as enum ('PERSONA', 'CHAT', 'SIMULATION', 'MEMORY', 'USAGE');`);
    this.addSql(`create type "audit_outcome" as enum ('SHARED', 'ADMIN', 'DENIED');`);
    this.addSql(`create table "audit_events" ("id" uuid not null, "actor_id" uuid not null, "actor_role" varchar(16) not null, "owner_id" uuid null, "kind" "resource_kind" not null, "resource_id" varchar(100) null, "action" varchar(8) not null, "outcome" "audit_outcome" not null, "at" timestamptz not null, constraint "audit_events_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_events_owner_id_at_index" on "audit_events" ("owner_id", "at");`);
    this.addSql(`create index "audit_events_actor_id_at_index" on "audit_events" ("actor_id", "at");`);
    this.addSql(`create table "access_grants" ("id" uuid not null, "owner_id" uuid not null, "grantee_id" uuid not null, "kind" "resource_kind" not null, "resource_id" uuid null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "access_grants_pkey" primary key ("id"));`);
    this.addSql(`create index "access_grants_grantee_id_kind_index" on "access_grants" ("grantee_id", "kind");`);
    this.addSql(`alter table "access_grants" add constraint "access_grants_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "access_grants" add constraint "access_grants_grantee_id_foreign" foreign key ("grantee_id") references "users" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "access_grants" cascade;`);
    this.addSql(`drop table if exists "audit_events" cascade;`);
    this.addSql(`drop type if exists "audit_outcome";`);
    this.addSql(`drop type if exists "resource_kind";`);
  }

}
