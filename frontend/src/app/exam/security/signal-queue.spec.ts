import type { RecordSignalBody } from '@invigil/contracts';
import { SignalKind } from '@invigil/contracts';
import { SignalQueue } from './signal-queue';

const at = (second: number) => `2026-03-01T10:00:${String(second).padStart(2, '0')}.000Z`;
const signalOf = (kind: SignalKind, second: number): RecordSignalBody => ({ kind, occurredAt: at(second) });

class Transient extends Error {}

/** Lets the queue's promise callbacks run. */
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('SignalQueue', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function queueWith(send: (item: RecordSignalBody) => Promise<unknown>, maxQueued?: number) {
    return new SignalQueue({
      send,
      isTransient: (error) => error instanceof Transient,
      retryDelaysMs: [1_000],
      maxQueued,
    });
  }

  it('sends signals one at a time, in the order they happened', async () => {
    const sent: string[] = [];
    const queue = queueWith(async (item) => sent.push(item.kind));
    queue.push(signalOf(SignalKind.TabHidden, 1));
    queue.push(signalOf(SignalKind.WindowBlurred, 2));
    await flush();
    await flush();
    expect(sent).toEqual([SignalKind.TabHidden, SignalKind.WindowBlurred]);
    expect(queue.pending()).toEqual([]);
  });

  it('keeps a signal through a network failure and sends it, with its original time, once the server answers', async () => {
    let online = false;
    const delivered: RecordSignalBody[] = [];
    const queue = queueWith(async (item) => {
      if (!online) throw new Transient('offline');
      delivered.push(item);
    });
    queue.push(signalOf(SignalKind.CopyAttempted, 5));
    queue.push(signalOf(SignalKind.PasteAttempted, 6));
    await flush();
    expect(queue.pending()).toHaveLength(2);

    online = true;
    jest.advanceTimersByTime(1_000);
    await flush();
    await flush();
    expect(delivered).toEqual([signalOf(SignalKind.CopyAttempted, 5), signalOf(SignalKind.PasteAttempted, 6)]);
  });

  it('retries at once when asked (the browser is back online)', async () => {
    let online = false;
    const delivered: string[] = [];
    const queue = queueWith(async (item) => {
      if (!online) throw new Transient('offline');
      delivered.push(item.kind);
    });
    queue.push(signalOf(SignalKind.TabHidden, 1));
    await flush();
    online = true;
    queue.retryNow();
    await flush();
    expect(delivered).toEqual([SignalKind.TabHidden]);
  });

  it('drops a signal the server refuses for good and goes on with the next', async () => {
    const delivered: string[] = [];
    const queue = queueWith(async (item) => {
      if (item.kind === SignalKind.ContextMenu) throw new Error('400 Bad Request');
      delivered.push(item.kind);
    });
    queue.push(signalOf(SignalKind.ContextMenu, 1));
    queue.push(signalOf(SignalKind.TabHidden, 2));
    await flush();
    await flush();
    expect(delivered).toEqual([SignalKind.TabHidden]);
    expect(queue.pending()).toEqual([]);
  });

  it('keeps only the newest signals when an outage lasts very long', async () => {
    const queue = queueWith(() => Promise.reject(new Transient('offline')), 2);
    queue.push(signalOf(SignalKind.TabHidden, 1));
    await flush();
    queue.push(signalOf(SignalKind.WindowBlurred, 2));
    queue.push(signalOf(SignalKind.CopyAttempted, 3));
    expect(queue.pending().map((item) => item.kind)).toEqual([SignalKind.WindowBlurred, SignalKind.CopyAttempted]);
  });
});
