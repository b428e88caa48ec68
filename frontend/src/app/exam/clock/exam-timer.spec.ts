import { TestBed } from '@angular/core/testing';
import { TimeLimitMode } from '@invigil/contracts';
import { participantTimeLimitMs, remainingSeconds } from '@invigil/domain';
import { settle, textOf } from '../../../testing/dom';
import { ExamClock } from './exam-clock';
import { ExamTimer } from './exam-timer';

describe('ExamTimer', () => {
  beforeEach(() => localStorage.clear());

  it('shows 67:30 at the start of a 45-minute session with a 1.5× time limit', async () => {
    // The server's figure for a fresh attempt, from the same rule the invitation and the roster use.
    const startedAt = new Date('2026-12-01T10:00:00Z');
    const timeLimitMs = participantTimeLimitMs(
      { durationMinutes: 45, timeLimitMode: TimeLimitMode.Individual },
      { timeLimitMinutes: null, timeLimitMultiplier: 1.5 },
    );
    const clock = new ExamClock();
    clock.sync({
      remainingSeconds: remainingSeconds({
        timeLimitMs,
        extensionsMs: 0,
        creditedMs: 0,
        startedAt,
        pausedMs: 0,
        pausedSince: null,
        now: startedAt,
      }),
      paused: false,
    });
    clock.countdown.stop();

    const fixture = TestBed.createComponent(ExamTimer);
    fixture.componentRef.setInput('remainingSeconds', clock.remainingSeconds());
    await settle(fixture);
    expect(textOf(fixture, 'remaining-time')).toBe('67:30');
  });

  it('shows --:-- before the first reading', async () => {
    const fixture = TestBed.createComponent(ExamTimer);
    fixture.componentRef.setInput('remainingSeconds', null);
    await settle(fixture);
    expect(textOf(fixture, 'remaining-time')).toBe('--:--');
  });
});
