import type { BatchOutcome } from './group-commit-queue';
import { GroupCommitQueue } from './group-commit-queue';

/** A writer that records its batches and answers each item with its double, refusing odd ones. */
function recordingWriter(fail: (items: number[]) => boolean = () => false) {
  const batches: number[][] = [];
  let release: (() => void) | null = null;
  const write = async (items: number[]): Promise<BatchOutcome<number>[]> => {
    batches.push(items);
    if (release === null) await new Promise<void>((resolve) => (release = resolve));
    if (fail(items)) throw new Error('the transaction failed');
    return items.map((item) => (item % 2 === 0 ? { ok: true, value: item * 2 } : { ok: false, error: `odd ${item}` }));
  };
  return { batches, write, open: () => (release ? release() : (release = () => undefined)) };
}

const busy = () => 'busy';
const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

describe('GroupCommitQueue', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('writes what arrives within the window as one batch and answers each item on its own', async () => {
    const writer = recordingWriter();
    writer.open();
    const queue = new GroupCommitQueue(
      { windowMs: 5, maxBatch: 100, maxInFlight: 1, maxWaitMs: 1000 },
      writer.write,
      String,
      busy,
    );
    const results = [2, 3, 4].map((item) => settle(queue.submit(item)));
    expect(writer.batches).toEqual([]);
    await jest.advanceTimersByTimeAsync(5);
    expect(writer.batches).toEqual([[2, 3, 4]]);
    expect(await Promise.all(results)).toEqual([{ value: 4 }, { error: 'odd 3' }, { value: 8 }]);
  });

  it('writes a full batch at once, and what arrives while the writer is busy goes next', async () => {
    const writer = recordingWriter();
    const queue = new GroupCommitQueue(
      { windowMs: 1000, maxBatch: 2, maxInFlight: 1, maxWaitMs: 60_000 },
      writer.write,
      String,
      busy,
    );
    const first = [settle(queue.submit(2)), settle(queue.submit(4))];
    expect(writer.batches).toEqual([[2, 4]]);
    const later = [settle(queue.submit(6)), settle(queue.submit(8)), settle(queue.submit(10))];
    expect(writer.batches).toHaveLength(1);
    writer.open();
    await Promise.all(first);
    await jest.advanceTimersByTimeAsync(0);
    expect(writer.batches).toEqual([[2, 4], [6, 8], [10]]);
    expect(await Promise.all(later)).toEqual([{ value: 12 }, { value: 16 }, { value: 20 }]);
  });

  it('fails every item of a failed batch, and only that batch', async () => {
    const writer = recordingWriter((items) => items.includes(0));
    writer.open();
    const queue = new GroupCommitQueue(
      { windowMs: 5, maxBatch: 2, maxInFlight: 2, maxWaitMs: 1000 },
      writer.write,
      (error) => ({ failed: String(error) }),
      busy,
    );
    const doomed = [settle(queue.submit(0)), settle(queue.submit(2))];
    const fine = [settle(queue.submit(4)), settle(queue.submit(6))];
    expect(await Promise.all(doomed)).toEqual([
      { error: { failed: 'Error: the transaction failed' } },
      { error: { failed: 'Error: the transaction failed' } },
    ]);
    expect(await Promise.all(fine)).toEqual([{ value: 8 }, { value: 12 }]);
  });

  it('drains: writes what waits and returns once nothing is in flight', async () => {
    const writer = recordingWriter();
    writer.open();
    const queue = new GroupCommitQueue(
      { windowMs: 1000, maxBatch: 10, maxInFlight: 1, maxWaitMs: 60_000 },
      writer.write,
      String,
      busy,
    );
    const result = settle(queue.submit(2));
    await queue.drain();
    expect(await result).toEqual({ value: 4 });
    expect(queue.pending).toBe(0);
  });

  it('refuses, unwritten, what waited longer than maxWaitMs for a busy writer, and writes the rest', async () => {
    const writer = recordingWriter();
    const queue = new GroupCommitQueue(
      { windowMs: 1, maxBatch: 1, maxInFlight: 1, maxWaitMs: 100 },
      writer.write,
      String,
      busy,
    );
    const first = settle(queue.submit(2));
    const stale = settle(queue.submit(4));
    await jest.advanceTimersByTimeAsync(150);
    const fresh = settle(queue.submit(6));
    writer.open();
    expect(await Promise.all([first, stale, fresh])).toEqual([{ value: 4 }, { error: 'busy' }, { value: 12 }]);
    expect(writer.batches).toEqual([[2], [6]]);
  });
});
