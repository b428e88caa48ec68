import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AttachViewReply,
  AttachViewRequest,
  AttemptPresenceRequest,
  AttemptRequest,
  AttemptProgressView,
  AttemptSummaryView,
  AttemptView,
  GetAttemptProgressRequest,
  CreditAttemptRequest,
  ExtendAttemptRequest,
  FlagQuestionRequest,
  ListAttemptsRequest,
  NavigateAttemptRequest,
  ProctorAttemptRequest,
  ReopenAttemptRequest,
  Requests,
  SaveAnswerAck,
  SaveAnswerRequest,
} from '@invigil/contracts';
import { AnswerSavingService } from './answer-saving.service';
import { AttemptControlService } from './attempt-control.service';
import { AttemptPositionService } from './attempt-position.service';
import { AttemptProgressService } from './attempt-progress.service';
import { AttemptPresenceService } from './attempt-presence.service';
import { AttemptRecoveryService } from './attempt-recovery.service';
import { AttemptsService } from './attempts.service';

@Controller()
export class AttemptsController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly answers: AnswerSavingService,
    private readonly positions: AttemptPositionService,
    private readonly presence: AttemptPresenceService,
    private readonly control: AttemptControlService,
    private readonly recovery: AttemptRecoveryService,
    private readonly progressOf: AttemptProgressService,
  ) {}

  @MessagePattern(Requests.getAttemptProgress)
  progress(@Payload() request: GetAttemptProgressRequest): Promise<AttemptProgressView> {
    return this.progressOf.progress(request);
  }

  @MessagePattern(Requests.openAttempt)
  open(@Payload() request: AttemptRequest): Promise<AttemptView> {
    return this.attempts.open(request);
  }

  @MessagePattern(Requests.saveAnswer)
  saveAnswer(@Payload() request: SaveAnswerRequest): Promise<SaveAnswerAck> {
    return this.answers.save(request);
  }

  @MessagePattern(Requests.submitAttempt)
  submit(@Payload() request: AttemptRequest): Promise<AttemptView> {
    return this.attempts.submit(request);
  }

  @MessagePattern(Requests.attachAttemptView)
  attach(@Payload() request: AttachViewRequest): Promise<AttachViewReply> {
    return this.presence.attach(request);
  }

  @MessagePattern(Requests.reportAttemptPresence)
  reportPresence(@Payload() request: AttemptPresenceRequest): Promise<{ recorded: boolean }> {
    return this.presence.report(request);
  }

  @MessagePattern(Requests.navigateAttempt)
  navigate(@Payload() request: NavigateAttemptRequest): Promise<{ currentQuestionId: string }> {
    return this.positions.navigate(request);
  }

  @MessagePattern(Requests.flagQuestion)
  flag(@Payload() request: FlagQuestionRequest): Promise<{ flaggedQuestionIds: string[] }> {
    return this.positions.flag(request);
  }

  @MessagePattern(Requests.listAttempts)
  list(@Payload() request: ListAttemptsRequest): Promise<AttemptSummaryView[]> {
    return this.control.list(request);
  }

  @MessagePattern(Requests.pauseAttempt)
  pause(@Payload() request: ProctorAttemptRequest): Promise<AttemptSummaryView> {
    return this.control.pause(request);
  }

  @MessagePattern(Requests.resumeAttempt)
  resume(@Payload() request: ProctorAttemptRequest): Promise<AttemptSummaryView> {
    return this.control.resume(request);
  }

  @MessagePattern(Requests.extendAttempt)
  extend(@Payload() request: ExtendAttemptRequest): Promise<AttemptSummaryView> {
    return this.control.extend(request);
  }

  @MessagePattern(Requests.reopenAttempt)
  reopen(@Payload() request: ReopenAttemptRequest): Promise<AttemptSummaryView> {
    return this.recovery.reopen(request);
  }

  @MessagePattern(Requests.creditAttempt)
  credit(@Payload() request: CreditAttemptRequest): Promise<AttemptSummaryView> {
    return this.recovery.credit(request);
  }

  @MessagePattern(Requests.releaseAttemptView)
  releaseView(@Payload() request: ProctorAttemptRequest): Promise<AttemptSummaryView> {
    return this.recovery.releaseView(request);
  }
}
