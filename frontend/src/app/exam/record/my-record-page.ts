import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { RecordActor, RecordEntryView } from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { detailLine, RECORD_KIND_LABELS } from '../../proctor/record/record-format';
import { MyRecordApi } from './my-record-api';

export const MY_RECORD_PAGE_SIZE = 50;

/**
 * What the session record says about the signed-in candidate, and what concerned everyone in the
 * session (start, pauses, broadcasts): never another candidate's entries (the server filters).
 */
@Component({
  selector: 'app-my-record-page',
  imports: [FormError, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-record-page.html',
})
export class MyRecordPage implements OnInit {
  private readonly api = inject(MyRecordApi);

  /** From the route (`/exam/:sessionId/record`). */
  readonly sessionId = input.required<string>();

  protected readonly entries = signal<RecordEntryView[]>([]);
  protected readonly total = signal(0);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly loading = signal(false);
  private readonly cursors = signal<(number | null)[]>([null]);
  private readonly nextCursor = signal<number | null>(null);
  protected readonly hasNext = computed(() => this.nextCursor() !== null);
  protected readonly hasPrevious = computed(() => this.cursors().length > 1);
  protected readonly pageNumber = computed(() => this.cursors().length);

  ngOnInit(): void {
    void this.load();
  }

  protected kindLabel(entry: RecordEntryView): string {
    return RECORD_KIND_LABELS[entry.kind] ?? entry.kind;
  }

  protected about(entry: RecordEntryView): string {
    return entry.userId ? 'You' : 'Everyone';
  }

  protected actor(entry: RecordEntryView): string {
    return candidateActorLabel(entry.actor);
  }

  protected detail(entry: RecordEntryView): string {
    return detailLine(entry);
  }

  protected next(): void {
    const cursor = this.nextCursor();
    if (cursor === null) return;
    this.cursors.update((cursors) => [...cursors, cursor]);
    void this.load();
  }

  protected previous(): void {
    if (!this.hasPrevious()) return;
    this.cursors.update((cursors) => cursors.slice(0, -1));
    void this.load();
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    try {
      const page = await this.api.page(this.sessionId(), this.cursors().at(-1) ?? null, MY_RECORD_PAGE_SIZE);
      this.entries.set(page.entries);
      this.total.set(page.total);
      this.nextCursor.set(page.nextCursor);
      this.error.set(null);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.loading.set(false);
    }
  }
}

/** Who did it, as the candidate reads it: themselves as "You", staff by role only. */
export function candidateActorLabel(actor: RecordActor): string {
  if (actor.type === 'candidate') return 'You';
  if (actor.type === 'system') return 'System';
  if (actor.type === 'deadline') return 'Deadline';
  if (actor.role === 'admin') return 'Admin';
  return actor.role === 'proctor' ? 'Proctor' : 'Staff';
}
