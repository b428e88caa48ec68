/**
 * The platform's own tables, created by each service's first migration so that every schema has
 * an outbox and a record of processed events. Keep in step with the two entities beside this file.
 */
export const PLATFORM_TABLES_SQL = [
  `create table "outbox" (
    "id" uuid primary key,
    "seq" bigserial not null unique,
    "subject" text not null,
    "payload" jsonb not null,
    "correlation_id" text null,
    "trace_parent" text null,
    "created_at" timestamptz(3) not null,
    "published_at" timestamptz(3) null,
    "publish_attempts" int not null default 0
  )`,
  `create index "outbox_unpublished_idx" on "outbox" ("seq") where published_at is null`,
  `create table "processed_event" (
    "consumer" text not null,
    "event_id" uuid not null,
    "processed_at" timestamptz(3) not null,
    primary key ("consumer", "event_id")
  )`,
];
