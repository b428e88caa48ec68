import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BroadcastRequest,
  ListMessagesRequest,
  MessageView,
  Requests,
  SendPrivateMessageRequest,
  UnreadCountsView,
  ViewerScopedRequest,
  WriteToStaffRequest,
} from '@invigil/contracts';
import { MessageListingService } from './message-listing.service';
import { MessagesService } from './messages.service';

@Controller()
export class MessagesController {
  constructor(
    private readonly messages: MessagesService,
    private readonly listing: MessageListingService,
  ) {}

  @MessagePattern(Requests.broadcast)
  broadcast(@Payload() request: BroadcastRequest): Promise<MessageView> {
    return this.messages.broadcast(request);
  }

  @MessagePattern(Requests.sendPrivateMessage)
  sendPrivate(@Payload() request: SendPrivateMessageRequest): Promise<MessageView[]> {
    return this.messages.sendPrivate(request);
  }

  @MessagePattern(Requests.writeToStaff)
  writeToStaff(@Payload() request: WriteToStaffRequest): Promise<MessageView> {
    return this.messages.writeToStaff(request);
  }

  @MessagePattern(Requests.listMessages)
  list(@Payload() request: ListMessagesRequest): Promise<MessageView[]> {
    return this.listing.list(request);
  }

  @MessagePattern(Requests.unreadCounts)
  unread(@Payload() request: ViewerScopedRequest): Promise<UnreadCountsView> {
    return this.listing.unread(request);
  }
}
