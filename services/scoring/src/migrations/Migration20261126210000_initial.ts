import { Migration } from '@mikro-orm/migrations';
import { PLATFORM_TABLES_SQL } from '@invigil/server-platform';

export class Migration20261126210000_initial extends Migration {
  override async up(): Promise<void> {
    for (const sql of PLATFORM_TABLES_SQL) this.addSql(sql);
    this.addSql(`create table "result" (
      "id" uuid primary key,
      "org_id" uuid not null,
      "session_id" uuid not null,
      "attempt_id" uuid not null,
      "user_id" uuid not null,
      "assessment_version_id" uuid not null,
      "assessment_title" text not null,
      "score" int not null,
      "max_score" int not null,
      "percent" double precision not null,
      "passed" boolean not null,
      "scored_at" timestamptz(3) not null,
      constraint "result_attempt_id_unique" unique ("attempt_id")
    )`);
    this.addSql(
      `create index "result_org_id_session_id_user_id_index" on "result" ("org_id", "session_id", "user_id")`,
    );
    // Deferred: a result and its certificate are inserted in one flush, in whatever order the ORM picks.
    this.addSql(`create table "certificate" (
      "id" uuid primary key,
      "org_id" uuid not null,
      "result_id" uuid not null references "result" ("id") deferrable initially deferred,
      "user_id" uuid not null,
      "session_id" uuid not null,
      "status" text not null check ("status" in ('pending', 'ready', 'failed')),
      "pdf" bytea null,
      "file_name" text not null,
      "issued_at" timestamptz(3) not null,
      constraint "certificate_result_id_unique" unique ("result_id")
    )`);
    // Partial: the start-up sweep looks for the few pending rows among many ready ones.
    this.addSql(`create index "certificate_pending_idx" on "certificate" ("status") where "status" = 'pending'`);
  }
}
