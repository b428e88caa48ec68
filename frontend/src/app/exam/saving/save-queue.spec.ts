import type { SaveAnswerAck } from '@invigil/contracts';
import type { PendingSave } from './save-queue';
import { SaveQueue } from './save-queue';
import { at } from '../../../testing/items';

class NetworkDown extends Error {}
class Refused extends Error {}

/** A send function the test answers by hand, one request at a time. */
function manualServer() {
  const requests: { save: PendingSave; resolve: (ack: SaveAnswerAck) => void; reject: (e: unknown) => void }[] = [];
  const send = (save: PendingSave) =>
    new Promise<SaveAnswerAck>((resolve, reject) => requests.push({ save, resolve, reject }));
  const ack = (index = requests.length - 1) => {
    const { save, resolve } = at(requests, index);
    resolve({ ...save, storedSeq: save.clientSeq, answeredCount: 1, savedAt: '2026-01-01T00:00:00Z' });
  };
  return { requests, request: (index: number) => at(requests, index), send, ack };
}

/** Lets promise callbacks run; the fake timers do not touch microtasks. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('SaveQueue', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function queueWith(server: ReturnType<typeof manualServer>, onRejected = jest.fn()) {
    return new SaveQueue({
      send: server.send,
      isTransient: (error) => error instanceof NetworkDown,
      onRejected,
      retryDelaysMs: [1_000, 5_000],
    });
  }

  it('is Saved when nothing is pending and Saving… until the server acknowledges', async () => {
    const server = manualServer();
    const queue = queueWith(server);
    expect(queue.state()).toBe('saved');

    queue.enqueue('q1', { selectedOption: 2 });
    expect(queue.state()).toBe('saving');

    server.ack();
    await settle();
    expect(queue.state()).toBe('saved');
  });

  it('sends one save at a time, in the order the answers were given, numbering each question', async () => {
    const server = manualServer();
    const queue = queueWith(server);
    queue.enqueue('q1', { selectedOption: 0 });
    queue.enqueue('q2', { selectedOption: 1 });
    expect(server.requests).toHaveLength(1);

    server.ack(0);
    await settle();
    server.ack(1);
    await settle();
    queue.enqueue('q1', { selectedOption: 3 });

    expect(server.requests.map((r) => r.save)).toEqual([
      { questionId: 'q1', clientSeq: 1, answer: { selectedOption: 0 } },
      { questionId: 'q2', clientSeq: 1, answer: { selectedOption: 1 } },
      { questionId: 'q1', clientSeq: 2, answer: { selectedOption: 3 } },
    ]);
  });

  it('replaces an unsent older answer to the same question instead of sending both', async () => {
    const server = manualServer();
    const queue = queueWith(server);
    queue.enqueue('q1', { selectedOption: 0 }); // in flight
    queue.enqueue('q2', { selectedOption: 0 }); // waiting
    queue.enqueue('q2', { selectedOption: 1 }); // supersedes the waiting one
    server.ack(0);
    await settle();

    expect(server.request(1).save).toEqual({ questionId: 'q2', clientSeq: 2, answer: { selectedOption: 1 } });
    expect(queue.pending()).toHaveLength(1);
  });

  it('shows Offline while the network is down and retries the same save in order', async () => {
    const server = manualServer();
    const queue = queueWith(server);
    queue.enqueue('q1', { selectedOption: 1 });
    queue.enqueue('q2', { selectedOption: 0 });

    server.request(0).reject(new NetworkDown());
    await settle();
    expect(queue.state()).toBe('offline');
    expect(server.requests).toHaveLength(1);

    jest.advanceTimersByTime(1_000);
    expect(server.request(1).save).toEqual({ questionId: 'q1', clientSeq: 1, answer: { selectedOption: 1 } });
    server.ack(1);
    await settle();

    expect(queue.state()).toBe('saving');
    expect(server.request(2).save.questionId).toBe('q2');
    server.ack(2);
    await settle();
    expect(queue.state()).toBe('saved');
  });

  it('backs off between retries but retries at once when told the browser is online', async () => {
    const server = manualServer();
    const queue = queueWith(server);
    queue.enqueue('q1', { selectedOption: 1 });
    server.request(0).reject(new NetworkDown());
    await settle();
    jest.advanceTimersByTime(1_000);
    server.request(1).reject(new NetworkDown());
    await settle();

    jest.advanceTimersByTime(4_000);
    expect(server.requests).toHaveLength(2);
    queue.retryNow();
    expect(server.requests).toHaveLength(3);
  });

  it('drops a save the server refuses for good and reports it, then carries on', async () => {
    const server = manualServer();
    const onRejected = jest.fn();
    const queue = queueWith(server, onRejected);
    queue.enqueue('q1', { selectedOption: 1 });
    queue.enqueue('q2', { selectedOption: 1 });

    server.request(0).reject(new Refused('attempt already submitted'));
    await settle();

    expect(onRejected).toHaveBeenCalledWith(
      { questionId: 'q1', clientSeq: 1, answer: { selectedOption: 1 } },
      expect.any(Refused),
    );
    expect(server.request(1).save.questionId).toBe('q2');
    expect(queue.state()).toBe('saving');
  });

  it('continues numbering after the sequence the server already stored', () => {
    const server = manualServer();
    const queue = queueWith(server);
    queue.seed('q1', 7);
    queue.enqueue('q1', { selectedOption: 0 });
    expect(server.request(0).save.clientSeq).toBe(8);
  });

  it('tells a submit to wait until every save is acknowledged', async () => {
    const server = manualServer();
    const queue = queueWith(server);
    queue.enqueue('q1', { selectedOption: 1 });
    let idle = false;
    void queue.whenIdle().then(() => (idle = true));
    await settle();
    expect(idle).toBe(false);

    server.ack();
    await settle();
    expect(idle).toBe(true);
  });

  it('holds saves while sending is off (no live view yet) and sends them in order once it is back on', async () => {
    const server = manualServer();
    const queue = queueWith(server);
    queue.setSending(false);
    queue.enqueue('q1', { selectedOption: 0 });
    queue.enqueue('q2', { selectedOption: 1 });
    expect(server.requests).toHaveLength(0);
    expect(queue.state()).toBe('saving');

    queue.setSending(true);
    expect(server.requests.map((r) => r.save.questionId)).toEqual(['q1']);
    server.ack(0);
    await settle();
    expect(server.requests.map((r) => r.save.questionId)).toEqual(['q1', 'q2']);
  });
});
