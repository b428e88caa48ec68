import { Module } from '@nestjs/common';
import { DevMailController } from './dev-mail.controller';

/** Development helpers; the app module leaves this out in production. */
@Module({ controllers: [DevMailController] })
export class DevModule {}
