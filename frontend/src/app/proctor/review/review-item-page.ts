import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MarkReviewItemBody, ReviewItemView } from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { ReviewAnswer } from './review-answer';
import { ReviewApi } from './review-api';
import { candidateLabel, pointsLabel, reviewStateLabels, rubricTotal, savedMarkText } from './review-format';

/**
 * One answer to mark: the question, the answer as plain text, the rubric (one level per criterion),
 * free points within the question's maximum and a feedback comment; then on to the next answer.
 */
@Component({
  selector: 'app-review-item-page',
  imports: [FormError, RouterLink, ReviewAnswer],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './review-item-page.html',
})
export class ReviewItemPage {
  private readonly api = inject(ReviewApi);

  readonly itemId = input.required<string>();

  protected readonly item = signal<ReviewItemView | null>(null);
  protected readonly levels = signal<(number | null)[]>([]);
  protected readonly points = signal('');
  protected readonly feedback = signal('');
  protected readonly saveComment = signal(false);
  protected readonly saving = signal(false);
  protected readonly saved = signal<string | null>(null);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly rubricPoints = computed(() => {
    const rubric = this.item()?.rubric;
    if (!rubric) return null;
    return rubricTotal(
      rubric.criteria.map((criterion) => criterion.levels.map((level) => level.points)),
      this.levels(),
    );
  });
  protected readonly candidateLabel = candidateLabel;
  protected readonly pointsLabel = pointsLabel;
  protected readonly stateLabel = reviewStateLabels;

  constructor() {
    effect(() => void this.load(this.itemId()));
  }

  protected choose(criterion: number, level: number): void {
    this.levels.update((chosen) => chosen.map((value, index) => (index === criterion ? level : value)));
  }

  protected async save(item: ReviewItemView): Promise<void> {
    this.saving.set(true);
    this.error.set(null);
    this.saved.set(null);
    try {
      const marked = await this.api.mark(item.id, this.body());
      this.show(marked);
      this.saved.set(savedMarkText(marked));
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.saving.set(false);
    }
  }

  /** Only what the reviewer filled in: a level for every criterion, and points when typed. */
  private body(): MarkReviewItemBody {
    const chosen = this.levels();
    const body: MarkReviewItemBody = {};
    if (chosen.length > 0 && chosen.some((level) => level !== null)) body.rubricLevels = chosen.map((l) => l ?? -1);
    const typed = this.points().trim();
    if (typed !== '') body.points = Number(typed);
    if (this.feedback().trim() !== '') body.feedback = this.feedback();
    if (body.feedback && this.saveComment()) body.saveComment = true;
    return body;
  }

  private show(item: ReviewItemView): void {
    this.item.set(item);
    this.levels.set(item.rubric?.criteria.map((_, index) => item.rubricLevels?.[index] ?? null) ?? []);
    this.points.set(item.rubric || item.points === null ? '' : String(item.points));
    this.feedback.set(item.feedback ?? '');
    this.saveComment.set(false);
  }

  private async load(itemId: string): Promise<void> {
    this.saved.set(null);
    try {
      this.show(await this.api.item(itemId));
      this.error.set(null);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }
}
