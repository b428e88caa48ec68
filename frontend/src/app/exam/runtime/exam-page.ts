import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FormError } from '../../shared/form-error';
import { participantStatusLabel } from '../../shared/status-labels';
import { ExamBlocker } from './exam-blocker';
import { AskProctor } from '../messages/ask-proctor';
import { CandidateChat } from '../messages/candidate-chat';
import { ExamPalette } from './exam-palette';
import { ExamQuestion } from './exam-question';
import { ExamResult } from '../results/exam-result';
import { isAnswered } from './answer-state';
import { ExamSession } from './exam-session';
import { ExamTimer } from '../clock/exam-timer';
import { ExamViewLink } from './exam-view-link';
import { paletteGroups } from './question-palette';
import { SaveState } from '../saving/save-queue';
import { ExamSecurityGate } from '../security/exam-security-gate';
import { SubmitConfirmation } from './submit-confirmation';
import { WaitingCountdown } from '../clock/waiting-countdown';
import { formatStart, localTimeZone } from '../clock/scheduled-start';
import { EndingCountdown } from './ending-countdown';
import { ParticipantStatus } from '@invigil/contracts';

const saveStateLabels: Record<SaveState, string> = { saved: 'Saved', saving: 'Saving…', offline: 'Offline' };

@Component({
  selector: 'app-exam-page',
  imports: [
    RouterLink,
    FormError,
    ExamQuestion,
    ExamPalette,
    ExamTimer,
    ExamBlocker,
    SubmitConfirmation,
    ExamResult,
    AskProctor,
    WaitingCountdown,
    ExamSecurityGate,
    EndingCountdown,
  ],
  providers: [ExamSession, ExamViewLink, CandidateChat],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './exam-page.html',
})
export class ExamPage implements OnInit {
  protected readonly exam = inject(ExamSession);
  private readonly chat = inject(CandidateChat);

  /** The `:sessionId` route parameter. */
  readonly sessionId = input.required<string>();

  protected readonly confirming = signal(false);
  protected readonly invited = ParticipantStatus.Invited;
  protected readonly statusLabel = computed(() => {
    const status = this.exam.status();
    return status ? participantStatusLabel(status) : 'Loading…';
  });
  protected readonly saveLabel = computed(() => saveStateLabels[this.exam.saveState()]);
  protected readonly linkState = this.exam.link.state;
  /** A live reschedule's new start, in the candidate's own time zone. */
  protected readonly resumesAtText = computed(() => {
    const at = this.exam.notice().resumesAt;
    return at ? formatStart(at, localTimeZone()) : '';
  });
  /** Something covers the exam: everything behind it is inert, so keyboard focus cannot wander there. */
  protected readonly blocked = computed(
    () => this.exam.clock.paused() || this.linkState() === 'confirm-takeover' || this.linkState() === 'taken-over',
  );
  protected readonly palette = computed(() => {
    const attempt = this.exam.attempt();
    if (!attempt) return [];
    const selections = this.exam.selections();
    return paletteGroups({
      questions: attempt.questions,
      sections: attempt.sections,
      isAnswered: (id) => isAnswered(selections.get(id)),
      flagged: this.exam.progress.flagged(),
      currentQuestionId: this.exam.progress.currentQuestionId(),
    });
  });
  /** The question on screen, its 0-based number and its section. */
  protected readonly current = computed(() => {
    const attempt = this.exam.attempt();
    const id = this.exam.progress.currentQuestionId();
    const index = attempt?.questions.findIndex((question) => question.id === id) ?? -1;
    const question = attempt?.questions[index];
    if (!attempt || !question) return null;
    const section = attempt.sections.find((s) => s.id === question.sectionId);
    return {
      question,
      index,
      last: index === attempt.questions.length - 1,
      sectionTitle: attempt.sections.length > 1 ? (section?.title ?? '') : '',
      flagged: this.exam.progress.flagged().has(question.id),
    };
  });

  ngOnInit(): void {
    this.exam.start(this.sessionId());
    this.chat.start(this.sessionId());
  }

  protected async confirmSubmit(): Promise<void> {
    await this.exam.submit();
    if (this.exam.submitted()) this.confirming.set(false);
  }
}
