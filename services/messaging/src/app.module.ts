import { DynamicModule, Module } from '@nestjs/common';
import { ServicePlatformModule } from '@invigil/server-platform';
import { MessagingEnv } from './config/env';
import { messagingEntities } from './entities';
import { HandsModule } from './hands/hands.module';
import { MessagesModule } from './messages/messages.module';
import { ReceiptsModule } from './receipts/receipts.module';
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
        MessagesModule,
        ReceiptsModule,
        HandsModule,
      ],
    };
  }
}
