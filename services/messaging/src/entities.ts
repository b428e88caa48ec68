import { Hand } from './hands/hand.entity';
import { Message } from './messages/message.entity';
import { MessageReceipt } from './messages/message-receipt.entity';

export const messagingEntities = [Message, MessageReceipt, Hand];
