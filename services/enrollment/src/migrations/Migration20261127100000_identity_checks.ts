import { Migration } from '@mikro-orm/migrations';

/**
 * Identity checks (a webcam photo and a photo of an ID per participant, and the proctor's
 * decision), and the one session setting enrollment needs to know whether a session verifies identity.
 */
export class Migration20261127100000_identity_checks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "session_rule" (
      "session_id" uuid primary key,
      "org_id" uuid not null,
      "identity_verification" boolean not null,
      "updated_at" timestamptz(3) not null
    )`);
    // Keyed by (session, user); removing the participant removes the photos with it.
    this.addSql(`create table "identity_check" (
      "id" uuid primary key,
      "org_id" uuid not null,
      "session_id" uuid not null,
      "user_id" uuid not null,
      "participant_id" uuid not null references "participant" ("id") on delete cascade,
      "face_photo" bytea not null,
      "face_content_type" text not null,
      "id_photo" bytea not null,
      "id_content_type" text not null,
      "status" text not null check ("status" in ('submitted', 'approved', 'rejected')),
      "submitted_at" timestamptz(3) not null,
      "decided_at" timestamptz(3) null,
      "decided_by" uuid null,
      "reason" text null,
      constraint "identity_check_session_id_user_id_unique" unique ("session_id", "user_id")
    )`);
    this.addSql(`create index "identity_check_participant_id_index" on "identity_check" ("participant_id")`);
  }
}
