import type { EntityManager } from '@mikro-orm/postgresql';
import type { AssessmentView, CreateAssessmentBody } from '@invigil/contracts';
import { Requests } from '@invigil/contracts';
import type { RunningTestService } from '@invigil/server-testing';
import { RawNats, uniqueTag } from '@invigil/server-testing';
import type { SessionsEnv } from '../../src/config/env';
import { EnrollmentPeer } from './enrollment-peer';
import { threeQuestionAssessment } from './fixtures';
import { databaseOf, deleteQueueKeys, startSessionsService } from './sessions-under-test';

/**
 * What every sessions suite runs against: the real service under a tag of its own (schema, NATS
 * prefix, BullMQ keys), a raw NATS connection to talk to it, and enrollment played by a peer.
 * `start()` in `beforeAll`, `stop()` in `afterAll`; `service` is replaced by `restart()`.
 */
export class SessionsSuite {
  readonly tag = uniqueTag();
  private running: RunningTestService<SessionsEnv> | undefined;
  private connection: RawNats | undefined;
  private peer: EnrollmentPeer | undefined;

  /** `extraEnv` adds to the service's environment (e.g. a wider group-commit window). */
  constructor(private readonly extraEnv: Record<string, string> = {}) {}

  get service(): RunningTestService<SessionsEnv> {
    return started(this.running, 'service');
  }

  get nats(): RawNats {
    return started(this.connection, 'nats');
  }

  get enrollment(): EnrollmentPeer {
    return started(this.peer, 'enrollment');
  }

  async start(): Promise<this> {
    this.running = await startSessionsService(this.tag, this.extraEnv);
    this.connection = await RawNats.connect(this.tag);
    this.peer = new EnrollmentPeer(this.connection);
    this.peer.start();
    return this;
  }

  /** Stops the service as a crash would (its rows, stream and jobs stay), runs `whileDown`, starts it again. */
  async restart(whileDown: () => Promise<unknown> = () => Promise.resolve()): Promise<void> {
    await this.service.close();
    await whileDown();
    this.running = await startSessionsService(this.tag, this.extraEnv);
  }

  /** Another replica of the service on the same schema, subjects and queues (stop it before `stop()`). */
  startReplica(): Promise<RunningTestService<SessionsEnv>> {
    return startSessionsService(this.tag, this.extraEnv);
  }

  /** A fresh EntityManager on the service's own schema, for reading and nudging rows directly. */
  db(): EntityManager {
    return databaseOf(this.service);
  }

  /** An assessment created over NATS, as its author would. */
  async createAssessment(
    orgId: string,
    actorId: string,
    assessment: CreateAssessmentBody = threeQuestionAssessment(),
  ): Promise<AssessmentView> {
    const reply = await this.nats.request<AssessmentView>(Requests.createAssessment, { orgId, actorId, assessment });
    if (!reply.response) throw new Error(`Could not create the suite's assessment: ${JSON.stringify(reply.err)}`);
    return reply.response;
  }

  async stop(): Promise<void> {
    this.peer?.stop();
    await this.connection?.deleteStream();
    await this.connection?.close();
    await this.running?.stop();
    await deleteQueueKeys(this.tag);
  }
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The suite's ${what} is not started: call suite.start() in beforeAll`);
  return value;
}
