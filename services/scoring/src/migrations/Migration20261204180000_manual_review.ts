import { Migration } from '@mikro-orm/migrations';

/**
 * Manual review: the answers a person marks (essays, and short answers a reviewer may override), each
 * session's review settings, reusable feedback comments per question, double marks, and what a result needs to be decided once the last review is in.
 */
export class Migration20261204180000_manual_review extends Migration {
  override async up(): Promise<void> {
    // Rows from before: nothing was ever marked, so the automatic score is the score. Their pass mark
    // is unknown; they have no review items, so it is never used to decide them again.
    this.addSql(`alter table "result" add column "auto_score" int`);
    this.addSql(`update "result" set "auto_score" = "score"`);
    this.addSql(`alter table "result" alter column "auto_score" set not null`);
    this.addSql(`alter table "result" add column "passing_percent" int not null default 0`);
    this.addSql(`alter table "result" alter column "passing_percent" drop default`);
    this.addSql(`alter table "result" add column "answers_awaiting_review" int not null default 0`);
    this.addSql(`create table "review_item" (
      "id" uuid primary key,
      "org_id" uuid not null,
      "session_id" uuid not null,
      "result_id" uuid not null references "result" ("id") on delete cascade deferrable initially deferred,
      "user_id" uuid not null,
      "question_id" uuid not null,
      "question_number" int not null,
      "question_type" text not null,
      "prompt" text not null,
      "max_points" int not null,
      "rubric" jsonb null,
      "reviewer_guidance" text null,
      "answer_text" text not null,
      "state" text not null check ("state" in ('needs_review', 'reviewed', 'auto_scored', 'awaiting_second_mark', 'needs_moderation')),
      "auto_points" int not null,
      "points" int null,
      "rubric_levels" jsonb null,
      "feedback" text null,
      "reviewed_by" uuid null,
      "reviewed_at" timestamptz(3) null,
      constraint "review_item_result_id_question_id_unique" unique ("result_id", "question_id")
    )`);
    this.addSql(
      `create index "review_item_org_id_session_id_state_index" on "review_item" ("org_id", "session_id", "state")`,
    );
    this.addSql(`create table "review_settings" (
      "session_id" uuid primary key,
      "org_id" uuid not null,
      "identities_revealed_at" timestamptz(3) null,
      "identities_revealed_by" uuid null,
      "double_marking" boolean not null default false,
      "moderation_threshold_percent" int not null default 20
    )`);
    this.addSql(`create table "review_mark" (
      "id" uuid primary key,
      "item_id" uuid not null references "review_item" ("id") on delete cascade,
      "role" text not null check ("role" in ('first', 'second', 'moderator')),
      "reviewer_id" uuid not null,
      "points" int not null,
      "rubric_levels" jsonb null,
      "feedback" text null,
      "marked_at" timestamptz(3) not null,
      constraint "review_mark_item_id_role_unique" unique ("item_id", "role")
    )`);
    this.addSql(`create index "review_mark_item_id_index" on "review_mark" ("item_id")`);
    this.addSql(`create table "review_comment" (
      "id" uuid primary key,
      "org_id" uuid not null,
      "question_id" uuid not null,
      "text" text not null,
      "created_by" uuid not null,
      "created_at" timestamptz(3) not null,
      constraint "review_comment_org_id_question_id_text_unique" unique ("org_id", "question_id", "text")
    )`);
    this.addSql(`create index "review_comment_org_id_question_id_index" on "review_comment" ("org_id", "question_id")`);
  }
}
