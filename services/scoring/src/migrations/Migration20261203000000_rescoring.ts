import { Migration } from '@mikro-orm/migrations';

/**
 * A reopened attempt is scored again when it is submitted again: the result remembers which
 * submission it scored and whether the attempt is reopened; a certificate can be revoked.
 */
export class Migration20261203000000_rescoring extends Migration {
  override async up(): Promise<void> {
    // Rows from before: the submission time is not known, and the scoring time is the closest.
    this.addSql(`alter table "result" add column "submitted_at" timestamptz(3)`);
    this.addSql(`update "result" set "submitted_at" = "scored_at"`);
    this.addSql(`alter table "result" alter column "submitted_at" set not null`);
    this.addSql(`alter table "result" add column "reopened_at" timestamptz(3) null`);
    this.addSql(`alter table "certificate" add column "revoked_at" timestamptz(3) null`);
    this.addSql(`alter table "certificate" add column "revoked_reason" text null`);
    this.addSql(`alter table "certificate" drop constraint "certificate_status_check"`);
    this.addSql(
      `alter table "certificate" add constraint "certificate_status_check" check ("status" in ('pending', 'ready', 'failed', 'revoked'))`,
    );
  }
}
