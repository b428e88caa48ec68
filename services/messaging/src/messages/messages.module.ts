import { Module } from '@nestjs/common';
import { MessageEvidenceController } from './message-evidence.controller';
import { PeopleModule } from '../people/people.module';
import { MessageListingService } from './message-listing.service';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';
import { SystemMessagesHandlers } from './system-messages.handlers';
import { TimeWarningHandlers } from './time-warning.handlers';

/** A session's messages: broadcasts, private threads and the system's own notices, stored and announced. */
@Module({
  imports: [PeopleModule],
  controllers: [MessagesController, MessageEvidenceController],
  providers: [MessagesService, MessageListingService, SystemMessagesHandlers, TimeWarningHandlers],
})
export class MessagesModule {}
