import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { KnownSessionsModule } from '../known-sessions/known-sessions.module';
import { ParticipationService } from './participation.service';
import { RosterAdditions } from './roster-additions';
import { RosterController } from './roster.controller';
import { RosterService } from './roster.service';

/** A session's roster: joining with a code, the proctor's additions and changes; offers the adding path to import. */
@Module({
  imports: [KnownSessionsModule, IdentityModule, InvitationsModule],
  controllers: [RosterController],
  providers: [RosterService, ParticipationService, RosterAdditions],
  exports: [RosterAdditions],
})
export class RosterModule {}
