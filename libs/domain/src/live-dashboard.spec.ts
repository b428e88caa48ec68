import type { LiveParticipantView } from '@invigil/contracts';
import { AlertSeverity, ParticipantStatus as S, SignalKind } from '@invigil/contracts';
import { highestSeverity, isDisconnected, liveCounters, severityRank, signalSeverity } from './live-dashboard';

const row = (overrides: Partial<LiveParticipantView>): LiveParticipantView => ({
  participantId: 'p',
  sessionId: 's',
  userId: 'u',
  displayName: 'Ada',
  status: S.InSession,
  answeredCount: 0,
  totalQuestions: 5,
  scorePercent: null,
  lastActivityAt: '2026-12-03T09:00:00.000Z',
  ...overrides,
});

describe('live dashboard rules', () => {
  it('ranks a takeover above a paste above a tab switch, and an unknown kind as medium', () => {
    expect(signalSeverity(SignalKind.ViewTakenOver)).toBe(AlertSeverity.High);
    expect(signalSeverity(SignalKind.PasteAttempted)).toBe(AlertSeverity.Medium);
    expect(signalSeverity(SignalKind.TabHidden)).toBe(AlertSeverity.Low);
    expect(signalSeverity('laser_pointer')).toBe(AlertSeverity.Medium);
  });

  it('names the most urgent open alert', () => {
    expect(highestSeverity({ low: 2, medium: 0, high: 1 })).toBe(AlertSeverity.High);
    expect(highestSeverity({ low: 2, medium: 0, high: 0 })).toBe(AlertSeverity.Low);
    expect(highestSeverity({ low: 0, medium: 0, high: 0 })).toBeNull();
    expect(highestSeverity(undefined)).toBeNull();
    expect(severityRank(AlertSeverity.High)).toBeGreaterThan(severityRank(AlertSeverity.Low));
    expect(severityRank(null)).toBe(0);
  });

  it('counts each candidate once in the counters, a lost connection as disconnected', () => {
    const rows = [
      row({ status: S.Invited }),
      row({ status: S.Waiting }),
      row({ status: S.InSession, alerts: { low: 1, medium: 0, high: 2 }, unreadMessages: 3, handRaised: true }),
      row({ status: S.Paused }),
      row({ status: S.InSession, connected: false }),
      row({ status: S.Disconnected }),
      row({ status: S.Complete, connected: false }),
    ];
    expect(isDisconnected(rows[4] as LiveParticipantView)).toBe(true);
    expect(isDisconnected(rows[6] as LiveParticipantView)).toBe(false);
    expect(liveCounters(rows)).toEqual({
      invited: 1,
      waiting: 1,
      inSession: 2,
      disconnected: 2,
      complete: 1,
      alerts: { low: 1, medium: 0, high: 2 },
      unreadMessages: 3,
      handsRaised: 1,
    });
  });
});
