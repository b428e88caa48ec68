import { Migration } from '@mikro-orm/migrations';
import { PLATFORM_TABLES_SQL } from '@invigil/server-platform';

export class Migration20261126212000_initial extends Migration {
  override async up(): Promise<void> {
    for (const sql of PLATFORM_TABLES_SQL) this.addSql(sql);
    this.addSql(`create table "message" (
      "id" uuid primary key,
      "org_id" uuid not null,
      "session_id" uuid not null,
      "kind" text not null check ("kind" in ('broadcast', 'system')),
      "sender_id" uuid null,
      "sender_name" text not null,
      "body" text not null,
      "to_user_id" uuid null,
      "sent_at" timestamptz(3) not null
    )`);
    this.addSql(
      `create index "message_org_id_session_id_sent_at_index" on "message" ("org_id", "session_id", "sent_at")`,
    );
  }
}
