import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ReviewQueueQuery, ReviewQueueView } from '@invigil/contracts';
import { ReviewState, Role } from '@invigil/contracts';
import { awaitsReview } from '@invigil/domain';
import { AuthStore } from '../../auth/auth-store';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { ReviewApi } from './review-api';
import { ReviewSettingsForm } from './review-settings-form';
import { candidateLabel, pointsLabel, queueFilters, reviewStateLabels } from './review-format';

/**
 * A session's review queue: how many answers await review per question and per candidate, and the
 * answers matching the filters (kept in the address, so a filtered queue can be reloaded or shared).
 */
@Component({
  selector: 'app-review-queue-page',
  imports: [FormError, RouterLink, ReviewSettingsForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './review-queue-page.html',
})
export class ReviewQueuePage {
  private readonly api = inject(ReviewApi);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);

  readonly id = input.required<string>();
  readonly state = input<string>();
  readonly questionId = input<string>();
  readonly candidateKey = input<string>();

  protected readonly queue = signal<ReviewQueueView | null>(null);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly revealing = signal(false);
  protected readonly filters = computed(() =>
    queueFilters({ state: this.state(), questionId: this.questionId(), candidateKey: this.candidateKey() }),
  );
  protected readonly isAdmin = computed(() => this.auth.user()?.role === Role.Admin);
  protected readonly revealed = computed(() => Boolean(this.queue()?.settings.identitiesRevealedAt));
  protected readonly firstToReview = computed(
    () => this.queue()?.items.find((item) => awaitsReview(item.state)) ?? null,
  );
  protected readonly states = Object.values(ReviewState).map((value) => ({ value, label: reviewStateLabels[value] }));
  protected readonly stateLabel = reviewStateLabels;
  protected readonly candidateLabel = candidateLabel;
  protected readonly pointsLabel = pointsLabel;

  constructor() {
    effect(() => void this.load(this.id(), this.filters()));
  }

  protected filterBy(change: Partial<ReviewQueueQuery>): void {
    const next = { ...this.filters(), ...change };
    const queryParams = Object.fromEntries(Object.entries(next).filter(([, value]) => Boolean(value)));
    void this.router.navigate(['/proctor/sessions', this.id(), 'review'], { queryParams });
  }

  /** "Grade all N ungraded answers to question 4". */
  protected gradeQuestion(questionId: string): void {
    this.filterBy({ questionId, candidateKey: undefined, state: ReviewState.NeedsReview });
  }

  protected setState(value: string): void {
    this.filterBy({ state: queueFilters({ state: value }).state });
  }

  protected reload(): void {
    void this.load(this.id(), this.filters());
  }

  protected async reveal(): Promise<void> {
    this.revealing.set(true);
    this.error.set(null);
    try {
      await this.api.revealIdentities(this.id());
      await this.load(this.id(), this.filters());
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.revealing.set(false);
    }
  }

  private async load(sessionId: string, filters: ReviewQueueQuery): Promise<void> {
    try {
      this.queue.set(await this.api.queue(sessionId, filters));
      this.error.set(null);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }
}
