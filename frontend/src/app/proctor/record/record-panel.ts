import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { LiveParticipantView, RecordEntryView, RecordExportFormat, RecordKind } from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { saveBlob } from '../../shared/save-blob';
import { SessionsApi } from '../sessions/sessions-api';
import { RecordApi } from './record-api';
import {
  actorLabel,
  detailLine,
  NO_FILTERS,
  RECORD_KIND_LABELS,
  RecordFilters,
  verificationText,
} from './record-format';

export const RECORD_PAGE_SIZE = 50;

/**
 * The session record: every entry, oldest first, a page at a time (the cursor of each page is kept
 * so "Previous" returns exactly), with filters, the chain's verification and the exports.
 */
@Component({
  selector: 'app-record-panel',
  imports: [FormError, DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './record-panel.html',
})
export class RecordPanel implements OnInit {
  private readonly api = inject(RecordApi);
  private readonly sessionsApi = inject(SessionsApi);

  readonly sessionId = input.required<string>();
  readonly participants = input<LiveParticipantView[]>([]);

  protected readonly entries = signal<RecordEntryView[]>([]);
  protected readonly total = signal(0);
  protected readonly filters = signal<RecordFilters>(NO_FILTERS);
  /** The cursor each visited page started after: the last one is the current page's. */
  private readonly cursors = signal<(number | null)[]>([null]);
  private readonly nextCursor = signal<number | null>(null);
  protected readonly verification = signal<string | null>(null);
  protected readonly intact = signal<boolean | null>(null);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly loading = signal(false);
  protected readonly hasNext = computed(() => this.nextCursor() !== null);
  protected readonly hasPrevious = computed(() => this.cursors().length > 1);
  protected readonly pageNumber = computed(() => this.cursors().length);
  protected readonly kinds = Object.values(RecordKind).map((kind) => ({ kind, label: RECORD_KIND_LABELS[kind] }));
  /** The organization's proctors and admins: staff actors are named (and their role said) from it. */
  private readonly staff = signal<Map<string, { name: string; role: string }>>(new Map());
  private readonly names = computed(() => {
    const names = new Map(this.participants().map((p) => [p.userId, p.displayName]));
    for (const [id, person] of this.staff()) names.set(id, person.name);
    return names;
  });

  ngOnInit(): void {
    void this.load();
    void this.loadStaff();
  }

  protected kindLabel(kind: RecordKind): string {
    return RECORD_KIND_LABELS[kind];
  }

  protected nameOf(userId: string | null): string {
    return userId ? (this.names().get(userId) ?? userId) : 'Everyone';
  }

  protected actor(entry: RecordEntryView): string {
    const { actor } = entry;
    // Events from before roles were recorded name the staff member only: their role comes from the org.
    const role = actor.role ?? (actor.userId ? (this.staff().get(actor.userId)?.role ?? null) : null);
    return actorLabel({ ...actor, role }, (userId) => this.names().get(userId) ?? null);
  }

  private async loadStaff(): Promise<void> {
    try {
      const people = await this.sessionsApi.supervisors();
      this.staff.set(new Map(people.map((person) => [person.id, { name: person.displayName, role: person.role }])));
    } catch {
      // Without the list the record still reads: staff are shown by id, as the entry names them.
    }
  }

  protected detail(entry: RecordEntryView): string {
    return detailLine(entry);
  }

  protected setFilter(field: keyof RecordFilters, value: string): void {
    this.filters.update((filters) => ({ ...filters, [field]: value }));
    this.cursors.set([null]);
    void this.load();
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

  protected async verify(): Promise<void> {
    try {
      const result = await this.api.verify(this.sessionId());
      this.intact.set(result.intact);
      this.verification.set(verificationText(result));
      this.error.set(null);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }

  protected async download(format: RecordExportFormat): Promise<void> {
    try {
      const blob = await this.api.export(this.sessionId(), format);
      saveBlob(blob, `session-record-${this.sessionId()}.${format}`);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    try {
      const page = await this.api.page(
        this.sessionId(),
        this.filters(),
        this.cursors().at(-1) ?? null,
        RECORD_PAGE_SIZE,
      );
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
