import { Module } from '@nestjs/common';
import { SignalsController } from './signals.controller';
import { SignalsService } from './signals.service';
import { ViewTakeoverHandlers } from './view-takeover.handlers';

/** Suspicious-activity signals (from the exam page and from view takeovers) and the alerts they raise. */
@Module({
  controllers: [SignalsController],
  providers: [SignalsService, ViewTakeoverHandlers],
  exports: [],
})
export class SignalsModule {}
