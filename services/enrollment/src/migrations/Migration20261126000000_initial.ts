import { Migration } from '@mikro-orm/migrations';
import { PLATFORM_TABLES_SQL } from '@invigil/server-platform';

export class Migration20261126000000_initial extends Migration {
  override async up(): Promise<void> {
    for (const sql of PLATFORM_TABLES_SQL) this.addSql(sql);
    this.addSql(`create table "organization" (
      "id" uuid primary key,
      "name" text not null,
      "slug" text not null unique,
      "created_at" timestamptz(3) not null
    )`);
    this.addSql(`create table "user_account" (
      "id" uuid primary key,
      "org_id" uuid not null references "organization" ("id"),
      "email" text not null unique,
      "display_name" text not null,
      "role" text not null check ("role" in ('admin', 'proctor', 'candidate')),
      "password_hash" text not null,
      "created_at" timestamptz(3) not null
    )`);
    this.addSql(`create index "user_account_org_id_role_index" on "user_account" ("org_id", "role")`);
    this.addSql(`create table "participant" (
      "id" uuid primary key,
      "org_id" uuid not null,
      "session_id" uuid not null,
      "user_id" uuid not null references "user_account" ("id"),
      "display_name" text not null,
      "email" text not null,
      "status" text not null,
      "joined_at" timestamptz(3) null,
      "updated_at" timestamptz(3) not null,
      constraint "participant_session_id_user_id_unique" unique ("session_id", "user_id")
    )`);
    this.addSql(`create index "participant_org_id_session_id_index" on "participant" ("org_id", "session_id")`);
  }
}
