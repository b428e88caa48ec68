import { computed, DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { filter, fromEvent, merge } from 'rxjs';
import {
  AnswerValue,
  AttemptStatus,
  AttemptView,
  Events,
  IdentityStatus,
  ParticipantStatus,
  SessionNoticeView,
} from '@invigil/contracts';
import { AuthStore } from '../../auth/auth-store';
import { SocketService } from '../../realtime/socket-service';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import {
  AttemptCommandRefused,
  displayedCommandError,
  isConflict,
  isTransientSaveError,
} from './attempt-command-error';
import { followAttemptEvents } from './attempt-events';
import { isAnswered } from './answer-state';
import { ExamApi, isNotStartedYet } from '../exam-api';
import { announceExamChanges, ExamAnnouncer } from './exam-announcer';
import { ExamClock } from '../clock/exam-clock';
import { ExamProgress } from './exam-progress';
import { ExamResultWatch } from '../results/exam-result-watch';
import { ExamViewLink } from './exam-view-link';
import { IdbPendingSaveStore } from '../saving/pending-save-store';
import { SaveQueue, SaveState } from '../saving/save-queue';

const resultPollMs = 2_000;
const statusPollMs = 5_000;
const clockRefreshMs = 60_000;

/** The state of one candidate's exam page: status, attempt, saves, clock and result (messages: CandidateChat). */
@Injectable()
export class ExamSession {
  private readonly api = inject(ExamApi);
  private readonly socket = inject(SocketService);
  private readonly auth = inject(AuthStore);
  private readonly destroyRef = inject(DestroyRef);
  readonly link = inject(ExamViewLink);
  private sessionId = '';
  private loadingAttempt = false;
  /** Saves left by an earlier page are back in the queue before any answer is shown. */
  private restored: Promise<void> = Promise.resolve();

  readonly status = signal<ParticipantStatus | null>(null);
  /** From the candidate's participation; the security gate asks for photos while it is not approved. */
  readonly identityStatus = signal<IdentityStatus | null>(null);
  readonly notJoined = signal(false);
  readonly attempt = signal<AttemptView | null>(null);
  /** questionId → the candidate's answer, including answers not acknowledged yet. */
  readonly selections = signal<ReadonlyMap<string, AnswerValue>>(new Map());
  readonly results = new ExamResultWatch(this.api, () => this.sessionId);
  readonly result = this.results.result;
  readonly error = signal<DisplayedError | null>(null);
  readonly submitting = signal(false);
  /** The deadline or the end of the session submitted the attempt, not the candidate. */
  readonly autoSubmitted = signal(false);
  readonly clock = new ExamClock();
  /** The proctor's pause message, a live reschedule's new start, End Session's grace (from the server). */
  readonly notice = signal<SessionNoticeView>({ message: null, resumesAt: null, graceEndsAt: null });
  readonly announcer = new ExamAnnouncer();
  readonly progress = new ExamProgress(
    this.api,
    () => this.sessionId,
    (error) => this.error.set(toDisplayedError(error)),
  );
  readonly saves = new SaveQueue({
    send: (save) => this.link.save(save),
    isTransient: isTransientSaveError,
    onRejected: (_save, error) => this.saveRefused(error),
  });

  readonly submitted = computed(
    () => this.status() === ParticipantStatus.Complete || this.attempt()?.status === AttemptStatus.Submitted,
  );
  /** "Offline" whenever the socket is down, even with nothing waiting: the candidate should know. */
  readonly saveState = computed<SaveState>(() =>
    this.attempt() && !this.link.connected() ? 'offline' : this.saves.state(),
  );
  /** Answers can be changed: attached as the live view, the clock running and not over. */
  readonly inputLocked = computed(
    () => this.clock.timeOver() || this.clock.paused() || this.link.state() === 'taken-over',
  );
  readonly questions = computed(() => this.attempt()?.questions ?? []);
  readonly answeredCount = computed(
    () => this.questions().filter((q) => isAnswered(this.selections().get(q.id))).length,
  );
  /** 1-based numbers of the questions without an answer, for the submit confirmation. */
  readonly unanswered = computed(() =>
    this.questions().flatMap((q, index) =>
      isAnswered(this.selections().get(q.id)) ? [] : [{ number: index + 1, prompt: q.prompt }],
    ),
  );
  readonly flaggedForReview = computed(() =>
    this.questions().flatMap((q, index) =>
      this.progress.flagged().has(q.id) ? [{ number: index + 1, prompt: q.prompt }] : [],
    ),
  );

  constructor() {
    // Saves flow only while this tab is the attempt's live view.
    effect(() => {
      const attached = this.link.state() === 'attached';
      untracked(() => this.saves.setSending(attached));
    });
    announceExamChanges(this.announcer, this);
  }

  start(sessionId: string): void {
    this.sessionId = sessionId;
    const me = this.auth.user()?.id;
    if (me) this.restored = this.saves.restore(new IdbPendingSaveStore(me, sessionId));
    this.link.init(sessionId, {
      attached: (attempt) => this.adoptAttempt(attempt, true),
      refused: (error) => this.attachRefused(error),
    });
    this.followSession(sessionId, me);
    followAttemptEvents(this.socket, sessionId, me, this.destroyRef, {
      clock: this.clock,
      link: this.link,
      submitted: (automatic) => {
        if (automatic) this.autoSubmitted.set(true);
        this.applyStatus(ParticipantStatus.Complete);
        void this.loadAttempt();
      },
      reloadAttempt: () => void this.loadAttempt(),
      // Reopened by the proctor: the one way out of Complete; attaching again brings back the answers.
      reopened: () => {
        this.autoSubmitted.set(false);
        this.status.set(ParticipantStatus.InSession);
        this.link.reclaim();
      },
    });
    fromEvent(window, 'online')
      .pipe(this.untilDestroyed())
      .subscribe(() => this.saves.retryNow());
    this.every(resultPollMs, () => this.results.poll());
    // Fallbacks for a socket that is down: the page still moves on, only a little later.
    this.every(statusPollMs, () => {
      if (!this.submitted() && this.status() !== ParticipantStatus.InSession) void this.refresh();
    });
    this.every(clockRefreshMs, () => {
      if (this.attempt() && !this.submitted()) void this.loadAttempt();
    });
    this.destroyRef.onDestroy(() => {
      this.saves.dispose();
      this.clock.stop();
    });
    void this.refresh();
  }

  answer(questionId: string, answer: AnswerValue): void {
    if (this.inputLocked()) return;
    this.selections.update((current) => new Map(current).set(questionId, answer));
    this.saves.enqueue(questionId, answer);
  }

  /** The proctor approved the candidate's identity: the attempt the server refused until now may open. */
  identityCleared(): void {
    this.error.set(null);
    void this.refresh();
  }

  async submit(): Promise<void> {
    if (this.submitting()) return;
    this.submitting.set(true);
    this.error.set(null);
    try {
      // Submitting before every answer is committed would score an incomplete attempt.
      await this.saves.whenIdle();
      this.adoptAttempt(await this.api.submit(this.sessionId));
      this.applyStatus(ParticipantStatus.Complete);
    } catch (error) {
      this.error.set(toDisplayedError(error));
    } finally {
      this.submitting.set(false);
    }
  }

  /** The candidate's status, the session's start and results, as the server pushes them. */
  private followSession(sessionId: string, me: string | undefined): void {
    // A confirmed watch (also after a reconnect) reloads whatever may have been missed.
    this.socket
      .watchSession(sessionId)
      .pipe(this.untilDestroyed())
      .subscribe(() => void this.refresh());
    this.socket
      .on(Events.participantStatusChanged, sessionId)
      .pipe(
        filter(({ data }) => data.userId === me),
        this.untilDestroyed(),
      )
      .subscribe(({ data }) => this.applyStatus(data.to));
    this.socket
      .on(Events.sessionStarted, sessionId)
      .pipe(this.untilDestroyed())
      .subscribe(() => void this.loadAttempt());
    merge(this.socket.on(Events.resultRecorded, sessionId), this.socket.on(Events.certificateIssued, sessionId))
      .pipe(
        filter(({ data }) => data.userId === me),
        this.untilDestroyed(),
      )
      .subscribe(() => void this.results.load());
    // The proctor released the session's results: ask for this candidate's own (it may show more now).
    this.socket
      .on(Events.resultsReleased, sessionId)
      .pipe(this.untilDestroyed())
      .subscribe(() => void this.results.load());
  }

  /** A save refused for good: say why; a conflict (time over, submitted, taken over) needs the server's state. */
  private saveRefused(error: unknown): void {
    this.error.set(displayedCommandError(error));
    if (isConflict(error)) void this.loadAttempt(true);
  }

  private attachRefused(error: AttemptCommandRefused): void {
    this.error.set(displayedCommandError(error));
    void this.refresh();
    void this.loadAttempt();
  }

  private async refresh(): Promise<void> {
    try {
      const mine = await this.api.myParticipations();
      const participation = mine.find((p) => p.sessionId === this.sessionId);
      this.notJoined.set(!participation);
      if (participation) {
        this.identityStatus.set(participation.identityStatus ?? null);
        this.applyStatus(participation.status);
      }
    } catch (error) {
      this.error.set(toDisplayedError(error));
    }
  }

  private applyStatus(status: ParticipantStatus): void {
    // Complete is final: a reply to a request sent before submitting must not undo it.
    if (this.status() === ParticipantStatus.Complete && status !== ParticipantStatus.Complete) return;
    this.status.set(status);
    if (status === ParticipantStatus.Complete) this.results.start();
    const beforeStart = status === ParticipantStatus.Waiting || status === ParticipantStatus.Invited;
    if (!beforeStart && !this.attempt()) void this.loadAttempt();
  }

  /** `afterConflict`: a save was refused with 409; the answer says whether another view took over. */
  private async loadAttempt(afterConflict = false): Promise<void> {
    if (this.loadingAttempt) return;
    this.loadingAttempt = true;
    try {
      await this.restored;
      const attempt = await this.api.getAttempt(this.sessionId);
      if (afterConflict && attempt.liveViewId && attempt.liveViewId !== this.link.viewId) this.link.takenOver();
      if (afterConflict && attempt.timeOver) this.clock.markTimeOver();
      this.adoptAttempt(attempt);
    } catch (error) {
      if (!isNotStartedYet(error)) this.error.set(toDisplayedError(error));
    } finally {
      this.loadingAttempt = false;
    }
  }

  /** `full`: take the server's answers too (first load, every attach); otherwise only its clock and status. */
  private adoptAttempt(attempt: AttemptView, full = false): void {
    const shown = this.attempt();
    const fresh = full || shown?.id !== attempt.id || attempt.status !== shown.status;
    if (attempt.autoSubmitted) this.autoSubmitted.set(true);
    this.notice.set(attempt.sessionNotice);
    if (fresh) {
      for (const answer of attempt.answers) this.saves.seed(answer.questionId, answer.clientSeq);
      const selections = new Map(attempt.answers.map((a) => [a.questionId, a.answer]));
      // Answers still in the queue are newer than what the server returned.
      for (const save of this.saves.pending()) selections.set(save.questionId, save.answer);
      this.selections.set(selections);
      this.attempt.set(attempt);
      this.progress.adopt(attempt);
    }
    if (attempt.status === AttemptStatus.Submitted) {
      this.clock.stop();
      this.results.start();
      return;
    }
    this.clock.sync(attempt);
    this.link.attach();
  }

  private untilDestroyed<T>() {
    return takeUntilDestroyed<T>(this.destroyRef);
  }

  private every(ms: number, task: () => void): void {
    const timer = setInterval(task, ms);
    this.destroyRef.onDestroy(() => clearInterval(timer));
  }
}
