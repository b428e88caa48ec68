import { Migration } from '@mikro-orm/migrations';

/** Individual time limits and invitation state on the roster, and the user's time zone (invitations show times in it). */
export class Migration20261126100000_roster_details extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "user_account" add column "time_zone" text not null default 'UTC'`);
    this.addSql(`alter table "participant"
      add column "time_limit_minutes" integer null check ("time_limit_minutes" between 1 and 1440),
      add column "time_limit_multiplier" double precision null check ("time_limit_multiplier" between 1 and 5),
      add column "invited_at" timestamptz(3) null,
      add column "added_by" uuid null,
      add column "invitation_sent_at" timestamptz(3) null`);
    this.addSql(
      `create index "user_account_org_id_display_name_index" on "user_account" ("org_id", lower("display_name"))`,
    );
  }
}
