import { computed, signal } from '@angular/core';
import type { ResultView } from '@invigil/contracts';
import { isFinal } from '../runtime/answer-state';
import type { ExamApi } from '../exam-api';

/** Stop asking for a result that never comes (e.g. scoring is down); a reload starts over. */
const resultPollLimitMs = 10 * 60_000;

/**
 * The candidate's result after submitting: loaded when scoring announces it, and polled as a
 * fallback until it is final (certificate settled) or the poll limit passes.
 */
export class ExamResultWatch {
  private loading = false;
  private pollUntil = 0;
  private readonly current = signal<ResultView | null>(null);

  readonly result = this.current.asReadonly();
  private readonly final = computed(() => isFinal(this.current()));

  constructor(
    private readonly api: ExamApi,
    private readonly sessionId: () => string,
  ) {}

  /** From the submission on: the first call starts the poll window. */
  start(): void {
    if (this.pollUntil === 0) this.pollUntil = Date.now() + resultPollLimitMs;
    void this.load();
  }

  /** One poll tick; asks only while a result is still expected. */
  poll(): void {
    if (this.pollUntil !== 0 && !this.final() && Date.now() < this.pollUntil) void this.load();
  }

  async load(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    try {
      const result = await this.api.getResult(this.sessionId());
      if (result) this.current.set(result);
    } catch {
      // Polling asks again in a moment; a failed poll is not worth interrupting the candidate.
    } finally {
      this.loading = false;
    }
  }
}
