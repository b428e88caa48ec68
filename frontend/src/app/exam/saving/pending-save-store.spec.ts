import type { SaveAnswerAck } from '@invigil/contracts';
import { freshIndexedDb } from '../../../testing/indexeddb';
import { IdbPendingSaveStore } from './pending-save-store';
import type { PendingSave } from './save-queue';
import { SaveQueue } from './save-queue';
import { at } from '../../../testing/items';

class Offline extends Error {}

/** A server that never answers until told to, like a socket that is down. */
function silentServer() {
  const requests: { save: PendingSave; resolve: (ack: SaveAnswerAck) => void }[] = [];
  const send = (save: PendingSave) => new Promise<SaveAnswerAck>((resolve) => requests.push({ save, resolve }));
  const ack = (index: number) => {
    const { save, resolve } = at(requests, index);
    resolve({ ...save, storedSeq: save.clientSeq, answeredCount: 1, savedAt: '2026-01-01T00:00:00Z' });
  };
  return { requests, request: (index: number) => at(requests, index), send, ack };
}

/** Lets IndexedDB (fake-indexeddb schedules with setImmediate) and promise callbacks finish. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

/** A page opening: a new queue that takes back what the store holds for this candidate and session. */
async function pageWith(server: ReturnType<typeof silentServer>, userId = 'u1', sessionId = 's1', sending = true) {
  const queue = new SaveQueue({ send: server.send, isTransient: (e) => e instanceof Offline });
  queue.setSending(sending);
  await queue.restore(new IdbPendingSaveStore(userId, sessionId));
  return queue;
}

describe('SaveQueue with IndexedDB: nothing unacknowledged is lost on a reload', () => {
  beforeEach(freshIndexedDb);

  it('keeps answers made offline across a reload and resends them in the order they were made', async () => {
    const before = await pageWith(silentServer(), 'u1', 's1', false);
    before.enqueue('q2', { selectedOption: 1 });
    before.enqueue('q1', { text: 'draft' });
    before.enqueue('q3', { booleanValue: true });
    before.enqueue('q1', { text: 'final answer' });
    await flush();
    before.dispose();

    const server = silentServer();
    const after = await pageWith(server);

    expect(server.requests.map((r) => r.save)).toEqual([
      { questionId: 'q2', clientSeq: 1, answer: { selectedOption: 1 } },
    ]);
    server.ack(0);
    await flush();
    server.ack(1);
    await flush();
    server.ack(2);
    await flush();
    expect(server.requests.map((r) => [r.save.questionId, r.save.clientSeq, r.save.answer])).toEqual([
      ['q2', 1, { selectedOption: 1 }],
      ['q3', 1, { booleanValue: true }],
      ['q1', 2, { text: 'final answer' }],
    ]);
    expect(after.state()).toBe('saved');
  });

  it('forgets a save once acknowledged, so the next page sends nothing again', async () => {
    const server = silentServer();
    const before = await pageWith(server);
    before.enqueue('q1', { selectedOption: 0 });
    await flush();
    server.ack(0);
    await flush();

    const next = silentServer();
    await pageWith(next);
    expect(next.requests).toHaveLength(0);
  });

  it('continues the numbering after a reload past both the waiting saves and what the server stored', async () => {
    const before = await pageWith(silentServer(), 'u1', 's1', false);
    before.enqueue('q1', { selectedOption: 0 });
    before.enqueue('q1', { selectedOption: 1 });
    await flush();

    const server = silentServer();
    const after = await pageWith(server, 'u1', 's1', false);
    after.seed('q1', 1);
    after.seed('q2', 4);
    after.enqueue('q2', { selectedOption: 2 });
    after.enqueue('q1', { selectedOption: 3 });
    after.setSending(true);

    expect(server.request(0).save).toEqual({ questionId: 'q2', clientSeq: 5, answer: { selectedOption: 2 } });
    server.ack(0);
    await flush();
    expect(server.request(1).save).toEqual({ questionId: 'q1', clientSeq: 3, answer: { selectedOption: 3 } });
  });

  it('drops a waiting save the server had already stored before the reload', async () => {
    const before = await pageWith(silentServer(), 'u1', 's1', false);
    before.enqueue('q1', { selectedOption: 0 });
    await flush();

    const server = silentServer();
    const after = await pageWith(server, 'u1', 's1', false);
    after.seed('q1', 1);
    after.setSending(true);
    expect(server.requests).toHaveLength(0);
    expect(after.pending()).toHaveLength(0);
  });

  it('keeps each candidate and session apart', async () => {
    const mine = await pageWith(silentServer(), 'u1', 's1', false);
    mine.enqueue('q1', { selectedOption: 0 });
    await flush();

    const someoneElse = silentServer();
    await pageWith(someoneElse, 'u2', 's1');
    const otherSession = silentServer();
    await pageWith(otherSession, 'u1', 's2');
    expect(someoneElse.requests).toHaveLength(0);
    expect(otherSession.requests).toHaveLength(0);
  });
});
