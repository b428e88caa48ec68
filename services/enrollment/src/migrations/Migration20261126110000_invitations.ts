import { Migration } from '@mikro-orm/migrations';

/** One-time sign-in links of email invitations (hashed tokens with an expiry). */
export class Migration20261126110000_invitations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "invitation_token" (
      "id" uuid primary key,
      "token_hash" text not null unique,
      "org_id" uuid not null,
      "user_id" uuid not null references "user_account" ("id"),
      "session_id" uuid not null,
      "participant_id" uuid not null,
      "expires_at" timestamptz(3) not null,
      "used_at" timestamptz(3) null,
      "created_at" timestamptz(3) not null
    )`);
    this.addSql(`create index "invitation_token_participant_id_index" on "invitation_token" ("participant_id")`);
  }
}
