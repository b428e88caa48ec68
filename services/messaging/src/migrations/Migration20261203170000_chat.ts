import { Migration } from '@mikro-orm/migrations';

/** Private threads, subset broadcasts, per-recipient receipts and raised hands. */
export class Migration20261203170000_chat extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "message" drop constraint if exists "message_kind_check"`);
    this.addSql(
      `alter table "message" add constraint "message_kind_check" check ("kind" in ('broadcast', 'private', 'system'))`,
    );
    this.addSql(`create sequence if not exists "message_seq"`);
    this.addSql(`alter table "message" add column "seq" bigint null`);
    // Existing messages keep their order: numbered by sending time.
    this.addSql(`update "message" set "seq" = n from (
      select "id", nextval('message_seq') as n from (select "id" from "message" order by "sent_at", "id") ordered
    ) numbered where numbered."id" = "message"."id"`);
    this.addSql(`alter table "message" alter column "seq" set not null`);
    this.addSql(`alter table "message" add column "sender_role" text not null default 'staff'`);
    this.addSql(`update "message" set "sender_role" = 'system' where "kind" = 'system'`);
    this.addSql(`alter table "message" alter column "sender_role" drop default`);
    this.addSql(
      `alter table "message" add constraint "message_sender_role_check" check ("sender_role" in ('staff', 'candidate', 'system'))`,
    );
    this.addSql(`alter table "message" add column "recipient_user_ids" jsonb null`);
    this.addSql(`create index "message_org_id_session_id_seq_index" on "message" ("org_id", "session_id", "seq")`);
    this.addSql(`create table "message_receipt" (
      "message_id" uuid not null,
      "user_id" uuid not null,
      "receipt" text not null check ("receipt" in ('delivered', 'read')),
      "org_id" uuid not null,
      "session_id" uuid not null,
      "at" timestamptz(3) not null,
      primary key ("message_id", "user_id", "receipt")
    )`);
    this.addSql(`create index "message_receipt_org_id_session_id_index" on "message_receipt" ("org_id", "session_id")`);
    this.addSql(`create table "hand" (
      "session_id" uuid not null,
      "user_id" uuid not null,
      "org_id" uuid not null,
      "raised" boolean not null,
      "at" timestamptz(3) not null,
      primary key ("session_id", "user_id")
    )`);
  }
}
