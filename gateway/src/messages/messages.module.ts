import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { HandsController } from './hands.controller';
import { MessagesController } from './messages.controller';

/** Messages, receipts and raised hands (the messaging service's API); pushes go through realtime. */
@Module({ imports: [AccessModule], controllers: [MessagesController, HandsController] })
export class MessagesModule {}
