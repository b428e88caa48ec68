import { Module } from '@nestjs/common';
import { KnownSessions } from './known-sessions';
import { SessionLookup } from './session-lookup';

/** What enrollment knows of sessions: the local copy of their identity setting, and asking the sessions service. */
@Module({
  providers: [KnownSessions, SessionLookup],
  exports: [KnownSessions, SessionLookup],
})
export class KnownSessionsModule {}
