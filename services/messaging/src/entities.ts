import { Message } from './messages/message.entity';

export const messagingEntities = [Message];
