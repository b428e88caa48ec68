import { Migration } from '@mikro-orm/migrations';

/** More question types, and sections: versions get a description and sections; answers become typed jsonb. */
export class Migration20261127120000_question_types extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "assessment_version" add column "description" text null`);
    this.addSql(`alter table "assessment_version" add column "sections" jsonb not null default '[]'`);
    this.addSql(`alter table "assessment_version" alter column "sections" drop default`);
    this.addSql(`alter table "answer" add column "value" jsonb null`);
    this.addSql(`update "answer" set "value" = jsonb_build_object('selectedOption', "selected_option")`);
    this.addSql(`alter table "answer" alter column "value" set not null`);
    this.addSql(`alter table "answer" drop column "selected_option"`);
  }
}
