import { Migration } from '@mikro-orm/migrations';

/** Release of results: each session's policy and visibility, and each result's questions for the candidate's view. */
export class Migration20261204190000_release extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "release_settings" (
      "session_id" uuid primary key,
      "org_id" uuid not null,
      "policy" text not null default 'after_reviews' check ("policy" in ('immediately', 'after_reviews', 'manual')),
      "show_score" boolean not null default true,
      "show_pass_fail" boolean not null default true,
      "show_question_correctness" boolean not null default false,
      "show_correct_answers" boolean not null default false,
      "show_feedback" boolean not null default true,
      "released_at" timestamptz(3) null,
      "released_by" uuid null
    )`);
    // Results scored before this have no per-question outcomes: their candidates see totals only.
    this.addSql(`alter table "result" add column "question_outcomes" jsonb null`);
  }
}
