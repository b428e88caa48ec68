import { Module } from '@nestjs/common';
import { ThrottlingModule } from '../throttling/throttling.module';
import { EnrollmentController } from './enrollment.controller';
import { JoinThrottle } from './join-throttle';
import { RosterImportController } from './roster-import.controller';
import { RosterController } from './roster.controller';

/** Joining with a code, the manual roster and the bulk import. */
@Module({
  imports: [ThrottlingModule],
  controllers: [EnrollmentController, RosterController, RosterImportController],
  providers: [JoinThrottle],
})
export class EnrollmentModule {}
