import type { EntityManager } from '@mikro-orm/postgresql';
import type { FileIncidentRequest, IncidentEvidence } from '@invigil/contracts';
import { Requests } from '@invigil/contracts';
import type { RpcClient } from '@invigil/server-platform';
import { RpcError } from '@invigil/server-platform';
import { LiveParticipant } from '../live/live-participant.entity';
import { Signal } from '../signals/signal.entity';
import { Snapshot } from '../snapshots/snapshot.entity';

const unique = (ids: string[] | undefined): string[] => [...new Set(ids ?? [])];

/**
 * The evidence an incident links to, each id checked to belong to the incident's session: alerts and
 * snapshots are monitoring's own rows, chat messages are asked of messaging. Any id from elsewhere
 * refuses the whole incident, naming the ids, so nothing is filed half-linked.
 */
export async function checkedEvidence(
  em: EntityManager,
  rpc: RpcClient,
  request: FileIncidentRequest,
): Promise<IncidentEvidence> {
  const evidence: IncidentEvidence = {
    alertIds: unique(request.alertIds),
    snapshotIds: unique(request.snapshotIds),
    messageIds: unique(request.messageIds),
  };
  const scope = { orgId: request.orgId, sessionId: request.sessionId };
  const problems: string[] = [];
  const alerts = await em.find(Signal, { ...scope, id: { $in: evidence.alertIds } }, { fields: ['id'] });
  problems.push(...foreign('alertIds', 'alerts', evidence.alertIds, alerts));
  const snapshots = await em.find(Snapshot, { ...scope, id: { $in: evidence.snapshotIds } }, { fields: ['id'] });
  problems.push(...foreign('snapshotIds', 'snapshots', evidence.snapshotIds, snapshots));
  if (evidence.messageIds.length > 0) {
    const { foreign: messages } = await rpc.request(Requests.messagesBelongToSession, {
      ...scope,
      messageIds: evidence.messageIds,
    });
    if (messages.length > 0) problems.push(`messageIds: ${messages.join(', ')} are not messages of this session`);
  }
  if (problems.length > 0) {
    throw RpcError.invalid(
      'Some evidence is not from this session. Link only alerts, snapshots and messages of this session.',
      problems,
    );
  }
  return evidence;
}

function foreign(field: string, what: string, asked: string[], found: { id: string }[]): string[] {
  const ours = new Set(found.map((row) => row.id));
  const others = asked.filter((id) => !ours.has(id));
  return others.length > 0 ? [`${field}: ${others.join(', ')} are not ${what} of this session`] : [];
}

/** The candidate an incident is filed on must be someone who joined this session. */
export async function assertCandidateInSession(em: EntityManager, request: FileIncidentRequest): Promise<void> {
  if (!request.userId) return;
  const row = await em.findOne(LiveParticipant, {
    orgId: request.orgId,
    sessionId: request.sessionId,
    userId: request.userId,
    participantId: { $ne: null },
  });
  if (!row) {
    throw RpcError.invalid(
      'That candidate is not in this session. File the incident on a candidate of this session, or on the session.',
      [`userId: ${request.userId} has not joined this session`],
    );
  }
}
