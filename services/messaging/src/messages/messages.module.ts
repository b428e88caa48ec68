import { Module } from '@nestjs/common';
import { MessageEvidenceController } from './message-evidence.controller';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';
import { SystemMessagesHandlers } from './system-messages.handlers';

/** A session's messages: proctors' broadcasts and the system's own notices, stored and announced. */
@Module({
  controllers: [MessagesController, MessageEvidenceController],
  providers: [MessagesService, SystemMessagesHandlers],
  exports: [],
})
export class MessagesModule {}
