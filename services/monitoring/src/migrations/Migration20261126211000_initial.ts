import { Migration } from '@mikro-orm/migrations';
import { PLATFORM_TABLES_SQL } from '@invigil/server-platform';

export class Migration20261126211000_initial extends Migration {
  override async up(): Promise<void> {
    for (const sql of PLATFORM_TABLES_SQL) this.addSql(sql);
    this.addSql(`create table "session_info" (
      "session_id" uuid primary key,
      "org_id" uuid not null,
      "name" text not null,
      "question_count" int not null
    )`);
    this.addSql(`create table "live_participant" (
      "session_id" uuid not null,
      "user_id" uuid not null,
      "org_id" uuid not null,
      "participant_id" uuid null,
      "display_name" text null,
      "status" text null,
      "answered_count" int not null default 0,
      "total_questions" int not null default 0,
      "score_percent" double precision null,
      "last_activity_at" timestamptz(3) not null,
      "status_at" timestamptz(3) null,
      "progress_at" timestamptz(3) null,
      primary key ("session_id", "user_id"),
      constraint "live_participant_participant_id_unique" unique ("participant_id")
    )`);
    this.addSql(`create table "activity_entry" (
      "id" serial primary key,
      "org_id" uuid not null,
      "session_id" uuid not null,
      "participant_id" uuid null,
      "at" timestamptz(3) not null,
      "text" text not null
    )`);
    this.addSql(`create index "activity_entry_session_id_at_index" on "activity_entry" ("session_id", "at")`);
  }
}
