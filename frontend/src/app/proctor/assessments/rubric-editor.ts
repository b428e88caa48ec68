import { ChangeDetectionStrategy, Component, computed, input, OnInit, signal } from '@angular/core';
import type { FormControl } from '@angular/forms';
import type { RubricDraft } from '@invigil/contracts';
import { rubricMaxPoints } from '@invigil/domain';

type Criterion = RubricDraft['criteria'][number];

const newCriterion = (number: number): Criterion => ({
  title: `Criterion ${number}`,
  levels: [
    { label: 'Not met', points: 0 },
    { label: 'Met', points: 1 },
  ],
});

/**
 * An essay's rubric: criteria, each with the levels a reviewer chooses from. Edits the question's
 * `rubric` control as a whole value; the server checks it (the best levels may not exceed the points).
 */
@Component({
  selector: 'app-rubric-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rubric-editor.html',
})
export class RubricEditor implements OnInit {
  readonly control = input.required<FormControl<RubricDraft | null>>();
  /** The question's points, to show what the rubric is worth against them. */
  readonly points = input.required<number>();
  /** Used in test ids: `question-<index>-rubric-…`. */
  readonly idPrefix = input.required<string>();
  /** Server problems of the question's rubric fields ("rubric", "rubric.criteria.0.title", …). */
  readonly problems = input<string[]>([]);

  protected readonly rubric = signal<RubricDraft | null>(null);
  protected readonly best = computed(() => {
    const rubric = this.rubric();
    return rubric ? rubricMaxPoints(rubric) : 0;
  });

  ngOnInit(): void {
    this.rubric.set(this.control().value);
  }

  protected start(): void {
    this.write({ criteria: [newCriterion(1)] });
  }

  protected removeRubric(): void {
    this.write(null);
  }

  protected addCriterion(): void {
    this.edit((criteria) => [...criteria, newCriterion(criteria.length + 1)]);
  }

  protected removeCriterion(index: number): void {
    this.edit((criteria) => criteria.filter((_, i) => i !== index));
  }

  protected setTitle(index: number, title: string): void {
    this.editCriterion(index, (criterion) => ({ ...criterion, title }));
  }

  protected addLevel(index: number): void {
    this.editCriterion(index, (criterion) => ({
      ...criterion,
      levels: [...criterion.levels, { label: '', points: 0 }],
    }));
  }

  protected removeLevel(index: number, level: number): void {
    this.editCriterion(index, (criterion) => ({
      ...criterion,
      levels: criterion.levels.filter((_, i) => i !== level),
    }));
  }

  protected setLevel(index: number, level: number, change: { label?: string; points?: string }): void {
    this.editCriterion(index, (criterion) => ({
      ...criterion,
      levels: criterion.levels.map((current, i) =>
        i !== level
          ? current
          : {
              ...current,
              ...(change.label !== undefined ? { label: change.label } : {}),
              ...(change.points !== undefined ? { points: Number(change.points) } : {}),
            },
      ),
    }));
  }

  private editCriterion(index: number, change: (criterion: Criterion) => Criterion): void {
    this.edit((criteria) => criteria.map((criterion, i) => (i === index ? change(criterion) : criterion)));
  }

  private edit(change: (criteria: Criterion[]) => Criterion[]): void {
    const rubric = this.rubric();
    if (rubric) this.write({ criteria: change(rubric.criteria) });
  }

  private write(rubric: RubricDraft | null): void {
    this.rubric.set(rubric);
    this.control().setValue(rubric);
    this.control().markAsDirty();
  }
}
