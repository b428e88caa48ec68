import { Migration } from '@mikro-orm/migrations';

/** Suspicious-activity signals (each one an alert), screen snapshots, alert counts on the live rows. */
export class Migration20261127110000_signals_snapshots extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "signal" (
      "id" uuid primary key,
      "org_id" uuid not null,
      "session_id" uuid not null,
      "user_id" uuid not null,
      "kind" text not null,
      "occurred_at" timestamptz(3) not null,
      "received_at" timestamptz(3) not null,
      "detail" text null
    )`);
    this.addSql(`create index "signal_session_id_received_at_index" on "signal" ("session_id", "received_at")`);
    this.addSql(`create table "snapshot" (
      "id" uuid primary key,
      "org_id" uuid not null,
      "session_id" uuid not null,
      "user_id" uuid not null,
      "content_type" text not null,
      "image" bytea not null,
      "bytes" int not null,
      "captured_at" timestamptz(3) not null,
      "received_at" timestamptz(3) not null
    )`);
    this.addSql(
      `create index "snapshot_session_id_user_id_received_at_index" on "snapshot" ("session_id", "user_id", "received_at")`,
    );
    this.addSql(`alter table "live_participant"
      add column "alert_count" int not null default 0,
      add column "paused_by" text null check ("paused_by" in ('proctor', 'session'))`);
  }
}
