import { Migration } from '@mikro-orm/migrations';

/** Per-session time warnings; existing sessions (and rows written without it) get 10, 5 and 1 minutes. */
export class Migration20261203180000_time_warnings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "session" add column "time_warning_minutes" jsonb not null default '[10, 5, 1]'`);
  }
}
