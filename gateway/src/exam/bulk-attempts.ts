import { Injectable } from '@nestjs/common';
import type {
  AccessTokenClaims,
  AttemptSummaryView,
  BulkAttemptBody,
  BulkAttemptOutcome,
  BulkAttemptResult,
} from '@invigil/contracts';
import { Requests } from '@invigil/contracts';
import { RemoteCallError, RpcClient } from '@invigil/server-platform';
import { SessionAccess } from '../access/session-access';

/** How many candidates are acted on at once: quick for a hall, without flooding sessions. */
const PARALLEL = 8;

const DONE: Record<BulkAttemptBody['action'], (minutes: number | undefined) => string> = {
  pause: () => 'Paused',
  resume: () => 'Resumed',
  extend: (minutes) => `Given ${minutes ?? 0} more minute${minutes === 1 ? '' : 's'}`,
};

/**
 * One proctor action on many candidates, each its own request to sessions: one refusal (already
 * submitted, not started) never stops the others, and every candidate gets an outcome saying what
 * happened, in the order asked. Ids not on this session's roster are refused without being tried.
 */
@Injectable()
export class BulkAttempts {
  constructor(
    private readonly rpc: RpcClient,
    private readonly access: SessionAccess,
  ) {}

  async run(user: AccessTokenClaims, sessionId: string, body: BulkAttemptBody): Promise<BulkAttemptResult> {
    // A session of another organization is a 404 for the whole request, like every other route.
    await this.access.assertCanWatch(user, sessionId);
    const roster = await this.rpc.request(Requests.listParticipants, {
      orgId: user.orgId,
      sessionId,
    });
    const names = new Map(roster.map((participant) => [participant.userId, participant.displayName]));
    const outcomes: BulkAttemptOutcome[] = new Array(body.userIds.length);
    let next = 0;
    const worker = async () => {
      while (next < body.userIds.length) {
        const index = next++;
        const userId = body.userIds[index] as string;
        outcomes[index] = await this.one(user, sessionId, body, userId, names.get(userId) ?? null);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, body.userIds.length) }, worker));
    const done = outcomes.filter((outcome) => outcome.ok).length;
    return { action: body.action, done, refused: outcomes.length - done, outcomes };
  }

  private async one(
    user: AccessTokenClaims,
    sessionId: string,
    body: BulkAttemptBody,
    userId: string,
    displayName: string | null,
  ): Promise<BulkAttemptOutcome> {
    if (displayName === null)
      return {
        userId,
        displayName,
        ok: false,
        message: "Not on this session's roster; nothing was done.",
        attempt: null,
      };
    const request = { orgId: user.orgId, actorId: user.sub, sessionId, userId, reason: body.reason };
    try {
      const attempt: AttemptSummaryView =
        body.action === 'extend'
          ? // The body's validation requires minutes for extend.
            await this.rpc.request(Requests.extendAttempt, { ...request, minutes: body.minutes ?? 0 })
          : await this.rpc.request(body.action === 'pause' ? Requests.pauseAttempt : Requests.resumeAttempt, request);
      return { userId, displayName, ok: true, message: DONE[body.action](body.minutes), attempt };
    } catch (error) {
      const message =
        error instanceof RemoteCallError
          ? error.body.message
          : 'The sessions service did not answer; nothing is known to have changed. Try this candidate again.';
      return { userId, displayName, ok: false, message, attempt: null };
    }
  }
}
