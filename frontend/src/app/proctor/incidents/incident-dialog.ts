import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import type { IncidentView, LiveParticipantView, MessageView, SignalView, SnapshotView } from '@invigil/contracts';
import { INCIDENT_CATEGORIES, IncidentCategory, IncidentSeverity } from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { signalLabel, timeOfDay } from '../security/security-review';
import { IncidentsApi } from './incidents-api';
import type { IncidentTarget } from './incident-desk';
import {
  draftProblem,
  emptyDraft,
  IncidentDraft,
  SEVERITY_LABELS,
  toBody,
  toggled,
  withCategory,
} from './incident-format';

type EvidenceField = 'alertIds' | 'snapshotIds' | 'messageIds';

/**
 * The "File incident" dialog: classification, severity, what happened and what was done, and the
 * evidence chosen from this session's alerts, snapshots and messages (a candidate's incident offers
 * that candidate's alerts and snapshots). Message bodies are shown as text, never as HTML.
 */
@Component({
  selector: 'app-incident-dialog',
  imports: [FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './incident-dialog.html',
  styles: `
    .evidence {
      max-height: 10rem;
      overflow-y: auto;
    }
    .evidence label {
      display: block;
    }
  `,
})
export class IncidentDialog implements OnInit {
  private readonly api = inject(IncidentsApi);

  readonly target = input.required<IncidentTarget>();
  readonly participants = input<LiveParticipantView[]>([]);
  readonly filed = output<IncidentView>();
  readonly cancelled = output<void>();

  protected readonly categories = INCIDENT_CATEGORIES;
  protected readonly severities = Object.values(IncidentSeverity).map((id) => ({ id, label: SEVERITY_LABELS[id] }));
  protected readonly draft = signal<IncidentDraft>(emptyDraft());
  protected readonly alerts = signal<SignalView[]>([]);
  protected readonly snapshots = signal<SnapshotView[]>([]);
  protected readonly messages = signal<MessageView[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly problem = computed(() => draftProblem(this.draft()));
  protected readonly subCategories = computed(
    () => INCIDENT_CATEGORIES.find((item) => item.id === this.draft().category)?.subCategories ?? [],
  );
  protected readonly about = computed(() => this.target().name ?? 'the whole session');
  protected readonly time = timeOfDay;
  protected readonly alertLabel = signalLabel;
  private readonly names = computed(() => new Map(this.participants().map((p) => [p.userId, p.displayName])));

  constructor() {
    // Keyboard and screen-reader users land in the dialog, on its first field.
    const host = inject<ElementRef<HTMLElement>>(ElementRef);
    afterNextRender(() => host.nativeElement.querySelector<HTMLElement>('select')?.focus());
  }

  async ngOnInit(): Promise<void> {
    const { sessionId, userId } = this.target();
    const mine = <T extends { userId: string }>(rows: T[]) =>
      userId ? rows.filter((row) => row.userId === userId) : rows;
    try {
      const [alerts, snapshots, messages] = await Promise.all([
        this.api.alerts(sessionId),
        this.api.snapshots(sessionId),
        this.api.messages(sessionId),
      ]);
      this.alerts.set(mine(alerts));
      this.snapshots.set(mine(snapshots));
      this.messages.set(messages);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }

  protected nameOf(userId: string): string {
    return this.names().get(userId) ?? userId;
  }

  protected setCategory(value: string): void {
    this.draft.update((draft) => withCategory(draft, value as IncidentCategory));
  }

  protected set<K extends 'subCategory' | 'severity' | 'description' | 'actionTaken'>(field: K, value: string): void {
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected setDocumentAffected(on: boolean): void {
    this.draft.update((draft) => ({ ...draft, documentAffectedUsers: on }));
  }

  protected toggle(field: EvidenceField, id: string, event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    this.draft.update((draft) => ({ ...draft, [field]: toggled(draft[field], id, on) }));
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected async submit(): Promise<void> {
    if (this.problem() || this.busy()) return;
    const { sessionId, userId } = this.target();
    this.busy.set(true);
    this.error.set(null);
    try {
      this.filed.emit(await this.api.file(sessionId, toBody(this.draft(), userId)));
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
