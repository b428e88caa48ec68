import { Organization } from './accounts/organization.entity';
import { UserAccount } from './accounts/user.entity';
import { IdentityCheck } from './identity/identity-check.entity';
import { SessionRule } from './identity/session-rule.entity';
import { InvitationToken } from './invitations/invitation-token.entity';
import { Participant } from './roster/participant.entity';

export const enrollmentEntities = [Organization, UserAccount, Participant, InvitationToken, SessionRule, IdentityCheck];
