import { SignalKind } from '@invigil/contracts';
import type { AlertEntry } from './security-review';
import { latestPerCandidate, maxAlertsShown, mergeAlerts, signalLabel } from './security-review';
import { first } from '../../../testing/items';

const alert = (id: string, second: number): AlertEntry => ({
  id,
  userId: 'u1',
  kind: SignalKind.TabHidden,
  occurredAt: `2026-03-01T10:00:${String(second).padStart(2, '0')}.000Z`,
  detail: null,
});

describe('security review lists', () => {
  it('names every signal in plain words, and an unknown one readably', () => {
    expect(signalLabel(SignalKind.TabHidden)).toBe('Switched to another tab or app');
    expect(signalLabel(SignalKind.ScreenShareStopped)).toBe('Stopped sharing the screen');
    expect(signalLabel('camera_covered')).toBe('camera covered');
    for (const kind of Object.values(SignalKind)) expect(signalLabel(kind)).not.toContain('_');
  });

  it('lists alerts newest first, each once', () => {
    const loaded = mergeAlerts([], [alert('a1', 1), alert('a2', 5)]);
    const merged = mergeAlerts(loaded, [alert('a3', 9), alert('a2', 5)]);
    expect(merged.map((entry) => entry.id)).toEqual(['a3', 'a2', 'a1']);
  });

  it('keeps the newest alerts when there are very many', () => {
    const many = Array.from({ length: maxAlertsShown + 5 }, (_, i) => ({
      ...alert(`a${i}`, 0),
      occurredAt: new Date(Date.UTC(2026, 2, 1, 10, 0, i)).toISOString(),
    }));
    const merged = mergeAlerts([], many);
    expect(merged).toHaveLength(maxAlertsShown);
    expect(first(merged).id).toBe(`a${maxAlertsShown + 4}`);
  });

  it('keeps the newest snapshot per candidate, whatever the order they arrive in', () => {
    const first = latestPerCandidate(
      [],
      [
        { snapshotId: 's1', userId: 'u1', capturedAt: '2026-03-01T10:00:00.000Z' },
        { snapshotId: 's2', userId: 'u1', capturedAt: '2026-03-01T10:00:15.000Z' },
        { snapshotId: 's3', userId: 'u2', capturedAt: '2026-03-01T10:00:05.000Z' },
      ],
    );
    expect(first.map((s) => s.snapshotId).sort()).toEqual(['s2', 's3']);
    const late = latestPerCandidate(first, [
      { snapshotId: 's0', userId: 'u1', capturedAt: '2026-03-01T09:59:45.000Z' },
    ]);
    expect(late.find((s) => s.userId === 'u1')?.snapshotId).toBe('s2');
  });
});
