import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import type { ParticipantView } from '@invigil/contracts';
import { Requests, Role } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { ScoringEnv } from '../config/env';
import { Result } from '../results/result.entity';
import { Mailer } from './mailer';
import { candidateReleaseMail, staffReleaseMail } from './release-mail-text';

const ADMIN_PAGE_SIZE = 100;

/** Sends one released session's mail: each candidate's notice, then the summary to its proctor and the org's admins. */
@Injectable()
export class ReleaseMailing {
  private readonly logger = new Logger(ReleaseMailing.name);

  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
    private readonly mailer: Mailer,
    private readonly env: ScoringEnv,
  ) {}

  async send(orgId: string, sessionId: string): Promise<void> {
    const session = await this.rpc.request(Requests.getSession, { orgId, sessionId });
    const participants = await this.rpc.request(Requests.listParticipants, { orgId, sessionId });
    const byUser = new Map<string, ParticipantView>(participants.map((p) => [p.userId, p]));
    const results = await this.em
      .fork()
      .find(Result, { orgId, sessionId, reopenedAt: null }, { fields: ['userId', 'passed', 'answersAwaitingReview'] });
    const link = `${this.env.PUBLIC_URL}/exam/${sessionId}`;
    for (const result of results) {
      const participant = byUser.get(result.userId);
      if (!participant) {
        this.logger.warn(`Candidate ${result.userId} of session ${sessionId} is no longer on its roster: not mailed`);
        continue;
      }
      await this.mailer.send(candidateReleaseMail(participant.email, participant.displayName, session.name, link));
    }
    const summary = {
      sessionName: session.name,
      candidates: results.length,
      passed: results.filter((r) => r.passed).length,
      provisional: results.filter((r) => r.answersAwaitingReview > 0).length,
      link: `${this.env.PUBLIC_URL}/proctor/sessions/${sessionId}/results`,
    };
    for (const email of await this.staffEmails(orgId, session.proctorId)) {
      await this.mailer.send(staffReleaseMail(email, summary));
    }
  }

  /** The session's proctor and every admin of the organization, each once. */
  private async staffEmails(orgId: string, proctorId: string): Promise<string[]> {
    const emails = new Set<string>([(await this.rpc.request(Requests.getUser, { orgId, userId: proctorId })).email]);
    for (let page = 1; ; page++) {
      const admins = await this.rpc.request(Requests.searchUsers, {
        orgId,
        roles: [Role.Admin],
        page,
        pageSize: ADMIN_PAGE_SIZE,
      });
      admins.items.forEach((admin) => emails.add(admin.email));
      if (page * admins.pageSize >= admins.total || admins.items.length === 0) break;
    }
    return [...emails];
  }
}
