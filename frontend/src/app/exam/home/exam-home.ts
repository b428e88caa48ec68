import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { ParticipantView } from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { participantStatusLabel } from '../../shared/status-labels';
import { ExamApi } from '../exam-api';

/** A candidate's start page: join a session with its code, or reopen one already joined. */
@Component({
  selector: 'app-exam-home',
  imports: [FormsModule, RouterLink, DatePipe, FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './exam-home.html',
})
export class ExamHome implements OnInit {
  private readonly api = inject(ExamApi);
  private readonly router = inject(Router);

  protected readonly code = signal('');
  protected readonly busy = signal(false);
  protected readonly joinError = signal<DisplayedError | null>(null);
  protected readonly listError = signal<DisplayedError | null>(null);
  protected readonly participations = signal<ParticipantView[] | null>(null);
  protected readonly statusLabel = participantStatusLabel;

  async ngOnInit(): Promise<void> {
    try {
      this.participations.set(await this.api.myParticipations());
    } catch (error) {
      this.listError.set(toDisplayedError(error));
    }
  }

  protected async join(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.joinError.set(null);
    try {
      const participant = await this.api.join({ code: this.code().trim() });
      await this.router.navigate(['/exam', participant.sessionId]);
    } catch (error) {
      this.joinError.set(toDisplayedError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
