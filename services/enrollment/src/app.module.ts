import { DynamicModule, Module } from '@nestjs/common';
import { ServicePlatformModule } from '@invigil/server-platform';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { EnrollmentEnv } from './config/env';
import { enrollmentEntities } from './entities';
import { IdentityStatuses } from './identity/identity-statuses';
import { IdentityController } from './identity/identity.controller';
import { IdentityService } from './identity/identity.service';
import { SessionRules } from './identity/session-rules';
import { ImportController } from './import/import.controller';
import { ImportService } from './import/import.service';
import { InvitationService } from './invitations/invitation.service';
import { InvitationsController } from './invitations/invitations.controller';
import { Mailer } from './invitations/mailer';
import { enrollmentMigrations } from './migrations';
import { RosterStatusHandlers } from './roster/roster-status.handlers';
import { RosterController } from './roster/roster.controller';
import { RosterService } from './roster/roster.service';

@Module({})
export class EnrollmentModule {
  static forRoot(env: EnrollmentEnv, options: { startOutboxRelay?: boolean } = {}): DynamicModule {
    return {
      module: EnrollmentModule,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'enrollment',
          env,
          entities: enrollmentEntities,
          migrations: enrollmentMigrations,
          startOutboxRelay: options.startOutboxRelay,
        }),
      ],
      controllers: [AccountsController, RosterController, InvitationsController, ImportController, IdentityController],
      providers: [
        { provide: EnrollmentEnv, useValue: env },
        AccountsService,
        RosterService,
        RosterStatusHandlers,
        Mailer,
        InvitationService,
        ImportService,
        SessionRules,
        IdentityStatuses,
        IdentityService,
      ],
    };
  }
}
