import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Requests, SessionCommandRequest, SessionView, StartSessionRequest } from '@invigil/contracts';
import { SessionLifecycleService } from './session-lifecycle.service';

@Controller()
export class SessionLifecycleController {
  constructor(private readonly lifecycle: SessionLifecycleService) {}

  @MessagePattern(Requests.startSession)
  start(@Payload() request: StartSessionRequest): Promise<SessionView> {
    return this.lifecycle.start(request);
  }

  @MessagePattern(Requests.pauseSession)
  pause(@Payload() request: SessionCommandRequest): Promise<SessionView> {
    return this.lifecycle.pause(request);
  }

  @MessagePattern(Requests.resumeSession)
  resume(@Payload() request: SessionCommandRequest): Promise<SessionView> {
    return this.lifecycle.resume(request);
  }

  @MessagePattern(Requests.endSession)
  end(@Payload() request: SessionCommandRequest): Promise<SessionView> {
    return this.lifecycle.end(request);
  }

  @MessagePattern(Requests.cancelSession)
  cancel(@Payload() request: SessionCommandRequest): Promise<SessionView> {
    return this.lifecycle.cancel(request);
  }
}
