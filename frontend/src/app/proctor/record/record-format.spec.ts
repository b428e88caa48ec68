import { RecordKind } from '@invigil/contracts';
import { actorLabel, detailLine, NO_FILTERS, recordQueryParams, verificationText } from './record-format';

describe('record format', () => {
  it('sends only the filters that are set, local times as UTC instants', () => {
    expect(recordQueryParams(NO_FILTERS, null, 50)).toEqual({ limit: '50' });
    const from = '2026-03-01T10:00';
    expect(recordQueryParams({ ...NO_FILTERS, kind: RecordKind.AlertRaised, from }, 7, 20)).toEqual({
      limit: '20',
      kind: RecordKind.AlertRaised,
      from: new Date(from).toISOString(),
      afterSeq: '7',
    });
  });

  it('names the actor, and says when an event did not name the staff member', () => {
    const names = (id: string) => (id === 'p1' ? 'Pat' : null);
    expect(actorLabel({ type: 'staff', userId: 'p1', role: null }, names)).toBe('Staff: Pat');
    expect(actorLabel({ type: 'staff', userId: null, role: null }, names)).toBe('Staff (not named by the event)');
    expect(actorLabel({ type: 'deadline', userId: null, role: null }, names)).toBe('Deadline');
  });

  it('flattens the detail into one line', () => {
    const detail = { minutes: 5, after: { remainingSeconds: 300 }, reason: null };
    expect(
      detailLine({
        sessionId: 's',
        seq: 1,
        at: '',
        kind: RecordKind.AttemptExtended,
        userId: null,
        actor: { type: 'system', userId: null, role: null },
        detail,
        prevHash: '',
        hash: '',
      }),
    ).toBe('minutes: 5, after.remainingSeconds: 300, reason: —');
  });

  it('reports intact and broken chains in words', () => {
    expect(verificationText({ sessionId: 's', intact: true, entryCount: 4, brokenAt: null })).toBe(
      'Intact: all 4 entries verify.',
    );
    const broken = { seq: 3, expectedHash: 'a'.repeat(64), storedHash: null, reason: 'entry 3 is missing' };
    expect(verificationText({ sessionId: 's', intact: false, entryCount: 4, brokenAt: broken })).toBe(
      'Broken at entry 3: entry 3 is missing (expected aaaaaaaaaaaa…, stored none).',
    );
  });
});
