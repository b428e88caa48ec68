import type { AttemptView, RpcErrorBody, SaveAnswerAck, SaveAnswerRequest } from '@invigil/contracts';
import { RpcErrorCode } from '@invigil/contracts';
import { freePort, ManagedProcess, waitUntilReady } from '@invigil/local-stack';
import type { RpcError } from '@invigil/server-platform';
import type { RunningTestService } from '@invigil/server-testing';
import { at, eventually } from '@invigil/server-testing';
import { randomUUID } from 'node:crypto';
import { AnswerSavingService } from '../src/attempts/answer-saving.service';
import { AttemptControlService } from '../src/attempts/attempt-control.service';
import type { SessionsEnv } from '../src/config/env';
import { announcedProgress } from './support/events';
import type { ExamUnderTest, SaveResult } from './support/save-traffic';
import { saveOf, sendSave, sessionsProcess, startExam } from './support/save-traffic';
import { SessionsSuite } from './support/sessions-suite';

interface StoredRow {
  user_id: string;
  question_id: string;
  client_seq: number;
  selected_option: number;
}

/** A save handled by one particular replica, its refusal as the caller would receive it. */
async function saveThrough(
  replica: RunningTestService<SessionsEnv>,
  request: SaveAnswerRequest,
): Promise<{ ack?: SaveAnswerAck; refused?: RpcErrorBody }> {
  try {
    return { ack: await replica.app.get(AnswerSavingService).save(request) };
  } catch (error) {
    return { refused: (error as RpcError).body };
  }
}

describe('sessions service: group commit of saves (real PostgreSQL, NATS, Redis; two replicas; a SIGKILLed process)', () => {
  // A wide window makes "these saves share one batch" certain in the first test.
  const suite = new SessionsSuite({ SAVE_BATCH_WINDOW_MS: '40' });
  let exam: ExamUnderTest;
  let replicaB: RunningTestService<SessionsEnv> | undefined;

  beforeAll(async () => {
    await suite.start();
    exam = await startExam(suite, 6);
  });

  afterAll(async () => {
    await replicaB?.close();
    await suite.stop();
  });

  const candidate = (index: number): [string, AttemptView] => at([...exam.attempts.entries()], index);
  const storedAnswers = (): Promise<StoredRow[]> =>
    suite.db().execute<StoredRow[]>(
      `select t.user_id, a.question_id, a.client_seq, (a.value->>'selectedOption')::int as selected_option
          from answer a join attempt t on t.id = a.attempt_id where t.session_id = ?`,
      [exam.session.id],
    );

  it('writes saves arriving together in one batch, refusing only the bad ones with their own reasons', async () => {
    const [one, attemptOne] = candidate(0);
    const [two, attemptTwo] = candidate(1);
    const q = (attempt: AttemptView, index: number) => at(attempt.questions, index).id;
    const foreign = randomUUID();
    const results = await Promise.all([
      sendSave(suite, saveOf(exam, one, q(attemptOne, 0), 1, 1)),
      sendSave(suite, saveOf(exam, one, q(attemptOne, 1), 1, 9)),
      sendSave(suite, saveOf(exam, two, q(attemptTwo, 0), 1, 0)),
      sendSave(suite, saveOf(exam, two, foreign, 1, 0)),
      sendSave(suite, saveOf(exam, randomUUID(), q(attemptTwo, 0), 1, 0)),
      sendSave(suite, saveOf(exam, two, q(attemptTwo, 2), 1, 2)),
    ]);
    const acks = results.flatMap((result) => ('ack' in result ? [result.ack] : []));
    expect(acks.map((ack) => [ack.storedSeq, ack.answeredCount])).toEqual([
      [1, 1],
      [1, 2],
      [1, 2],
    ]);
    // One transaction: every accepted save of the batch carries the batch's one time.
    expect(new Set(acks.map((ack) => ack.savedAt)).size).toBe(1);
    expect(at(results, 1)).toEqual({
      refused: expect.objectContaining({
        code: RpcErrorCode.ValidationFailed,
        message: expect.stringContaining('This answer does not fit the question'),
      }),
    });
    expect(at(results, 3)).toEqual({
      refused: expect.objectContaining({
        code: RpcErrorCode.ValidationFailed,
        message: `Question ${foreign} is not part of this assessment; reload the exam to get its questions.`,
      }),
    });
    expect(at(results, 4)).toEqual({
      refused: {
        code: RpcErrorCode.NotFound,
        message: 'You have no attempt in this session yet. Open the assessment before answering.',
      },
    });
    expect((await storedAnswers()).map((row) => row.selected_option).sort()).toEqual([0, 1, 2]);
  });

  it('settles concurrent saves of one question through two replicas on the highest sequence', async () => {
    replicaB = await suite.startReplica();
    const [userId, attempt] = candidate(2);
    const questionId = at(attempt.questions, 0).id;
    const seqs = Array.from({ length: 30 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
    const replicas = [suite.service, replicaB];
    const results = await Promise.all(
      seqs.map((seq, i) => saveThrough(at(replicas, i % 2), saveOf(exam, userId, questionId, seq, seq % 3))),
    );
    for (const [i, result] of results.entries()) expect(result.ack?.storedSeq).toBeGreaterThanOrEqual(at(seqs, i));
    const stored = (await storedAnswers()).find((row) => row.user_id === userId);
    expect(stored).toMatchObject({ client_seq: 30, selected_option: 30 % 3 });
  });

  it('obeys an extension and a pause made through the other replica at once', async () => {
    const b = replicaB as RunningTestService<SessionsEnv>;
    const control = b.app.get(AttemptControlService);
    const [late, lateAttempt] = candidate(3);
    const [paused, pausedAttempt] = candidate(4);
    const db = suite.db();
    // Time ran out an hour ago (the deadline job is still far away, so the attempt stays open).
    await db.execute(`update attempt set started_at = now() - interval '2 hours' where id = ?`, [lateAttempt.id]);
    const before = await saveThrough(suite.service, saveOf(exam, late, at(lateAttempt.questions, 0).id, 1, 1));
    expect(before.refused).toEqual({
      code: RpcErrorCode.Conflict,
      message: 'Time is over; this answer was not saved.',
    });
    await control.extend({ ...proctorOf(exam), userId: late, minutes: 120 });
    const after = await saveThrough(suite.service, saveOf(exam, late, at(lateAttempt.questions, 0).id, 2, 1));
    expect(after.ack?.storedSeq).toBe(2);

    await control.pause({ ...proctorOf(exam), userId: paused });
    // While paused the clock stands still, however long ago the attempt started.
    await db.execute(`update attempt set started_at = now() - interval '3 hours' where id = ?`, [pausedAttempt.id]);
    const whilePaused = await saveThrough(suite.service, saveOf(exam, paused, at(pausedAttempt.questions, 0).id, 1, 2));
    expect(whilePaused.ack?.storedSeq).toBe(1);
    await control.resume({ ...proctorOf(exam), userId: paused });
    const resumed = await saveThrough(suite.service, saveOf(exam, paused, at(pausedAttempt.questions, 0).id, 2, 0));
    expect(resumed.refused?.code).toBe(RpcErrorCode.Conflict);
  });

  it("announces the right answered count after a burst of saves (the proctor's view)", async () => {
    const [userId, attempt] = candidate(5);
    let seq = 0;
    const burst = Array.from({ length: 24 }, (_, i) =>
      sendSave(suite, saveOf(exam, userId, at(attempt.questions, i % 3).id, ++seq, i % 3)),
    );
    expect((await Promise.all(burst)).every((result) => 'ack' in result)).toBe(true);
    const entries = await eventually(
      async () => {
        const all = await announcedProgress(suite.nats, attempt.id);
        return all.at(-1)?.answeredCount === 3 ? all : undefined;
      },
      3_000,
      'a progress event with all 3 answered',
    );
    // Coalesced: far fewer events than saves, and never a count going back.
    expect(entries.length).toBeLessThan(24);
    expect(entries.map((entry) => entry.answeredCount)).toEqual(
      [...entries.map((entry) => entry.answeredCount)].sort((a, b) => a - b),
    );
  });

  it('loses no acknowledged save when a replica is SIGKILLed mid-batch, and reports nothing unacknowledged as saved', async () => {
    await replicaB?.close();
    replicaB = undefined;
    const sent: { request: SaveAnswerRequest; result?: SaveResult }[] = [];
    await suite.restart(async () => {
      const port = await freePort();
      const child = new ManagedProcess(sessionsProcess(suite.tag, port, { SAVE_BATCH_WINDOW_MS: '20' }));
      await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, child);
      let sending = true;
      const writer = async (userId: string, attempt: AttemptView) => {
        for (let seq = 100; sending; seq++) {
          const entry: (typeof sent)[number] = {
            request: saveOf(exam, userId, at(attempt.questions, seq % 3).id, seq, seq % 3),
          };
          sent.push(entry);
          entry.result = await sendSave(suite, entry.request, 2_000);
        }
      };
      // Every candidate whose clock still runs (the paused-then-resumed one is out of time).
      const writers = [0, 1, 2, 3, 5].map((index) => writer(...candidate(index)));
      await eventually(() => sent.filter((entry) => entry.result && 'ack' in entry.result).length >= 60, 30_000);
      child.child.kill('SIGKILL');
      await child.exited();
      sending = false;
      await Promise.all(writers);
    });
    const acked = sent.filter((entry) => entry.result && 'ack' in entry.result);
    const unacked = sent.filter((entry) => !(entry.result && 'ack' in entry.result));
    expect(acked.length).toBeGreaterThanOrEqual(60);
    // Saves were on their way when the process died: they got no acknowledgement.
    expect(unacked.length).toBeGreaterThan(0);
    expect(unacked.filter((entry) => !(entry.result && 'failed' in entry.result))).toEqual([]);
    const stored = new Map((await storedAnswers()).map((row) => [`${row.user_id}/${row.question_id}`, row] as const));
    for (const { request } of acked) {
      const row = stored.get(`${request.userId}/${request.questionId}`);
      expect(row?.client_seq).toBeGreaterThanOrEqual(request.clientSeq);
    }
    // What is stored is exactly a save that was sent (acknowledged, or committed as the process died).
    for (const row of stored.values()) {
      const source = sent.find(
        (entry) => entry.request.userId === row.user_id && entry.request.clientSeq === row.client_seq,
      );
      if (row.client_seq >= 100) expect(source?.request.answer).toEqual({ selectedOption: row.selected_option });
    }
  });
});

function proctorOf(exam: ExamUnderTest): { orgId: string; actorId: string; sessionId: string } {
  return { orgId: exam.orgId, actorId: exam.proctorId, sessionId: exam.session.id };
}
