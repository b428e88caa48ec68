import type { AttemptSummaryView } from '@invigil/contracts';
import { AttemptStatus } from '@invigil/contracts';
import { describeDisconnected, describeRemaining } from './attempt-clock';

const summary = (overrides: Partial<AttemptSummaryView> = {}): AttemptSummaryView => ({
  attemptId: 't1',
  userId: 'u1',
  status: AttemptStatus.InProgress,
  paused: false,
  remainingSeconds: 600,
  extensionMinutes: 0,
  disconnectedSeconds: 0,
  creditableSeconds: 0,
  connected: true,
  submittedAt: null,
  autoSubmitted: false,
  ...overrides,
});

describe('attempt clock for the proctor', () => {
  it('counts down from the server reading while running and stands still while paused', () => {
    expect(describeRemaining({ summary: summary(), receivedAt: 0 }, 30_500)).toBe('09:30');
    expect(describeRemaining({ summary: summary({ paused: true }), receivedAt: 0 }, 30_500)).toBe('10:00 (paused)');
  });

  it('says how a submitted attempt ended', () => {
    expect(
      describeRemaining(
        { summary: summary({ status: AttemptStatus.Submitted, autoSubmitted: true }), receivedAt: 0 },
        0,
      ),
    ).toBe('Submitted (time ran out)');
  });

  it('shows the time a candidate was disconnected', () => {
    expect(describeDisconnected(0)).toBe('—');
    expect(describeDisconnected(42)).toBe('42 s');
    expect(describeDisconnected(125)).toBe('2 min 5 s');
  });
});
