import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  PauseSessionRequest,
  Requests,
  RescheduleLiveRequest,
  SessionCommandRequest,
  SessionView,
  StartSessionRequest,
} from '@invigil/contracts';
import { LiveRescheduleService } from './live-reschedule.service';
import { SessionEndingService } from './session-ending.service';
import { SessionLifecycleService } from './session-lifecycle.service';

@Controller()
export class SessionLifecycleController {
  constructor(
    private readonly lifecycle: SessionLifecycleService,
    private readonly ending: SessionEndingService,
    private readonly liveReschedule: LiveRescheduleService,
  ) {}

  @MessagePattern(Requests.startSession)
  start(@Payload() request: StartSessionRequest): Promise<SessionView> {
    return this.lifecycle.start(request);
  }

  @MessagePattern(Requests.pauseSession)
  pause(@Payload() request: PauseSessionRequest): Promise<SessionView> {
    return this.lifecycle.pause(request);
  }

  @MessagePattern(Requests.resumeSession)
  resume(@Payload() request: SessionCommandRequest): Promise<SessionView> {
    return this.lifecycle.resume(request);
  }

  @MessagePattern(Requests.endSession)
  end(@Payload() request: SessionCommandRequest): Promise<SessionView> {
    return this.ending.end(request);
  }

  @MessagePattern(Requests.cancelSession)
  cancel(@Payload() request: SessionCommandRequest): Promise<SessionView> {
    return this.lifecycle.cancel(request);
  }

  @MessagePattern(Requests.rescheduleLiveSession)
  rescheduleLive(@Payload() request: RescheduleLiveRequest): Promise<SessionView> {
    return this.liveReschedule.reschedule(request);
  }
}
