import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FormError } from '../shared/form-error';
import { participantStatusLabel } from '../shared/status-labels';
import { ExamMessages } from './exam-messages';
import { ExamQuestions } from './exam-questions';
import { ExamResult } from './exam-result';
import { ExamSession } from './exam-session';
import { formatRemainingTime } from './remaining-time';
import { SaveState } from './save-queue';
import { ExamSecurityGate } from './security/exam-security-gate';
import { SubmitConfirmation } from './submit-confirmation';
import { WaitingCountdown } from './waiting-countdown';

const saveStateLabels: Record<SaveState, string> = { saved: 'Saved', saving: 'Saving…', offline: 'Offline' };

@Component({
  selector: 'app-exam-page',
  imports: [RouterLink, FormError, ExamQuestions, SubmitConfirmation, ExamResult, ExamMessages, WaitingCountdown, ExamSecurityGate],
  providers: [ExamSession],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './exam-page.html',
})
export class ExamPage implements OnInit {
  protected readonly exam = inject(ExamSession);

  /** The `:sessionId` route parameter. */
  readonly sessionId = input.required<string>();

  protected readonly confirming = signal(false);
  protected readonly statusLabel = computed(() => {
    const status = this.exam.status();
    return status ? participantStatusLabel(status) : 'Loading…';
  });
  protected readonly saveLabel = computed(() => saveStateLabels[this.exam.saves.state()]);
  protected readonly remainingTime = computed(() => {
    const seconds = this.exam.countdown.remainingSeconds();
    return seconds === null ? '--:--' : formatRemainingTime(seconds);
  });

  ngOnInit(): void {
    this.exam.start(this.sessionId());
  }

  protected async confirmSubmit(): Promise<void> {
    await this.exam.submit();
    if (this.exam.submitted()) this.confirming.set(false);
  }
}
