import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { InvitationRedemption, RedeemInvitationRequest, SessionView } from '@invigil/contracts';
import { ownTimeLimitSeconds } from '@invigil/domain';
import { RpcError } from '@invigil/server-platform';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service';
import { UserAccount } from '../accounts/user.entity';
import { EnrollmentEnv } from '../config/env';
import { Participant } from '../participants/participant.entity';
import { InvitationToken } from './invitation-token.entity';
import { composeInvitation } from './invitation-mail';
import { Mailer } from './mailer';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class InvitationService {
  private readonly logger = new Logger(InvitationService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly env: EnrollmentEnv,
    private readonly mailer: Mailer,
    private readonly accounts: AccountsService,
  ) {}

  /**
   * Mails each participant a fresh one-time sign-in link (after the roster change committed).
   * A mail that fails is logged and leaves invitationSentAt empty, so the roster shows it unsent.
   */
  async invite(session: SessionView, participantIds: string[]): Promise<void> {
    const em = this.em.fork();
    const participants = await em.find(Participant, { id: { $in: participantIds }, sessionId: session.id });
    for (const participant of participants) {
      const user = await em.findOne(UserAccount, { id: participant.userId });
      if (!user) continue;
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + this.env.INVITATION_TTL_HOURS * 3600_000);
      em.create(InvitationToken, {
        id: randomUUID(),
        tokenHash: hashToken(token),
        orgId: participant.orgId,
        userId: user.id,
        sessionId: session.id,
        participantId: participant.id,
        expiresAt,
        createdAt: new Date(),
      });
      await em.flush();
      const mail = composeInvitation({
        to: { email: user.email, displayName: user.displayName, timeZone: user.timeZone },
        session,
        // The limit the candidate's clock will run: their own only where the session applies individual limits.
        timeLimitSeconds: ownTimeLimitSeconds(session, participant),
        link: `${this.env.PUBLIC_URL}/invite/${token}`,
        expiresAt,
      });
      try {
        await this.mailer.send(mail);
        participant.invitationSentAt = new Date();
        await em.flush();
      } catch (error) {
        this.logger.error(`Invitation to ${user.email} could not be sent: ${String(error)}`);
      }
    }
  }

  /** Signs the invited user in once: the link stops working when used or expired. */
  async redeem(request: RedeemInvitationRequest): Promise<InvitationRedemption> {
    const em = this.em.fork();
    const tokenHash = hashToken(request.token);
    const now = new Date();
    const claimed = await em.nativeUpdate(
      InvitationToken,
      { tokenHash, usedAt: null, expiresAt: { $gt: now } },
      { usedAt: now },
    );
    const row = await em.findOne(InvitationToken, { tokenHash });
    if (!row) throw RpcError.unauthenticated('This invitation link is not valid. Ask your proctor to send a new one.');
    if (claimed === 0) {
      throw RpcError.unauthenticated(
        row.usedAt
          ? 'This invitation link has already been used. Sign in with your password, or ask your proctor to send a new one.'
          : 'This invitation link has expired. Ask your proctor to send a new one.',
      );
    }
    const user = await this.accounts.getUser({ orgId: row.orgId, userId: row.userId });
    return { user, sessionId: row.sessionId };
  }
}
