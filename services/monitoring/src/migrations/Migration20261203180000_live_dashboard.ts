import { Migration } from '@mikro-orm/migrations';

/**
 * The dashboard's columns on each candidate's live row (connection, flags, alerts by severity,
 * unread messages, raised hand, extra time) and the candidates' messages not yet read by staff,
 * which the unread count is kept from.
 */
export class Migration20261203180000_live_dashboard extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "live_participant"
      add column "connected" boolean not null default true,
      add column "last_seen_at" timestamptz(3) null,
      add column "flagged_count" int not null default 0,
      add column "alerts_low" int not null default 0,
      add column "alerts_medium" int not null default 0,
      add column "alerts_high" int not null default 0,
      add column "unread_messages" int not null default 0,
      add column "hand_raised" boolean not null default false,
      add column "hand_raised_at" timestamptz(3) null,
      add column "extension_minutes" int not null default 0,
      add column "credited_seconds" int not null default 0`);
    this.addSql(`create table "unread_message" (
      "message_id" uuid primary key,
      "org_id" uuid not null,
      "session_id" uuid not null,
      "user_id" uuid not null
    )`);
    this.addSql(`create index "unread_message_session_id_user_id_index" on "unread_message" ("session_id", "user_id")`);
  }
}
