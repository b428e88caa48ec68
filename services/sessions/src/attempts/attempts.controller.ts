import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AttemptRequest, AttemptView, Requests, SaveAnswerAck, SaveAnswerRequest } from '@invigil/contracts';
import { AnswerSavingService } from './answer-saving.service';
import { AttemptsService } from './attempts.service';

@Controller()
export class AttemptsController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly answers: AnswerSavingService,
  ) {}

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
}
