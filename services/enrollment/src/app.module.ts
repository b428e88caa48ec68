import { DynamicModule, Module } from '@nestjs/common';
import { ServicePlatformModule } from '@invigil/server-platform';
import { AccountsModule } from './accounts/accounts.module';
import { EnrollmentEnv } from './config/env';
import { enrollmentEntities } from './entities';
import { IdentityModule } from './identity/identity.module';
import { ImportModule } from './import/import.module';
import { InvitationsModule } from './invitations/invitations.module';
import { KnownSessionsModule } from './known-sessions/known-sessions.module';
import { enrollmentMigrations } from './migrations';
import { ParticipantsModule } from './participants/participants.module';
import { RosterModule } from './roster/roster.module';
import { SessionNoticesModule } from './session-notices/session-notices.module';

@Module({})
export class EnrollmentModule {
  /** Global so that every feature module reading a setting (invitations' mailer and links) gets the validated env. */
  static forRoot(env: EnrollmentEnv, options: { startOutboxRelay?: boolean } = {}): DynamicModule {
    return {
      module: EnrollmentModule,
      global: true,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'enrollment',
          env,
          entities: enrollmentEntities,
          migrations: enrollmentMigrations,
          startOutboxRelay: options.startOutboxRelay,
        }),
        AccountsModule,
        KnownSessionsModule,
        ParticipantsModule,
        IdentityModule,
        InvitationsModule,
        RosterModule,
        ImportModule,
        SessionNoticesModule,
      ],
      providers: [{ provide: EnrollmentEnv, useValue: env }],
      exports: [EnrollmentEnv],
    };
  }
}
