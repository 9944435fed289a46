import { Migration } from '@mikro-orm/migrations';

/**
 * Media: media_files (uploaded images and audio; the bytes live in the object store sealed
 * with the owner's data key, the row holds metadata and a photo's sealed observations),
 * persona_voice_settings (how a persona's replies are spoken) and the seconds of voice calls
 * in the usage ledger. The resource kinds gain MEDIA for the audit trail.
 */
export class Migration20261204210000_media extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter type "resource_kind" add value if not exists 'MEDIA';`);
    this.addSql(`create type "media_purpose" as enum ('SCREENSHOT', 'AVATAR', 'LIFESTYLE', 'AUDIO');`);
    this.addSql(`create table "media_files" ("id" uuid not null, "owner_id" uuid not null, "persona_id" uuid null, "purpose" "media_purpose" not null, "content_type" varchar(40) not null, "byte_size" int not null, "width" int null, "height" int null, "sha256" varchar(64) not null, "object_key" varchar(200) not null, "analysis" text null, "analysis_model" varchar(120) null, "analyzed_at" timestamptz null, "created_at" timestamptz not null, constraint "media_files_pkey" primary key ("id"));`);
    this.addSql(`create index "media_files_owner_id_created_at_index" on "media_files" ("owner_id", "created_at");`);
    this.addSql(`create index "media_files_persona_id_index" on "media_files" ("persona_id");`);
    this.addSql(`alter table "media_files" add constraint "media_files_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "media_files" add constraint "media_files_persona_id_foreign" foreign key ("persona_id") references "personas" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "persona_voice_settings" ("persona_id" uuid not null, "voice" varchar(40) not null, "speed" double precision not null, "updated_at" timestamptz not null, constraint "persona_voice_settings_pkey" primary key ("persona_id"));`);
    this.addSql(`alter table "persona_voice_settings" add constraint "persona_voice_settings_persona_id_foreign" foreign key ("persona_id") references "personas" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "usage_records" add column "audio_seconds" double precision not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "usage_records" drop column if exists "audio_seconds";`);
    this.addSql(`drop table if exists "persona_voice_settings" cascade;`);
    this.addSql(`drop table if exists "media_files" cascade;`);
    this.addSql(`drop type if exists "media_purpose";`);
    // PostgreSQL cannot drop enum values: MEDIA stays in resource_kind (unused).
  }

}
