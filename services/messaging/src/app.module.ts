import { DynamicModule, Module } from '@nestjs/common';
import { ServicePlatformModule } from '@invigil/server-platform';
import { MessagingEnv } from './config/env';
import { messagingEntities } from './entities';
import { MessagesController } from './messages/messages.controller';
import { MessagesService } from './messages/messages.service';
import { SystemMessagesHandlers } from './messages/system-messages.handlers';
import { messagingMigrations } from './migrations';

@Module({})
export class MessagingModule {
  static forRoot(env: MessagingEnv, options: { startOutboxRelay?: boolean } = {}): DynamicModule {
    return {
      module: MessagingModule,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'messaging',
          env,
          entities: messagingEntities,
          migrations: messagingMigrations,
          startOutboxRelay: options.startOutboxRelay,
        }),
      ],
      controllers: [MessagesController],
      providers: [MessagesService, SystemMessagesHandlers],
    };
  }
}
