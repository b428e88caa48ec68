import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateSessionRequest,
  GetSessionRequest,
  ListSessionsRequest,
  Requests,
  ResolveEnrollmentCodeRequest,
  SessionView,
  UpdateSessionRequest,
} from '@invigil/contracts';
import { SessionCreationService } from './session-creation.service';
import { SessionsService } from './sessions.service';

@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly creation: SessionCreationService,
  ) {}

  @MessagePattern(Requests.createSession)
  create(@Payload() request: CreateSessionRequest): Promise<SessionView> {
    return this.creation.create(request);
  }

  @MessagePattern(Requests.listSessions)
  list(@Payload() request: ListSessionsRequest): Promise<SessionView[]> {
    return this.sessions.list(request);
  }

  @MessagePattern(Requests.getSession)
  get(@Payload() request: GetSessionRequest): Promise<SessionView> {
    return this.sessions.get(request);
  }

  @MessagePattern(Requests.resolveEnrollmentCode)
  resolveCode(@Payload() request: ResolveEnrollmentCodeRequest): Promise<SessionView> {
    return this.sessions.resolveCode(request);
  }

  @MessagePattern(Requests.updateSession)
  update(@Payload() request: UpdateSessionRequest): Promise<SessionView> {
    return this.sessions.update(request);
  }
}
