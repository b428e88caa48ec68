import type { EntityManager } from '@mikro-orm/postgresql';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { AttemptProgressEntry, EventPayload } from '@invigil/contracts';
import { Events } from '@invigil/contracts';
import { Outbox, recordEvents } from '@invigil/server-platform';

/** One attempt's progress and where it belongs. */
export interface AttemptProgress extends AttemptProgressEntry {
  orgId: string;
  sessionId: string;
}

/** One `sessions.attempts.progressed` event per session: monitoring applies each in one transaction. */
export function progressBySession(
  entries: readonly AttemptProgress[],
): EventPayload<typeof Events.attemptsProgressed>[] {
  const sessions = new Map<string, EventPayload<typeof Events.attemptsProgressed>>();
  for (const { orgId, sessionId, ...entry } of entries) {
    const key = `${orgId}/${sessionId}`;
    const event = sessions.get(key) ?? { orgId, sessionId, progress: [] };
    event.progress.push(entry);
    sessions.set(key, event);
  }
  return [...sessions.values()];
}

/** At most one progress event per attempt per this interval from one process; the latest count wins. */
export const PROGRESS_INTERVAL_MS = 750;

/** Forgotten after this long without a save: the next save's progress goes out at once again. */
const FORGET_AFTER_MS = 10_000;

/**
 * Coalesces progress events per attempt. An attempt not announced within the interval is announced
 * in the saving batch's own transaction (`take` returns it); one announced more recently waits,
 * and when its interval is over, ONE event goes out with the count read fresh from PostgreSQL then
 * (so a replica that saved less recently cannot announce an older count after a newer one).
 */
@Injectable()
export class ProgressCoalescer implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ProgressCoalescer.name);
  private readonly lastSent = new Map<string, number>();
  private readonly pending = new Map<string, AttemptProgress>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(private readonly outbox: Outbox) {}

  /** The progress to announce now, in the caller's transaction; the rest is announced later. */
  take(progress: readonly AttemptProgress[], now: number): AttemptProgress[] {
    const due: AttemptProgress[] = [];
    for (const entry of progress) {
      const last = this.lastSent.get(entry.attemptId);
      if (last === undefined || now - last >= PROGRESS_INTERVAL_MS) {
        this.lastSent.set(entry.attemptId, now);
        this.pending.delete(entry.attemptId);
        due.push(entry);
      } else {
        this.pending.set(entry.attemptId, entry);
      }
    }
    this.schedule(now);
    return due;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flushing;
    await this.flush(Number.POSITIVE_INFINITY);
  }

  private schedule(now: number): void {
    if (this.timer || this.pending.size === 0) return;
    let next = Number.POSITIVE_INFINITY;
    for (const attemptId of this.pending.keys())
      next = Math.min(next, (this.lastSent.get(attemptId) ?? now) + PROGRESS_INTERVAL_MS);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.flushing = this.flush(Date.now()).finally(() => {
          this.flushing = null;
          this.schedule(Date.now());
        });
      },
      Math.max(0, next - now),
    );
  }

  /** Announces every pending attempt whose interval is over at `now`, in one transaction. */
  private async flush(now: number): Promise<void> {
    const ready = [...this.pending.values()].filter(
      (entry) => now - (this.lastSent.get(entry.attemptId) ?? 0) >= PROGRESS_INTERVAL_MS,
    );
    this.forgetQuiet(now);
    if (ready.length === 0) return;
    for (const entry of ready) this.pending.delete(entry.attemptId);
    try {
      await this.outbox.transaction(async (em) => {
        const fresh = await freshProgress(em, ready);
        await recordEvents(em, Events.attemptsProgressed, progressBySession(fresh));
      });
      const sentAt = Number.isFinite(now) ? now : Date.now();
      for (const entry of ready) this.lastSent.set(entry.attemptId, sentAt);
    } catch (error) {
      this.logger.warn(`Announcing the progress of ${ready.length} attempts failed, retrying: ${String(error)}`);
      for (const entry of ready) if (!this.pending.has(entry.attemptId)) this.pending.set(entry.attemptId, entry);
    }
  }

  private forgetQuiet(now: number): void {
    if (!Number.isFinite(now)) return;
    for (const [attemptId, at] of this.lastSent)
      if (now - at > FORGET_AFTER_MS && !this.pending.has(attemptId)) this.lastSent.delete(attemptId);
  }
}

/** The counts as committed now (answers and flags), for the attempts about to be announced. */
async function freshProgress(em: EntityManager, entries: readonly AttemptProgress[]): Promise<AttemptProgress[]> {
  const rows = await em.execute<{ id: string; answered: number; flagged: number }[]>(
    `select a."id", (select count(*)::int from "answer" n where n."attempt_id" = a."id") as "answered",
        jsonb_array_length(a."flagged_question_ids") as "flagged"
      from "attempt" a where a."id" in (select value::uuid from json_array_elements_text(?::json))`,
    [JSON.stringify(entries.map((entry) => entry.attemptId))],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return entries.map((entry) => {
    const row = byId.get(entry.attemptId);
    return row ? { ...entry, answeredCount: row.answered, flaggedCount: row.flagged } : entry;
  });
}
