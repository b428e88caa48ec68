import { Module } from '@nestjs/common';
import { KnownSessionsModule } from '../known-sessions/known-sessions.module';
import { IdentityStatuses } from './identity-statuses';
import { IdentityController } from './identity.controller';
import { IdentityService } from './identity.service';

/** Identity checks (photos and the proctor's decision), and the identity status every participant view carries. */
@Module({
  imports: [KnownSessionsModule],
  controllers: [IdentityController],
  providers: [IdentityService, IdentityStatuses],
  exports: [IdentityStatuses],
})
export class IdentityModule {}
