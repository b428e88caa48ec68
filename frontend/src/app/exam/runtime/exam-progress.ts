import { signal } from '@angular/core';
import type { AttemptView, CandidateQuestionView } from '@invigil/contracts';
import type { ExamApi } from '../exam-api';
import { neighbourQuestionId, resumeQuestionId } from './question-palette';

/**
 * Where the candidate is and what they flagged for review. Moving reports the position to the server
 * (which keeps the time per section from it); flags are kept by the server so a reload restores them.
 */
export class ExamProgress {
  private readonly current = signal<string | null>(null);
  private readonly flags = signal<ReadonlySet<string>>(new Set());
  private questions: readonly CandidateQuestionView[] = [];
  /** The position the server knows, so an unchanged position is not sent again. */
  private reported: string | null = null;
  private flagRequests = 0;

  readonly currentQuestionId = this.current.asReadonly();
  readonly flagged = this.flags.asReadonly();

  constructor(
    private readonly api: ExamApi,
    private readonly sessionId: () => string,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** Takes the server's view: resumes at its remembered question (first load, reload, reconnect). */
  adopt(attempt: AttemptView): void {
    this.questions = attempt.questions;
    this.reported = attempt.currentQuestionId;
    // A flag change still on its way would be undone by an older reading.
    if (this.flagRequests === 0) this.flags.set(new Set(attempt.flaggedQuestionIds));
    const keep = this.current() !== null && this.questions.some((question) => question.id === this.current());
    this.go(keep ? this.current() : resumeQuestionId(this.questions, attempt.currentQuestionId));
  }

  go(questionId: string | null): void {
    if (!questionId) return;
    this.current.set(questionId);
    if (questionId === this.reported) return;
    this.reported = questionId;
    // Losing one position report only blurs the per-section time; the next move reports again.
    this.api.reportPosition(this.sessionId(), { questionId }).catch(() => (this.reported = null));
  }

  step(direction: -1 | 1): void {
    this.go(neighbourQuestionId(this.questions, this.current(), direction));
  }

  async toggleFlag(questionId: string): Promise<void> {
    const flagged = !this.flags().has(questionId);
    this.flags.update((set) => withMember(set, questionId, flagged));
    this.flagRequests++;
    try {
      const { flaggedQuestionIds } = await this.api.setFlag(this.sessionId(), questionId, { flagged });
      if (this.flagRequests === 1) this.flags.set(new Set(flaggedQuestionIds));
    } catch (error) {
      this.flags.update((set) => withMember(set, questionId, !flagged));
      this.failed(error);
    } finally {
      this.flagRequests--;
    }
  }
}

function withMember(set: ReadonlySet<string>, id: string, member: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (member) next.add(id);
  else next.delete(id);
  return next;
}
