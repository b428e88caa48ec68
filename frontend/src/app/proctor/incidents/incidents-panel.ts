import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import type { IncidentView, LiveParticipantView } from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { timeOfDay } from '../security/security-review';
import { IncidentDesk } from './incident-desk';
import { IncidentDialog } from './incident-dialog';
import { classificationOf, evidenceSummary, SEVERITY_LABELS } from './incident-format';
import { IncidentsApi } from './incidents-api';

/**
 * The session's incidents, oldest first, with "File incident" for the whole session. Hosts the one
 * incident dialog, which a candidate's row opens too (through IncidentDesk).
 */
@Component({
  selector: 'app-incidents-panel',
  imports: [FormError, IncidentDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './incidents-panel.html',
})
export class IncidentsPanel {
  private readonly api = inject(IncidentsApi);
  protected readonly desk = inject(IncidentDesk);

  readonly sessionId = input.required<string>();
  readonly participants = input<LiveParticipantView[]>([]);

  protected readonly incidents = signal<IncidentView[]>([]);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly openHere = computed(() => {
    const target = this.desk.target();
    return target && target.sessionId === this.sessionId() ? target : null;
  });
  private readonly names = computed(() => new Map(this.participants().map((p) => [p.userId, p.displayName])));
  protected readonly classification = classificationOf;
  protected readonly evidence = evidenceSummary;
  protected readonly time = timeOfDay;

  constructor() {
    // Loads on arrival and again after every filing (the desk counts them).
    effect(() => {
      this.desk.filedCount();
      const sessionId = this.sessionId();
      untracked(() => void this.load(sessionId));
    });
    // A dialog left open does not greet the proctor again on their next visit.
    inject(DestroyRef).onDestroy(() => this.desk.close());
  }

  protected nameOf(userId: string | null): string {
    return userId ? (this.names().get(userId) ?? userId) : 'The session';
  }

  protected severity(incident: IncidentView): string {
    return SEVERITY_LABELS[incident.severity];
  }

  /** '' is the whole session; else a candidate's user id. */
  protected fileAbout(userId: string): void {
    this.desk.open({ sessionId: this.sessionId(), userId: userId || null, name: userId ? this.nameOf(userId) : null });
  }

  private async load(sessionId: string): Promise<void> {
    try {
      this.incidents.set(await this.api.list(sessionId));
      this.error.set(null);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }
}
