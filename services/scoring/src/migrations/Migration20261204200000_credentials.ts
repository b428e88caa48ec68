import { Migration } from '@mikro-orm/migrations';

/**
 * Open Badges credentials: one signing key per organization, and each credential issued with its
 * verification code and its place in the organization's status lists. Certificates issued before
 * have no credential; they keep their PDF without a code (see docs/certificates.md).
 */
export class Migration20261204200000_credentials extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "issuer_key" (
      "org_id" uuid primary key,
      "public_key_multibase" text not null,
      "secret_key_multibase" text not null,
      "organization_name" text not null,
      "created_at" timestamptz(3) not null
    )`);
    this.addSql(`create sequence "credential_status_sequence" minvalue 0 start 0`);
    this.addSql(`create table "credential" (
      "id" uuid primary key,
      "org_id" uuid not null,
      "certificate_id" uuid not null references "certificate" ("id") on delete cascade,
      "verification_code" text not null constraint "credential_verification_code_unique" unique,
      "status_sequence" int not null,
      "holder_name" text not null,
      "organization_name" text not null,
      "assessment_title" text not null,
      "percent" double precision not null,
      "passed" boolean not null,
      "issued_at" timestamptz(3) not null,
      "document" jsonb not null,
      "revoked_at" timestamptz(3) null,
      "revoked_reason" text null
    )`);
    this.addSql(`create index "credential_certificate_id_index" on "credential" ("certificate_id")`);
    this.addSql(`create index "credential_org_id_status_sequence_index" on "credential" ("org_id", "status_sequence")`);
  }
}
