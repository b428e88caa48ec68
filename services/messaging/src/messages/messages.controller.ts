import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BroadcastRequest, ListMessagesRequest, MessageView, Requests } from '@invigil/contracts';
import { MessagesService } from './messages.service';

@Controller()
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @MessagePattern(Requests.broadcast)
  broadcast(@Payload() request: BroadcastRequest): Promise<MessageView> {
    return this.messages.broadcast(request);
  }

  @MessagePattern(Requests.listMessages)
  list(@Payload() request: ListMessagesRequest): Promise<MessageView[]> {
    return this.messages.list(request);
  }
}
