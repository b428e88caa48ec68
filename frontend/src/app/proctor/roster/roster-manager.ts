import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ParticipantStatus, ParticipantView, SessionView } from '@invigil/contracts';
import { participantIsRemovable } from '@invigil/domain';
import { FormError } from '../../shared/form-error';
import { DisplayedError } from '../../shared/http-error';
import { participantStatusLabel } from '../../shared/status-labels';
import { SessionsApi } from '../sessions/sessions-api';
import { AddUsersDialog } from './add-users-dialog';
import { ImportWizard } from './import-wizard';
import { RosterApi } from './roster-api';
import { runRosterRequest } from './roster-request';
import { describeInvitation, describeTimeLimit } from './time-limit';
import { TimeLimitEditor } from './time-limit-editor';

/**
 * A session's roster for the proctor: status chips, individual limits (editable), invitation state,
 * resend and remove; it opens the Add Users dialog and the Import Users wizard and reloads after either.
 */
@Component({
  selector: 'app-roster-manager',
  imports: [FormError, RouterLink, AddUsersDialog, ImportWizard, TimeLimitEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './roster-manager.html',
})
export class RosterManager implements OnInit {
  readonly id = input.required<string>();
  private readonly api = inject(RosterApi);
  private readonly sessions = inject(SessionsApi);

  protected readonly session = signal<SessionView | null>(null);
  protected readonly participants = signal<ParticipantView[]>([]);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly adding = signal(false);
  protected readonly importing = signal(false);
  protected readonly statusLabel = participantStatusLabel;
  protected readonly invitedStatus = ParticipantStatus.Invited;

  async ngOnInit(): Promise<void> {
    await this.reload();
    this.sessions.get(this.id()).then(
      (s) => this.session.set(s),
      () => undefined,
    );
  }

  protected limit(p: ParticipantView): string {
    return describeTimeLimit(
      { timeLimitMinutes: p.timeLimitMinutes ?? null, timeLimitMultiplier: p.timeLimitMultiplier ?? null },
      this.session() ?? null,
    );
  }

  protected invitation(p: ParticipantView): string {
    return describeInvitation({ invitedAt: p.invitedAt ?? null, invitationSentAt: p.invitationSentAt ?? null });
  }

  protected removable(p: ParticipantView): boolean {
    return participantIsRemovable(p.status);
  }

  protected async remove(p: ParticipantView): Promise<void> {
    await runRosterRequest(() => this.api.remove(this.id(), p.id), this.error);
    await this.reload();
  }

  protected async resend(p: ParticipantView): Promise<void> {
    await runRosterRequest(() => this.api.resendInvitation(this.id(), p.id), this.error);
    await this.reload();
  }

  protected async onAdded(): Promise<void> {
    this.adding.set(false);
    await this.reload();
  }

  protected async reload(): Promise<void> {
    const rows = await runRosterRequest(() => this.api.list(this.id()), this.error);
    if (rows) this.participants.set(rows);
  }
}
