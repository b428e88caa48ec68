import { Migration } from '@mikro-orm/migrations';

/**
 * The exam runtime, so the server owns the clock and a candidate resumes where they left off: every
 * term of the attempt's clock, flags, position and time per section, the live view and disconnected
 * time; snapshot interval and Safe Exam Browser keys on the session.
 */
export class Migration20261128000000_exam_runtime extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "session" add column "snapshot_interval_seconds" integer not null default 15`);
    this.addSql(`alter table "session" add column "seb_config_keys" jsonb not null default '[]'`);
    this.addSql(`alter table "attempt"
      add column "time_limit_ms" bigint null,
      add column "extensions_ms" bigint not null default 0,
      add column "credited_ms" bigint not null default 0,
      add column "paused_ms" bigint not null default 0,
      add column "paused_since" timestamptz(3) null,
      add column "paused_by_proctor" boolean not null default false,
      add column "disconnected_ms" bigint not null default 0,
      add column "disconnected_since" timestamptz(3) null,
      add column "live_view_id" text null,
      add column "live_connection_id" text null,
      add column "flagged_question_ids" jsonb not null default '[]',
      add column "current_question_id" uuid null,
      add column "position_since" timestamptz(3) null,
      add column "question_times_ms" jsonb not null default '{}',
      add column "deadline_version" integer not null default 0,
      add column "auto_submitted" boolean not null default false`);
    // Attempts opened before this release had the session's duration as their limit.
    this.addSql(
      `update "attempt" a set "time_limit_ms" = s."duration_minutes"::bigint * 60000 from "session" s where s."id" = a."session_id"`,
    );
    this.addSql(`alter table "attempt" alter column "time_limit_ms" set not null`);
    this.addSql(`create index "attempt_in_progress_idx" on "attempt" ("session_id") where "status" = 'in_progress'`);
  }
}
