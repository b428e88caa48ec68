import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { FileIncidentRequest, IncidentView, ListIncidentsRequest, RecordDetail } from '@invigil/contracts';
import { RecordKind } from '@invigil/contracts';
import { incidentClassificationProblem, incidentScopeProblem } from '@invigil/domain';
import { RpcClient, RpcError } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { appendRecordEntry } from '../record/record-append';
import { staff } from '../record/record-actors';
import { affectedUsersOf } from './affected-users';
import { Incident } from './incident.entity';
import { assertCandidateInSession, checkedEvidence } from './incident-evidence';

/** Incidents a proctor files: checked, stored and put in the session record in one transaction. */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
  ) {}

  async file(request: FileIncidentRequest): Promise<IncidentView> {
    const problem =
      incidentClassificationProblem(request.category, request.subCategory) ?? incidentScopeProblem(request);
    if (problem) throw RpcError.invalid(problem, [problem]);
    const description = request.description.trim();
    if (description.length < 3) {
      throw RpcError.invalid('Describe what happened in at least 3 characters.', ['description: too short']);
    }
    const em = this.em.fork();
    await assertCandidateInSession(em, request);
    const evidence = await checkedEvidence(em, this.rpc, request);
    return em.transactional(async (tx) => {
      const filedAt = new Date();
      const incident = tx.create(Incident, {
        id: randomUUID(),
        orgId: request.orgId,
        sessionId: request.sessionId,
        userId: request.userId ?? null,
        category: request.category,
        subCategory: request.subCategory,
        severity: request.severity,
        description,
        actionTaken: request.actionTaken?.trim() || null,
        evidence,
        affectedUsers: request.documentAffectedUsers
          ? await affectedUsersOf(tx, request.orgId, request.sessionId)
          : null,
        actorId: request.actorId,
        actorRole: request.actorRole,
        filedAt,
        recordSeq: 0,
      });
      const entry = await appendRecordEntry(
        tx,
        { id: incident.id, at: filedAt },
        {
          orgId: incident.orgId,
          sessionId: incident.sessionId,
          kind: RecordKind.IncidentFiled,
          userId: incident.userId,
          actor: staff(incident.actorId, incident.actorRole),
          detail: recordDetailOf(incident),
        },
      );
      incident.recordSeq = entry.seq;
      await tx.flush();
      return incident.toView();
    });
  }

  async list(request: ListIncidentsRequest): Promise<IncidentView[]> {
    const rows = await this.em
      .fork()
      .find(
        Incident,
        { orgId: request.orgId, sessionId: request.sessionId },
        { orderBy: { filedAt: 'asc', id: 'asc' } },
      );
    return rows.map((row) => row.toView());
  }
}

/** What the record keeps of an incident: everything filed, so the record alone answers an appeal. */
function recordDetailOf(incident: Incident): RecordDetail {
  return {
    incidentId: incident.id,
    category: incident.category,
    subCategory: incident.subCategory,
    severity: incident.severity,
    description: incident.description,
    actionTaken: incident.actionTaken,
    evidence: {
      alertIds: incident.evidence.alertIds,
      snapshotIds: incident.evidence.snapshotIds,
      messageIds: incident.evidence.messageIds,
    },
    affectedUsers:
      incident.affectedUsers?.map((user) => ({
        userId: user.userId,
        displayName: user.displayName,
        status: user.status,
        answeredCount: user.answeredCount,
        totalQuestions: user.totalQuestions,
      })) ?? null,
  };
}
