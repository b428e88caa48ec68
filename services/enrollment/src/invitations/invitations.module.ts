import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { InvitationService } from './invitation.service';
import { InvitationsController } from './invitations.controller';
import { Mailer } from './mailer';

/** Invitation mails with one-time sign-in links, and redeeming those links. */
@Module({
  imports: [AccountsModule],
  controllers: [InvitationsController],
  providers: [Mailer, InvitationService],
  exports: [InvitationService, Mailer],
})
export class InvitationsModule {}
