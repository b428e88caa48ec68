import { Migration } from '@mikro-orm/migrations';
import { PLATFORM_TABLES_SQL } from '@invigil/server-platform';

export class Migration20261127000000_initial extends Migration {
  override async up(): Promise<void> {
    for (const sql of PLATFORM_TABLES_SQL) this.addSql(sql);
    this.addSql(`create table "assessment" (
      "id" uuid primary key,
      "org_id" uuid not null,
      "title" text not null,
      "created_by" uuid not null,
      "current_version_id" uuid not null,
      "version" int not null,
      "created_at" timestamptz(3) not null
    )`);
    this.addSql(`create index "assessment_org_id_created_at_index" on "assessment" ("org_id", "created_at")`);
    this.addSql(`create table "assessment_version" (
      "id" uuid primary key,
      "assessment_id" uuid not null constraint "assessment_version_assessment_id_foreign" references "assessment" ("id") on update cascade,
      "org_id" uuid not null,
      "version" int not null,
      "title" text not null,
      "passing_percent" int not null,
      "question_count" int not null,
      "questions" jsonb not null,
      "created_at" timestamptz(3) not null,
      constraint "assessment_version_assessment_id_version_unique" unique ("assessment_id", "version")
    )`);
    this.addSql(`create table "session" (
      "id" uuid primary key,
      "org_id" uuid not null,
      "name" text not null,
      "assessment_id" uuid not null constraint "session_assessment_id_foreign" references "assessment" ("id") on update cascade,
      "assessment_version_id" uuid not null constraint "session_assessment_version_id_foreign" references "assessment_version" ("id") on update cascade,
      "proctor_id" uuid not null,
      "enrollment_code" text not null,
      "duration_minutes" int not null,
      "status" text not null constraint "session_status_check" check ("status" in ('draft', 'scheduled', 'open', 'in_progress', 'paused', 'ended', 'cancelled')),
      "started_at" timestamptz(3) null,
      "created_at" timestamptz(3) not null,
      "updated_at" timestamptz(3) not null
    )`);
    this.addSql(`create index "session_org_id_created_at_index" on "session" ("org_id", "created_at")`);
    this.addSql(
      `create unique index "session_org_id_enrollment_code_active_unique" on "session" ("org_id", "enrollment_code") where status not in ('ended', 'cancelled')`,
    );
    this.addSql(`create table "attempt" (
      "id" uuid primary key,
      "org_id" uuid not null,
      "session_id" uuid not null constraint "attempt_session_id_foreign" references "session" ("id") on update cascade,
      "user_id" uuid not null,
      "participant_id" uuid not null,
      "status" text not null constraint "attempt_status_check" check ("status" in ('not_started', 'in_progress', 'submitted')),
      "started_at" timestamptz(3) not null,
      "submitted_at" timestamptz(3) null,
      constraint "attempt_session_id_user_id_unique" unique ("session_id", "user_id")
    )`);
    this.addSql(`create table "answer" (
      "attempt_id" uuid not null constraint "answer_attempt_id_foreign" references "attempt" ("id") on update cascade,
      "question_id" uuid not null,
      "selected_option" int not null,
      "client_seq" int not null,
      "change_count" int not null,
      "saved_at" timestamptz(3) not null,
      primary key ("attempt_id", "question_id")
    )`);
  }
}
