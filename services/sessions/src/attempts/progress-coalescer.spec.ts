import type { Outbox } from '@invigil/server-platform';
import type { AttemptProgress } from './progress-coalescer';
import { PROGRESS_INTERVAL_MS, progressBySession, ProgressCoalescer } from './progress-coalescer';

const progress = (attemptId: string, answeredCount: number, sessionId = 's1'): AttemptProgress => ({
  orgId: 'o1',
  sessionId,
  attemptId,
  userId: `u-${attemptId}`,
  answeredCount,
  totalQuestions: 10,
  flaggedCount: 0,
});

describe('ProgressCoalescer', () => {
  // `take` decides alone; the delayed announcement (a transaction) is covered by the integration suite.
  const outbox = { transaction: jest.fn(() => Promise.resolve()) } as unknown as Outbox;

  afterEach(() => jest.clearAllTimers());

  it('announces an attempt at once, then at most once per interval', async () => {
    jest.useFakeTimers();
    const coalescer = new ProgressCoalescer(outbox);
    expect(coalescer.take([progress('a', 1), progress('b', 1)], 0)).toHaveLength(2);
    expect(coalescer.take([progress('a', 2)], 100)).toEqual([]);
    expect(coalescer.take([progress('a', 3)], 200)).toEqual([]);
    expect(coalescer.take([progress('b', 2)], PROGRESS_INTERVAL_MS)).toEqual([progress('b', 2)]);
    await coalescer.beforeApplicationShutdown();
    expect(outbox.transaction).toHaveBeenCalledTimes(1);
    jest.useRealTimers();
  });

  it('groups progress by session, one event each', () => {
    expect(progressBySession([progress('a', 1), progress('b', 2, 's2'), progress('c', 3)])).toEqual([
      {
        orgId: 'o1',
        sessionId: 's1',
        progress: [
          { attemptId: 'a', userId: 'u-a', answeredCount: 1, totalQuestions: 10, flaggedCount: 0 },
          { attemptId: 'c', userId: 'u-c', answeredCount: 3, totalQuestions: 10, flaggedCount: 0 },
        ],
      },
      {
        orgId: 'o1',
        sessionId: 's2',
        progress: [{ attemptId: 'b', userId: 'u-b', answeredCount: 2, totalQuestions: 10, flaggedCount: 0 }],
      },
    ]);
  });
});
