import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import type { ParticipantView, UpdateTimeLimitBody } from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import type { DisplayedError } from '../../shared/http-error';
import { RosterApi } from './roster-api';
import { runRosterRequest } from './roster-request';

export type LimitKind = 'none' | 'minutes' | 'multiplier';

/** The body of a limit change: one form or, for the session's own limit, both cleared (the API's "clear"). */
export function toTimeLimitBody(kind: LimitKind, value: number | null): UpdateTimeLimitBody {
  return {
    timeLimitMinutes: kind === 'minutes' ? value : null,
    timeLimitMultiplier: kind === 'multiplier' ? value : null,
  };
}

/** Which form a participant's stored limit has, to open the editor on what is there. */
export function limitKindOf(participant: Pick<ParticipantView, 'timeLimitMinutes' | 'timeLimitMultiplier'>): LimitKind {
  if (participant.timeLimitMinutes != null) return 'minutes';
  return participant.timeLimitMultiplier != null ? 'multiplier' : 'none';
}

/** Changes one participant's individual time limit from the roster table, after they were added. */
@Component({
  selector: 'app-time-limit-editor',
  imports: [FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './time-limit-editor.html',
})
export class TimeLimitEditor {
  private readonly api = inject(RosterApi);

  readonly sessionId = input.required<string>();
  readonly participant = input.required<ParticipantView>();
  readonly saved = output<ParticipantView>();

  protected readonly editing = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly kind = signal<LimitKind>('none');
  protected readonly value = signal<number | null>(null);

  protected open(): void {
    const participant = this.participant();
    this.kind.set(limitKindOf(participant));
    this.value.set(participant.timeLimitMinutes ?? participant.timeLimitMultiplier ?? null);
    this.error.set(null);
    this.editing.set(true);
  }

  protected readKind(event: Event): LimitKind {
    return (event.target as HTMLSelectElement).value as LimitKind;
  }

  protected readValue(event: Event): number | null {
    const typed = (event.target as HTMLInputElement).valueAsNumber;
    return Number.isNaN(typed) ? null : typed;
  }

  protected async save(): Promise<void> {
    const body = toTimeLimitBody(this.kind(), this.value());
    const updated = await runRosterRequest(
      () => this.api.updateTimeLimit(this.sessionId(), this.participant().id, body),
      this.error,
      this.busy,
    );
    if (!updated) return;
    this.editing.set(false);
    this.saved.emit(updated);
  }
}
