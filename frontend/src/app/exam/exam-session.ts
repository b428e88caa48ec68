import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { filter, fromEvent, merge } from 'rxjs';
import {
  AnswerValue,
  AttemptStatus,
  AttemptView,
  CertificateStatus,
  Events,
  IdentityStatus,
  MessageView,
  ParticipantStatus,
  ResultView,
} from '@invigil/contracts';
import { AuthStore } from '../auth/auth-store';
import { SocketService } from '../realtime/socket-service';
import { DisplayedError, isTransientHttpError, toDisplayedError } from '../shared/http-error';
import { Countdown } from './countdown';
import { ExamApi, isNotStartedYet } from './exam-api';
import { addMessage, fromMessageEvent } from './exam-messages-list';
import { SaveQueue } from './save-queue';

const resultPollMs = 2_000;
const statusPollMs = 5_000;
const clockRefreshMs = 60_000;
/** Stop asking for a result that never comes (e.g. scoring is down); a reload starts over. */
const resultPollLimitMs = 10 * 60_000;

/** The state of one candidate's exam page: status, attempt, saves, result and messages. */
@Injectable()
export class ExamSession {
  private readonly api = inject(ExamApi);
  private readonly socket = inject(SocketService);
  private readonly auth = inject(AuthStore);
  private readonly destroyRef = inject(DestroyRef);
  private sessionId = '';
  private loadingAttempt = false;
  private loadingResult = false;
  private pollResultUntil = 0;

  readonly status = signal<ParticipantStatus | null>(null);
  /** From the candidate's participation; the security gate asks for photos while it is not approved. */
  readonly identityStatus = signal<IdentityStatus | null>(null);
  readonly notJoined = signal(false);
  readonly attempt = signal<AttemptView | null>(null);
  /** questionId → the candidate's answer, including answers not acknowledged yet. */
  readonly selections = signal<ReadonlyMap<string, AnswerValue>>(new Map());
  readonly result = signal<ResultView | null>(null);
  readonly messages = signal<MessageView[]>([]);
  readonly error = signal<DisplayedError | null>(null);
  readonly submitting = signal(false);
  readonly countdown = new Countdown();
  readonly saves = new SaveQueue({
    send: ({ questionId, clientSeq, answer }) => this.api.saveAnswer(this.sessionId, questionId, { clientSeq, answer }),
    isTransient: isTransientHttpError,
    onRejected: (_save, error) => this.error.set(toDisplayedError(error)),
  });

  readonly submitted = computed(
    () => this.status() === ParticipantStatus.Complete || this.attempt()?.status === AttemptStatus.Submitted,
  );
  readonly questions = computed(() => this.attempt()?.questions ?? []);
  readonly answeredCount = computed(() => this.questions().filter((q) => isAnswered(this.selections().get(q.id))).length);
  /** 1-based numbers of the questions without an answer, for the submit confirmation. */
  readonly unanswered = computed(() =>
    this.questions().flatMap((q, index) => (isAnswered(this.selections().get(q.id)) ? [] : [{ number: index + 1, prompt: q.prompt }])),
  );
  private readonly resultFinal = computed(() => isFinal(this.result()));

  start(sessionId: string): void {
    this.sessionId = sessionId;
    const me = this.auth.user()?.id;
    // A confirmed watch (also after a reconnect) reloads whatever may have been missed.
    this.socket.watchSession(sessionId).pipe(this.untilDestroyed()).subscribe(() => void this.refresh());
    this.socket
      .on(Events.participantStatusChanged, sessionId)
      .pipe(filter(({ data }) => data.userId === me), this.untilDestroyed())
      .subscribe(({ data }) => this.applyStatus(data.to));
    this.socket.on(Events.sessionStarted, sessionId).pipe(this.untilDestroyed()).subscribe(() => void this.loadAttempt());
    this.socket
      .on(Events.messageSent, sessionId)
      .pipe(filter(({ data }) => !data.toUserId || data.toUserId === me), this.untilDestroyed())
      .subscribe(({ data }) => this.messages.update((list) => addMessage(list, fromMessageEvent(data))));
    merge(this.socket.on(Events.resultRecorded, sessionId), this.socket.on(Events.certificateIssued, sessionId))
      .pipe(filter(({ data }) => data.userId === me), this.untilDestroyed())
      .subscribe(() => void this.loadResult());
    fromEvent(window, 'online').pipe(this.untilDestroyed()).subscribe(() => this.saves.retryNow());
    this.every(resultPollMs, () => {
      if (this.submitted() && !this.resultFinal() && Date.now() < this.pollResultUntil) void this.loadResult();
    });
    // Fallbacks for a socket that is down: the page still moves on, only a little later.
    this.every(statusPollMs, () => {
      if (!this.submitted() && this.status() !== ParticipantStatus.InSession) void this.refresh();
    });
    this.every(clockRefreshMs, () => {
      if (this.attempt() && !this.submitted()) void this.loadAttempt();
    });
    this.destroyRef.onDestroy(() => {
      this.saves.dispose();
      this.countdown.stop();
    });
    void this.refresh();
  }

  answer(questionId: string, answer: AnswerValue): void {
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

  private async refresh(): Promise<void> {
    try {
      const [mine, messages] = await Promise.all([this.api.myParticipations(), this.api.listMessages(this.sessionId)]);
      this.messages.update((list) => messages.reduce(addMessage, list));
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
    if (status === ParticipantStatus.Complete) this.startResultPolling();
    const beforeStart = status === ParticipantStatus.Waiting || status === ParticipantStatus.Invited;
    if (!beforeStart && !this.attempt()) void this.loadAttempt();
  }

  private async loadAttempt(): Promise<void> {
    if (this.loadingAttempt) return;
    this.loadingAttempt = true;
    try {
      this.adoptAttempt(await this.api.getAttempt(this.sessionId));
    } catch (error) {
      if (!isNotStartedYet(error)) this.error.set(toDisplayedError(error));
    } finally {
      this.loadingAttempt = false;
    }
  }

  private adoptAttempt(attempt: AttemptView): void {
    const shown = this.attempt();
    if (shown?.id === attempt.id && attempt.status === shown.status) {
      // A refresh only resyncs the clock: its answers may predate saves acknowledged meanwhile.
      this.countdown.sync(attempt.remainingSeconds);
      return;
    }
    for (const answer of attempt.answers) this.saves.seed(answer.questionId, answer.clientSeq);
    const selections = new Map(attempt.answers.map((a) => [a.questionId, a.answer]));
    // Answers still in the queue are newer than what the server returned.
    for (const save of this.saves.pending()) selections.set(save.questionId, save.answer);
    this.selections.set(selections);
    this.attempt.set(attempt);
    if (attempt.status === AttemptStatus.Submitted) {
      this.countdown.stop();
      this.startResultPolling();
    } else {
      this.countdown.sync(attempt.remainingSeconds);
    }
  }

  private startResultPolling(): void {
    if (this.pollResultUntil === 0) this.pollResultUntil = Date.now() + resultPollLimitMs;
    void this.loadResult();
  }

  private async loadResult(): Promise<void> {
    if (this.loadingResult) return;
    this.loadingResult = true;
    try {
      const result = await this.api.getResult(this.sessionId);
      if (result) this.result.set(result);
    } catch {
      // Polling asks again in a moment; a failed poll is not worth interrupting the candidate.
    } finally {
      this.loadingResult = false;
    }
  }

  private untilDestroyed<T>() {
    return takeUntilDestroyed<T>(this.destroyRef);
  }

  private every(ms: number, task: () => void): void {
    const timer = setInterval(task, ms);
    this.destroyRef.onDestroy(() => clearInterval(timer));
  }
}

/** A result is final once its certificate is settled, or when there will be none (not passed). */
function isFinal(result: ResultView | null): boolean {
  if (!result) return false;
  if (!result.certificate) return !result.passed;
  return result.certificate.status !== CertificateStatus.Pending;
}

/** An empty text or an empty set of options counts as unanswered, for the count and the submit confirmation. */
export function isAnswered(answer: AnswerValue | undefined): boolean {
  if (!answer) return false;
  if (answer.text !== undefined) return answer.text.trim() !== '';
  if (answer.selectedOptions !== undefined) return answer.selectedOptions.length > 0;
  return true;
}
