import { Module } from '@nestjs/common';
import { ParticipantStatusHandlers } from './participant-status.handlers';

/**
 * The participant row that roster, identity, invitations and import share, and its status, which
 * follows the sessions service's events. It offers no providers: the entity is registered by the
 * platform module, and `moveTo` (a status change with its event) is a plain function.
 */
@Module({
  providers: [ParticipantStatusHandlers],
  exports: [],
})
export class ParticipantsModule {}
