import { Module } from '@nestjs/common';
import { SessionAccess } from './session-access';

/** Who may see or report to a session: shared by the HTTP areas and the socket gateway. */
@Module({ providers: [SessionAccess], exports: [SessionAccess] })
export class AccessModule {}
