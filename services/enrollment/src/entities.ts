import { Organization } from './accounts/organization.entity';
import { UserAccount } from './accounts/user.entity';
import { InvitationToken } from './invitations/invitation-token.entity';
import { Participant } from './roster/participant.entity';

export const enrollmentEntities = [Organization, UserAccount, Participant, InvitationToken];
