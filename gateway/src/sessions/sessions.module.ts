import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AssessmentsController } from './assessments.controller';
import { SessionsController } from './sessions.controller';

/** Authoring assessments and running sessions (the sessions service's API). */
@Module({ imports: [AccessModule], controllers: [AssessmentsController, SessionsController] })
export class SessionsModule {}
