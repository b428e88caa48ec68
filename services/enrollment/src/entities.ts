import { Organization } from './accounts/organization.entity';
import { UserAccount } from './accounts/user.entity';
import { IdentityCheck } from './identity/identity-check.entity';
import { KnownSession } from './known-sessions/known-session.entity';
import { InvitationToken } from './invitations/invitation-token.entity';
import { Participant } from './participants/participant.entity';

export const enrollmentEntities = [
  Organization,
  UserAccount,
  Participant,
  InvitationToken,
  KnownSession,
  IdentityCheck,
];
