import { Migration } from '@mikro-orm/migrations';

/** Incidents staff file on a candidate or a session, each with its evidence and record entry. */
export class Migration20261203171000_incidents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "incident" (
      "id" uuid primary key,
      "org_id" uuid not null,
      "session_id" uuid not null,
      "user_id" uuid null,
      "category" text not null,
      "sub_category" text not null,
      "severity" text not null check ("severity" in ('low', 'medium', 'high')),
      "description" text not null,
      "action_taken" text null,
      "evidence" jsonb not null,
      "affected_users" jsonb null,
      "actor_id" uuid not null,
      "actor_role" text not null,
      "filed_at" timestamptz(3) not null,
      "record_seq" int not null
    )`);
    this.addSql(`create index "incident_session_id_filed_at_index" on "incident" ("session_id", "filed_at")`);
  }
}
