import { Migration } from '@mikro-orm/migrations';

/**
 * Emergency procedures: the reason and message of a session-wide pause, the new start of a session
 * rescheduled while running, and the end of End Session's grace.
 */
export class Migration20261203100000_emergency_procedures extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "session"
      add column "pause_reason" text null,
      add column "pause_message" text null,
      add column "resumes_at" timestamptz(3) null,
      add column "grace_ends_at" timestamptz(3) null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "session"
      drop column "pause_reason",
      drop column "pause_message",
      drop column "resumes_at",
      drop column "grace_ends_at"`);
  }
}
