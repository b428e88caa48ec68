import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuthModule } from '../auth/auth.module';
import { SecurityModule } from '../security/security.module';
import { EventFanout } from './event-fanout';
import { PresenceTracker } from './presence-tracker';
import { RealtimeGateway } from './realtime.gateway';

/** Socket.IO: the same token, session access and Safe Exam Browser rules as the HTTP API. */
@Module({
  imports: [AccessModule, AuthModule, SecurityModule],
  providers: [EventFanout, RealtimeGateway, PresenceTracker],
})
export class RealtimeModule {}
