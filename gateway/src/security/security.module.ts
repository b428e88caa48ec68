import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { IdentityController } from './identity.controller';
import { SafeExamBrowserCheck } from './safe-exam-browser';
import { SignalsController } from './signals.controller';
import { SnapshotsController } from './snapshots.controller';

/**
 * A session's security options: signals, screen snapshots, identity checks, and the Safe Exam
 * Browser check (exported: the HTTP guard and the socket gateway apply it).
 */
@Module({
  imports: [AccessModule],
  controllers: [SignalsController, SnapshotsController, IdentityController],
  providers: [SafeExamBrowserCheck],
  exports: [SafeExamBrowserCheck],
})
export class SecurityModule {}
