import { Migration } from '@mikro-orm/migrations';

/**
 * The session record: append-only entries, each hashing its predecessor, and one chain head per
 * session that appenders lock so that two replicas never give two entries the same place.
 */
export class Migration20261203130000_session_record extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "record_chain" (
      "session_id" uuid primary key,
      "org_id" uuid not null,
      "last_seq" int not null,
      "last_hash" text not null
    )`);
    this.addSql(`create table "record_entry" (
      "session_id" uuid not null,
      "seq" int not null,
      "org_id" uuid not null,
      "at" timestamptz(3) not null,
      "kind" text not null,
      "user_id" uuid null,
      "actor_type" text not null check ("actor_type" in ('staff', 'candidate', 'system', 'deadline')),
      "actor_id" uuid null,
      "actor_role" text null,
      "detail" jsonb not null,
      "event_id" text not null,
      "prev_hash" text not null,
      "hash" text not null,
      primary key ("session_id", "seq")
    )`);
    this.addSql(`create index "record_entry_session_id_user_id_index" on "record_entry" ("session_id", "user_id")`);
    this.addSql(`create index "record_entry_session_id_at_index" on "record_entry" ("session_id", "at")`);
  }
}
