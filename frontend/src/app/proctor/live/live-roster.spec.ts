import type { LiveParticipantView } from '@invigil/contracts';
import { ParticipantStatus } from '@invigil/contracts';
import { describeParticipantChange, mergeSnapshot, prependActivity, upsertParticipant } from './live-roster';

function row(overrides: Partial<LiveParticipantView> = {}): LiveParticipantView {
  return {
    participantId: 'p1',
    sessionId: 's1',
    userId: 'u1',
    displayName: 'Ada Lovelace',
    status: ParticipantStatus.Waiting,
    answeredCount: 0,
    totalQuestions: 2,
    scorePercent: null,
    lastActivityAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('live roster', () => {
  it('adds a participant it has not seen', () => {
    const rows = upsertParticipant([row()], row({ participantId: 'p2', userId: 'u2', displayName: 'Alan' }));
    expect(rows.map((r) => r.participantId)).toEqual(['p1', 'p2']);
  });

  it('replaces the row of a known participant in place', () => {
    const updated = row({
      status: ParticipantStatus.InSession,
      answeredCount: 1,
      lastActivityAt: '2026-01-01T10:01:00.000Z',
    });
    const rows = upsertParticipant([row(), row({ participantId: 'p2' })], updated);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe(updated);
  });

  it('ignores an update older than the row shown (a late snapshot must not roll progress back)', () => {
    const current = [row({ answeredCount: 2, lastActivityAt: '2026-01-01T10:05:00.000Z' })];
    expect(mergeSnapshot(current, [row({ answeredCount: 1 })])).toBe(current);
  });

  it('describes what changed for the activity feed', () => {
    expect(describeParticipantChange(undefined, row())).toBe('Ada Lovelace joined (Waiting)');
    expect(describeParticipantChange(row(), row({ status: ParticipantStatus.InSession }))).toBe(
      'Ada Lovelace is now In Session',
    );
    expect(describeParticipantChange(row(), row({ answeredCount: 1 }))).toBe('Ada Lovelace answered 1/2');
    expect(describeParticipantChange(row(), row({ scorePercent: 50 }))).toBe('Ada Lovelace scored 50%');
    expect(
      describeParticipantChange(
        row(),
        row({ status: ParticipantStatus.Complete, answeredCount: 2, scorePercent: 100 }),
      ),
    ).toBe('Ada Lovelace is now Complete, answered 2/2, scored 100%');
    expect(describeParticipantChange(row(), row())).toBeNull();
  });

  it('puts the newest activity first', () => {
    const feed = prependActivity([{ at: '2026-01-01T10:00:00Z', text: 'older' }], {
      at: '2026-01-01T10:01:00Z',
      text: 'newer',
    });
    expect(feed.map((entry) => entry.text)).toEqual(['newer', 'older']);
  });
});
