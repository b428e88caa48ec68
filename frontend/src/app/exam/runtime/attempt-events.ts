import type { DestroyRef } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { filter, merge } from 'rxjs';
import { Events } from '@invigil/contracts';
import type { SocketService } from '../../realtime/socket-service';
import type { ExamClock } from '../clock/exam-clock';
import type { ExamViewLink } from './exam-view-link';

/** What the exam page does when the server pushes a change to the candidate's attempt. */
export interface AttemptEventTarget {
  clock: ExamClock;
  link: ExamViewLink;
  /** The attempt was submitted; `automatic` when the deadline or the session's end did it. */
  submitted(automatic: boolean): void;
  /** Ask the server for the attempt again (its clock after a session-wide change, its state after submission). */
  reloadAttempt(): void;
  /** The proctor reopened the submitted attempt: the candidate continues with their answers. */
  reopened(): void;
}

/**
 * Pause, resume, extension, credit, takeover, release, submission and reopening of this candidate's attempt, as the server pushes
 * them, until `destroyRef` ends. `me` filters out other candidates' attempts in the same session.
 */
export function followAttemptEvents(
  socket: SocketService,
  sessionId: string,
  me: string | undefined,
  destroyRef: DestroyRef,
  target: AttemptEventTarget,
): void {
  const { clock, link } = target;
  const mine = <T extends { data: { userId: string } }>() => filter<T>(({ data }) => data.userId === me);
  const on = <S extends Parameters<SocketService['on']>[0]>(subject: S) =>
    socket.on(subject, sessionId).pipe(takeUntilDestroyed(destroyRef));
  on(Events.attemptPaused)
    .pipe(mine())
    .subscribe(({ data }) =>
      clock.sync({ remainingSeconds: data.remainingSeconds, paused: true, pausedBy: data.pausedBy }),
    );
  on(Events.attemptResumed)
    .pipe(mine())
    .subscribe(({ data }) => clock.sync({ remainingSeconds: data.remainingSeconds, paused: false }));
  on(Events.attemptExtended)
    .pipe(mine())
    .subscribe(({ data }) =>
      clock.sync({ remainingSeconds: data.remainingSeconds, paused: clock.paused(), pausedBy: clock.pausedReason() }),
    );
  on(Events.attemptViewTakenOver)
    .pipe(mine())
    .subscribe(({ data }) => {
      if (data.viewId !== link.viewId) link.takenOver();
    });
  on(Events.attemptSubmitted)
    .pipe(mine())
    .subscribe(({ data }) => target.submitted(data.automatic ?? false));
  on(Events.attemptReopened)
    .pipe(mine())
    .subscribe(() => target.reopened());
  on(Events.attemptTimeCredited)
    .pipe(mine())
    .subscribe(({ data }) =>
      clock.sync({ remainingSeconds: data.remainingSeconds, paused: clock.paused(), pausedBy: clock.pausedReason() }),
    );
  // The released view stops; a page waiting for the takeover confirmation continues without it.
  on(Events.attemptViewReleased)
    .pipe(mine())
    .subscribe(({ data }) => {
      if (data.releasedViewId === link.viewId) link.takenOver();
      else if (link.state() === 'confirm-takeover') link.reclaim();
    });
  // Session-wide pause, reschedule and resume carry no remaining time: stop the display now, then ask the server.
  merge(on(Events.sessionPaused), on(Events.sessionRescheduled)).subscribe(() => {
    const seconds = clock.remainingSeconds();
    if (seconds !== null) clock.sync({ remainingSeconds: seconds, paused: true, pausedBy: 'session' });
    target.reloadAttempt();
  });
  // End Session's grace (sessionEnding) reaches the page through the attempt's session notice.
  merge(on(Events.sessionResumed), on(Events.sessionEnding), on(Events.sessionEnded)).subscribe(() =>
    target.reloadAttempt(),
  );
}
