import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Events, SessionRescheduledEvent } from '@invigil/contracts';
import { EventConsumer } from '@invigil/server-platform';
import { UserAccount } from '../accounts/user.entity';
import { EnrollmentEnv } from '../config/env';
import { Mailer } from '../invitations/mailer';
import { Participant } from '../participants/participant.entity';
import { composeRescheduleNotice } from './reschedule-notice';

/**
 * Emails about emergency procedures: when a started or paused session is rescheduled, every
 * participant on the roster (candidates writing and the invited who have not joined) gets the new
 * time in their own time zone. A failed mail is logged and does not hold the others back; the
 * in-session system message (messaging service) tells those already on the exam page.
 */
@Injectable()
export class SessionNoticesHandlers implements OnModuleInit {
  private readonly logger = new Logger(SessionNoticesHandlers.name);

  constructor(
    private readonly consumer: EventConsumer,
    private readonly mailer: Mailer,
    private readonly env: EnrollmentEnv,
  ) {}

  onModuleInit(): void {
    this.consumer.on(Events.sessionRescheduled, async (event, em) => {
      // A reschedule before the start is a settings edit; the invitations carry the new time then.
      if (event.whileRunning) await this.mailEveryParticipant(em, event);
    });
  }

  private async mailEveryParticipant(em: EntityManager, event: SessionRescheduledEvent): Promise<void> {
    const participants = await em.find(Participant, { orgId: event.orgId, sessionId: event.sessionId });
    const users = await em.find(UserAccount, { id: participants.map((p) => p.userId) });
    for (const user of users) {
      const mail = composeRescheduleNotice({
        to: { email: user.email, displayName: user.displayName, timeZone: user.timeZone },
        sessionName: event.name ?? 'your exam',
        startsAt: new Date(event.scheduledAt),
        message: event.message,
        link: `${this.env.PUBLIC_URL}/exam/${event.sessionId}`,
      });
      try {
        await this.mailer.send(mail);
      } catch (error) {
        this.logger.error(`Reschedule notice to ${user.email} could not be sent: ${String(error)}`);
      }
    }
  }
}
