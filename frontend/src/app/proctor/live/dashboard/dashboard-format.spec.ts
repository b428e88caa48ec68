import type { LiveParticipantView } from '@invigil/contracts';
import { ParticipantStatus } from '@invigil/contracts';
import { connectivityText } from './dashboard-format';

const NOW = Date.parse('2026-12-04T10:00:00Z');

function row(overrides: Partial<LiveParticipantView>): LiveParticipantView {
  return {
    participantId: 'p1',
    sessionId: 's1',
    userId: 'u1',
    displayName: 'Carla Candidate',
    status: ParticipantStatus.InSession,
    answeredCount: 0,
    totalQuestions: 3,
    scorePercent: null,
    lastActivityAt: '2026-12-04T09:59:00Z',
    ...overrides,
  };
}

describe('connectivityText', () => {
  it('calls a candidate in the exam with a live page online', () => {
    expect(connectivityText(row({ connected: true }), NOW)).toBe('Online');
  });

  it('says how long ago a disconnected candidate was last seen', () => {
    const text = connectivityText(row({ connected: false, lastSeenAt: '2026-12-04T09:58:55Z' }), NOW);
    expect(text).toBe('Disconnected · last seen 1 min 5 s ago');
  });

  it('shows a lost exam view even before enrollment says the candidate joined', () => {
    const lost = row({ status: ParticipantStatus.Invited, connected: false, lastSeenAt: '2026-12-04T09:59:50Z' });
    expect(connectivityText(lost, NOW)).toBe('Disconnected · last seen 10 s ago');
  });

  it('never calls someone who has not joined, or has finished, online', () => {
    expect(connectivityText(row({ status: ParticipantStatus.Invited }), NOW)).toBe('Not joined yet');
    expect(connectivityText(row({ status: ParticipantStatus.Complete, connected: false }), NOW)).toBe('Finished');
  });
});
