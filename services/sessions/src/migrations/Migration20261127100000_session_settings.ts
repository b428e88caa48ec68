import { Migration } from '@mikro-orm/migrations';

/**
 * Every session setting of the guide. Sessions created before it were flexible-start, auto
 * enrollment, session-wide limits, security off: the backfill says exactly that, then the
 * defaults are dropped so the application always states every value.
 */
export class Migration20261127100000_session_settings extends Migration {
  override async up(): Promise<void> {
    const backfilled: [string, string][] = [
      [
        `"start_mode" text not null constraint "session_start_mode_check" check ("start_mode" in ('scheduled', 'flexible'))`,
        `'flexible'`,
      ],
      [`"schedule_version" int not null`, `0`],
      [`"time_zone" text not null`, `'UTC'`],
      [
        `"enrollment_mode" text not null constraint "session_enrollment_mode_check" check ("enrollment_mode" in ('manual', 'auto', 'hybrid'))`,
        `'auto'`,
      ],
      [`"late_entry" boolean not null`, `false`],
      [
        `"time_limit_mode" text not null constraint "session_time_limit_mode_check" check ("time_limit_mode" in ('session_wide', 'individual'))`,
        `'session_wide'`,
      ],
      [`"grace_period_seconds" int not null`, `0`],
      [`"browser_lockdown" boolean not null`, `false`],
      [`"screen_monitoring" boolean not null`, `false`],
      [`"identity_verification" boolean not null`, `false`],
    ];
    for (const [column, value] of backfilled)
      this.addSql(`alter table "session" add column ${column.replace(' not null', ` not null default ${value}`)}`);
    for (const [column] of backfilled)
      this.addSql(`alter table "session" alter column ${column.split(' ')[0]} drop default`);
    this.addSql(`alter table "session" add column "scheduled_at" timestamptz(3) null`);
    this.addSql(`alter table "session" add column "max_users" int null`);
    this.addSql(`alter table "session" add column "late_entry_minutes" int null`);
    this.addSql(`alter table "session" add column "ended_at" timestamptz(3) null`);
  }
}
