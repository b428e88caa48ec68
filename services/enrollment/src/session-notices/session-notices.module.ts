import { Module } from '@nestjs/common';
import { InvitationsModule } from '../invitations/invitations.module';
import { SessionNoticesHandlers } from './session-notices.handlers';

/** Emails to a session's participants about emergency procedures (a live reschedule). */
@Module({
  imports: [InvitationsModule],
  providers: [SessionNoticesHandlers],
})
export class SessionNoticesModule {}
